import type { Metadata } from "next";
import Link from "next/link";
import { DriftReportView } from "@/components/drift/drift-report";
import { loadPanelContext } from "@/lib/server/panel-page";
import { getDriftReports } from "@/lib/server/router-states";

export const metadata: Metadata = { title: "Router drift" };

export default async function DriftPage() {
  const { cluster } = await loadPanelContext();
  const routers = await getDriftReports(cluster.id);
  return (
    <>
      <h1>Router drift <span className="muted">· {cluster.name}</span></h1>
      {routers.length === 0 ? (
        <p className="panel">No router state uploaded yet. Download collect-state.sh from <Link href="/preview">Preview &amp; export</Link>, run it on
          each router and upload the file on <Link href="/">Control/Monitoring</Link>.</p>
      ) : routers.map((r) => (
        <section key={r.summary.router} className="panel" aria-labelledby={`drift-${r.summary.router}`}>
          <h2 id={`drift-${r.summary.router}`}>{r.summary.router} router <span className="muted">· {r.summary.host}, collected{" "}
            <time dateTime={r.summary.collectedAt}>{r.summary.collectedAt.replace("T", " ").slice(0, 19)} UTC</time></span></h2>
          <DriftReportView report={r.model} against="the current model" id={`drift-${r.summary.router}-model`} />
          {r.lastExport
            ? <DriftReportView report={r.lastExport.report} against={`the last export (#${r.lastExport.id}, serial ${r.lastExport.serialNo})`} id={`drift-${r.summary.router}-export`} />
            : <p className="muted">Nothing exported yet: no comparison with an export.</p>}
        </section>
      ))}
    </>
  );
}
