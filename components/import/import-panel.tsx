"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { DiagnosticsList } from "@/components/diagnostics/diagnostics-list";
import { IMPORT_FORMATS } from "@/lib/domain/import/detect-format";
import { applyImportAction, previewImportAction } from "@/lib/server/actions/import";
import type { ImportPreview } from "@/lib/server/import-router-files";
import { ImportChanges, MessageList } from "./import-changes";

type Status = { tone: "ok" | "error"; text: string } | null;

// Next.js refuses server-action bodies over 1 MB (its default bodySizeLimit);
// larger routers import with `lvs-console import` and upload the JSON it prints.
const MAX_UPLOAD_BYTES = 1024 * 1024 - 64 * 1024;
const SEND_FAILED = "The files could not be sent to the server (too large or the server is unreachable); nothing was imported.";

// Messages shown beside an object in the change list; the rest are listed per file.
function placedSubjects(p: ImportPreview): Set<string> {
  const out = new Set<string>(["cluster"]);
  for (const c of p.diff?.bundles ?? []) if (c.kind !== "unchanged" && c.kind !== "removed") out.add(`firewallMark:${c.identity.split(" ")[1]}`);
  for (const c of p.diff?.virtualServers ?? []) if (c.kind !== "unchanged" && c.kind !== "removed") out.add(`virtualServer:${c.name}`);
  return out;
}

/** Upload router files, see what the cluster will become, then apply or cancel. */
export function ImportPanel({ clusterId, clusterName, isAdmin }: { clusterId: number; clusterName: string; isAdmin: boolean }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, startTransition] = useTransition();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [status, setStatus] = useState<Status>(null);

  const formData = () => new FormData(formRef.current ?? undefined);
  const runPreview = () => {
    setStatus(null);
    const data = formData();
    const bytes = data.getAll("files").reduce((n, f) => n + (f instanceof File ? f.size : 0), 0);
    if (bytes > MAX_UPLOAD_BYTES) {
      setPreview(null);
      setStatus({ tone: "error", text: `The files are ${Math.ceil(bytes / 1024)} KiB together; the web import takes up to ${MAX_UPLOAD_BYTES / 1024} KiB. Import larger routers with lvs-console import. Nothing was imported.` });
      return;
    }
    startTransition(async () => {
      const r = await previewImportAction(data).catch(() => ({ ok: false as const, message: SEND_FAILED }));
      if (r.ok) setPreview(r.data);
      else {
        setPreview(null);
        setStatus({ tone: "error", text: r.message });
      }
    });
  };
  const apply = () => {
    if (!preview) return;
    const data = formData();
    data.set("baseSha256", preview.baseSha256);
    data.set("resultSha256", preview.resultSha256);
    startTransition(async () => {
      const r = await applyImportAction(data).catch(() => ({ ok: false as const, message: SEND_FAILED }));
      if (r.ok) {
        setPreview(null);
        formRef.current?.reset();
        setStatus({ tone: "ok", text: `Imported into ${clusterName}: ${r.data.firewallMarks} bundles, ${r.data.virtualServers} virtual servers, ${r.data.realServers} real servers.` });
        router.refresh();
      } else setStatus({ tone: "error", text: r.message });
    });
  };
  const cancel = () => {
    setPreview(null);
    formRef.current?.reset();
    setStatus({ tone: "ok", text: "Import cancelled; nothing was written." });
  };

  const errors = preview?.messages.filter((m) => m.severity === "error") ?? [];
  const placed = preview ? placedSubjects(preview) : new Set<string>();
  const unplaced = preview?.messages.filter((m) => m.severity !== "error" && (m.subject === undefined || !placed.has(m.subject))) ?? [];
  const canApply = preview !== null && preview.diff !== null && errors.length === 0;

  return (
    <>
      <form ref={formRef} className="panel" aria-labelledby="import-files-heading" onSubmit={(e) => { e.preventDefault(); runPreview(); }}>
        <h2 id="import-files-heading">Router files</h2>
        <input type="hidden" name="clusterId" value={clusterId} />
        <fieldset disabled={pending} style={{ border: 0, padding: 0 }}>
          <div className="field">
            <label htmlFor="import-files">Files of one router</label>
            <span className="hint" id="import-files-hint">
              Several at once: lvs.cf or keepalived.conf (and every file it includes) with iptables-save, iptables commands or an nft ruleset.
            </span>
            <input id="import-files" name="files" type="file" multiple required aria-describedby="import-files-hint" onChange={() => setPreview(null)} />
          </div>
          <div className="field">
            <label htmlFor="import-format">Format</label>
            <span className="hint" id="import-format-hint">Detected from each file&apos;s content unless you name one for all files.</span>
            <select id="import-format" name="format" defaultValue="detect" aria-describedby="import-format-hint" onChange={() => setPreview(null)}>
              <option value="detect">detect from content</option>
              {IMPORT_FORMATS.map((f) => <option key={f} value={f}>{f}</option>)}
            </select>
          </div>
          <button type="submit">{pending && !preview ? "Reading…" : "Preview import"}</button>
        </fieldset>
      </form>
      <div aria-live="polite" role="status">
        {status && <p className={`alert ${status.tone}`}>{status.text}</p>}
      </div>
      {preview && (
        <section aria-labelledby="import-preview-heading">
          <h2 id="import-preview-heading">What {clusterName} will become</h2>
          <ul aria-label="Files read">
            {preview.files.map((f) => <li key={f.name}><code>{f.name}</code> read as {f.format} <span className="muted">sha256 {f.sha256.slice(0, 12)}…</span></li>)}
          </ul>
          {!isAdmin && preview.settingsKept && <p className="alert warning">Cluster settings stay as they are: only administrators change them.</p>}
          <MessageList messages={errors} label="Errors" />
          {preview.invalid.length > 0 && (
            <div className="alert error"><p>The files do not make a valid document:</p><ul>{preview.invalid.map((l) => <li key={l}>{l}</li>)}</ul></div>
          )}
          {preview.diff && <ImportChanges diff={preview.diff} messages={preview.messages} />}
          {unplaced.length > 0 && (
            <section className="panel" aria-labelledby="import-other-messages"><h3 id="import-other-messages">Other messages</h3><MessageList messages={unplaced} label="Other messages" /></section>
          )}
          {preview.diff && (
            <section className="panel" aria-labelledby="import-lint"><h3 id="import-lint">Lint of the result</h3><DiagnosticsList diagnostics={preview.diagnostics} /></section>
          )}
          <p>
            <button type="button" onClick={apply} disabled={!canApply || pending}>{pending ? "Applying…" : "Apply import"}</button>{" "}
            <button type="button" className="secondary" onClick={cancel} disabled={pending}>Cancel</button>
          </p>
        </section>
      )}
    </>
  );
}
