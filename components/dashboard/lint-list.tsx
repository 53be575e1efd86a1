import { countDiagnostics, DiagnosticsList } from "@/components/diagnostics/diagnostics-list";
import type { LinkedDiagnostic } from "@/lib/domain/links/locate-diagnostic";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Lint summary line plus the findings, each linked to the object at fault. */
export function LintList({ diagnostics }: { diagnostics: LinkedDiagnostic[] }) {
  if (diagnostics.length === 0) return <p className="alert ok">Lint: no problems found.</p>;
  const { errors, warnings, notes } = countDiagnostics(diagnostics);
  return (
    <>
      <p className={`alert ${errors ? "error" : "warning"}`}>
        Lint: {plural(errors, "error")}, {plural(warnings, "warning")}, {plural(notes, "note")}.
      </p>
      <DiagnosticsList diagnostics={diagnostics} />
    </>
  );
}
