"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useState } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from "react-hook-form";
import type * as z from "zod";
import type { ActionResult } from "@/lib/forms/action-result";
import { cleanFormValues } from "@/lib/forms/clean-form-values";
import type { FormMessage } from "./form-status";
import { useHydrated } from "./use-hydrated";
import { useUnsavedChanges } from "./use-unsaved-changes";

/** zodResolver over values cleaned of "" and NaN, so the shared schema sees "not given" as undefined. */
export function cleanZodResolver<S extends z.ZodType<FieldValues, FieldValues>>(schema: S): Resolver<z.input<S>, unknown, z.output<S>> {
  const inner = zodResolver(schema) as unknown as Resolver<z.input<S>, unknown, z.output<S>>;
  return (values, context, options) => inner(cleanFormValues(values), context, options);
}

/**
 * A panel form on a shared lib/domain schema: client validation, the server's
 * per-field errors set beside their fields (first one focused), a live message,
 * and a guard against leaving with unsaved changes.
 */
export function usePanelForm<S extends z.ZodType<FieldValues, FieldValues>>(schema: S, defaultValues: DefaultValues<z.input<S>>) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({ resolver: cleanZodResolver(schema), defaultValues, mode: "onSubmit" });
  const [message, setMessage] = useState<FormMessage | null>(null);
  // Until hydrated a click would submit the form natively (values in the URL); keep it locked until then.
  const hydrated = useHydrated();
  const locked = !hydrated || form.formState.isSubmitting;
  // The fieldset is disabled while submitting, so the server's first error is focused once it unlocks.
  const [focusField, setFocusField] = useState<Path<z.input<S>> | null>(null);
  useEffect(() => {
    if (locked || focusField === null) return;
    form.setFocus(focusField);
    setFocusField(null);
  }, [locked, focusField, form]);
  useUnsavedChanges(form.formState.isDirty);

  /** Shows a server result: success text, or the refusal with its field errors (focusing the first). */
  function showResult<T>(result: ActionResult<T>, successText: string): result is { ok: true; data: T } {
    if (result.ok) {
      setMessage({ ok: true, text: successText });
      return true;
    }
    setMessage({ ok: false, text: result.message });
    const entries = Object.entries(result.fieldErrors ?? {});
    for (const [field, text] of entries) form.setError(field as Path<z.input<S>>, { type: "server", message: text });
    if (entries[0]) setFocusField(entries[0][0] as Path<z.input<S>>);
    return false;
  }

  return { form, locked, message, setMessage, showResult };
}
