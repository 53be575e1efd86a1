import type { Metadata } from "next";
import { ClusterLink } from "@/components/ui/cluster-link";
import { notFound } from "next/navigation";
import { ExportComparisonView } from "@/components/exports/export-comparison";
import { compareExports } from "@/lib/server/export-compare";
import { type ClusterRouteParams, loadPanelContext, orNotFound, parseRouteId } from "@/lib/server/panel-page";

export const metadata: Metadata = { title: "Compare exports" };

export default async function CompareExportsPage({ params, searchParams }: { params: ClusterRouteParams; searchParams: Promise<{ before?: string; after?: string }> }) {
  const query = await searchParams;
  const { cluster } = await loadPanelContext(params);
  const comparison = await orNotFound(compareExports(parseRouteId(query.before ?? ""), parseRouteId(query.after ?? "")));
  if (comparison.clusterId !== cluster.id) notFound();
  const b = comparison.before;
  const a = comparison.after;
  return (
    <>
      <p><ClusterLink href="/exports">← Export history</ClusterLink></p>
      <h1>Export #{b.id} → #{a.id} <span className="muted">· {cluster.name}</span></h1>
      <p className="muted">
        #{b.id}: serial {b.serialNo}, {b.createdAt.replace("T", " ").slice(0, 19)} UTC by {b.authorName}{b.comment ? ` — ${b.comment}` : ""}.{" "}
        #{a.id}: serial {a.serialNo}, {a.createdAt.replace("T", " ").slice(0, 19)} UTC by {a.authorName}{a.comment ? ` — ${a.comment}` : ""}.
      </p>
      <ExportComparisonView comparison={comparison} />
    </>
  );
}
