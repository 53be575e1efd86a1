import "server-only";
import { familyOf } from "@/lib/domain/model/address";
import { parsePortSpec } from "@/lib/domain/model/ports";
import type { FirewallMark, FirewallMarkInput } from "@/lib/domain/schema";
import { requireClusterPermission } from "./auth/cluster-access";
import { requireObjectPermission } from "./cluster-owner";
import { DataError, NotFoundError, StaleVersionError, isUniqueViolation } from "./data-errors";
import { db } from "./db";
import { auditChange, bumpCluster, type Tx } from "./panel-audit";

/** A virtual server that uses a bundle's mark. */
export interface MarkUser {
  id: number;
  name: string;
}

/** A bundle as the list and the editor show it. */
export interface FirewallMarkDetail {
  id: number;
  clusterId: number;
  version: number;
  family: "ipv4" | "ipv6";
  values: FirewallMark;
  usedBy: MarkUser[];
}

const bundleInclude = { ports: { orderBy: { position: "asc" as const } } };

type BundleRow = {
  id: number; clusterId: number; version: number; family: string; mark: bigint; name: string;
  description: string; vip: string; protocol: string; ports: { lo: number; hi: number }[];
};

/** "ipv6" when the VIP is an IPv6 address; a mark is unique per cluster and family. */
export const bundleFamily = (vip: string): "ipv4" | "ipv6" => (familyOf(vip) === 6 ? "ipv6" : "ipv4");

function toDetail(b: BundleRow, usedBy: MarkUser[]): FirewallMarkDetail {
  return {
    id: b.id,
    clusterId: b.clusterId,
    version: b.version,
    family: b.family === "ipv6" ? "ipv6" : "ipv4",
    values: {
      mark: Number(b.mark),
      name: b.name,
      description: b.description || undefined,
      vip: b.vip,
      protocol: b.protocol as FirewallMark["protocol"],
      ports: b.ports.map((p) => (p.lo === p.hi ? String(p.lo) : `${p.lo}-${p.hi}`)),
    },
    usedBy,
  };
}

async function usersOf(tx: Tx | typeof db, clusterId: number, mark: bigint, family: string): Promise<MarkUser[]> {
  const rows = await tx.virtualServer.findMany({
    where: { clusterId, firewallMark: mark }, select: { id: true, name: true, vip: true }, orderBy: { name: "asc" },
  });
  return rows.filter((r) => bundleFamily(r.vip) === family).map(({ id, name }) => ({ id, name }));
}

