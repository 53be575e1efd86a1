"use client";

import { useActionState } from "react";
import { login, type LoginState } from "@/lib/server/auth/actions";

/** Username and password form; works without JavaScript (the action posts as a plain form). */
export function LoginForm() {
  const [state, formAction, pending] = useActionState<LoginState | undefined, FormData>(login, undefined);
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
        <div className="field">
          <label htmlFor="username">Username</label>
          <input
            id="username"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            defaultValue={state?.username ?? ""}
            aria-describedby={state?.message ? "login-error" : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-describedby={state?.message ? "login-error" : undefined}
          />
        </div>
        <button type="submit">Sign in</button>
      </fieldset>
    </form>
  );
}
