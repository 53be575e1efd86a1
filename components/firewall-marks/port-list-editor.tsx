"use client";

import { get, useFormContext, useWatch } from "react-hook-form";

/** Rows of single ports or ranges ("80", "10000-20000"), each with its own error; add and remove rows. */
export function PortListEditor() {
  const { register, setValue, getValues, formState: { errors } } = useFormContext();
  const ports = (useWatch({ name: "ports" }) as string[] | undefined) ?? [];
  const listError = (get(errors, "ports") as { message?: string; root?: { message?: string } } | undefined);
  const listMessage = listError?.message ?? listError?.root?.message;

  const setPorts = (next: string[]) => setValue("ports", next, { shouldDirty: true });
  return (
    <fieldset className="panel" aria-describedby="ports-hint">
      <legend>Ports</legend>
      <p className="hint muted" id="ports-hint">A port 1-65535 (443) or a range lo-hi (10000-20000); at least one.</p>
      {listMessage ? <p className="error" role="alert" id="ports-error">{listMessage}</p> : null}
      {ports.map((_, i) => {
        const id = `f-ports-${i}`;
        const error = get(errors, `ports.${i}`) as { message?: string } | undefined;
        return (
          <div key={i} className="field" style={{ flexDirection: "row", alignItems: "flex-start", gap: ".5rem", flexWrap: "wrap" }}>
            <label htmlFor={id} style={{ minWidth: "9rem" }}>Port or range {i + 1}</label>
            <input id={id} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : "ports-hint"} {...register(`ports.${i}`)} />
            <button type="button" className="secondary" onClick={() => setPorts(getValues("ports").filter((__: string, j: number) => j !== i))}>
              Remove port or range {i + 1}
            </button>
            {error ? <span className="error" id={`${id}-error`} style={{ flexBasis: "100%" }}>{error.message}</span> : null}
          </div>
        );
      })}
      <button type="button" className="secondary" onClick={() => setPorts([...(getValues("ports") ?? []), ""])}>Add port or range</button>
    </fieldset>
  );
}
