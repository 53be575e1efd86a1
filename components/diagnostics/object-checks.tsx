import type { LinkedDiagnostic } from "@/lib/domain/links/locate-diagnostic";
import { DiagnosticsList } from "./diagnostics-list";

/** Lint where you edit: the findings about the object(s) this page edits, refreshed after every save. */
export function ObjectChecks({ diagnostics, what }: { diagnostics: LinkedDiagnostic[]; what: string }) {
  return (
    <section className="panel" aria-labelledby="object-checks-heading">
      <h2 id="object-checks-heading">Checks for this {what}</h2>
      <DiagnosticsList diagnostics={diagnostics} empty={`Lint finds nothing wrong with this ${what}.`} />
    </section>
  );
}
