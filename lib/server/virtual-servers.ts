import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requireClusterPermission } from "./auth/cluster-access";
import { requireObjectPermission } from "./cluster-owner";
import { DataError, NotFoundError, StaleVersionError, isUniqueViolation } from "./data-errors";
import { db } from "./db";
import { auditChange, bumpCluster, type Tx } from "./panel-audit";
import {
  toRealServerData, toRealServerDetail, toVirtualServerData, toVirtualServerValues,
  type RealServerDetail, type VirtualServerValues,
} from "./virtual-server-mapping";

export type { RealServerDetail, VirtualServerValues } from "./virtual-server-mapping";

/** Rows per page of the virtual server list. */
export const VIRTUAL_SERVER_PAGE_SIZE = 50;

/** One line of the virtual server list. */
export interface VirtualServerRow {
  id: number;
  version: number;
  name: string;
  active: boolean;
  vip: string;
  port: number;
  firewallMark: number | null;
  protocol: string;
  scheduler: string;
  persistenceTimeout: number;
}

/** A page of the list with what the pager needs. */
export interface VirtualServerPage {
  rows: VirtualServerRow[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  q: string;
}

/** A virtual server with its real servers, as the edit page shows it. */
export interface VirtualServerDetail {
  id: number;
  clusterId: number;
  version: number;
  values: VirtualServerValues;
  realServers: RealServerDetail[];
}

const rowSelect = {
  id: true, version: true, name: true, active: true, vip: true, port: true, firewallMark: true,
  protocol: true, scheduler: true, persistenceTimeout: true,
} as const;

/** Matches the name or VIP by substring, or the mark exactly when the query is a number. */
function searchWhere(clusterId: number, q: string): Prisma.VirtualServerWhereInput {
  if (q === "") return { clusterId };
  const or: Prisma.VirtualServerWhereInput[] = [{ name: { contains: q } }, { vip: { contains: q } }];
  if (/^\d{1,10}$/.test(q)) or.push({ firewallMark: BigInt(q) });
  return { clusterId, OR: or };
}

/** One page of a cluster's virtual servers by name, filtered by name, VIP or mark; selects only the listed columns. */
export async function listVirtualServers(clusterId: number, options: { page?: number; q?: string } = {}): Promise<VirtualServerPage> {
  await requireClusterPermission(clusterId, "cluster.read");
  const q = (options.q ?? "").trim().slice(0, 100);
  const where = searchWhere(clusterId, q);
  const total = await db.virtualServer.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / VIRTUAL_SERVER_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(options.page ?? 1) || 1), pageCount);
  const rows = await db.virtualServer.findMany({
    where, select: rowSelect, orderBy: { name: "asc" },
    skip: (page - 1) * VIRTUAL_SERVER_PAGE_SIZE, take: VIRTUAL_SERVER_PAGE_SIZE,
  });
  return {
    rows: rows.map((r) => ({ ...r, firewallMark: r.firewallMark === null ? null : Number(r.firewallMark) })),
    total, page, pageCount, pageSize: VIRTUAL_SERVER_PAGE_SIZE, q,
  };
}

async function loadDetail(tx: Tx | typeof db, id: number): Promise<VirtualServerDetail | null> {
  const v = await tx.virtualServer.findUnique({ where: { id }, include: { realServers: { orderBy: { name: "asc" } } } });
  if (!v) return null;
  return { id: v.id, clusterId: v.clusterId, version: v.version, values: toVirtualServerValues(v), realServers: v.realServers.map(toRealServerDetail) };
}

/** One virtual server with its real servers. */
export async function getVirtualServer(id: number): Promise<VirtualServerDetail> {
  await requireObjectPermission("virtual server", id, "cluster.read");
  const detail = await loadDetail(db, id);
  if (!detail) throw new NotFoundError("virtual server");
  return detail;
}

function duplicateName(name: string): DataError {
  return new DataError("Nothing was saved: fix the fields marked below.", {
    fieldErrors: { name: `${name} is already the name of another virtual server in this cluster` },
  });
}

async function assertNameFree(tx: Tx, clusterId: number, name: string, exceptId?: number): Promise<void> {
  const clash = await tx.virtualServer.findFirst({
    where: { clusterId, name, ...(exceptId === undefined ? {} : { id: { not: exceptId } }) }, select: { id: true },
  });
  if (clash) throw duplicateName(name);
}

