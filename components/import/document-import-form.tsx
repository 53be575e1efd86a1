"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { MAX_DOCUMENT_BYTES } from "@/lib/domain/schema/document-limits";
import { previewDocumentAction } from "@/lib/server/actions/import";
import { importDocumentAction } from "@/lib/server/actions/preview";
import type { DocumentImportPreview } from "@/lib/server/document-import-preview";
import { ImportChanges } from "./import-changes";

type Message = { tone: "ok" | "error"; text: string; errors?: [string, string][] } | null;

/** Upload an interchange document, see what the cluster will become, then replace its content or cancel; every error is listed with its path (JSON syntax: line and column). */
export function DocumentImportForm({ clusterId, clusterName }: { clusterId: number; clusterName: string }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, startTransition] = useTransition();
  const [preview, setPreview] = useState<DocumentImportPreview | null>(null);
  const [message, setMessage] = useState<Message>(null);

  const runPreview = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const file = data.get("document");
    setPreview(null);
    if (file instanceof Blob && file.size > MAX_DOCUMENT_BYTES) {
      const mib = (file.size / 1024 / 1024).toFixed(1);
      setMessage({ tone: "error", text: `The document is ${mib} MiB; at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB can be imported. Nothing was uploaded.` });
      return;
    }
    setMessage(null);
    startTransition(async () => {
      const r = await previewDocumentAction(data);
      if (r.ok) setPreview(r.data);
      else setMessage({ tone: "error", text: r.message, errors: Object.entries(r.fieldErrors ?? {}) });
    });
  };
  const apply = () => {
    if (!preview || !formRef.current) return;
    const data = new FormData(formRef.current);
    data.set("baseSha256", preview.baseSha256);
    data.set("documentSha256", preview.documentSha256);
    startTransition(async () => {
      const r = await importDocumentAction(data);
      if (r.ok) {
        setPreview(null);
        formRef.current?.reset();
        setMessage({
          tone: "ok",
          text: `Imported ${r.data.firewallMarks} bundles, ${r.data.virtualServers} virtual servers and ${r.data.realServers} real servers.${r.data.notice ? ` ${r.data.notice}` : ""}`,
        });
        router.refresh();
      } else setMessage({ tone: "error", text: r.message, errors: Object.entries(r.fieldErrors ?? {}) });
    });
  };
  const cancel = () => {
    setPreview(null);
    formRef.current?.reset();
    setMessage({ tone: "ok", text: "Import cancelled; nothing was written." });
  };

  return (
    <>
      <form ref={formRef} className="panel" aria-labelledby="import-heading" onSubmit={(e) => { e.preventDefault(); runPreview(e.currentTarget); }}>
        <h2 id="import-heading">Upload a document</h2>
        <input type="hidden" name="clusterId" value={clusterId} />
        <fieldset disabled={pending} style={{ border: 0, padding: 0 }}>
          <div className="field">
            <label htmlFor="import-document">Interchange document (JSON)</label>
            <span className="hint" id="import-hint">
              Replaces this cluster&apos;s whole content (up to {MAX_DOCUMENT_BYTES / 1024 / 1024} MiB); you see what will change before anything is written.
            </span>
            <input id="import-document" name="document" type="file" accept="application/json,.json" aria-describedby="import-hint" required onChange={() => setPreview(null)} />
          </div>
          <button type="submit" className="secondary">{pending && !preview ? "Reading…" : "Preview document"}</button>
        </fieldset>
        <div aria-live="polite" role="status">
          {message && (
            <div className={`alert ${message.tone}`}>
              <p>{message.text}</p>
              {message.errors && message.errors.length > 0 && (
                <ul>{message.errors.map(([path, text]) => <li key={path}><code>{path}</code>: {text}</li>)}</ul>
              )}
            </div>
          )}
        </div>
      </form>
      {preview && (
        <section aria-labelledby="document-preview-heading">
          <h2 id="document-preview-heading">What {clusterName} will become with this document</h2>
          {preview.settingsKept.length > 0 && (
            <p className="alert warning">Cluster settings stay as they are: only administrators change them (the document&apos;s {preview.settingsKept.join(", ")} will not be applied).</p>
          )}
          <p>Lint of the document: {preview.diagnostics.errors} error(s), {preview.diagnostics.warnings} warning(s).</p>
          <ImportChanges diff={preview.diff} />
          <p>
            <button type="button" onClick={apply} disabled={pending}>{pending ? "Importing…" : "Replace the content"}</button>{" "}
            <button type="button" className="secondary" onClick={cancel} disabled={pending}>Cancel</button>
          </p>
        </section>
      )}
    </>
  );
}
