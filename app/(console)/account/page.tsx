import type { Metadata } from "next";
import { verifySession } from "@/lib/server/auth/session";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Account" };

/** Every user's own account page: who they are, and a password change. */
export default async function AccountPage() {
  const me = await verifySession();
  return (
    <>
      <h1>Account</h1>
      <p>
        Signed in as <strong>{me.username}</strong> with role <strong>{me.role}</strong>.
      </p>
      <section className="panel" aria-labelledby="password-heading">
        <h2 id="password-heading">Change password</h2>
        <p className="muted">Changing your password signs you out everywhere else.</p>
        <ChangePasswordForm />
      </section>
    </>
  );
}
