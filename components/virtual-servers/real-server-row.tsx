"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormProvider } from "react-hook-form";
import { loadRealServerSchema } from "@/components/ui/schema-loaders";
import type { RealServerInput } from "@/lib/domain/schema";
import {
  createRealServerAction, deleteRealServerAction, setRealServerActiveAction, updateRealServerAction,
} from "@/lib/server/actions/real-servers";
import type { RealServerDetail } from "@/lib/server/virtual-servers";
import { FormStatus } from "@/components/ui/form-status";
import { usePanelForm } from "@/components/ui/use-panel-form";
import { RealServerFields } from "./real-server-fields";

const NEW_REAL_SERVER: RealServerInput = { name: "", address: "", weight: 1, active: true };

/** One real server: edit its fields and weight, (de)activate, or delete it. */
export function RealServerRow({ detail, canEdit }: { detail: RealServerDetail; canEdit: boolean }) {
  const router = useRouter();
  const { form, locked, message, setMessage, showResult, version, setVersion } = usePanelForm(loadRealServerSchema, detail.values, { version: detail.version });
  const { handleSubmit, setValue } = form;
  const [active, setActive] = useState(detail.values.active);

  const onSubmit = handleSubmit(async (values) => {
    const result = await updateRealServerAction(detail.id, version, values);
    if (showResult(result, `Saved real server ${values.name}.`, (server) => server)) router.refresh();
  });

  async function onToggle() {
    const result = await setRealServerActiveAction(detail.id, version, !active);
    if (showResult(result, `${result.ok && result.data.values.active ? "Activated" : "Deactivated"} real server ${detail.values.name}.`)) {
      setVersion(result.data.version);
      setActive(result.data.values.active);
      setValue("active", result.data.values.active);
      router.refresh();
    }
  }

  async function onDelete() {
    if (!window.confirm(`Delete real server ${detail.values.name}?`)) return;
    const result = await deleteRealServerAction(detail.id, version);
    if (result.ok) router.refresh();
    else setMessage({ ok: false, text: result.message });
  }

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate aria-label={`Real server ${detail.values.name}`} className="panel">
        <FormStatus message={message} />
        <fieldset disabled={locked || !canEdit} style={{ border: 0, padding: 0, margin: 0 }}>
          <RealServerFields idPrefix={`rs-${detail.id}`} withActive={false} />
        </fieldset>
        <p>Status: {active ? "active" : "inactive"}</p>
        {canEdit ? (
          <div style={{ display: "flex", gap: ".5rem" }}>
            <button type="submit" disabled={locked}>Save {detail.values.name}</button>
            <button type="button" className="secondary" onClick={onToggle} disabled={locked}>
              {active ? "Deactivate" : "Activate"} {detail.values.name}
            </button>
            <button type="button" className="danger" onClick={onDelete} disabled={locked}>Delete {detail.values.name}</button>
          </div>
        ) : null}
      </form>
    </FormProvider>
  );
}

/** Adds a real server to a virtual server. */
export function AddRealServerForm({ virtualServerId }: { virtualServerId: number }) {
  const router = useRouter();
  const { form, locked, message, showResult } = usePanelForm(loadRealServerSchema, NEW_REAL_SERVER);
  const { handleSubmit, reset } = form;

  const onSubmit = handleSubmit(async (values) => {
    const result = await createRealServerAction(virtualServerId, values);
    if (showResult(result, `Added real server ${values.name}.`)) {
      reset(NEW_REAL_SERVER);
      router.refresh();
    }
  });

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate aria-label="Add real server" className="panel">
        <h3>Add real server</h3>
        <FormStatus message={message} />
        <fieldset disabled={locked} style={{ border: 0, padding: 0, margin: 0 }}>
          <RealServerFields idPrefix="rs-new" />
        </fieldset>
        <button type="submit" disabled={locked}>Add real server</button>
      </form>
    </FormProvider>
  );
}