/** Creates a virtual server, with any real servers in the input (validated with virtualServerSchema). Operators and admins. */
export async function createVirtualServer(
  clusterId: number, input: VirtualServerValues & { realServers?: Parameters<typeof toRealServerData>[0][] },
): Promise<VirtualServerDetail> {
  const user = await requireClusterPermission(clusterId, "virtualServer.write");
  return db.$transaction(async (tx) => {
    if (!(await tx.cluster.findUnique({ where: { id: clusterId }, select: { id: true } }))) throw new NotFoundError("cluster");
    await assertNameFree(tx, clusterId, input.name);
    const { realServers = [], ...values } = input;
    const created = await tx.virtualServer.create({
      data: { clusterId, ...toVirtualServerData(values), realServers: { create: realServers.map(toRealServerData) } },
      select: { id: true },
    });
    await bumpCluster(tx, clusterId);
    const detail = (await loadDetail(tx, created.id))!;
    await auditChange(tx, user, {
      action: "virtualServer.create", targetType: "virtualServer", targetId: created.id, clusterId, after: detail.values,
    });
    return detail;
  }).catch(rethrowUnique(input.name));
}

/** Saves a virtual server's fields (not its real servers), refusing a stale version. Operators and admins. */
export async function updateVirtualServer(id: number, version: number, input: VirtualServerValues): Promise<VirtualServerDetail> {
  const user = await requireObjectPermission("virtual server", id, "virtualServer.write");
  return db.$transaction(async (tx) => {
    const before = await loadDetail(tx, id);
    if (!before) throw new NotFoundError("virtual server");
    await assertNameFree(tx, before.clusterId, input.name, id);
    const { count } = await tx.virtualServer.updateMany({
      where: { id, version }, data: { ...toVirtualServerData(input), version: { increment: 1 } },
    });
    if (count === 0) throw new StaleVersionError("virtual server", before);
    await bumpCluster(tx, before.clusterId);
    const after = (await loadDetail(tx, id))!;
    await auditChange(tx, user, {
      action: "virtualServer.update", targetType: "virtualServer", targetId: id, clusterId: before.clusterId,
      before: before.values, after: after.values,
    });
    return after;
  }).catch(rethrowUnique(input.name));
}

/** Activates or deactivates a virtual server (Piranha's (DE)ACTIVATE), refusing a stale version. Operators and admins. */
export async function setVirtualServerActive(id: number, version: number, active: boolean): Promise<VirtualServerRow> {
  const user = await requireObjectPermission("virtual server", id, "virtualServer.write");
  return db.$transaction(async (tx) => {
    const before = await tx.virtualServer.findUnique({ where: { id }, select: { ...rowSelect, clusterId: true } });
    if (!before) throw new NotFoundError("virtual server");
    const { count } = await tx.virtualServer.updateMany({ where: { id, version }, data: { active, version: { increment: 1 } } });
    if (count === 0) throw new StaleVersionError("virtual server", { ...before, firewallMark: before.firewallMark === null ? null : Number(before.firewallMark) });
    await bumpCluster(tx, before.clusterId);
    await auditChange(tx, user, {
      action: active ? "virtualServer.activate" : "virtualServer.deactivate", targetType: "virtualServer", targetId: id,
      clusterId: before.clusterId, before: { active: before.active }, after: { active },
    });
    const after = await tx.virtualServer.findUniqueOrThrow({ where: { id }, select: rowSelect });
    return { ...after, firewallMark: after.firewallMark === null ? null : Number(after.firewallMark) };
  });
}

/** Deletes a virtual server and its real servers, refusing a stale version. Operators and admins. */
export async function deleteVirtualServer(id: number, version: number): Promise<{ id: number }> {
  const user = await requireObjectPermission("virtual server", id, "virtualServer.write");
  return db.$transaction(async (tx) => {
    const before = await loadDetail(tx, id);
    if (!before) throw new NotFoundError("virtual server");
    const { count } = await tx.virtualServer.deleteMany({ where: { id, version } });
    if (count === 0) throw new StaleVersionError("virtual server", before, "delete");
    await bumpCluster(tx, before.clusterId);
    await auditChange(tx, user, {
      action: "virtualServer.delete", targetType: "virtualServer", targetId: id, clusterId: before.clusterId,
      before: { ...before.values, realServers: before.realServers.map((r) => r.values) },
    });
    return { id };
  });
}

function rethrowUnique(name: string) {
  return (error: unknown): never => {
    if (isUniqueViolation(error)) throw duplicateName(name);
    throw error;
  };
}
