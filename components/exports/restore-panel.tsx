"use client";

import { ClusterLink } from "@/components/ui/cluster-link";
import { useState, useTransition } from "react";
import { ImportChanges } from "@/components/import/import-changes";
import { restoreExportAction } from "@/lib/server/actions/exports";
import type { RestorePreview } from "@/lib/server/export-restore";

type Status = { tone: "ok" | "error"; text: string; undoId?: number | null } | null;

/** What restoring an export changes, then Restore or Cancel; the result names the export that undoes it. */
export function RestorePanel({ preview, clusterName }: { preview: RestorePreview; clusterName: string }) {
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<Status>(null);
  const [done, setDone] = useState(false);
  const id = preview.export.id;
  const restore = () =>
    startTransition(async () => {
      const r = await restoreExportAction({ exportId: id, baseSha256: preview.baseSha256, resultSha256: preview.resultSha256 });
      if (r.ok) {
        setDone(true);
        setStatus({
          tone: "ok",
          text: `Restored export #${id} as the content of ${r.data.clusterName}: ${r.data.firewallMarks} bundles, ${r.data.virtualServers} virtual servers, ${r.data.realServers} real servers.${r.data.notice ? ` ${r.data.notice}` : ""}`,
          undoId: r.data.previousExportId,
        });
      } else setStatus({ tone: "error", text: r.message });
    });
  const nothing = [...preview.diff.bundles, ...preview.diff.virtualServers].every((c) => c.kind === "unchanged") && preview.diff.settings.length === 0;
  // The action revalidates this page, so the preview below it turns into "nothing changes": after the restore only its result stays.
  return (
    <>
      {!done && (
        <>
          {preview.settingsKept.length > 0 && (
            <p className="alert warning">Cluster settings stay as they are: only administrators change them (the export&apos;s {preview.settingsKept.join(", ")} will not be restored).</p>
          )}
          <p>
            {preview.currentIsExported
              ? "The content now is already stored in an export, so you can come back to it by restoring that export."
              : "The content now is not in any export: restoring first keeps it as an export of its own, so you can undo the restore by restoring that one."}
          </p>
          {nothing && <p className="alert ok">The export holds exactly what {clusterName} has now; restoring changes nothing but the serial number.</p>}
          <section aria-labelledby="restore-changes-heading">
            <h2 id="restore-changes-heading">What {clusterName} will become</h2>
            <ImportChanges diff={preview.diff} labels={{ before: "now", after: `after restoring #${id}` }} />
          </section>
        </>
      )}
      <div aria-live="polite" role="status">
        {status && (
          <div className={`alert ${status.tone}`}>
            <p>{status.text}</p>
            {status.undoId != null && (
              <p>The content before is kept as <ClusterLink href={`/exports/${status.undoId}/restore`}>export #{status.undoId}</ClusterLink>: restore it to undo.</p>
            )}
          </div>
        )}
      </div>
      {!done && (
        <p>
          <button type="button" onClick={restore} disabled={pending}>{pending ? "Restoring…" : `Restore export #${id}`}</button>{" "}
          <ClusterLink href="/exports">Cancel</ClusterLink>
        </p>
      )}
      {done && <p><ClusterLink href="/preview">Preview &amp; export</ClusterLink> · <ClusterLink href="/exports">Export history</ClusterLink></p>}
    </>
  );
}
