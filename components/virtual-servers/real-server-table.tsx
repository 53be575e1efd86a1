"use client";

import { useRouter } from "next/navigation";
import { Fragment, useState, useTransition } from "react";
import { FormStatus, type FormMessage } from "@/components/ui/form-status";
import { TableScroll } from "@/components/ui/table-scroll";
import { useHydrated } from "@/components/ui/use-hydrated";
import { applyRealServerBulkAction } from "@/lib/server/actions/real-servers-bulk";
import type { RealServerBulkAction } from "@/lib/server/real-servers-bulk";
import type { RealServerDetail } from "@/lib/server/virtual-server-mapping";
import { RealServerRow } from "./real-server-row";
import { WeightInput } from "./weight-input";

const BULK: { action: RealServerBulkAction; label: string; done: string; className: string }[] = [
  { action: "activate", label: "Activate", done: "Activated", className: "secondary" },
  { action: "deactivate", label: "Deactivate", done: "Deactivated", className: "secondary" },
  { action: "drain", label: "Drain (weight 0)", done: "Drained", className: "secondary" },
  { action: "delete", label: "Delete", done: "Deleted", className: "danger" },
];

/** A virtual server's real servers as one table: weight edited in the row, several selected rows changed at once. */
export function RealServerTable({ virtualServerId, rows, canEdit }: { virtualServerId: number; rows: RealServerDetail[]; canEdit: boolean }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [editing, setEditing] = useState<number | null>(null);
  const [message, setMessage] = useState<FormMessage | null>(null);
  const picked = rows.filter((r) => selected.has(r.id));
  const allSelected = rows.length > 0 && picked.length === rows.length;

  const toggle = (id: number) => setSelected((s) => {
    const next = new Set(s);
    if (!next.delete(id)) next.add(id);
    return next;
  });

  const run = (action: RealServerBulkAction, done: string) => {
    const names = picked.map((r) => r.values.name).join(", ");
    if (action === "delete" && !window.confirm(`Delete ${picked.length} real server(s): ${names}?`)) return;
    startTransition(async () => {
      const result = await applyRealServerBulkAction(virtualServerId, action, picked.map((r) => ({ id: r.id, version: r.version })));
      if (result.ok) {
        setMessage({ ok: true, text: `${done} ${picked.length} real server${picked.length === 1 ? "" : "s"}: ${names}.` });
        if (action === "delete") setSelected(new Set());
      } else setMessage({ ok: false, text: result.message });
      router.refresh();
    });
  };

  return (
    <>
      <FormStatus message={message} />
      {canEdit ? (
        <div role="group" aria-label="Selected real servers" style={{ display: "flex", gap: ".4rem", flexWrap: "wrap", alignItems: "center", marginBottom: ".5rem" }}>
          <span>{picked.length} selected</span>
          {BULK.map((b) => (
            <button key={b.action} type="button" className={b.className} disabled={!hydrated || pending || picked.length === 0} onClick={() => run(b.action, b.done)}>
              {b.label}<span className="sr-only"> selected real servers</span>
            </button>
          ))}
        </div>
      ) : null}
      <TableScroll label="Real servers">
        <table>
          <caption className="sr-only">Real servers</caption>
          <thead>
            <tr>
              {canEdit ? (
                <th scope="col">
                  <input type="checkbox" aria-label="Select all real servers" checked={allSelected} disabled={!hydrated}
                    onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((r) => r.id)))} />
                </th>
              ) : null}
              <th scope="col">Name</th><th scope="col">Address</th><th scope="col">Port</th><th scope="col">Weight</th><th scope="col">Status</th>
              {canEdit ? <th scope="col">Other fields</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <Fragment key={r.id}>
                <tr>
                  {canEdit ? (
                    <td>
                      <input type="checkbox" aria-label={`Select ${r.values.name}`} checked={selected.has(r.id)} disabled={!hydrated} onChange={() => toggle(r.id)} />
                    </td>
                  ) : null}
                  <td>{r.values.name}</td>
                  <td>{r.values.address}</td>
                  <td>{r.values.port ?? <span className="muted">service port</span>}</td>
                  <td>{canEdit ? <WeightInput key={`${r.id}-${r.version}`} detail={r} onResult={setMessage} /> : r.values.weight}</td>
                  <td>{r.values.active ? "active" : "inactive"}{r.values.active && r.values.weight === 0 ? <span className="muted"> (drained)</span> : null}</td>
                  {canEdit ? (
                    <td>
                      <button type="button" className="secondary" aria-expanded={editing === r.id} onClick={() => setEditing(editing === r.id ? null : r.id)}>
                        Edit<span className="sr-only"> {r.values.name}</span>
                      </button>
                    </td>
                  ) : null}
                </tr>
                {editing === r.id ? (
                  <tr>
                    <td colSpan={7}><RealServerRow key={`${r.id}-${r.version}`} detail={r} canEdit={canEdit} /></td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
