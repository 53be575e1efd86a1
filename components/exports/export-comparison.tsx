import { DiffLayoutToggle, TextDiffView } from "@/components/diff/text-diff-view";
import { ImportChanges } from "@/components/import/import-changes";
import type { ExportComparison } from "@/lib/server/export-compare";

const STATUS: Record<string, string> = {
  unchanged: "unchanged",
  changed: "changed",
  "only-before": "only in the older export",
  "only-after": "only in the newer export",
};

/** Two exports compared: the model object by object, then every artifact as a diff (or "unchanged"). */
export function ExportComparisonView({ comparison }: { comparison: ExportComparison }) {
  const before = `export #${comparison.before.id}`;
  const after = `export #${comparison.after.id}`;
  const changed = comparison.artifacts.filter((a) => a.status !== "unchanged").length;
  return (
    <>
      <section aria-labelledby="compare-model-heading">
        <h2 id="compare-model-heading">Model</h2>
        <ImportChanges diff={comparison.model} labels={{ before, after }} />
      </section>
      <section aria-labelledby="compare-artifacts-heading">
        <h2 id="compare-artifacts-heading">Artifacts</h2>
        <p>
          {changed} of {comparison.artifacts.length} artifacts differ. Generated header lines (the serial number in each banner and lvs.cf&apos;s
          serial_no) are not compared; no artifact carries a date.
        </p>
        <DiffLayoutToggle />
        {comparison.artifacts.map((a) => (
          <section key={a.format} className="panel" aria-labelledby={`artifact-${a.format}`} data-status={a.status}>
            <h3 id={`artifact-${a.format}`}>
              {a.title} <span className="muted"><code>{a.filename}</code></span> — <span className={a.status === "unchanged" ? "" : "change-changed"}>{STATUS[a.status]}</span>
            </h3>
            {a.diff && <TextDiffView diff={a.diff} title={a.title} beforeLabel={before} afterLabel={after} />}
            {!a.diff && <p className="muted">Stored in {a.status === "only-before" ? before : after} only (an export leaves out an artifact with errors about it).</p>}
          </section>
        ))}
      </section>
    </>
  );
}
