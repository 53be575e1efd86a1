"use client";

import type { ReactNode } from "react";
import { get, useFormContext } from "react-hook-form";
import { fieldIdOf } from "@/lib/domain/links/field-id";

interface FieldProps {
  /** Field path in the form, e.g. "persistence.timeoutSeconds". */
  name: string;
  /** Piranha's name for the field. */
  label: string;
  /** One line: what it is and its default. */
  hint?: string;
}

function useFieldState(name: string, hint: string | undefined, prefix?: string) {
  const { formState } = useFormContext();
  const id = fieldIdOf(name, prefix);
  const error = get(formState.errors, name) as { message?: string } | undefined;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return { id, error, describedBy };
}

function FieldShell({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: { message?: string }; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? <span className="hint" id={`${id}-hint`}>{hint}</span> : null}
      {error ? <span className="error" id={`${id}-error`}>{error.message ?? "invalid value"}</span> : null}
    </div>
  );
}

/** A labelled text, number or password input registered with the surrounding form; its error sits beside it. */
export function TextField({ name, label, hint, type = "text", idPrefix, autoComplete = "off" }: FieldProps & { type?: "text" | "number" | "password"; idPrefix?: string; autoComplete?: string }) {
  const { register } = useFormContext();
  const { id, error, describedBy } = useFieldState(name, hint, idPrefix);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        type={type}
        inputMode={type === "number" ? "numeric" : undefined}
        autoComplete={autoComplete}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...register(name, type === "number" ? { valueAsNumber: true } : {})}
      />
    </FieldShell>
  );
}

/** A labelled select of fixed options. */
export function SelectField({ name, label, hint, options, idPrefix }: FieldProps & { options: readonly { value: string; label: string }[]; idPrefix?: string }) {
  const { register } = useFormContext();
  const { id, error, describedBy } = useFieldState(name, hint, idPrefix);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...register(name)}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </FieldShell>
  );
}

/** A labelled checkbox. */
export function CheckboxField({ name, label, hint, idPrefix }: FieldProps & { idPrefix?: string }) {
  const { register } = useFormContext();
  const { id, error, describedBy } = useFieldState(name, hint, idPrefix);
  return (
    <div className="field">
      <span>
        <input id={id} type="checkbox" aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...register(name)} />{" "}
        <label htmlFor={id}>{label}</label>
      </span>
      {hint ? <span className="hint" id={`${id}-hint`}>{hint}</span> : null}
      {error ? <span className="error" id={`${id}-error`}>{error.message}</span> : null}
    </div>
  );
}

/** Options from a list of values shown as themselves. */
export const optionsOf = (values: readonly string[]) => values.map((value) => ({ value, label: value }));
