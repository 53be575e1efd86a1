"use client";

import { useEffect, useRef, useState } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path } from "react-hook-form";
import type * as z from "zod";
import { isStaleFailure, type ActionResult } from "@/lib/domain/action-result";
import type { FormMessage } from "./form-status";
import { lazyZodResolver, type SchemaLoader } from "./lazy-zod-resolver";
import { useHydrated } from "./use-hydrated";
import { useUnsavedChanges } from "./use-unsaved-changes";

/** Stored values and the version they were read at, as an edit form loads them. */
export interface StoredValues<V> {
  values: V;
  version: number;
}

/** Options of a panel form: the version it edits; `clean: false` keeps "" as typed (password fields). */
export interface PanelFormOptions {
  version?: number;
  clean?: boolean;
}

/**
 * A panel form on a shared lib/domain schema: client validation, the server's
 * per-field errors set beside their fields (first one focused), a live message,
 * a guard against leaving with unsaved changes, and the version it edits: a
 * refusal made on an outdated version loads the current values.
 */
export function usePanelForm<S extends z.ZodType<FieldValues, FieldValues>>(
  loadSchema: SchemaLoader<S>,
  defaultValues: DefaultValues<z.input<S>>,
  options: PanelFormOptions = {},
) {
  const [resolver] = useState(() => lazyZodResolver(loadSchema, { clean: options.clean ?? true }));
  const [version, setVersion] = useState(options.version ?? 0);
  const form = useForm<z.input<S>, unknown, z.output<S>>({ resolver, defaultValues, mode: "onSubmit" });
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
  // The browser validation happens while the fieldset is disabled (the schema may
  // still be loading), so react-hook-form cannot focus the first invalid field
  // itself; focus it here once the form unlocks after a refused submit.
  // Once per submit, so fixing one field does not pull focus back to another.
  const { submitCount, errors } = form.formState;
  const focusedSubmit = useRef(0);
  useEffect(() => {
    if (locked || submitCount === focusedSubmit.current) return;
    focusedSubmit.current = submitCount;
    const first = firstErrorPath(errors);
    if (first) form.setFocus(first as Path<z.input<S>>);
  }, [locked, submitCount, errors, form]);
  // Changed fields, not react-hook-form's isDirty: that compares every value with
  // the defaults, so an empty number input (NaN) absent from them counted as a
  // change and asked "leave?" after a form had been saved and reset.
  useUnsavedChanges(anyChanged(form.formState.dirtyFields));

  /** Loads stored values into the form and edits from their version on. */
  function loadStored(stored: StoredValues<DefaultValues<z.input<S>>>): void {
    form.reset(stored.values);
    setVersion(stored.version);
  }

  /**
   * Shows a server result: success text, or the refusal with its field errors
   * (focusing the first). With `stored`, a success loads the saved values and a
   * stale-version refusal loads the current ones (typed by the action).
   */
  function showResult<T, C>(
    result: ActionResult<T, C>,
    successText: string,
    stored?: (detail: T | C) => StoredValues<DefaultValues<z.input<S>>>,
  ): result is { ok: true; data: T } {
    if (result.ok) {
      setMessage({ ok: true, text: successText });
      if (stored) loadStored(stored(result.data));
      return true;
    }
    setMessage({ ok: false, text: result.message });
    if (isStaleFailure(result) && stored) loadStored(stored(result.current));
    const entries = Object.entries(result.fieldErrors ?? {});
    for (const [field, text] of entries) form.setError(field as Path<z.input<S>>, { type: "server", message: text });
    if (entries[0]) setFocusField(entries[0][0] as Path<z.input<S>>);
    return false;
  }

  return { form, locked, message, setMessage, showResult, version, setVersion };
}

/** Whether react-hook-form's dirty-field tree marks any field (`{ ports: [undefined, true] }`). */
export function anyChanged(dirty: unknown): boolean {
  if (dirty === true) return true;
  if (dirty === null || typeof dirty !== "object") return false;
  return Object.values(dirty).some(anyChanged);
}

// Depth-first over react-hook-form's error tree (schema order): "ports.1", "persistence.timeoutSeconds".
function firstErrorPath(errors: object, prefix = ""): string | null {
  for (const [key, value] of Object.entries(errors)) {
    if (value === null || typeof value !== "object") continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if ("message" in value && "type" in value) return path;
    const nested = firstErrorPath(value as object, path);
    if (nested) return nested;
  }
  return null;
}
