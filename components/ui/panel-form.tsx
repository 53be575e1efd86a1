"use client";

import type { ReactNode } from "react";
import { FormProvider, type FieldValues, type UseFormReturn } from "react-hook-form";
import { FormStatus, type FormMessage } from "./form-status";

/** A form of one fieldset on usePanelForm: its live message on top, every field locked while pending. */
export function PanelForm<In extends FieldValues, Out extends FieldValues>(props: {
  form: UseFormReturn<In, unknown, Out>;
  label: string;
  message: FormMessage | null;
  locked: boolean;
  onSubmit: () => void;
  children: ReactNode;
}) {
  return (
    <FormProvider {...props.form}>
      <form method="post" onSubmit={props.onSubmit} noValidate aria-label={props.label}>
        <FormStatus message={props.message} />
        <fieldset disabled={props.locked} style={{ border: 0, padding: 0, margin: 0 }}>
          {props.children}
        </fieldset>
      </form>
    </FormProvider>
  );
}
