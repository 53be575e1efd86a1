"use client";

import { useState, useTransition } from "react";
import { setClusterGrantAction } from "@/lib/server/auth/user-actions";
import { GRANT_VALUES } from "@/lib/domain/roles";
import { TableScroll } from "@/components/ui/table-scroll";

type Grant = (typeof GRANT_VALUES)[number];

export interface GrantTableProps {
  users: { id: number; username: string; role: string }[];
  clusters: { id: number; name: string }[];
  grants: { userId: number; clusterId: number; role: Exclude<Grant, "default"> }[];
}

const grantLabel = (grant: Grant, globalRole: string) => (grant === "default" ? `default (${globalRole})` : grant);

/** One select per user and cluster; "default" means the user's global role applies there, "none" hides the cluster. */
function GrantCell({ user, cluster, initial }: { user: GrantTableProps["users"][number]; cluster: { id: number; name: string }; initial: Grant }) {
  const [pending, startTransition] = useTransition();
  const [value, setValue] = useState<Grant>(initial);
  const [error, setError] = useState<string | null>(null);
  const id = `grant-${user.id}-${cluster.id}`;
  const change = (next: Grant) => {
    const previous = value;
    setValue(next);
    startTransition(async () => {
      const r = await setClusterGrantAction({ userId: user.id, clusterId: cluster.id, role: next });
      if (r.ok) setError(null);
      else {
        setValue(previous);
        setError(r.message);
      }
    });
  };
  return (
    <td>
      <label className="sr-only" htmlFor={id}>{`Role of ${user.username} on ${cluster.name}`}</label>
      <select id={id} value={value} disabled={pending} aria-describedby={error ? `${id}-error` : undefined} onChange={(e) => change(e.target.value as Grant)}>
        {GRANT_VALUES.map((g) => <option key={g} value={g}>{grantLabel(g, user.role)}</option>)}
      </select>
      {error ? <p id={`${id}-error`} role="alert" className="alert error">{error}</p> : null}
    </td>
  );
}

/** Roles per cluster: each user's grant on each cluster, saved as soon as it changes. */
export function GrantTable({ users, clusters, grants, selfId }: GrantTableProps & { selfId: number }) {
  const grantOf = (userId: number, clusterId: number): Grant =>
    grants.find((g) => g.userId === userId && g.clusterId === clusterId)?.role ?? "default";
  return (
    <TableScroll label="Role of each user on each cluster">
      <table>
        <caption className="sr-only">Role of each user on each cluster</caption>
        <thead>
          <tr>
            <th scope="col">Username</th>
            {clusters.map((c) => <th key={c.id} scope="col">{c.name}</th>)}
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              {/* Not a row header: the accounts table above already names each user once for assistive technology. */}
              <td>{u.username}</td>
              {clusters.map((c) => u.id === selfId
                ? <td key={c.id}>{grantLabel(grantOf(u.id, c.id), u.role)} <span className="muted">(yours: another admin changes it)</span></td>
                : <GrantCell key={c.id} user={u} cluster={c} initial={grantOf(u.id, c.id)} />)}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
