import type { Metadata } from "next";
import { AuditEventRow } from "@/components/audit/audit-event-row";
import { auditFilterSchema, listAuditEvents, listAuditFacets, type AuditFilter } from "@/lib/server/audit-queries";
import { can } from "@/lib/server/auth/permissions";
import { verifySession } from "@/lib/server/auth/session";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = { title: "Audit log" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function pageHref(filter: AuditFilter, page: number): string {
  const params = new URLSearchParams();
  for (const key of ["actor", "action", "from", "to", "targetType", "targetId"] as const) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  params.set("page", String(page));
  return `/audit?${params.toString()}`;
}

/** Admin page: the append-only audit trail, filtered by actor, action, object and date range, 50 a page. */
export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const me = await verifySession();
  if (!can(me.role, "audit.read")) {
    return (
      <>
        <h1>Audit log</h1>
        <p role="alert" className="alert error">Only admins can read the audit log.</p>
      </>
    );
  }
  const raw = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const filter = auditFilterSchema.parse({
    actor: first(raw.actor), action: first(raw.action), from: first(raw.from), to: first(raw.to),
    targetType: first(raw.targetType), targetId: first(raw.targetId), page: first(raw.page),
  });
  const [{ events, total, page, pageCount }, facets] = await Promise.all([listAuditEvents(filter), listAuditFacets()]);

  return (
    <>
      <h1>Audit log</h1>
      <form method="get" action="/audit" className="panel" aria-label="Filter audit events">
        <div style={{ display: "flex", gap: "1rem", flexWrap: "wrap", alignItems: "flex-end" }}>
          <div className="field">
            <label htmlFor="actor">Actor</label>
            <input id="actor" name="actor" list="actors" defaultValue={filter.actor ?? ""} />
            <datalist id="actors">{facets.actors.map((a) => <option key={a} value={a} />)}</datalist>
          </div>
          <div className="field">
            <label htmlFor="action">Action</label>
            <input id="action" name="action" list="actions" defaultValue={filter.action ?? ""} aria-describedby="action-hint" />
            <datalist id="actions">{facets.actions.map((a) => <option key={a} value={a} />)}</datalist>
            <span className="hint" id="action-hint">Prefix match, e.g. user. or auth.login</span>
          </div>
          <div className="field">
            <label htmlFor="from">From</label>
            <input id="from" name="from" type="date" defaultValue={filter.from ?? ""} />
          </div>
          <div className="field">
            <label htmlFor="to">To</label>
            <input id="to" name="to" type="date" defaultValue={filter.to ?? ""} />
          </div>
          {filter.targetType ? (
            <div className="field">
              <span>Object</span>
              <span>
                {filter.targetType} {filter.targetId ? `#${filter.targetId}` : ""}{" "}
                <input type="hidden" name="targetType" value={filter.targetType} />
                {filter.targetId ? <input type="hidden" name="targetId" value={filter.targetId} /> : null}
                <a href="/audit">every object</a>
              </span>
            </div>
          ) : null}
          <div className="field">
            <button type="submit">Filter</button>
          </div>
        </div>
      </form>
      <p className="muted" role="status">
        {total} event{total === 1 ? "" : "s"}; page {page} of {pageCount}. Times are UTC.
      </p>
      <TableScroll label="Audit events">
        <table className="audit-table">
          <thead>
            <tr>
              <th scope="col">When (UTC)</th>
              <th scope="col">Actor</th>
              <th scope="col">Action</th>
              <th scope="col">Object</th>
              <th scope="col">Details</th>
              <th scope="col">Address</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => <AuditEventRow key={e.id} event={e} />)}
          </tbody>
        </table>
      </TableScroll>
      <nav aria-label="Audit pages" style={{ marginTop: "1rem", display: "flex", gap: "1rem" }}>
        {page > 1 ? <a href={pageHref(filter, page - 1)}>Newer</a> : null}
        {page < pageCount ? <a href={pageHref(filter, page + 1)}>Older</a> : null}
      </nav>
    </>
  );
}
