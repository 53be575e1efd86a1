import type { ReactNode } from "react";
import { ClusterSwitcherSlot } from "@/components/clusters/cluster-switcher-slot";
import { ConsoleNav } from "@/components/console-nav";
import { logout } from "@/lib/server/auth/actions";
import { verifySession } from "@/lib/server/auth/session";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await verifySession();
  return (
    <div className="shell">
      <ConsoleNav isAdmin={user.role === "admin"} />
      <div className="shell-main">
        <header className="shell-header">
          <ClusterSwitcherSlot />
          <div>
            <span aria-label="Signed in as">
              {user.username} <span className="muted">({user.role})</span>
            </span>{" "}
            <a href="/account">Account</a>{" "}
            <form action={logout} style={{ display: "inline" }}>
              <button type="submit" className="secondary">Sign out</button>
            </form>
          </div>
        </header>
        <main id="main">{children}</main>
      </div>
    </div>
  );
}
