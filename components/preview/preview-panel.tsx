"use client";

import { ClusterLink } from "@/components/ui/cluster-link";
import { useEffect, useState, useTransition } from "react";
import { previewClusterAction } from "@/lib/server/actions/preview";
import type { ClusterPreview } from "@/lib/server/preview";
import { ArtifactTabs } from "./artifact-tabs";
import { countDiagnostics, DiagnosticsList } from "@/components/diagnostics/diagnostics-list";
import { ExportForm } from "./export-form";
import { PersistenceTable } from "./persistence-table";

/** The Preview & export panel: diagnostics, persistence per mark, every artifact, export and document transfer. */
export function PreviewPanel(props: {
  clusterId: number;
  clusterName: string;
  /** Changes whenever the cluster's content does (serial and version): the preview is loaded again. */
  revision: string;
  canExport: boolean;
  canImport: boolean;
  canDownload: boolean;
}) {
  const [p, setPreview] = useState<ClusterPreview | null>(null);
  const [refreshing, startRefresh] = useTransition();
  const [refreshError, setRefreshError] = useState<string | null>(null);
  // The preview comes from its route handler, not the page: the page answers at
  // once, and the browser revalidates with the ETag (a 304 while nothing changed).
  useEffect(() => {
    let live = true;
    void loadPreview(props.clusterId).then((r) => {
      if (!live) return;
      if (r.ok) setPreview(r.preview);
      setRefreshError(r.ok ? null : r.message);
    });
    return () => {
      live = false;
    };
  }, [props.clusterId, props.revision]);
  // Renders again through the preview server action: after an export, or when someone else edited the cluster.
  const refresh = () =>
    startRefresh(async () => {
      const r = await previewClusterAction(props.clusterId);
      if (r.ok && r.data) {
        setPreview(r.data);
        setRefreshError(null);
      } else {
        setRefreshError(r.ok ? "This cluster no longer exists." : r.message);
      }
    });
  const { errors, warnings } = countDiagnostics(p?.diagnostics ?? []);
  const failed = refreshError && <p role="alert" className="alert error">{refreshError}</p>;
  // The upload form keeps one place in the tree whether the preview has arrived
  // or not, so its result message survives the preview loading (again).
  return (
    <>
      <h1>Preview &amp; export — {p?.clusterName ?? props.clusterName}</h1>
      {!p ? (
        failed || <p className="muted" aria-busy="true">Rendering the preview…</p>
      ) : (
        <>
          <p>
            Serial {p.serialNo} ·{" "}
            {p.lastExport ? (
              <>
                last export <ClusterLink href="/exports">#{p.lastExport.id}</ClusterLink> (serial {p.lastExport.serialNo}, {p.lastExport.authorName}),{" "}
                {p.changedSinceExport ? <strong>configuration changed since</strong> : "no change since"}
              </>
            ) : (
              "never exported"
            )}{" "}
            · {errors} error(s), {warnings} warning(s){" "}
            <button type="button" className="secondary" onClick={refresh} disabled={refreshing}>
              {refreshing ? "Rendering…" : "Refresh preview"}
            </button>
          </p>
          {failed}
          <section className="panel" aria-labelledby="diagnostics-heading">
            <h2 id="diagnostics-heading">Checks</h2>
            <DiagnosticsList diagnostics={p.diagnostics} />
          </section>
          <section className="panel" aria-labelledby="persistence-heading">
            <h2 id="persistence-heading">Persistence per mark</h2>
            <PersistenceTable rows={p.persistence} />
          </section>
          {props.canExport && (
            <ExportForm
              clusterId={p.clusterId}
              documentSha256={p.documentSha256}
              blocked={p.blocked}
              changed={p.changedSinceExport}
              onExported={refresh}
            />
          )}
          <ArtifactTabs key={`${p.documentSha256}:${p.lastExport?.id ?? 0}`} clusterId={p.clusterId} documentSha256={p.documentSha256} artifacts={p.artifacts} />
        </>
      )}
      {props.canDownload && (
        <p>
          <a href={`/api/clusters/${props.clusterId}/document`}>Download the interchange document (JSON)</a>
        </p>
      )}
      {props.canImport && (
        <p>
          <ClusterLink href="/import">Import router files or an interchange document</ClusterLink> — on its own page, where you see what will change before anything is written.
        </p>
      )}
    </>
  );
}

/** The page's preview from GET /api/clusters/ID/preview (revalidated by its ETag). */
async function loadPreview(clusterId: number): Promise<{ ok: true; preview: ClusterPreview } | { ok: false; message: string }> {
  try {
    const response = await fetch(`/api/clusters/${clusterId}/preview`, { cache: "no-cache", headers: { Accept: "application/json" } });
    if (response.ok) return { ok: true, preview: (await response.json()) as ClusterPreview };
    const body = (await response.json().catch(() => null)) as { message?: string } | null;
    return { ok: false, message: body?.message ?? `The preview could not be loaded (HTTP ${response.status}).` };
  } catch {
    return { ok: false, message: "The preview could not be loaded: the console did not answer. Reload the page to try again." };
  }
}
