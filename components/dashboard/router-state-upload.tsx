"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { uploadRouterStateAction } from "@/lib/server/actions/router-states";

/** Upload the file collect-state.sh wrote on the primary or backup router; an invalid file stores nothing. */
export function RouterStateUpload({ clusterId }: { clusterId: number }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);

  const submit = (form: HTMLFormElement) => {
    const data = new FormData(form);
    startTransition(async () => {
      const r = await uploadRouterStateAction(data);
      if (r.ok) {
        setMessage({ tone: "ok", text: `Stored the ${r.data.router} router's state (${r.data.host}, collected ${r.data.collectedAt.replace("T", " ").slice(0, 19)} UTC).` });
        form.reset();
        router.refresh();
      } else {
        const detail = Object.values(r.fieldErrors ?? {}).filter((t) => !r.message.includes(t));
        setMessage({ tone: "error", text: [r.message, ...detail].join(" ") });
      }
    });
  };

  return (
    <form aria-labelledby="state-upload-heading" onSubmit={(e) => { e.preventDefault(); submit(e.currentTarget); }}>
      <h3 id="state-upload-heading">Upload a router state</h3>
      <input type="hidden" name="clusterId" value={clusterId} />
      <fieldset disabled={pending} style={{ border: 0, padding: 0 }}>
        <div className="field">
          <label htmlFor="state-router">Router</label>
          <select id="state-router" name="router" defaultValue="primary">
            <option value="primary">primary</option>
            <option value="backup">backup</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="state-file">State file</label>
          <span className="hint" id="state-file-hint">The file collect-state.sh (Preview &amp; export) wrote on that router.</span>
          <input id="state-file" name="state" type="file" accept="text/plain,.txt" aria-describedby="state-file-hint" required />
        </div>
        <button type="submit" className="secondary">{pending ? "Uploading…" : "Upload state"}</button>
      </fieldset>
      <div aria-live="polite" role="status">
        {message ? <p className={`alert ${message.tone}`}>{message.text}</p> : null}
      </div>
    </form>
  );
}
