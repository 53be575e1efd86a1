import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/server/auth/session";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

/** The sign-in page; a visitor who is already signed in goes straight to the console. */
export default async function LoginPage() {
  if (await getSessionUser()) redirect("/");
  return (
    <main className="login" id="main" tabIndex={-1}>
      <h1>LVS Console</h1>
      <div className="panel">
        <LoginForm />
      </div>
    </main>
  );
}
