"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import { deleteVirtualServerAction, setVirtualServerActiveAction } from "@/lib/server/actions/virtual-servers";

/** (De)activate and delete buttons of one list row; refusals are announced in the row. */
export function VirtualServerRowActions({ id, version, name, active }: { id: number; version: number; name: string; active: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const hydrated = useHydrated();

  const run = (call: () => Promise<{ ok: boolean; message?: string }>) =>
    startTransition(async () => {
      const result = await call();
      if (result.ok) {
        setError(null);
        router.refresh();
      } else setError(result.message ?? "Refused.");
    });

  return (
    <div style={{ display: "flex", gap: ".4rem", flexWrap: "wrap" }}>
      <button type="button" className="secondary" disabled={pending || !hydrated} onClick={() => run(() => setVirtualServerActiveAction(id, version, !active))}>
        {active ? "Deactivate" : "Activate"}<span className="sr-only"> {name}</span>
      </button>
      <button
        type="button"
        className="danger"
        disabled={pending || !hydrated}
        onClick={() => {
          if (window.confirm(`Delete virtual server ${name} and its real servers?`)) run(() => deleteVirtualServerAction(id, version));
        }}
      >
        Delete<span className="sr-only"> {name}</span>
      </button>
      <span aria-live="polite">{error ? <span role="alert" className="error">{error}</span> : null}</span>
    </div>
  );
}
