"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import type { FormMessage } from "@/components/ui/form-status";
import { useHydrated } from "@/components/ui/use-hydrated";
import { updateRealServerAction } from "@/lib/server/actions/real-servers";
import type { RealServerDetail } from "@/lib/server/virtual-server-mapping";

/** A real server's weight edited in its table row: saved on Enter or when the field is left, if it changed. */
export function WeightInput({ detail, onResult }: { detail: RealServerDetail; onResult: (message: FormMessage) => void }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();
  const [text, setText] = useState(String(detail.values.weight));
  const [error, setError] = useState<string | null>(null);
  // Enter disables the field while saving, which blurs it: the blur must not send the same weight again.
  const sent = useRef(String(detail.values.weight));
  const { name } = detail.values;
  const errorId = `rs-weight-${detail.id}-error`;

  const save = () => {
    if (text.trim() === sent.current) return;
    const weight = Number(text);
    if (text.trim() === "" || !Number.isInteger(weight) || weight < 0 || weight > 65535) {
      setError(`got ${JSON.stringify(text)}; allowed: an integer 0-65535 (0 quiesces)`);
      return;
    }
    sent.current = text.trim();
    startTransition(async () => {
      const result = await updateRealServerAction(detail.id, detail.version, { ...detail.values, weight });
      setError(result.ok ? null : result.fieldErrors?.weight ?? null);
      if (!result.ok) sent.current = String(detail.values.weight);
      onResult(result.ok ? { ok: true, text: `Saved weight ${weight} of real server ${name}.` } : { ok: false, text: result.message });
      router.refresh();
    });
  };

  return (
    <>
      <input type="number" min={0} max={65535} inputMode="numeric" aria-label={`Weight of ${name}`} value={text} style={{ width: "6rem" }}
        disabled={!hydrated || pending} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined}
        onChange={(e) => setText(e.target.value)} onBlur={save}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            save();
          }
        }} />
      {error ? <span id={errorId} className="error"> {error}</span> : null}
    </>
  );
}
