import Link from "next/link";
import type { DashboardDiagnostic } from "@/lib/server/dashboard";

const ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Lint findings, errors first, each linked to the object at fault. */
export function LintList({ diagnostics }: { diagnostics: DashboardDiagnostic[] }) {
  if (diagnostics.length === 0) return <p className="alert ok">Lint: no problems found.</p>;
  const sorted = [...diagnostics].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  return (
    <>
      <p className={`alert ${errors ? "error" : "warning"}`}>
        Lint: {errors} error{errors === 1 ? "" : "s"}, {warnings} warning{warnings === 1 ? "" : "s"}, {diagnostics.length - errors - warnings} note(s).
      </p>
      <ul>
        {sorted.map((d, i) => (
          <li key={`${d.code}-${d.path}-${i}`}>
            <strong>{d.severity}</strong> <code>{d.code}</code>{" "}
            {d.href ? <Link href={d.href}>{d.objectName ?? d.path}</Link> : <span>{d.path}</span>}: {d.message}
          </li>
        ))}
      </ul>
    </>
  );
}
