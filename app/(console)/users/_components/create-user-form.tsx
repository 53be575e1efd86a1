"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { createUserAction } from "@/lib/server/auth/user-actions";
import { lazyZodResolver } from "@/components/ui/lazy-zod-resolver";
import { useHydrated } from "@/components/ui/use-hydrated";
import { loadCreateUserSchema } from "@/components/ui/schema-loaders";
import type { CreateUserInput } from "@/lib/domain/schema/account";

// Password fields are validated as typed, not cleaned of "": an empty password is an error, not "not given".
const createUserResolver = lazyZodResolver(loadCreateUserSchema, { clean: false });

/** Creates an account: username, role and an initial password the user should change. */
export function CreateUserForm() {
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  // Until hydrated the form would submit natively (passwords in a URL); keep it disabled until then.
  const hydrated = useHydrated();
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CreateUserInput>({ resolver: createUserResolver, defaultValues: { username: "", role: "viewer", password: "" } });

  const onSubmit = handleSubmit(async (values) => {
    const result = await createUserAction(values);
    if (result.ok) {
      setStatus({ ok: true, text: `Created user ${values.username}.` });
      reset();
      return;
    }
    for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
      if (messages?.[0]) setError(field as keyof CreateUserInput, { message: messages[0] });
    }
    setStatus({ ok: false, text: result.message });
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label="Create user">
      <div aria-live="polite">{status ? <p role={status.ok ? "status" : "alert"} className={`alert ${status.ok ? "ok" : "error"}`}>{status.text}</p> : null}</div>
      <fieldset disabled={!hydrated || isSubmitting} style={{ border: 0, padding: 0, margin: 0 }}>
        <div className="field">
          <label htmlFor="new-username">New username</label>
          <input id="new-username" autoComplete="off" aria-invalid={errors.username ? true : undefined} aria-describedby="new-username-hint new-username-error" {...register("username")} />
          <span className="hint" id="new-username-hint">Letters, digits, _ . - (up to 64).</span>
          {errors.username ? <span className="error" id="new-username-error">{errors.username.message}</span> : null}
        </div>
        <div className="field">
          <label htmlFor="new-role">Role</label>
          <select id="new-role" aria-describedby="new-role-hint" {...register("role")}>
            <option value="viewer">viewer</option>
            <option value="operator">operator</option>
            <option value="admin">admin</option>
          </select>
          <span className="hint" id="new-role-hint">viewer: read and preview; operator: + edit, export, download; admin: + users, cluster settings, audit log.</span>
        </div>
        <div className="field">
          <label htmlFor="new-password">Initial password</label>
          <input id="new-password" type="password" autoComplete="new-password" aria-invalid={errors.password ? true : undefined} aria-describedby="new-password-hint new-password-error" {...register("password")} />
          <span className="hint" id="new-password-hint">8-128 characters; common passwords are refused.</span>
          {errors.password ? <span className="error" id="new-password-error">{errors.password.message}</span> : null}
        </div>
        <button type="submit">Create user</button>
      </fieldset>
    </form>
  );
}
