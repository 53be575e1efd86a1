"use client";

import { useState } from "react";
import { FormProvider } from "react-hook-form";
import { SelectField, TextField, optionsOf } from "@/components/ui/form-fields";
import { FormStatus } from "@/components/ui/form-status";
import { loadWhatIfSchema } from "@/components/ui/schema-loaders";
import { usePanelForm } from "@/components/ui/use-panel-form";
import type { WhatIfFormInput } from "@/lib/domain/schema/what-if-form";
import { whatIfAction } from "@/lib/server/actions/router-states";

/** "Client C sends tcp/udp to VIP:port": the mark, the IPVS service and the real servers, or why not balanced. */
export function WhatIfForm({ clusterId }: { clusterId: number }) {
  const [lines, setLines] = useState<string[] | null>(null);
  const { form, locked, message, showResult } = usePanelForm(loadWhatIfSchema, { to: "", protocol: "tcp", from: "" } satisfies WhatIfFormInput);
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await whatIfAction(clusterId, values);
    if (showResult(result, result.ok && result.data.answer.balanced ? "Balanced." : "Not balanced.")) {
      setLines(result.data.lines);
      form.reset(values);
    } else setLines(null);
  });
  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate aria-label="What if">
        <fieldset disabled={locked} style={{ border: 0, padding: 0, margin: 0 }}>
          <TextField name="to" idPrefix="whatif" label="Destination (VIP:port)" hint="e.g. 192.0.2.10:443 or [2001:db8::10]:443" />
          <SelectField name="protocol" idPrefix="whatif" label="Protocol" options={optionsOf(["tcp", "udp"])} />
          <TextField name="from" idPrefix="whatif" label="Client address (optional)" hint="shows the persistence group the client falls in" />
        </fieldset>
        <button type="submit" className="secondary" disabled={locked}>Ask</button>
        <FormStatus message={message} />
        {lines ? <pre aria-label="What-if answer" className="what-if-answer">{lines.join("\n")}</pre> : null}
      </form>
    </FormProvider>
  );
}
