"use client";

import { ClusterLink, useClusterHref } from "@/components/ui/cluster-link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import { deleteFirewallMarkAction } from "@/lib/server/actions/firewall-marks";

interface Props {
  id: number;
  version: number;
  name: string;
  mark: number;
  usedBy: { id: number; name: string }[];
  canCreateVirtualServer: boolean;
  canDelete: boolean;
}

/** A way to the bundle's virtual-server form, and a delete that names the virtual servers still using the mark. */
export function BundleActions({ id, version, name, mark, usedBy, canCreateVirtualServer, canDelete }: Props) {
  const router = useRouter();
  const to = useClusterHref();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const hydrated = useHydrated();

  const remove = () => {
    const users = usedBy.map((u) => u.name).join(", ");
    const question = usedBy.length
      ? `Bundle ${name} (mark ${mark}) is used by ${usedBy.length === 1 ? "virtual server" : "virtual servers"} ${users}. Delete it anyway? Those virtual servers keep mark ${mark} without a bundle.`
      : `Delete bundle ${name} (mark ${mark})?`;
    if (!window.confirm(question)) return;
    startTransition(async () => {
      const result = await deleteFirewallMarkAction(id, version, usedBy.length > 0);
      if (result.ok) {
        router.push(to("/firewall-marks"));
        router.refresh();
      } else setError(result.message);
    });
  };

  return (
    <div style={{ display: "flex", gap: ".4rem", flexWrap: "wrap", alignItems: "center" }}>
      {canCreateVirtualServer ? (
        <ClusterLink className="button secondary" href={`/firewall-marks/${id}#create-virtual-server`}>
          Create virtual server<span className="sr-only"> from bundle {name}</span>
        </ClusterLink>
      ) : null}
      {canDelete ? (
        <button type="button" className="danger" disabled={pending || !hydrated} onClick={remove}>
          Delete<span className="sr-only"> bundle {name}</span>
        </button>
      ) : null}
      <span aria-live="polite">{error ? <span role="alert" className="error">{error}</span> : null}</span>
    </div>
  );
}
