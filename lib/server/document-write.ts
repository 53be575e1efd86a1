import "server-only";
import { randomUUID } from "node:crypto";
import { setImmediate as yieldToOthers } from "node:timers/promises";
import type { LvsDocument } from "@/lib/domain/schema";
import { bundleData, bundlePortRows } from "./bundle-mapping";
import { globalSettingsData, redundancyData } from "./cluster-mapping";
import { CLUSTER_ROW_WRITE } from "./cluster-serial";
import { insertRows } from "./bulk-insert";
import { DataError } from "./data-errors";
import { db, type Tx } from "./db";
import { toRealServerData } from "./real-server-mapping";
import { toVirtualServerData } from "./virtual-server-mapping";

// A large import must not hold the database (one connection, one transaction
// at a time) for seconds. Its rows go into a hidden staging cluster in many
// short transactions; one short transaction then swaps them in with the
// settings, the version check and the caller's audit event; the old rows are
// deleted afterwards, again in small steps. A failure before the swap changes
// nothing visible; the staging rows are removed (or, after a crash, at start).

/** Rows per write step: each step is one short transaction. */
const STEP_ROWS = 2_000;

/** Names of hidden clusters can never clash with real ones (cluster names allow only A-Z a-z 0-9 _ . -). */
const hiddenName = (what: string) => `~${what}-${randomUUID()}`;

/**
 * Replaces a cluster's bundles, virtual servers and settings with a validated
 * document, refusing it when the cluster row's version moved since
 * `expectedVersion` or, when given, its content serial since `expectedSerialNo`
 * (a bundle or server saved meanwhile; see cluster-serial.ts). `finish` runs
 * inside the swap transaction (audit event). Other requests run between the steps.
 */
export async function replaceClusterContent<T>(
  clusterId: number, expectedVersion: number, doc: LvsDocument, finish: (tx: Tx) => Promise<T>, expectedSerialNo?: number,
): Promise<T> {
  const staging = await db.cluster.create({
    data: { name: hiddenName("import"), primaryPublicIp: doc.cluster.primary.publicIp, stagingFor: clusterId },
    select: { id: true },
  });
  let swap: { trash: number; finished: T };
  try {
    await writeBundles(staging.id, doc.firewallMarks);
    await writeVirtualServers(staging.id, doc.virtualServers);
    swap = await db.$transaction(async (tx) => {
      const { count } = await tx.cluster.updateMany({
        where: { id: clusterId, version: expectedVersion, ...(expectedSerialNo === undefined ? {} : { serialNo: expectedSerialNo }), stagingFor: null },
        data: { ...globalSettingsData(doc.cluster), ...redundancyData(doc.cluster), ...CLUSTER_ROW_WRITE },
      });
      if (count === 0) {
        throw new DataError("The cluster was changed by someone else while the document was being imported; nothing was imported. Import it again.");
      }
      // The old rows move to a hidden cluster and the new ones in: four column updates, however many rows.
      const trash = await tx.cluster.create({ data: { name: hiddenName("replaced"), primaryPublicIp: "192.0.2.1", stagingFor: clusterId }, select: { id: true } });
      await tx.firewallMarkBundle.updateMany({ where: { clusterId }, data: { clusterId: trash.id } });
      await tx.virtualServer.updateMany({ where: { clusterId }, data: { clusterId: trash.id } });
      await tx.firewallMarkBundle.updateMany({ where: { clusterId: staging.id }, data: { clusterId } });
      await tx.virtualServer.updateMany({ where: { clusterId: staging.id }, data: { clusterId } });
      await tx.cluster.delete({ where: { id: staging.id } });
      return { trash: trash.id, finished: await finish(tx) };
    });
  } catch (error) {
    await dropHiddenCluster(staging.id);
    throw error;
  }
  void dropHiddenCluster(swap.trash);
  return swap.finished;
}

async function writeBundles(clusterId: number, bundles: LvsDocument["firewallMarks"]): Promise<void> {
  const perStep = Math.max(1, Math.floor(STEP_ROWS / 4));
  for (let i = 0; i < bundles.length; i += perStep) {
    const chunk = bundles.slice(i, i + perStep);
    const now = new Date();
    await db.$transaction(async (tx) => {
      const created = await insertRows<{ id: number; name: string }>(tx, "FirewallMarkBundle", chunk.map((b) => ({
        clusterId, ...bundleData(b), createdAt: now, updatedAt: now,
      })), ["id", "name"]);
      const idOf = new Map(created.map((r) => [r.name, Number(r.id)]));
      await insertRows(tx, "BundlePort", chunk.flatMap((b) => bundlePortRows(b.ports).map((p) => ({ bundleId: idOf.get(b.name)!, ...p }))));
    });
    await yieldToOthers();
  }
}

async function writeVirtualServers(clusterId: number, servers: LvsDocument["virtualServers"]): Promise<void> {
  let i = 0;
  while (i < servers.length) {
    // Size each step by rows: a virtual server and its real servers.
    const chunk: LvsDocument["virtualServers"] = [];
    let rows = 0;
    while (i < servers.length && (chunk.length === 0 || rows + 1 + servers[i]!.realServers.length <= STEP_ROWS)) {
      rows += 1 + servers[i]!.realServers.length;
      chunk.push(servers[i]!);
      i += 1;
    }
    const now = new Date();
    await db.$transaction(async (tx) => {
      const created = await insertRows<{ id: number; name: string }>(tx, "VirtualServer", chunk.map(({ realServers: _reals, ...v }) => ({
        clusterId, ...toVirtualServerData(v), createdAt: now, updatedAt: now,
      })), ["id", "name"]);
      const idOf = new Map(created.map((r) => [r.name, Number(r.id)]));
      await insertRows(tx, "RealServer", chunk.flatMap((v) => v.realServers.map((r) => ({
        virtualServerId: idOf.get(v.name)!, ...toRealServerData(r), createdAt: now, updatedAt: now,
      }))));
    });
    await yieldToOthers();
  }
}

/** Deletes a hidden cluster and its rows in small steps (a cascade over 100,000 rows would hold the database). */
export async function dropHiddenCluster(id: number): Promise<void> {
  try {
    for (const table of ["virtualServer", "firewallMarkBundle"] as const) {
      for (;;) {
        const ids = table === "virtualServer"
          ? (await db.virtualServer.findMany({ where: { clusterId: id }, select: { id: true }, take: 200 })).map((r) => r.id)
          : (await db.firewallMarkBundle.findMany({ where: { clusterId: id }, select: { id: true }, take: 500 })).map((r) => r.id);
        if (ids.length === 0) break;
        if (table === "virtualServer") await db.virtualServer.deleteMany({ where: { id: { in: ids } } });
        else await db.firewallMarkBundle.deleteMany({ where: { id: { in: ids } } });
        await yieldToOthers();
      }
    }
    await db.cluster.deleteMany({ where: { id, stagingFor: { not: null } } });
  } catch (error) {
    console.error(`could not remove hidden cluster ${id} (it is removed at the next start)`, error);
  }
}

/** At start: removes hidden clusters a crashed import left behind. */
export async function dropLeftoverHiddenClusters(): Promise<number> {
  const left = await db.cluster.findMany({ where: { stagingFor: { not: null } }, select: { id: true } });
  for (const { id } of left) await dropHiddenCluster(id);
  return left.length;
}
