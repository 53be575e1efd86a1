import "server-only";
import { familyOf } from "@/lib/domain/model/address";
import { lintScope, type LintOutline } from "@/lib/domain/lint/lint-scope";
import type { ClusterSnapshot } from "./cluster-document";
import { db } from "./db";
import { markFromColumn, markToColumn, optionalMarkFromColumn } from "./stored-values";

/** The object a page edits: its bundle or its virtual server (with the real servers). */
export type PageSubject = { firewallMarkId: number } | { virtualServerId: number };

// A group this large costs about what the whole cluster costs to read, and the
// whole cluster's lint is cached per state: past it, that serves the page.
const SCOPE_LIMIT = 500;

type BundleRow = { id: number; vip: string; mark: bigint };
type ServiceRow = { id: number; vip: string; firewallMark: bigint | null };

// IPv4 VIPs are stored as plain dotted quads, one spelling per address, so SQL
// equality finds them; an IPv6 VIP has many spellings, so a group with one
// reads every IPv6 row and compares canonically (lintScope does).
function candidatesOf(clusterId: number, vips: Set<string>, marks: Set<bigint>) {
  const v6 = [...vips].some((v) => familyOf(v) === 6);
  const byVip = [{ vip: { in: [...vips] } }, ...(v6 ? [{ vip: { contains: ":" } }] : [])];
  const select = { id: true, vip: true } as const;
  return Promise.all([
    db.firewallMarkBundle.findMany({
      where: { clusterId, OR: [...byVip, ...(marks.size > 0 ? [{ mark: { in: [...marks] } }] : [])] },
      orderBy: [{ mark: "asc" }, { id: "asc" }], select: { ...select, mark: true },
    }) as Promise<BundleRow[]>,
    db.virtualServer.findMany({
      where: { clusterId, OR: [...byVip, ...(marks.size > 0 ? [{ firewallMark: { in: [...marks] } }] : [])] },
      orderBy: { name: "asc" }, select: { ...select, firewallMark: true },
    }) as Promise<ServiceRow[]>,
  ]);
}

/**
 * The ids of the bundles and virtual servers in one object's lint scope, read
 * by VIP and mark a few rows at a time (never the whole cluster); null when the
 * object is not in the cluster, "too-large" past SCOPE_LIMIT objects.
 */
export async function findLintScope(clusterId: number, subject: PageSubject): Promise<{ firewallMarks: number[]; virtualServers: number[] } | null | "too-large"> {
  const start = "firewallMarkId" in subject
    ? await db.firewallMarkBundle.findFirst({ where: { id: subject.firewallMarkId, clusterId }, select: { vip: true, mark: true } })
    : await db.virtualServer.findFirst({ where: { id: subject.virtualServerId, clusterId }, select: { vip: true, firewallMark: true } });
  if (!start) return null;
  const vips = new Set([start.vip]);
  const startMark = "mark" in start ? start.mark : start.firewallMark;
  const marks = new Set<bigint>(startMark === null ? [] : [startMark]);
  // Widen by the VIPs and marks of what was found until nothing new turns up.
  for (;;) {
    const [bundles, services] = await candidatesOf(clusterId, vips, marks);
    if (bundles.length + services.length > SCOPE_LIMIT) return "too-large";
    const outline: LintOutline = {
      firewallMarks: bundles.map((b) => ({ vip: b.vip, mark: markFromColumn(b.mark) })),
      virtualServers: services.map((v) => ({ vip: v.vip, firewallMark: optionalMarkFromColumn(v.firewallMark) })),
    };
    const at = "firewallMarkId" in subject
      ? { list: "firewallMarks" as const, index: bundles.findIndex((b) => b.id === subject.firewallMarkId) }
      : { list: "virtualServers" as const, index: services.findIndex((v) => v.id === subject.virtualServerId) };
    if (at.index < 0) return null;
    const scope = lintScope(outline, at);
    const members = { firewallMarks: scope.firewallMarks.map((i) => bundles[i]!), virtualServers: scope.virtualServers.map((i) => services[i]!) };
    const before = vips.size + marks.size;
    for (const { vip, mark } of [...members.firewallMarks, ...members.virtualServers.map((v) => ({ vip: v.vip, mark: v.firewallMark }))]) {
      vips.add(vip);
      if (mark !== null) marks.add(mark);
    }
    if (vips.size + marks.size === before) {
      return { firewallMarks: members.firewallMarks.map((b) => b.id), virtualServers: members.virtualServers.map((v) => v.id) };
    }
  }
}

/** Where the part's `index`-th bundle or virtual server stands in the whole cluster's document order (bundles by mark then id, virtual servers by name). */
export async function positionInCluster(clusterId: number, part: ClusterSnapshot, list: "firewallMarks" | "virtualServers", index: number): Promise<number> {
  if (list === "virtualServers") {
    const name = part.doc.virtualServers[index]?.name;
    return name === undefined ? -1 : db.virtualServer.count({ where: { clusterId, name: { lt: name } } });
  }
  const [id, mark] = [part.ids.firewallMarks[index], part.doc.firewallMarks[index]?.mark];
  if (id === undefined || mark === undefined) return -1;
  const m = markToColumn(mark);
  return db.firewallMarkBundle.count({ where: { clusterId, OR: [{ mark: { lt: m } }, { mark: m, id: { lt: id } }] } });
}
