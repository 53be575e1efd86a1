"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormProvider } from "react-hook-form";
import { loadNewClusterSchema, loadRenameClusterSchema } from "@/components/ui/schema-loaders";
import { createClusterAction, deleteClusterAction, renameClusterAction } from "@/lib/server/actions/clusters";
import type { ClusterSummary } from "@/lib/server/clusters";
import { TextField } from "@/components/ui/form-fields";
import { FormStatus } from "@/components/ui/form-status";
import { usePanelForm } from "@/components/ui/use-panel-form";

/** Admins create a cluster from its name and primary router. */
export function CreateClusterForm() {
  const router = useRouter();
  const empty = { name: "", primary: { publicIp: "" } };
  const { form, locked, message, showResult } = usePanelForm(loadNewClusterSchema, empty);
  const { handleSubmit, reset } = form;
  const onSubmit = handleSubmit(async (values) => {
    const result = await createClusterAction(values);
    if (showResult(result, `Created cluster ${values.name}. Open it from the list to edit its settings.`)) {
      reset(empty);
      router.refresh();
    }
  });
  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate aria-label="Create cluster" className="panel">
        <h2>Create cluster</h2>
        <FormStatus message={message} />
        <fieldset disabled={locked} style={{ border: 0, padding: 0, margin: 0 }}>
          <TextField idPrefix="new-cluster" name="name" label="Cluster name" hint="1-31 characters of A-Z a-z 0-9 _ . -" />
          <TextField idPrefix="new-cluster" name="primary.publicIp" label="Primary server public IP" hint="Other settings take their defaults." />
        </fieldset>
        <button type="submit" disabled={locked}>Create cluster</button>
      </form>
    </FormProvider>
  );
}

/** Admins rename or delete one cluster (the last one cannot be deleted). */
export function ClusterAdminRow({ cluster, isOnly }: { cluster: ClusterSummary; isOnly: boolean }) {
  const router = useRouter();
  const [version, setVersion] = useState(cluster.version);
  const { form, locked, message, setMessage, showResult } = usePanelForm(loadRenameClusterSchema, { name: cluster.name });
  const { handleSubmit, reset } = form;
  const onSubmit = handleSubmit(async (values) => {
    const result = await renameClusterAction(cluster.id, version, values);
    if (showResult(result, `Renamed to ${values.name}.`)) {
      reset({ name: result.data.name });
      setVersion(result.data.version);
      router.refresh();
    }
  });
  const onDelete = async () => {
    if (!window.confirm(`Delete cluster ${cluster.name} with all its virtual servers, bundles and exports?`)) return;
    const result = await deleteClusterAction(cluster.id, version);
    if (result.ok) router.refresh();
    else setMessage({ ok: false, text: result.message });
  };
  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate aria-label={`Rename cluster ${cluster.name}`} style={{ display: "flex", gap: ".5rem", alignItems: "flex-start", flexWrap: "wrap" }}>
        <fieldset disabled={locked} style={{ border: 0, padding: 0, margin: 0 }}>
          <TextField idPrefix={`cluster-${cluster.id}`} name="name" label={`New name for ${cluster.name}`} />
        </fieldset>
        <button type="submit" disabled={locked}>Rename</button>
        <button type="button" className="danger" onClick={onDelete} disabled={locked || isOnly}>
          Delete<span className="sr-only"> cluster {cluster.name}</span>
        </button>
        <FormStatus message={message} />
      </form>
    </FormProvider>
  );
}
