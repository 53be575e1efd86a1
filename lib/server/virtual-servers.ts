import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { clusterRoleOf, requireClusterPermission } from "./auth/cluster-access";
import { requireObjectPermission } from "./cluster-owner";
import { bumpContentSerial } from "./cluster-serial";
import { DataError, NotFoundError, isUniqueViolation } from "./data-errors";
import { db, type Tx } from "./db";
import { auditChange } from "./panel-audit";
import { assertMayWriteScripts } from "./script-guard";
import { markFromColumn, markToColumn } from "./stored-values";
import { versionedWrite } from "./versioned-write";
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

const toListRow = <R extends { firewallMark: bigint | null }>(r: R) => ({ ...r, firewallMark: r.firewallMark === null ? null : markFromColumn(r.firewallMark) });

/** Matches the name or VIP by substring, or the mark exactly when the query is a number. */
function searchWhere(clusterId: number, q: string): Prisma.VirtualServerWhereInput {
  if (q === "") return { clusterId };
  const or: Prisma.VirtualServerWhereInput[] = [{ name: { contains: q } }, { vip: { contains: q } }];
  if (/^\d{1,10}$/.test(q)) or.push({ firewallMark: markToColumn(Number(q)) });
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
    rows: rows.map(toListRow),
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
  assertMayWriteScripts(await clusterRoleOf(user, clusterId), undefined, input);
  return db.$transaction(async (tx) => {
    if (!(await tx.cluster.findUnique({ where: { id: clusterId }, select: { id: true } }))) throw new NotFoundError("cluster");
    await assertNameFree(tx, clusterId, input.name);
    const { realServers = [], ...values } = input;
    const created = await tx.virtualServer.create({
      data: { clusterId, ...toVirtualServerData(values), realServers: { create: realServers.map(toRealServerData) } },
      select: { id: true },
    });
    await bumpContentSerial(tx, clusterId);
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
  return versionedWrite(user, version, {
    what: "virtual server",
    find: (tx) => loadDetail(tx, id),
    current: (before) => before,
    check: async (tx, before) => {
      assertMayWriteScripts(await clusterRoleOf(user, before.clusterId), before.values, input);
      await assertNameFree(tx, before.clusterId, input.name, id);
    },
    write: (tx) => tx.virtualServer.updateMany({ where: { id, version }, data: { ...toVirtualServerData(input), version: { increment: 1 } } }),
    contentOf: (before) => before.clusterId,
    result: async (tx) => (await loadDetail(tx, id))!,
    audit: (before, _, after) => ({
      action: "virtualServer.update", targetType: "virtualServer", targetId: id, clusterId: before.clusterId,
      before: before.values, after: after.values,
    }),
  }).catch(rethrowUnique(input.name));
}

/** Activates or deactivates a virtual server (Piranha's (DE)ACTIVATE), refusing a stale version. Operators and admins. */
export async function setVirtualServerActive(id: number, version: number, active: boolean): Promise<VirtualServerRow> {
  const user = await requireObjectPermission("virtual server", id, "virtualServer.write");
  return versionedWrite(user, version, {
    what: "virtual server",
    find: (tx) => tx.virtualServer.findUnique({ where: { id }, select: { ...rowSelect, clusterId: true } }),
    current: (before): VirtualServerRow & { clusterId: number } => toListRow(before),
    write: (tx) => tx.virtualServer.updateMany({ where: { id, version }, data: { active, version: { increment: 1 } } }),
    contentOf: (before) => before.clusterId,
    result: async (tx) => toListRow(await tx.virtualServer.findUniqueOrThrow({ where: { id }, select: rowSelect })),
    audit: (before) => ({
      action: active ? "virtualServer.activate" : "virtualServer.deactivate", targetType: "virtualServer", targetId: id,
      clusterId: before.clusterId, before: { active: before.active }, after: { active },
    }),
  });
}

/** Deletes a virtual server and its real servers, refusing a stale version. Operators and admins. */
export async function deleteVirtualServer(id: number, version: number): Promise<{ id: number }> {
  const user = await requireObjectPermission("virtual server", id, "virtualServer.write");
  return versionedWrite(user, version, {
    what: "virtual server",
    refused: "delete",
    find: (tx) => loadDetail(tx, id),
    current: (before) => before,
    write: (tx) => tx.virtualServer.deleteMany({ where: { id, version } }),
    contentOf: (before) => before.clusterId,
    result: () => ({ id }),
    audit: (before) => ({
      action: "virtualServer.delete", targetType: "virtualServer", targetId: id, clusterId: before.clusterId,
      before: { ...before.values, realServers: before.realServers.map((r) => r.values) },
    }),
  });
}

function rethrowUnique(name: string) {
  return (error: unknown): never => {
    if (isUniqueViolation(error)) throw duplicateName(name);
    throw error;
  };
}
