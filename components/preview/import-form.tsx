"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { MAX_DOCUMENT_BYTES } from "@/lib/domain/schema/document-limits";
import { importDocumentAction } from "@/lib/server/actions/preview";

/** Upload an interchange document that replaces the cluster's content; every error is listed with its path. */
export function ImportForm({ clusterId, clusterName }: { clusterId: number; clusterName: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string; errors?: [string, string][] } | null>(null);

  const submit = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const file = data.get("document");
    if (file instanceof Blob && file.size > MAX_DOCUMENT_BYTES) {
      const mib = (file.size / 1024 / 1024).toFixed(1);
      setMessage({ tone: "error", text: `The document is ${mib} MiB; at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB can be imported. Nothing was uploaded.` });
      return;
    }
    if (!window.confirm(`Replace every setting, bundle and virtual server of cluster ${clusterName} with this document?`)) return;
    startTransition(async () => {
      const r = await importDocumentAction(data);
      if (r.ok) {
        setMessage({
          tone: "ok",
          text: `Imported ${r.data.firewallMarks} bundles, ${r.data.virtualServers} virtual servers and ${r.data.realServers} real servers.${r.data.notice ? ` ${r.data.notice}` : ""}`,
        });
        form.reset();
        router.refresh();
      } else {
        setMessage({ tone: "error", text: r.message, errors: Object.entries(r.fieldErrors ?? {}) });
      }
    });
  };

  return (
    <form className="panel" aria-labelledby="import-heading" onSubmit={(e) => { e.preventDefault(); submit(e.currentTarget); }}>
      <h2 id="import-heading">Upload a document</h2>
      <input type="hidden" name="clusterId" value={clusterId} />
      <fieldset disabled={pending} style={{ border: 0, padding: 0 }}>
        <div className="field">
          <label htmlFor="import-document">Interchange document (JSON)</label>
          <span className="hint" id="import-hint">Replaces this cluster&apos;s whole content; an invalid document changes nothing.</span>
          <input id="import-document" name="document" type="file" accept="application/json,.json" aria-describedby="import-hint" required />
        </div>
        <button type="submit" className="secondary">{pending ? "Importing…" : "Upload and replace"}</button>
      </fieldset>
      <div aria-live="polite" role="status">
        {message && (
          <div className={`alert ${message.tone}`}>
            <p>{message.text}</p>
            {message.errors && message.errors.length > 0 && (
              <ul>
                {message.errors.map(([path, text]) => (
                  <li key={path}><code>{path}</code>: {text}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </form>
  );
}
