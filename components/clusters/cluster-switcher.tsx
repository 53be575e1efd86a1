"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { selectClusterAction } from "@/lib/server/actions/clusters";
import { useHydrated } from "@/components/ui/use-hydrated";

/** Chooses the cluster every panel shows (kept in the lvs_cluster cookie). */
export function ClusterSwitcher({ clusters, selectedId }: { clusters: { id: number; name: string }[]; selectedId: number }) {
  const router = useRouter();
  const [value, setValue] = useState(String(selectedId));
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const hydrated = useHydrated();

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await selectClusterAction(Number(value));
      if (result.ok) {
        setError(null);
        router.refresh();
      } else setError(result.message);
    });
  };

  return (
    <form onSubmit={onSubmit} aria-label="Cluster switcher" className="cluster-switcher">
      <label htmlFor="cluster-switcher">Cluster</label>
      <select id="cluster-switcher" value={value} onChange={(e) => setValue(e.target.value)} disabled={pending || !hydrated}>
        {clusters.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
      </select>
      <button type="submit" className="secondary" disabled={pending || !hydrated || value === String(selectedId)}>Switch</button>
      <Link href="/clusters">Manage clusters</Link>
      <span aria-live="polite">{error ? <span role="alert" className="error">{error}</span> : null}</span>
    </form>
  );
}
