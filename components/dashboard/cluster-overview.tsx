import { ClusterLink } from "@/components/ui/cluster-link";
import { Pager } from "@/components/ui/pager";
import type { LintCount, OverviewBundle, OverviewVirtualServer } from "@/lib/domain/overview/build-overview";
import type { OverviewPage } from "@/lib/server/overview";

// A service with thousands of real servers still renders a short line; its page lists them all.
const REAL_SERVERS_SHOWN = 8;

function LintBadge({ lint, href, of }: { lint: LintCount; href: string; of: string }) {
  if (lint.errors === 0 && lint.warnings === 0) return <span className="badge ok">ok</span>;
  const text = [lint.errors ? `${lint.errors} error${lint.errors === 1 ? "" : "s"}` : "", lint.warnings ? `${lint.warnings} warning${lint.warnings === 1 ? "" : "s"}` : ""].filter(Boolean).join(", ");
  return <ClusterLink className={`badge ${lint.errors ? "error" : "warning"}`} href={href} aria-label={`${text} on ${of}`}>{text}</ClusterLink>;
}

function ServiceItem({ v }: { v: OverviewVirtualServer }) {
  const href = `/virtual-servers/${v.id}`;
  const extra = v.realServers.length - REAL_SERVERS_SHOWN;
  return (
    <li>
      virtual server <ClusterLink href={href}>{v.name}</ClusterLink>{v.active ? null : <span className="muted"> (inactive)</span>}{" "}
      <span className="muted">· {v.protocol} :{v.port} · {v.scheduler} · persistence {v.persistenceSeconds ? `${v.persistenceSeconds} s` : "off"}</span>{" "}
      <LintBadge lint={v.lint} href={href} of={`virtual server ${v.name}`} />
      {v.realServers.length === 0 ? <div className="muted">no real servers</div> : (
        <ul className="overview-real">
          {v.realServers.slice(0, REAL_SERVERS_SHOWN).map((r) => (
            <li key={r.id} className={r.active ? undefined : "muted"}>
              {r.name} {r.address}{r.port === null ? "" : `:${r.port}`} · weight {r.weight}{r.active ? "" : " · inactive"}
              {r.lint.errors || r.lint.warnings ? <> <LintBadge lint={r.lint} href={href} of={`real server ${r.name}`} /></> : null}
            </li>
          ))}
          {extra > 0 ? <li><ClusterLink href={href}>{extra} more real servers</ClusterLink></li> : null}
        </ul>
      )}
    </li>
  );
}

function BundleItem({ b }: { b: OverviewBundle }) {
  const href = `/firewall-marks/${b.id}`;
  return (
    <li>
      bundle <ClusterLink href={href}>{b.name}</ClusterLink> <span className="muted">· mark {b.mark} · {b.protocol} {b.ports.join(", ")}</span>{" "}
      <LintBadge lint={b.lint} href={href} of={`bundle ${b.name}`} />
      {b.virtualServers.length === 0 ? <div className="muted">no virtual server on this mark</div> : (
        <ul>{b.virtualServers.map((v) => <ServiceItem key={v.id} v={v} />)}</ul>
      )}
    </li>
  );
}

/** The cluster as one picture: VIP → bundle → virtual servers → real servers, each with its lint state, filtered and paged. */
export function ClusterOverview({ overview, filterAction }: { overview: OverviewPage; filterAction: string }) {
  const { groups, q } = overview;
  return (
    <>
      <form role="search" action={filterAction} method="get" className="overview-filter">
        <div className="field" style={{ margin: 0 }}>
          <label htmlFor="overview-q">Filter by name, VIP, mark, port or address</label>
          <input id="overview-q" name="q" type="search" defaultValue={q} />
        </div>
        <button type="submit" className="secondary">Filter</button>
        {q ? <ClusterLink href="/">Show all</ClusterLink> : null}
      </form>
      <p className="muted" aria-live="polite">
        {q ? `${overview.matchingGroups} of ${overview.totalGroups} VIPs match “${q}”.` : `${overview.totalGroups} VIP${overview.totalGroups === 1 ? "" : "s"}.`}
      </p>
      <div className="overview">
        {groups.map((g) => (
          <section key={g.vip} aria-label={`VIP ${g.vip}`}>
            <h3>VIP {g.vip}</h3>
            <ul>
              {g.bundles.map((b) => <BundleItem key={`b${b.id}`} b={b} />)}
              {g.virtualServers.map((v) => <ServiceItem key={`v${v.id}`} v={v} />)}
            </ul>
          </section>
        ))}
      </div>
      {overview.pageCount > 1 ? <Pager basePath="/" page={overview.page} pageCount={overview.pageCount} q={q} label="Overview pages" /> : null}
    </>
  );
}
