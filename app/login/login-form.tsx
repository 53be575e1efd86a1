"use client";

import { useActionState, type InputHTMLAttributes } from "react";
import { login, type LoginState } from "@/lib/server/auth/actions";

/** Username and password form; works without JavaScript (the action posts as a plain form). */
export function LoginForm() {
  const [state, formAction, pending] = useActionState<LoginState | undefined, FormData>(login, undefined);
  const describedBy = state?.message ? "login-error" : undefined;
  return (
    <form action={formAction} noValidate>
      <div aria-live="assertive">
        {state?.message ? (
          <p role="alert" className="alert error" id="login-error">
            {state.message}
          </p>
        ) : null}
      </div>
      <fieldset disabled={pending} style={{ border: 0, padding: 0, margin: 0 }}>
        <LoginField name="username" label="Username" described={describedBy}
          autoComplete="username" autoCapitalize="none" spellCheck={false} defaultValue={state?.username ?? ""} />
        <LoginField name="password" label="Password" described={describedBy} type="password" autoComplete="current-password" />
        <button type="submit">Sign in</button>
      </fieldset>
    </form>
  );
}

/** One required input of the sign-in form, labelled, pointing at the form's error when there is one. */
function LoginField({ name, label, described, ...input }: { name: string; label: string; described: string | undefined } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input id={name} name={name} required aria-describedby={described} {...input} />
    </div>
  );
}