/** The cluster's bundles by mark, each with the virtual servers that use it. */
export async function listFirewallMarks(clusterId: number): Promise<FirewallMarkDetail[]> {
  await requireClusterPermission(clusterId, "cluster.read");
  const [bundles, marked] = await Promise.all([
    // Ports unordered in the query (an ordered nested load cannot be chunked past 999 bundles: P2029), ordered here.
    db.firewallMarkBundle.findMany({ where: { clusterId }, include: { ports: true }, orderBy: [{ mark: "asc" }, { family: "asc" }] })
      .then((rows) => rows.map((b) => ({ ...b, ports: [...b.ports].sort((x, y) => x.position - y.position) }))),
    db.virtualServer.findMany({
      where: { clusterId, firewallMark: { not: null } }, select: { id: true, name: true, vip: true, firewallMark: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return bundles.map((b) =>
    toDetail(b, marked.filter((v) => v.firewallMark === b.mark && bundleFamily(v.vip) === b.family).map(({ id, name }) => ({ id, name }))),
  );
}

/** One bundle with its users. */
export async function getFirewallMark(id: number): Promise<FirewallMarkDetail> {
  await requireObjectPermission("firewall mark bundle", id, "cluster.read");
  const b = await db.firewallMarkBundle.findUnique({ where: { id }, include: bundleInclude });
  if (!b) throw new NotFoundError("firewall-mark bundle");
  return toDetail(b, await usersOf(db, b.clusterId, b.mark, b.family));
}

function bundleData(input: FirewallMark) {
  return {
    mark: BigInt(input.mark),
    family: bundleFamily(input.vip),
    name: input.name,
    description: input.description ?? "",
    vip: input.vip,
    protocol: input.protocol,
  };
}

function portRows(ports: readonly string[]) {
  return ports.map((spec, position) => {
    const r = parsePortSpec(spec);
    if (!r.ok) throw new DataError(r.message, { fieldErrors: { [`ports.${position}`]: r.message } });
    return { position, lo: r.range.lo, hi: r.range.hi };
  });
}

async function assertUnique(tx: Tx, clusterId: number, input: FirewallMark, exceptId?: number): Promise<void> {
  const family = bundleFamily(input.vip);
  const not = exceptId === undefined ? {} : { id: { not: exceptId } };
  const fieldErrors: Record<string, string> = {};
  const sameMark = await tx.firewallMarkBundle.findFirst({ where: { clusterId, mark: BigInt(input.mark), family, ...not } });
  if (sameMark) fieldErrors.mark = `mark ${input.mark} is already used by bundle ${sameMark.name} (${family}); each mark is unique per address family`;
  const sameName = await tx.firewallMarkBundle.findFirst({ where: { clusterId, name: input.name, ...not } });
  if (sameName) fieldErrors.name = `${input.name} is already the name of another bundle`;
  if (Object.keys(fieldErrors).length > 0) throw new DataError("Nothing was saved: fix the fields marked below.", { fieldErrors });
}

function rethrowUnique(error: unknown): never {
  if (isUniqueViolation(error)) {
    throw new DataError("Nothing was saved: another bundle took this mark or name at the same moment.", {
      fieldErrors: { mark: "this mark or name is already in use" },
    });
  }
  throw error;
}

/** Creates a bundle in a cluster (input validated with firewallMarkSchema). Operators and admins. */
export async function createFirewallMark(clusterId: number, input: FirewallMark): Promise<FirewallMarkDetail> {
  const user = await requireClusterPermission(clusterId, "firewallMark.write");
  return db.$transaction(async (tx) => {
    if (!(await tx.cluster.findUnique({ where: { id: clusterId }, select: { id: true } }))) throw new NotFoundError("cluster");
    await assertUnique(tx, clusterId, input);
    const created = await tx.firewallMarkBundle.create({
      data: { clusterId, ...bundleData(input), ports: { create: portRows(input.ports) } }, include: bundleInclude,
    });
    await bumpCluster(tx, clusterId);
    const detail = toDetail(created, await usersOf(tx, clusterId, created.mark, created.family));
    await auditChange(tx, user, { action: "firewallMark.create", targetType: "firewallMark", targetId: created.id, clusterId, after: detail.values });
    return detail;
  }).catch(rethrowUnique);
}

/** Replaces a bundle's fields and port list, refusing a stale version. Operators and admins. */
export async function updateFirewallMark(id: number, version: number, input: FirewallMark): Promise<FirewallMarkDetail> {
  const user = await requireObjectPermission("firewall mark bundle", id, "firewallMark.write");
  return db.$transaction(async (tx) => {
    const before = await tx.firewallMarkBundle.findUnique({ where: { id }, include: bundleInclude });
    if (!before) throw new NotFoundError("firewall-mark bundle");
    const beforeDetail = toDetail(before, await usersOf(tx, before.clusterId, before.mark, before.family));
    if (before.version !== version) throw new StaleVersionError("firewall-mark bundle", beforeDetail);
    await assertUnique(tx, before.clusterId, input, id);
    const { count } = await tx.firewallMarkBundle.updateMany({
      where: { id, version }, data: { ...bundleData(input), version: { increment: 1 } },
    });
    if (count === 0) throw new StaleVersionError("firewall-mark bundle", beforeDetail);
    await tx.bundlePort.deleteMany({ where: { bundleId: id } });
    await tx.bundlePort.createMany({ data: portRows(input.ports).map((p) => ({ ...p, bundleId: id })) });
    await bumpCluster(tx, before.clusterId);
    const after = await tx.firewallMarkBundle.findUniqueOrThrow({ where: { id }, include: bundleInclude });
    const detail = toDetail(after, await usersOf(tx, after.clusterId, after.mark, after.family));
    await auditChange(tx, user, {
      action: "firewallMark.update", targetType: "firewallMark", targetId: id, clusterId: before.clusterId,
      before: beforeDetail.values, after: detail.values,
    });
    return detail;
  }).catch(rethrowUnique);
}

/** Deletes a bundle; when virtual servers use its mark, only with `confirmUsed`. Operators and admins. */
export async function deleteFirewallMark(id: number, version: number, confirmUsed: boolean): Promise<{ id: number }> {
  const user = await requireObjectPermission("firewall mark bundle", id, "firewallMark.write");
  return db.$transaction(async (tx) => {
    const before = await tx.firewallMarkBundle.findUnique({ where: { id }, include: bundleInclude });
    if (!before) throw new NotFoundError("firewall-mark bundle");
    const usedBy = await usersOf(tx, before.clusterId, before.mark, before.family);
    const detail = toDetail(before, usedBy);
    if (before.version !== version) throw new StaleVersionError("firewall-mark bundle", detail, "delete");
    if (usedBy.length > 0 && !confirmUsed) {
      throw new DataError(
        `Bundle ${before.name} (mark ${before.mark}) is used by ${usedBy.map((u) => u.name).join(", ")}. Confirm to delete it anyway; those virtual servers keep the mark and lint will report them.`,
        { current: detail },
      );
    }
    const { count } = await tx.firewallMarkBundle.deleteMany({ where: { id, version } });
    if (count === 0) throw new StaleVersionError("firewall-mark bundle", detail, "delete");
    await bumpCluster(tx, before.clusterId);
    await auditChange(tx, user, {
      action: "firewallMark.delete", targetType: "firewallMark", targetId: id, clusterId: before.clusterId,
      before: detail.values, detail: usedBy.length ? `used by ${usedBy.map((u) => u.name).join(", ")}` : undefined,
    });
    return { id };
  });
}
