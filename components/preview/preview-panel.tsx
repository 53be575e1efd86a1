"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { previewClusterAction } from "@/lib/server/actions/preview";
import type { ClusterPreview } from "@/lib/server/preview";
import { ArtifactTabs } from "./artifact-tabs";
import { countDiagnostics, DiagnosticsList } from "@/components/diagnostics/diagnostics-list";
import { ExportForm } from "./export-form";
import { PersistenceTable } from "./persistence-table";

/** The Preview & export panel: diagnostics, persistence per mark, every artifact, export and document transfer. */
export function PreviewPanel(props: { preview: ClusterPreview; canExport: boolean; canImport: boolean; canDownload: boolean }) {
  const [p, setPreview] = useState(props.preview);
  // A server re-render (router.refresh after an upload) brings a new preview:
  // take it without remounting, so the forms keep their result messages.
  const [fromServer, setFromServer] = useState(props.preview);
  if (props.preview !== fromServer) {
    setFromServer(props.preview);
    setPreview(props.preview);
  }
  const [refreshing, startRefresh] = useTransition();
  const [refreshError, setRefreshError] = useState<string | null>(null);
  // Renders again through the preview server action: after an export, or when someone else edited the cluster.
  const refresh = () =>
    startRefresh(async () => {
      const r = await previewClusterAction(p.clusterId);
      if (r.ok && r.data) {
        setPreview(r.data);
        setRefreshError(null);
      } else {
        setRefreshError(r.ok ? "This cluster no longer exists." : r.message);
      }
    });
  const { errors, warnings } = countDiagnostics(p.diagnostics);
  return (
    <>
      <h1>Preview &amp; export — {p.clusterName}</h1>
      <p>
        Serial {p.serialNo} ·{" "}
        {p.lastExport ? (
          <>
            last export <Link href="/exports">#{p.lastExport.id}</Link> (serial {p.lastExport.serialNo}, {p.lastExport.authorName}),{" "}
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
      {refreshError && <p role="alert" className="alert error">{refreshError}</p>}
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
      {props.canDownload && (
        <p>
          <a href={`/api/clusters/${p.clusterId}/document`}>Download the interchange document (JSON)</a>
        </p>
      )}
      {props.canImport && (
        <p>
          <Link href="/import">Import router files or an interchange document</Link> — on its own page, where you see what will change before anything is written.
        </p>
      )}
    </>
  );
}
