import "server-only";
import type { FirewallMark } from "@/lib/domain/schema";
import { requireClusterPermission } from "./auth/cluster-access";
import { bundleData, bundlePortRows, toBundleValues, type StoredBundle } from "./bundle-mapping";
import { requireObjectPermission } from "./cluster-owner";
import { bumpContentSerial } from "./cluster-serial";
import { DataError, NotFoundError, isUniqueViolation } from "./data-errors";
import { db, type Tx } from "./db";
import { auditChange } from "./panel-audit";
import { markFamilyKey, storedFamilyOf, familyFromStored, usesMarkOf, type StoredFamily } from "./stored-values";
import { versionedWrite } from "./versioned-write";

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
  family: StoredFamily;
  values: FirewallMark;
  usedBy: MarkUser[];
}

const bundleInclude = { ports: { orderBy: { position: "asc" as const } } };

type BundleRow = StoredBundle & { id: number; clusterId: number; version: number; family: string };

function toDetail(b: BundleRow, usedBy: MarkUser[]): FirewallMarkDetail {
  return { id: b.id, clusterId: b.clusterId, version: b.version, family: storedFamilyOf(familyFromStored(b.family)), values: toBundleValues(b), usedBy };
}

async function usersOf(tx: Tx | typeof db, b: BundleRow): Promise<MarkUser[]> {
  const rows = await tx.virtualServer.findMany({
    where: { clusterId: b.clusterId, firewallMark: b.mark }, select: { id: true, name: true, vip: true, firewallMark: true }, orderBy: { name: "asc" },
  });
  return rows.filter((r) => usesMarkOf(r, b)).map(({ id, name }) => ({ id, name }));
}

/** A bundle row with the virtual servers that use its mark. */
const detailOf = async (tx: Tx | typeof db, b: BundleRow) => toDetail(b, await usersOf(tx, b));

/** The cluster's bundles by mark, each with the virtual servers that use it. */
export async function listFirewallMarks(clusterId: number): Promise<FirewallMarkDetail[]> {
  await requireClusterPermission(clusterId, "cluster.read");
  const [bundles, marked] = await Promise.all([
    // Ports unordered in the query (an ordered nested load cannot be chunked past 999 bundles: P2029); toBundleValues orders them.
    db.firewallMarkBundle.findMany({ where: { clusterId }, include: { ports: true }, orderBy: [{ mark: "asc" }, { family: "asc" }] }),
    db.virtualServer.findMany({
      where: { clusterId, firewallMark: { not: null } }, select: { id: true, name: true, vip: true, firewallMark: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return bundles.map((b) =>
    toDetail(b, marked.filter((v) => usesMarkOf(v, b)).map(({ id, name }) => ({ id, name }))),
  );
}

/** One bundle with its users. */
export async function getFirewallMark(id: number): Promise<FirewallMarkDetail> {
  await requireObjectPermission("firewall mark bundle", id, "cluster.read");
  const b = await db.firewallMarkBundle.findUnique({ where: { id }, include: bundleInclude });
  if (!b) throw new NotFoundError("firewall-mark bundle");
  return detailOf(db, b);
}

async function assertUnique(tx: Tx, clusterId: number, input: FirewallMark, exceptId?: number): Promise<void> {
  const key = markFamilyKey(input.mark, input.vip);
  const family: StoredFamily = key.family;
  const not = exceptId === undefined ? {} : { id: { not: exceptId } };
  const fieldErrors: Record<string, string> = {};
  const sameMark = await tx.firewallMarkBundle.findFirst({ where: { clusterId, ...key, ...not } });
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
      data: { clusterId, ...bundleData(input), ports: { create: bundlePortRows(input.ports) } }, include: bundleInclude,
    });
    await bumpContentSerial(tx, clusterId);
    const detail = await detailOf(tx, created);
    await auditChange(tx, user, { action: "firewallMark.create", targetType: "firewallMark", targetId: created.id, clusterId, after: detail.values });
    return detail;
  }).catch(rethrowUnique);
}

/** The versioned write of one bundle: its stale refusal carries the bundle with its users. */
function bundleWrite(id: number) {
  return {
    what: "firewall-mark bundle",
    find: (tx: Tx) => tx.firewallMarkBundle.findUnique({ where: { id }, include: bundleInclude }),
    current: (before: BundleRow, tx: Tx) => detailOf(tx, before),
    contentOf: (before: BundleRow) => before.clusterId,
  };
}

/** Replaces a bundle's fields and port list, refusing a stale version. Operators and admins. */
export async function updateFirewallMark(id: number, version: number, input: FirewallMark): Promise<FirewallMarkDetail> {
  const user = await requireObjectPermission("firewall mark bundle", id, "firewallMark.write");
  return versionedWrite(user, version, {
    ...bundleWrite(id),
    check: (tx, before) => assertUnique(tx, before.clusterId, input, id),
    write: async (tx) => {
      const written = await tx.firewallMarkBundle.updateMany({ where: { id, version }, data: { ...bundleData(input), version: { increment: 1 } } });
      if (written.count === 0) return written;
      await tx.bundlePort.deleteMany({ where: { bundleId: id } });
      await tx.bundlePort.createMany({ data: bundlePortRows(input.ports).map((p) => ({ ...p, bundleId: id })) });
      return written;
    },
    result: async (tx) => detailOf(tx, await tx.firewallMarkBundle.findUniqueOrThrow({ where: { id }, include: bundleInclude })),
    audit: (before, current, after) => ({
      action: "firewallMark.update", targetType: "firewallMark", targetId: id, clusterId: before.clusterId,
      before: current.values, after: after.values,
    }),
  }).catch(rethrowUnique);
}

/** Deletes a bundle; when virtual servers use its mark, only with `confirmUsed`. Operators and admins. */
export async function deleteFirewallMark(id: number, version: number, confirmUsed: boolean): Promise<{ id: number }> {
  const user = await requireObjectPermission("firewall mark bundle", id, "firewallMark.write");
  return versionedWrite(user, version, {
    ...bundleWrite(id),
    refused: "delete",
    check: (_, before, detail) => {
      if (detail.usedBy.length > 0 && !confirmUsed) {
        throw new DataError(
          `Bundle ${before.name} (mark ${detail.values.mark}) is used by ${detail.usedBy.map((u) => u.name).join(", ")}. Confirm to delete it anyway; those virtual servers keep the mark and lint will report them.`,
          { current: detail },
        );
      }
    },
    write: (tx) => tx.firewallMarkBundle.deleteMany({ where: { id, version } }),
    result: () => ({ id }),
    audit: (before, detail) => ({
      action: "firewallMark.delete", targetType: "firewallMark", targetId: id, clusterId: before.clusterId,
      before: detail.values, detail: detail.usedBy.length ? `used by ${detail.usedBy.map((u) => u.name).join(", ")}` : undefined,
    }),
  });
}
