import "server-only";
import type { RealServer } from "@/lib/domain/schema";
import { requireObjectPermission } from "./cluster-owner";
import { DataError, NotFoundError, StaleVersionError, isUniqueViolation } from "./data-errors";
import { db } from "./db";
import { auditChange, bumpCluster, type Tx } from "./panel-audit";
import { toRealServerData, toRealServerDetail, type RealServerDetail } from "./virtual-server-mapping";

const withCluster = { virtualServer: { select: { clusterId: true, name: true } } } as const;

function duplicateName(name: string): DataError {
  return new DataError("Nothing was saved: fix the fields marked below.", {
    fieldErrors: { name: `${name} is already the name of another real server of this virtual server` },
  });
}

async function assertNameFree(tx: Tx, virtualServerId: number, name: string, exceptId?: number): Promise<void> {
  const clash = await tx.realServer.findFirst({
    where: { virtualServerId, name, ...(exceptId === undefined ? {} : { id: { not: exceptId } }) }, select: { id: true },
  });
  if (clash) throw duplicateName(name);
}

const rethrowUnique = (name: string) => (error: unknown): never => {
  if (isUniqueViolation(error)) throw duplicateName(name);
  throw error;
};

/** Adds a real server to a virtual server (input validated with realServerSchema). Operators and admins. */
export async function createRealServer(virtualServerId: number, input: RealServer): Promise<RealServerDetail> {
  const user = await requireObjectPermission("virtual server", virtualServerId, "virtualServer.write");
  return db.$transaction(async (tx) => {
    const vs = await tx.virtualServer.findUnique({ where: { id: virtualServerId }, select: { clusterId: true, name: true } });
    if (!vs) throw new NotFoundError("virtual server");
    await assertNameFree(tx, virtualServerId, input.name);
    const created = await tx.realServer.create({ data: { virtualServerId, ...toRealServerData(input) } });
    await bumpCluster(tx, vs.clusterId);
    const detail = toRealServerDetail(created);
    await auditChange(tx, user, {
      action: "realServer.create", targetType: "realServer", targetId: created.id, clusterId: vs.clusterId,
      after: detail.values, detail: `virtual server ${vs.name}`,
    });
    return detail;
  }).catch(rethrowUnique(input.name));
}

/** Saves a real server (name, address, port, weight, active), refusing a stale version. Operators and admins. */
export async function updateRealServer(id: number, version: number, input: RealServer): Promise<RealServerDetail> {
  const user = await requireObjectPermission("real server", id, "virtualServer.write");
  return db.$transaction(async (tx) => {
    const before = await tx.realServer.findUnique({ where: { id }, include: withCluster });
    if (!before) throw new NotFoundError("real server");
    await assertNameFree(tx, before.virtualServerId, input.name, id);
    const { count } = await tx.realServer.updateMany({
      where: { id, version }, data: { ...toRealServerData(input), version: { increment: 1 } },
    });
    if (count === 0) throw new StaleVersionError("real server", toRealServerDetail(before));
    await bumpCluster(tx, before.virtualServer.clusterId);
    const after = toRealServerDetail(await tx.realServer.findUniqueOrThrow({ where: { id } }));
    await auditChange(tx, user, {
      action: "realServer.update", targetType: "realServer", targetId: id, clusterId: before.virtualServer.clusterId,
      before: toRealServerDetail(before).values, after: after.values, detail: `virtual server ${before.virtualServer.name}`,
    });
    return after;
  }).catch(rethrowUnique(input.name));
}

/** Activates or deactivates a real server, refusing a stale version. Operators and admins. */
export async function setRealServerActive(id: number, version: number, active: boolean): Promise<RealServerDetail> {
  const user = await requireObjectPermission("real server", id, "virtualServer.write");
  return db.$transaction(async (tx) => {
    const before = await tx.realServer.findUnique({ where: { id }, include: withCluster });
    if (!before) throw new NotFoundError("real server");
    const { count } = await tx.realServer.updateMany({ where: { id, version }, data: { active, version: { increment: 1 } } });
    if (count === 0) throw new StaleVersionError("real server", toRealServerDetail(before));
    await bumpCluster(tx, before.virtualServer.clusterId);
    await auditChange(tx, user, {
      action: active ? "realServer.activate" : "realServer.deactivate", targetType: "realServer", targetId: id,
      clusterId: before.virtualServer.clusterId, before: { active: before.active }, after: { active },
      detail: `virtual server ${before.virtualServer.name}`,
    });
    return toRealServerDetail(await tx.realServer.findUniqueOrThrow({ where: { id } }));
  });
}

/** Removes a real server, refusing a stale version. Operators and admins. */
export async function deleteRealServer(id: number, version: number): Promise<{ id: number }> {
  const user = await requireObjectPermission("real server", id, "virtualServer.write");
  return db.$transaction(async (tx) => {
    const before = await tx.realServer.findUnique({ where: { id }, include: withCluster });
    if (!before) throw new NotFoundError("real server");
    const { count } = await tx.realServer.deleteMany({ where: { id, version } });
    if (count === 0) throw new StaleVersionError("real server", toRealServerDetail(before), "delete");
    await bumpCluster(tx, before.virtualServer.clusterId);
    await auditChange(tx, user, {
      action: "realServer.delete", targetType: "realServer", targetId: id, clusterId: before.virtualServer.clusterId,
      before: toRealServerDetail(before).values, detail: `virtual server ${before.virtualServer.name}`,
    });
    return { id };
  });
}
