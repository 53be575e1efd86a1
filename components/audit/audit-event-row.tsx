import { fieldChanges } from "@/lib/domain/audit/field-changes";
import type { AuditEventView } from "@/lib/server/audit-queries";
import { TableScroll } from "@/components/ui/table-scroll";

/** Link to every event of one object (the audit page filtered by type and id). */
export function objectHistoryHref(targetType: string, targetId: string): string {
  return `/audit?${new URLSearchParams({ targetType, targetId }).toString()}`;
}

function FieldChanges({ event }: { event: AuditEventView }) {
  const changes = fieldChanges(event.before, event.after);
  if (changes.length === 0) return null;
  return (
    <details>
      <summary>{changes.length} field{changes.length === 1 ? "" : "s"} changed</summary>
      <TableScroll label="Changed fields">
        <table className="audit-fields">
          <thead>
            <tr><th scope="col">Field</th><th scope="col">Before</th><th scope="col">After</th></tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.path}>
                <th scope="row"><code>{c.path}</code></th>
                <td>{c.before ?? <span className="muted">—</span>}</td>
                <td>{c.after ?? <span className="muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </details>
  );
}

/** One audit event: when, who, what, the object as it was named then, and its changes field by field. */
export function AuditEventRow({ event: e }: { event: AuditEventView }) {
  const object = e.targetType ? `${e.targetType}${e.targetName ? ` ${e.targetName}` : ""}` : "";
  return (
    <tr>
      <td className="nowrap"><time dateTime={e.at.toISOString()}>{e.at.toISOString().replace("T", " ").slice(0, 19)}</time></td>
      <td>{e.actorName}</td>
      <td><code>{e.action}</code></td>
      <td>
        {e.targetType && e.targetId ? <a href={objectHistoryHref(e.targetType, e.targetId)} title="Every event of this object">{object}</a> : object}
        {e.targetId ? <span className="muted"> #{e.targetId}</span> : null}
        {e.clusterId ? <span className="muted"> (cluster {e.clusterId})</span> : null}
      </td>
      <td>
        {e.detail}
        <FieldChanges event={e} />
      </td>
      <td className="nowrap">{e.ip}</td>
    </tr>
  );
}
