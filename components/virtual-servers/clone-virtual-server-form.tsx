"use client";

import { useRouter } from "next/navigation";
import { useClusterHref } from "@/components/ui/cluster-link";
import { FormProvider } from "react-hook-form";
import { TextField } from "@/components/ui/form-fields";
import { FormStatus } from "@/components/ui/form-status";
import { loadCloneVirtualServerSchema } from "@/components/ui/schema-loaders";
import { usePanelForm } from "@/components/ui/use-panel-form";
import { cloneVirtualServerAction } from "@/lib/server/actions/virtual-server-clone";

/** Copies this virtual server with its real servers under a new name, then opens the copy. */
export function CloneVirtualServerForm({ id, name }: { id: number; name: string }) {
  const router = useRouter();
  const to = useClusterHref();
  const { form, locked, message, showResult } = usePanelForm(loadCloneVirtualServerSchema, { name: `${name}-copy`.slice(0, 31) });

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await cloneVirtualServerAction(id, values);
    if (showResult(result, `Cloned ${name} as ${values.name}.`)) {
      form.reset(values);
      router.push(to(`/virtual-servers/${result.data.id}?created=clone&from=${encodeURIComponent(name)}`));
    }
  });

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate aria-label={`Clone virtual server ${name}`} className="panel">
        <h2>Clone</h2>
        <FormStatus message={message} />
        <fieldset disabled={locked} style={{ border: 0, padding: 0, margin: 0 }}>
          <TextField idPrefix="clone" name="name" label="Name of the copy" hint="1-31 characters of A-Z a-z 0-9 _ . - (unique in the cluster). The copy gets every field and real server of this one." />
        </fieldset>
        <button type="submit" disabled={locked}>Clone virtual server</button>
      </form>
    </FormProvider>
  );
}
