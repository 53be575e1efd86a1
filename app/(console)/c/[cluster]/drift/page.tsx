import type { Metadata } from "next";
import { ClusterLink } from "@/components/ui/cluster-link";
import { DriftReportView } from "@/components/drift/drift-report";
import { loadPanelContext, type ClusterRouteParams } from "@/lib/server/panel-page";
import { getDriftReports } from "@/lib/server/router-states";

export const metadata: Metadata = { title: "Router drift" };

export default async function DriftPage({ params }: { params: ClusterRouteParams }) {
  const { cluster } = await loadPanelContext(params);
  const routers = await getDriftReports(cluster.id);
  return (
    <>
      <h1>Router drift <span className="muted">· {cluster.name}</span></h1>
      {routers.length === 0 ? (
        <p className="panel">No router state uploaded yet. Download collect-state.sh from <ClusterLink href="/preview">Preview &amp; export</ClusterLink>, run it on
          each router and upload the file on <ClusterLink href="/">Control/Monitoring</ClusterLink>.</p>
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
