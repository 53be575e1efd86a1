"use client";

import { useRouter } from "next/navigation";
import { useClusterHref } from "@/components/ui/cluster-link";
import { FormProvider } from "react-hook-form";
import { loadBundleServiceChoicesSchema } from "@/components/ui/schema-loaders";
import { SelectField, TextField, optionsOf } from "@/components/ui/form-fields";
import { FormStatus } from "@/components/ui/form-status";
import { usePanelForm } from "@/components/ui/use-panel-form";
import { SCHEDULERS } from "@/lib/domain/schema/enums";
import { createVirtualServerFromBundleAction } from "@/lib/server/actions/virtual-servers";

interface Props {
  bundleId: number;
  bundleName: string;
  mark: number;
  portCount: number;
}

/** Asks for the virtual server's name, scheduler and persistence before a bundle becomes one; lands on the new server. */
export function CreateFromBundleForm({ bundleId, bundleName, mark, portCount }: Props) {
  const router = useRouter();
  const to = useClusterHref();
  const { form, locked, message, showResult } = usePanelForm(loadBundleServiceChoicesSchema, {
    name: bundleName, scheduler: "wlc", persistence: { timeoutSeconds: 0 },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await createVirtualServerFromBundleAction(bundleId, values);
    if (showResult(result, `Created virtual server ${values.name} on mark ${mark}.`)) {
      form.reset(values);
      router.push(to(`/virtual-servers/${result.data.id}?created=bundle`));
    }
  });

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate aria-label={`Create virtual server from bundle ${bundleName}`} className="panel" id="create-virtual-server">
        <h2>Create a virtual server on mark {mark}</h2>
        <p className="muted">
          It takes the bundle&apos;s VIP, protocol and first port; choose the rest now.
          {portCount > 1 ? " A service on several ports usually needs persistence, so that one client's connections on every port reach the same real server (the manuals use 300 s)." : null}
        </p>
        <FormStatus message={message} />
        <fieldset disabled={locked} style={{ border: 0, padding: 0, margin: 0 }}>
          <TextField idPrefix="from-bundle" name="name" label="Virtual server name" hint="1-31 characters of A-Z a-z 0-9 _ . - (unique in the cluster). Default: the bundle's name." />
          <SelectField idPrefix="from-bundle" name="scheduler" label="Scheduling" hint="IPVS scheduler. Default: wlc (weighted least-connections)." options={optionsOf(SCHEDULERS)} />
          <TextField idPrefix="from-bundle" name="persistence.timeoutSeconds" type="number" label="Persistence" hint="Seconds a client sticks to one real server; 0 = off." />
          <TextField idPrefix="from-bundle" name="persistence.netmask" label="Persistence Network Mask" hint="Granularity: IPv4 mask or IPv6 prefix length. Default: 255.255.255.255." />
        </fieldset>
        <button type="submit" disabled={locked}>Create virtual server</button>
      </form>
    </FormProvider>
  );
}
