"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** The console's panels, in Piranha's order plus what Piranha lacked. */
export const PANELS = [
  { href: "/", label: "Control/Monitoring" },
  { href: "/settings", label: "Global settings" },
  { href: "/redundancy", label: "Redundancy" },
  { href: "/virtual-servers", label: "Virtual servers" },
  { href: "/firewall-marks", label: "Firewall marks" },
  { href: "/preview", label: "Preview & export" },
  { href: "/exports", label: "Export history" },
  { href: "/import", label: "Import" },
  { href: "/drift", label: "Router drift" },
  { href: "/users", label: "Users", adminOnly: true },
  { href: "/audit", label: "Audit log", adminOnly: true },
] as const;

/** Side navigation of the console shell; marks the current panel for assistive technology. */
export function ConsoleNav({ isAdmin }: { isAdmin: boolean }) {
  const pathname = usePathname();
  const isCurrent = (href: string) => (href === "/" ? pathname === "/" : pathname.startsWith(href));
  return (
    <nav className="shell-nav" aria-label="Console panels">
      <div className="shell-brand">LVS Console</div>
      {PANELS.filter((p) => !("adminOnly" in p) || isAdmin).map((p) => (
        <Link key={p.href} href={p.href} aria-current={isCurrent(p.href) ? "page" : undefined}>
          {p.label}
        </Link>
      ))}
    </nav>
  );
}
