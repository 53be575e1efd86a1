"use client";

import { useState, useTransition } from "react";
import { ClusterLink } from "@/components/ui/cluster-link";
import type { ExportOutcome } from "@/lib/server/exports";
import { exportClusterAction } from "@/lib/server/actions/preview";

/** Export button with an optional comment; refused while lint reports errors. */
export function ExportForm(props: {
  clusterId: number;
  documentSha256: string;
  blocked: boolean;
  changed: boolean;
  onExported: () => void;
}) {
  const [comment, setComment] = useState("");
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ tone: "ok" | "error" | "warning"; text: string; exportId?: number } | null>(null);

  const describe = (outcome: ExportOutcome) => {
    switch (outcome.status) {
      case "created":
        return { tone: "ok" as const, text: `Export #${outcome.export.id} saved (serial ${outcome.export.serialNo}).`, exportId: outcome.export.id };
      case "unchanged":
        return { tone: "warning" as const, text: `Nothing changed since export #${outcome.export.id}; no new export was made.`, exportId: outcome.export.id };
      case "blocked":
        return { tone: "error" as const, text: `Export refused: ${outcome.diagnostics.length} error(s) to fix first.` };
      case "stale":
        return { tone: "error" as const, text: outcome.message };
      case "not-found":
        return { tone: "error" as const, text: "This cluster no longer exists." };
    }
  };

  const submit = () =>
    startTransition(async () => {
      const r = await exportClusterAction({ clusterId: props.clusterId, comment, previewedDocumentSha256: props.documentSha256 });
      setResult(r.ok ? describe(r.data) : { tone: "error", text: r.message });
      if (r.ok && r.data.status === "created") props.onExported();
    });

  return (
    <form className="panel" aria-labelledby="export-heading" onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <h2 id="export-heading">Export</h2>
      <fieldset disabled={pending || props.blocked} style={{ border: 0, padding: 0 }}>
        <div className="field">
          <label htmlFor="export-comment">Comment</label>
          <span className="hint" id="export-comment-hint">Optional; one line kept with the export and in the audit log.</span>
          <input id="export-comment" value={comment} maxLength={500} aria-describedby="export-comment-hint"
            onChange={(e) => setComment(e.target.value)} />
        </div>
        <button type="submit">{pending ? "Exporting…" : "Export"}</button>{" "}
        {props.blocked && <span className="error">Fix the errors above to export.</span>}
        {!props.blocked && !props.changed && <span className="muted">Nothing changed since the last export.</span>}
      </fieldset>
      <div aria-live="polite" role="status">
        {result && (
          <p className={`alert ${result.tone}`}>
            {result.text}{" "}
            {result.exportId !== undefined && (
              <>
                <a href={`/api/exports/${result.exportId}/artifacts/install-script`}>Download the install script</a> ·{" "}
                <a href={`/api/exports/${result.exportId}/archive`}>Download all (.tar.gz)</a> · <ClusterLink href="/exports">History</ClusterLink>
              </>
            )}
          </p>
        )}
      </div>
    </form>
  );
}
