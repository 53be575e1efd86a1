import type { ReactNode } from "react";
import { ClusterSwitcherSlot } from "@/components/clusters/cluster-switcher-slot";
import { ConsoleNav } from "@/components/console-nav";
import { GlobalSearch } from "@/components/global-search";
import { FocusFromHash } from "@/components/ui/focus-from-hash";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { logout } from "@/lib/server/auth/actions";
import { verifySession } from "@/lib/server/auth/session";
import { getSelectedCluster } from "@/lib/server/clusters";
import { readTheme } from "@/lib/server/theme";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await verifySession();
  const [theme, lastShown] = await Promise.all([readTheme(), getSelectedCluster()]);
  return (
    <div className="shell">
      <ConsoleNav isAdmin={user.role === "admin"} lastShown={{ id: lastShown.id, name: lastShown.name }} />
      <div className="shell-main">
        <header className="shell-header">
          <ClusterSwitcherSlot />
          <GlobalSearch />
          <div className="shell-user">
            <ThemeToggle initial={theme} />
            <span aria-label="Signed in as">
              {user.username} <span className="muted">({user.role})</span>
            </span>{" "}
            <a href="/account">Account</a>{" "}
            <form action={logout} style={{ display: "inline" }}>
              <button type="submit" className="secondary">Sign out</button>
            </form>
          </div>
        </header>
        <main id="main" tabIndex={-1}>{children}</main>
        <FocusFromHash />
      </div>
    </div>
  );
}
