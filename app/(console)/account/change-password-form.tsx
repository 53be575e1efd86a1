"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { changeOwnPasswordAction } from "@/lib/server/auth/actions";
import { lazyZodResolver } from "@/components/ui/lazy-zod-resolver";
import { useHydrated } from "@/components/ui/use-hydrated";
import { loadChangeOwnPasswordSchema } from "@/components/ui/schema-loaders";
import type { ChangeOwnPasswordInput } from "@/lib/domain/schema/account";

const FIELDS = [
  { name: "currentPassword", label: "Current password", autoComplete: "current-password", hint: undefined },
  { name: "newPassword", label: "New password", autoComplete: "new-password", hint: "8-128 characters; common passwords are refused." },
  { name: "confirmPassword", label: "Confirm new password", autoComplete: "new-password", hint: undefined },
] as const;

// Password fields are validated as typed, not cleaned of "": an empty password is an error, not "not given".
const changePasswordResolver = lazyZodResolver(loadChangeOwnPasswordSchema, { clean: false });

/** The own-password form: current password, new password twice. */
export function ChangePasswordForm() {
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  // Until hydrated the form would submit natively (passwords in a URL); keep it disabled until then.
  const hydrated = useHydrated();
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ChangeOwnPasswordInput>({
    resolver: changePasswordResolver,
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });

  const onSubmit = handleSubmit(async (values) => {
    const result = await changeOwnPasswordAction(values);
    if (result.ok) {
      reset();
      setStatus({ ok: true, text: "Password changed. Other sessions were signed out." });
      return;
    }
    for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
      if (messages?.[0]) setError(field as keyof ChangeOwnPasswordInput, { message: messages[0] });
    }
    setStatus({ ok: false, text: result.message });
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label="Change password">
      <div aria-live="polite">
        {status ? <p role={status.ok ? "status" : "alert"} className={`alert ${status.ok ? "ok" : "error"}`}>{status.text}</p> : null}
      </div>
      <fieldset disabled={!hydrated || isSubmitting} style={{ border: 0, padding: 0, margin: 0 }}>
        {FIELDS.map((f) => {
          const error = errors[f.name]?.message;
          const describedBy = [f.hint ? `${f.name}-hint` : null, error ? `${f.name}-error` : null].filter(Boolean).join(" ");
          return (
            <div className="field" key={f.name}>
              <label htmlFor={f.name}>{f.label}</label>
              <input
                id={f.name}
                type="password"
                autoComplete={f.autoComplete}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy || undefined}
                {...register(f.name)}
              />
              {f.hint ? <span className="hint" id={`${f.name}-hint`}>{f.hint}</span> : null}
              {error ? <span className="error" id={`${f.name}-error`}>{error}</span> : null}
            </div>
          );
        })}
        <button type="submit">Change password</button>
      </fieldset>
    </form>
  );
}
