import type { Diagnostic } from "@/lib/domain/lint";
import type { DiagnosticTarget } from "@/lib/domain/links/locate-diagnostic";
import { DiagnosticLink } from "./diagnostic-link";

const ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Lint diagnostics, errors first, each naming and linking the object and field at fault (when it has a target). */
export function DiagnosticsList({ diagnostics, empty = "No problems found." }: { diagnostics: readonly (Diagnostic & { target?: DiagnosticTarget | null })[]; empty?: string }) {
  if (diagnostics.length === 0) return <p className="alert ok">{empty}</p>;
  const sorted = [...diagnostics].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  return (
    <ul className="diagnostics">
      {sorted.map((d, i) => (
        <li key={`${d.code}-${d.path}-${i}`} className={`alert ${d.severity === "info" ? "ok" : d.severity}`}>
          <strong>{d.severity}</strong> <code>{d.code}</code>{" "}
          {d.target ? <DiagnosticLink target={d.target} /> : <code>{d.path}</code>}: {d.message}
        </li>
      ))}
    </ul>
  );
}

/** "2 errors, 1 warning, 0 notes" for a list of diagnostics. */
export function countDiagnostics(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number; notes: number } {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  return { errors, warnings, notes: diagnostics.length - errors - warnings };
}
