import type { DocumentDiff, FieldChange, ObjectChange } from "@/lib/domain/import/diff-documents";
import { countChanges, type TrimmedDiff } from "@/lib/domain/import/trim-diff";
import type { ImportMessage } from "@/lib/domain/import/messages";
import { TableScroll } from "@/components/ui/table-scroll";

const where = (m: ImportMessage) => `${m.file}:${m.line}${m.severity === "error" ? `:${m.column ?? 1}` : ""}`;

/** File messages, each with its FILE:LINE. */
export function MessageList({ messages, label }: { messages: ImportMessage[]; label: string }) {
  if (messages.length === 0) return null;
  return (
    <ul className="diagnostics" aria-label={label}>
      {messages.map((m, i) => (
        <li key={`${where(m)}-${i}`} className={`alert ${m.severity === "note" ? "ok" : m.severity}`}>
          <strong>{m.severity === "warning" ? "not imported" : m.severity}</strong> <code>{where(m)}</code> {m.message}
        </li>
      ))}
    </ul>
  );
}

/** What the two sides of a change are called: "now" and "after import", "export #3" and "export #5". */
export interface ChangeLabels {
  before: string;
  after: string;
}

const IMPORT_LABELS: ChangeLabels = { before: "now", after: "after import" };

function Fields({ fields, labels }: { fields: FieldChange[]; labels: ChangeLabels }) {
  if (fields.length === 0) return null;
  return (
    <TableScroll label="Changed fields">
      <table className="changes">
        <thead><tr><th scope="col">field</th><th scope="col">{labels.before}</th><th scope="col">{labels.after}</th></tr></thead>
        <tbody>
          {fields.map((f) => (
            <tr key={f.path}><th scope="row"><code>{f.path}</code></th><td>{f.before || "—"}</td><td>{f.after || "—"}</td></tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function ChangeItem({ change, messages, showFields, labels }: { change: ObjectChange; messages: ImportMessage[]; showFields: boolean; labels: ChangeLabels }) {
  const real = (change.realServers ?? []).filter((r) => r.kind !== "unchanged");
  return (
    <li data-change={change.kind}>
      <strong className={`change-${change.kind}`}>{change.kind}</strong> {change.name} <span className="muted">({change.identity})</span>
      {showFields && change.kind !== "removed" ? <Fields fields={change.fields} labels={labels} /> : null}
      {real.length > 0 && (
        <ul aria-label={`Real servers of ${change.name}`}>
          {real.map((r) => (
            <li key={r.identity} data-change={r.kind}>
              <strong className={`change-${r.kind}`}>{r.kind}</strong> real server {r.name} <span className="muted">({r.identity})</span>
              {r.kind === "changed" ? <Fields fields={r.fields} labels={labels} /> : null}
            </li>
          ))}
        </ul>
      )}
      <MessageList messages={messages} label={`Messages about ${change.name}`} />
    </li>
  );
}

/** What will change (import, restore) or what changed (two exports): settings, bundles, virtual servers and real servers, each with the messages about it. */
export function ImportChanges({ diff, messages = [], labels = IMPORT_LABELS }: { diff: DocumentDiff | TrimmedDiff; messages?: ImportMessage[]; labels?: ChangeLabels }) {
  const about = (subject: string) => messages.filter((m) => m.subject === subject);
  const counts = "counts" in diff ? diff.counts : { bundles: countChanges(diff.bundles), virtualServers: countChanges(diff.virtualServers) };
  const sections = [
    { title: "Firewall-mark bundles", items: diff.bundles, counts: counts.bundles, subject: (c: ObjectChange) => `firewallMark:${c.identity.split(" ")[1]}` },
    { title: "Virtual servers", items: diff.virtualServers, counts: counts.virtualServers, subject: (c: ObjectChange) => `virtualServer:${c.name}` },
  ];
  return (
    <>
      <section className="panel" aria-label="Cluster settings">
        <h3>Cluster settings</h3>
        {diff.settings.length === 0 ? <p className="muted">No setting changes.</p> : <Fields fields={diff.settings} labels={labels} />}
        <MessageList messages={about("cluster")} label="Messages about the cluster settings" />
      </section>
      {sections.map((s) => {
        const shown = s.items.filter((c) => c.kind !== "unchanged");
        return (
          <section className="panel" key={s.title} aria-label={s.title}>
            <h3>{s.title}</h3>
            <p>
              {s.counts.added} added, {s.counts.changed} changed, {s.counts.removed} removed, {s.counts.unchanged} unchanged.
              {shown.length < s.counts.added + s.counts.changed + s.counts.removed ? ` The first ${shown.length} changes are listed.` : ""}
            </p>
            <ul className="change-list">
              {shown.map((c) => <ChangeItem key={`${c.kind}-${c.identity}`} change={c} messages={c.kind === "removed" ? [] : about(s.subject(c))} showFields={c.kind === "changed"} labels={labels} />)}
            </ul>
          </section>
        );
      })}
    </>
  );
}
