"use client";

import { useRouter } from "next/navigation";
import { useClusterHref } from "@/components/ui/cluster-link";
import { FormProvider, type DefaultValues } from "react-hook-form";
import { loadVirtualServerSchema } from "@/components/ui/schema-loaders";
import type { VirtualServerInput } from "@/lib/domain/schema";
import { createVirtualServerAction, updateVirtualServerAction } from "@/lib/server/actions/virtual-servers";
import type { VirtualServerDetail } from "@/lib/server/virtual-servers";
import { FormStatus } from "@/components/ui/form-status";
import { usePanelForm } from "@/components/ui/use-panel-form";
import { HealthCheckFields } from "./health-check-fields";
import { MonitoringScriptFields, VirtualServerFields } from "./virtual-server-fields";

type Props =
  | { mode: "create"; clusterId: number; initial: DefaultValues<VirtualServerInput>; canEdit: boolean }
  | { mode: "edit"; detail: VirtualServerDetail; canEdit: boolean };

/** Adds or edits a virtual server and its monitoring scripts; real servers are edited below it. */
export function VirtualServerForm(props: Props) {
  const router = useRouter();
  const to = useClusterHref();
  const initial = props.mode === "edit" ? props.detail.values : props.initial;
  const { form, locked, message, showResult, version } = usePanelForm(loadVirtualServerSchema, initial, {
    version: props.mode === "edit" ? props.detail.version : 0,
  });
  const { handleSubmit, reset } = form;

  const onSubmit = handleSubmit(async (values) => {
    if (props.mode === "create") {
      const result = await createVirtualServerAction(props.clusterId, values);
      if (showResult(result, `Created virtual server ${values.name}.`)) {
        reset(result.data.values);
        router.push(to(`/virtual-servers/${result.data.id}?created=1`));
      }
      return;
    }
    const result = await updateVirtualServerAction(props.detail.id, version, values);
    if (showResult(result, `Saved virtual server ${values.name}.`, (detail) => detail)) router.refresh();
  });

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate aria-label={props.mode === "create" ? "New virtual server" : "Edit virtual server"}>
        <FormStatus message={message} />
        <fieldset disabled={locked || !props.canEdit} className="panel">
          <legend>Virtual server</legend>
          <VirtualServerFields />
        </fieldset>
        <fieldset disabled={locked || !props.canEdit} className="panel">
          <legend>Monitoring scripts</legend>
          <MonitoringScriptFields />
        </fieldset>
        <fieldset disabled={locked || !props.canEdit} className="panel">
          <legend>Health check (keepalived)</legend>
          <HealthCheckFields />
        </fieldset>
        {props.canEdit ? (
          <button type="submit" disabled={locked}>{props.mode === "create" ? "Create virtual server" : "Save virtual server"}</button>
        ) : null}
      </form>
    </FormProvider>
  );
}
