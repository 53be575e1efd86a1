import "server-only";
import type { RealServer } from "@/lib/domain/schema";
import { requireObjectPermission } from "./cluster-owner";
import { bumpContentSerial } from "./cluster-serial";
import { DataError, NotFoundError, isUniqueViolation } from "./data-errors";
import { db, type Tx } from "./db";
import { auditChange } from "./panel-audit";
import { toRealServerData, toRealServerDetail, type RealServerDetail } from "./real-server-mapping";
import { versionedWrite } from "./versioned-write";

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
    await bumpContentSerial(tx, vs.clusterId);
    const detail = toRealServerDetail(created);
    await auditChange(tx, user, {
      action: "realServer.create", targetType: "realServer", targetId: created.id, clusterId: vs.clusterId,
      after: detail.values, detail: `virtual server ${vs.name}`,
    });
    return detail;
  }).catch(rethrowUnique(input.name));
}

/** The versioned write of one real server: found with its virtual server's cluster and name, audited under them. */
function realServerWrite(id: number) {
  return {
    what: "real server",
    find: (tx: Tx) => tx.realServer.findUnique({ where: { id }, include: withCluster }),
    current: toRealServerDetail,
    contentOf: (before: { virtualServer: { clusterId: number } }) => before.virtualServer.clusterId,
    result: async (tx: Tx) => toRealServerDetail(await tx.realServer.findUniqueOrThrow({ where: { id } })),
  };
}

/** Saves a real server (name, address, port, weight, active), refusing a stale version. Operators and admins. */
export async function updateRealServer(id: number, version: number, input: RealServer): Promise<RealServerDetail> {
  const user = await requireObjectPermission("real server", id, "virtualServer.write");
  return versionedWrite(user, version, {
    ...realServerWrite(id),
    check: (tx, before) => assertNameFree(tx, before.virtualServerId, input.name, id),
    write: (tx) => tx.realServer.updateMany({ where: { id, version }, data: { ...toRealServerData(input), version: { increment: 1 } } }),
    audit: (before, current, after) => ({
      action: "realServer.update", targetType: "realServer", targetId: id, clusterId: before.virtualServer.clusterId,
      before: current.values, after: after.values, detail: `virtual server ${before.virtualServer.name}`,
    }),
  }).catch(rethrowUnique(input.name));
}

/** Activates or deactivates a real server, refusing a stale version. Operators and admins. */
export async function setRealServerActive(id: number, version: number, active: boolean): Promise<RealServerDetail> {
  const user = await requireObjectPermission("real server", id, "virtualServer.write");
  return versionedWrite(user, version, {
    ...realServerWrite(id),
    write: (tx) => tx.realServer.updateMany({ where: { id, version }, data: { active, version: { increment: 1 } } }),
    audit: (before) => ({
      action: active ? "realServer.activate" : "realServer.deactivate", targetType: "realServer", targetId: id,
      clusterId: before.virtualServer.clusterId, before: { active: before.active }, after: { active },
      detail: `virtual server ${before.virtualServer.name}`,
    }),
  });
}

/** Removes a real server, refusing a stale version. Operators and admins. */
export async function deleteRealServer(id: number, version: number): Promise<{ id: number }> {
  const user = await requireObjectPermission("real server", id, "virtualServer.write");
  return versionedWrite(user, version, {
    ...realServerWrite(id),
    refused: "delete",
    write: (tx) => tx.realServer.deleteMany({ where: { id, version } }),
    result: () => ({ id }),
    audit: (before, current) => ({
      action: "realServer.delete", targetType: "realServer", targetId: id, clusterId: before.virtualServer.clusterId,
      before: current.values, detail: `virtual server ${before.virtualServer.name}`,
    }),
  });
}
