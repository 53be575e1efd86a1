import type { DriftReport } from "@/lib/domain/drift/report";
import { TableScroll } from "@/components/ui/table-scroll";

/** One comparison: each difference with its object, then what was not compared and the parsers' notes. */
export function DriftReportView({ report, against, id }: { report: DriftReport; against: string; id: string }) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>Against {against}</h3>
      {report.findings.length === 0
        ? <p className="alert ok">In sync: no difference in what the state file holds.</p>
        : (
          <TableScroll label="Differences">
            <table>
              <caption>{report.findings.length} difference{report.findings.length === 1 ? "" : "s"}</caption>
              <thead><tr><th scope="col">What</th><th scope="col">Object</th><th scope="col">Difference</th></tr></thead>
              <tbody>
                {report.findings.map((f, i) => (
                  <tr key={`${f.object}-${i}`}><td>{f.kind} {f.area}</td><td>{f.object}</td><td>{f.detail}</td></tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      {report.notCompared.length > 0 ? (
        <>
          <p>Not compared (the state file does not hold it; never counted as drift):</p>
          <ul>{report.notCompared.map((n) => <li key={n.what}><strong>{n.what}</strong>: {n.reason}</li>)}</ul>
        </>
      ) : null}
      {report.notes.length > 0 ? (
        <details>
          <summary>{report.notes.length} note(s) from reading the router&apos;s rules</summary>
          <ul>{report.notes.map((n) => <li key={n}><code>{n}</code></li>)}</ul>
        </details>
      ) : null}
    </section>
  );
}
