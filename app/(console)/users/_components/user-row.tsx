"use client";

import { useState, useTransition } from "react";
import { changeUserRoleAction, resetUserPasswordAction, setUserDisabledAction } from "@/lib/server/auth/user-actions";
import { ROLES } from "@/lib/domain/roles";

export interface UserRowData {
  id: number;
  username: string;
  role: (typeof ROLES)[number];
  disabled: boolean;
  lastLoginAt: string | null;
  activeSessions: number;
  version: number;
}

/** One account with its controls: role, enable/disable, password reset. */
export function UserRow({ user, isSelf }: { user: UserRowData; isSelf: boolean }) {
  const [pending, startTransition] = useTransition();
  const [role, setRole] = useState(user.role);
  const [password, setPassword] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const run = (call: () => Promise<{ ok: boolean; message?: string }>, success: string) =>
    startTransition(async () => {
      const result = await call();
      setMessage(result.ok ? { ok: true, text: success } : { ok: false, text: result.message ?? "Failed." });
      if (result.ok) setPassword("");
    });

  const label = (what: string) => `${what} for ${user.username}`;
  return (
    <tr>
      <th scope="row">
        {user.username}
        {isSelf ? <span className="muted"> (you)</span> : null}
      </th>
      {isSelf ? (
        <td>{user.role} <span className="muted">(another admin changes your own role)</span></td>
      ) : (
        <td>
          <label className="sr-only" htmlFor={`role-${user.id}`}>{label("Role")}</label>
          <select id={`role-${user.id}`} value={role} disabled={pending} onChange={(e) => setRole(e.target.value as UserRowData["role"])}>
            {ROLES.map((r) => (
              <option key={r} value={r}>{r}</option>
            ))}
          </select>{" "}
          <button
            type="button"
            className="secondary"
            disabled={pending || role === user.role}
            aria-label={label("Save role")}
            onClick={() => run(() => changeUserRoleAction({ userId: user.id, role, version: user.version }), `Role of ${user.username} is now ${role}.`)}
          >
            Save role
          </button>
        </td>
      )}
      <td>{user.disabled ? "Disabled" : "Active"}</td>
      <td>{user.lastLoginAt ? new Date(user.lastLoginAt).toLocaleString() : <span className="muted">never</span>}</td>
      <td>{user.activeSessions}</td>
      <td>
        {isSelf ? null : (
          <button
            type="button"
            className={user.disabled ? "secondary" : "danger"}
            disabled={pending}
            aria-label={label(user.disabled ? "Enable" : "Disable")}
            onClick={() =>
              run(
                () => setUserDisabledAction({ userId: user.id, disabled: !user.disabled, version: user.version }),
                `${user.username} is now ${user.disabled ? "enabled" : "disabled"}.`,
              )
            }
          >
            {user.disabled ? "Enable" : "Disable"}
          </button>
        )}
        <form
          method="post"
          style={{ marginTop: ".5rem" }}
          onSubmit={(e) => {
            e.preventDefault();
            run(() => resetUserPasswordAction({ userId: user.id, password }), `Password of ${user.username} was reset; their sessions ended.`);
          }}
        >
          <label className="sr-only" htmlFor={`reset-${user.id}`}>{label("New password")}</label>
          <input
            id={`reset-${user.id}`}
            type="password"
            autoComplete="new-password"
            placeholder="New password"
            value={password}
            disabled={pending}
            onChange={(e) => setPassword(e.target.value)}
          />{" "}
          <button type="submit" className="secondary" disabled={pending || password.length === 0} aria-label={label("Reset password")}>
            Reset password
          </button>
        </form>
        <div aria-live="polite">
          {message ? <p role={message.ok ? "status" : "alert"} className={`alert ${message.ok ? "ok" : "error"}`}>{message.text}</p> : null}
        </div>
      </td>
    </tr>
  );
}
