import type { Metadata } from "next";
import { ClusterLink } from "@/components/ui/cluster-link";
import { ClusterOverview } from "@/components/dashboard/cluster-overview";
import { LintList } from "@/components/dashboard/lint-list";
import { RouterLiveViews } from "@/components/dashboard/router-live-view";
import { RouterStateUpload } from "@/components/dashboard/router-state-upload";
import { WhatIfForm } from "@/components/dashboard/what-if-form";
import { getDashboard } from "@/lib/server/dashboard";
import { getOverview } from "@/lib/server/overview";
import { type ClusterRouteParams, loadPanelContext } from "@/lib/server/panel-page";
import { getRouterLiveViews } from "@/lib/server/router-states";

export const metadata: Metadata = { title: "Control/Monitoring" };

export default async function ControlMonitoringPage({ params, searchParams }: { params: ClusterRouteParams; searchParams: Promise<{ q?: string; page?: string }> }) {
  const { q, page } = await searchParams;
  const { cluster, href, may } = await loadPanelContext(params);
  const [d, overview, live] = await Promise.all([
    getDashboard(cluster.id),
    getOverview(cluster.id, { q: typeof q === "string" ? q : "", page: Number(page ?? 1) }),
    getRouterLiveViews(cluster.id),
  ]);
  return (
    <>
      <h1>Control/Monitoring <span className="muted">· {d.cluster.name}</span></h1>
      <section className="panel" aria-labelledby="at-a-glance">
        <h2 id="at-a-glance">At a glance</h2>
        <dl style={{ display: "grid", gridTemplateColumns: "max-content 1fr", gap: ".3rem 1rem", margin: 0 }}>
          <dt>Serial number</dt><dd>{d.cluster.serialNo}</dd>
          <dt>Network type</dt><dd>{d.cluster.network}</dd>
          <dt>Virtual servers</dt><dd><ClusterLink href="/virtual-servers">{d.counts.virtualServers}</ClusterLink> ({d.counts.activeVirtualServers} active)</dd>
          <dt>Real servers</dt><dd>{d.counts.realServers} ({d.counts.activeRealServers} active)</dd>
          <dt>Firewall-mark bundles</dt><dd><ClusterLink href="/firewall-marks">{d.counts.firewallMarks}</ClusterLink></dd>
          <dt>Last export</dt>
          <dd>
            {d.lastExport
              ? <>serial {d.lastExport.serialNo}, <time dateTime={d.lastExport.createdAt}>{d.lastExport.createdAt.replace("T", " ").slice(0, 19)} UTC</time> by {d.lastExport.authorName}</>
              : "never exported"}
          </dd>
          <dt>Changed since export</dt>
          <dd>{d.changedSinceExport ? <>yes — <ClusterLink href="/preview">preview and export</ClusterLink></> : "no, the routers have the current configuration"}</dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="overview-heading">
        <h2 id="overview-heading">Overview</h2>
        <ClusterOverview overview={overview} filterAction={href("/")} />
      </section>
      <section className="panel" aria-labelledby="lint-heading">
        <h2 id="lint-heading">Checks</h2>
        <LintList diagnostics={d.diagnostics} />
      </section>
      <section className="panel" aria-labelledby="routers-heading">
        <h2 id="routers-heading">Routers</h2>
        <RouterLiveViews views={live} />
        {may("routerState.upload") ? <RouterStateUpload clusterId={cluster.id} /> : null}
      </section>
      <section className="panel" aria-labelledby="what-if-heading">
        <h2 id="what-if-heading">What if</h2>
        <p className="muted">Where a packet to a VIP goes with the current configuration: the mark, the IPVS service and the real servers.</p>
        <WhatIfForm clusterId={cluster.id} />
      </section>
    </>
  );
}
