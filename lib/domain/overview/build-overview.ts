import type { LinkedDiagnostic, ObjectDirectory } from "../links/locate-diagnostic";
import { canonicalAddress, familyOf } from "../model/address";
import type { LvsDocument } from "../schema/document";

/** Lint state of one object: how many errors and warnings name it. */
export interface LintCount { errors: number; warnings: number }

/** A real server as the overview shows it. */
export interface OverviewRealServer { id: number; name: string; address: string; port: number | null; weight: number; active: boolean; lint: LintCount }

/** A virtual server with its real servers. */
export interface OverviewVirtualServer {
  id: number; name: string; active: boolean; protocol: string; port: number; firewallMark: number | null;
  scheduler: string; persistenceSeconds: number; lint: LintCount; realServers: OverviewRealServer[];
}

/** A bundle with the virtual servers that listen on its mark. */
export interface OverviewBundle { id: number; name: string; mark: number; protocol: string; ports: string[]; lint: LintCount; virtualServers: OverviewVirtualServer[] }

/** Everything on one VIP: bundles (with their services) and the services no bundle of this VIP carries. */
export interface OverviewGroup { vip: string; bundles: OverviewBundle[]; virtualServers: OverviewVirtualServer[] }

const NONE: LintCount = { errors: 0, warnings: 0 };

/** Error and warning counts per diagnostic target (objectKey). */
export function countLintByObject(diagnostics: readonly LinkedDiagnostic[]): Map<string, LintCount> {
  const counts = new Map<string, LintCount>();
  for (const d of diagnostics) {
    if (!d.target || d.severity === "info") continue;
    const c = counts.get(d.target.objectKey) ?? { errors: 0, warnings: 0 };
    counts.set(d.target.objectKey, d.severity === "error" ? { ...c, errors: c.errors + 1 } : { ...c, warnings: c.warnings + 1 });
  }
  return counts;
}

const markKey = (mark: number, vip: string) => `${mark}:${familyOf(vip)}`;

/** The cluster as VIP → bundle → virtual servers → real servers, each object with its lint state; groups ordered by VIP. */
export function buildOverview(doc: LvsDocument, dir: ObjectDirectory, diagnostics: readonly LinkedDiagnostic[]): OverviewGroup[] {
  const lint = countLintByObject(diagnostics);
  const lintOf = (key: string) => lint.get(key) ?? NONE;
  const groups = new Map<string, OverviewGroup>();
  const groupOf = (vip: string) => {
    const key = canonicalAddress(vip);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { vip: key, bundles: [], virtualServers: [] }));
    return g;
  };
  const bundles = new Map<string, OverviewBundle>();
  doc.firewallMarks.forEach((b, i) => {
    const id = dir.firewallMarks[i]?.id ?? 0;
    const bundle: OverviewBundle = { id, name: b.name, mark: b.mark, protocol: b.protocol, ports: [...b.ports], lint: lintOf(`firewallMark:${id}`), virtualServers: [] };
    // A mark reused in one family is a lint error; the overview files services under the first bundle.
    if (!bundles.has(markKey(b.mark, b.vip))) bundles.set(markKey(b.mark, b.vip), bundle);
    groupOf(b.vip).bundles.push(bundle);
  });
  doc.virtualServers.forEach((v, i) => {
    const entry = dir.virtualServers[i];
    const id = entry?.id ?? 0;
    const service: OverviewVirtualServer = {
      id, name: v.name, active: v.active, protocol: v.protocol, port: v.port, firewallMark: v.firewallMark ?? null,
      scheduler: v.scheduler, persistenceSeconds: v.persistence?.timeoutSeconds ?? 0, lint: lintOf(`virtualServer:${id}`),
      realServers: v.realServers.map((r, j) => {
        const rid = entry?.realServers[j]?.id ?? 0;
        return { id: rid, name: r.name, address: r.address, port: r.port ?? null, weight: r.weight, active: r.active, lint: lintOf(`realServer:${rid}`) };
      }),
    };
    const bundle = v.firewallMark === undefined ? undefined : bundles.get(markKey(v.firewallMark, v.vip));
    if (bundle) bundle.virtualServers.push(service);
    else groupOf(v.vip).virtualServers.push(service);
  });
  return [...groups.values()].sort((a, b) => compareVips(a.vip, b.vip));
}

// IPv4 before IPv6, then by address text with numbers compared as numbers (10.0.0.9 before 10.0.0.10).
function compareVips(a: string, b: string): number {
  return familyOf(a) - familyOf(b) || a.localeCompare(b, "en", { numeric: true });
}
