"use client";

import { useRouter } from "next/navigation";
import { useClusterHref } from "@/components/ui/cluster-link";
import { FormProvider, type DefaultValues } from "react-hook-form";
import { loadFirewallMarkSchema } from "@/components/ui/schema-loaders";
import type { FirewallMarkInput } from "@/lib/domain/schema";
import { BUNDLE_PRESETS, BUNDLE_PROTOCOLS } from "@/lib/domain/schema/enums";
import { createFirewallMarkAction, updateFirewallMarkAction } from "@/lib/server/actions/firewall-marks";
import type { FirewallMarkDetail } from "@/lib/server/firewall-marks";
import { SelectField, TextField, optionsOf } from "@/components/ui/form-fields";
import { FormStatus } from "@/components/ui/form-status";
import { usePanelForm } from "@/components/ui/use-panel-form";
import { PortListEditor } from "./port-list-editor";

type Props =
  | { mode: "create"; clusterId: number; canEdit: boolean; presetId?: string }
  | { mode: "edit"; detail: FirewallMarkDetail; canEdit: boolean };

const EMPTY: DefaultValues<FirewallMarkInput> = { name: "", description: "", vip: "", protocol: "tcp", ports: [""] };

/** A new bundle's first values: empty, or one of the manuals' presets (chosen on the list page). */
function initialValues(presetId: string | undefined): DefaultValues<FirewallMarkInput> {
  const preset = BUNDLE_PRESETS.find((p) => p.id === presetId);
  return preset ? { ...EMPTY, mark: preset.mark, name: preset.name, protocol: preset.protocol, ports: [...preset.ports] } : EMPTY;
}

/** Adds or edits a firewall-mark bundle; presets fill in the manuals' HTTP + HTTPS and FTP bundles. */
export function FirewallMarkForm(props: Props) {
  const router = useRouter();
  const to = useClusterHref();
  const edited = props.mode === "edit" ? props.detail : { values: initialValues(props.presetId), version: 0 };
  const { form, locked, message, showResult, version } = usePanelForm(loadFirewallMarkSchema, edited.values, { version: edited.version });
  const { handleSubmit, reset, setValue } = form;

  const applyPreset = (id: string) => {
    const preset = BUNDLE_PRESETS.find((p) => p.id === id);
    if (!preset) return;
    const opts = { shouldDirty: true } as const;
    setValue("mark", preset.mark, opts);
    setValue("name", preset.name, opts);
    setValue("protocol", preset.protocol, opts);
    setValue("ports", [...preset.ports], opts);
  };

  const onSubmit = handleSubmit(async (values) => {
    if (props.mode === "create") {
      const result = await createFirewallMarkAction(props.clusterId, values);
      if (showResult(result, `Created bundle ${values.name} (mark ${values.mark}).`)) {
        reset(result.data.values);
        router.push(to(`/firewall-marks/${result.data.id}?created=1`));
      }
      return;
    }
    const result = await updateFirewallMarkAction(props.detail.id, version, values);
    if (showResult(result, `Saved bundle ${values.name}.`, (bundle) => bundle)) router.refresh();
  });

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate aria-label={props.mode === "create" ? "New firewall-mark bundle" : "Edit firewall-mark bundle"}>
        <FormStatus message={message} />
        {props.mode === "create" && props.canEdit ? (
          <div className="panel" role="group" aria-label="Presets">
            <p>Presets from the Red Hat manuals:</p>
            {BUNDLE_PRESETS.map((p) => (
              <button key={p.id} type="button" className="secondary" disabled={locked} style={{ marginRight: ".5rem" }} onClick={() => applyPreset(p.id)}>
                {p.label} ({p.ports.join(", ")} → mark {p.mark})
              </button>
            ))}
          </div>
        ) : null}
        <fieldset disabled={locked || !props.canEdit} className="panel">
          <legend>Bundle</legend>
          <TextField name="mark" type="number" label="Firewall Mark" hint="1-4294967295, unique per cluster and address family, e.g. 80." />
          <TextField name="name" label="Name" hint="1-31 characters of A-Z a-z 0-9 _ . -" />
          <TextField name="description" label="Description" hint="Free text, shown only as a comment in generated files. Optional." />
          <TextField name="vip" label="Virtual IP Address" hint="IPv4 or IPv6 address the marked packets are sent to." />
          <SelectField name="protocol" label="Protocol" hint="tcp, udp or both. Default: tcp." options={optionsOf(BUNDLE_PROTOCOLS)} />
        </fieldset>
        <fieldset disabled={locked || !props.canEdit} style={{ border: 0, padding: 0, margin: 0 }}>
          <PortListEditor />
        </fieldset>
        {props.canEdit ? <button type="submit" disabled={locked}>{props.mode === "create" ? "Create bundle" : "Save bundle"}</button> : null}
      </form>
    </FormProvider>
  );
}
