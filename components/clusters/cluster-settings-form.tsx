"use client";

import { useRouter } from "next/navigation";
import { FormProvider } from "react-hook-form";
import { loadGlobalSettingsSchema, loadRedundancySchema } from "@/components/ui/schema-loaders";
import type { GlobalSettingsInput, RedundancyInput } from "@/lib/domain/schema/cluster-forms";
import { updateGlobalSettingsAction, updateRedundancyAction } from "@/lib/server/actions/clusters";
import type { ClusterSettingsDetail } from "@/lib/server/cluster-settings";
import { FormStatus } from "@/components/ui/form-status";
import { usePanelForm } from "@/components/ui/use-panel-form";
import { GlobalSettingsFields, RedundancyFields } from "./cluster-settings-fields";

type Props = { detail: ClusterSettingsDetail; canEdit: boolean };

/** Piranha GLOBAL SETTINGS for the selected cluster. */
export function GlobalSettingsForm({ detail, canEdit }: Props) {
  const router = useRouter();
  const { form, locked, message, showResult, version } = usePanelForm(loadGlobalSettingsSchema, detail.globalSettings as GlobalSettingsInput, { version: detail.version });
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await updateGlobalSettingsAction(detail.id, version, values);
    const stored = (d: ClusterSettingsDetail) => ({ values: d.globalSettings as GlobalSettingsInput, version: d.version });
    if (showResult(result, "Saved global settings.", stored)) router.refresh();
  });
  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate aria-label="Global settings">
        <FormStatus message={message} />
        <fieldset disabled={locked || !canEdit} style={{ border: 0, padding: 0, margin: 0 }}>
          <GlobalSettingsFields />
        </fieldset>
        {canEdit ? <button type="submit" disabled={locked}>Save global settings</button> : null}
      </form>
    </FormProvider>
  );
}

// An unset router pair shows the priorities and preempt it renders with; router
// id, advert interval and interface stay empty so their derived defaults keep applying.
function redundancyValues(detail: ClusterSettingsDetail): RedundancyInput {
  const { priorityPrimary, priorityBackup, preempt } = detail.vrrpDefaults;
  return { ...detail.redundancy, vrrp: detail.redundancy.vrrp ?? { priorityPrimary, priorityBackup, preempt } };
}

/** Piranha REDUNDANCY for the selected cluster. */
export function RedundancyForm({ detail, canEdit }: Props) {
  const router = useRouter();
  const { form, locked, message, showResult, version } = usePanelForm(loadRedundancySchema, redundancyValues(detail), { version: detail.version });
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await updateRedundancyAction(detail.id, version, values);
    if (showResult(result, "Saved redundancy.", (d) => ({ values: redundancyValues(d), version: d.version }))) router.refresh();
  });
  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate aria-label="Redundancy">
        <FormStatus message={message} />
        <fieldset disabled={locked || !canEdit} style={{ border: 0, padding: 0, margin: 0 }}>
          <RedundancyFields vrrp={detail.vrrpDefaults} />
        </fieldset>
        {canEdit ? <button type="submit" disabled={locked}>Save redundancy</button> : null}
      </form>
    </FormProvider>
  );
}
