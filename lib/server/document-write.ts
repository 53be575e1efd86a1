import "server-only";
import { randomUUID } from "node:crypto";
import { setImmediate as yieldToOthers } from "node:timers/promises";
import type { LvsDocument } from "@/lib/domain/schema";
import { globalSettingsData, redundancyData } from "./cluster-mapping";
import { CLUSTER_ROW_WRITE } from "./cluster-serial";
import { insertRows } from "./bulk-insert";
import { DataError } from "./data-errors";
import { db, type Tx } from "./db";
import { bundlePortRowsOf, bundleRow, bundleSteps, realServerRowsOf, virtualServerRow, virtualServerSteps } from "./staging-rows";

// A large import must not hold the database (one connection, one transaction
// at a time) for seconds. Its rows go into a hidden staging cluster in many
// short transactions (from this thread, or from the import worker's own
// connection: sqlite-staging-writer.ts); one short transaction then swaps them in with
// the settings, the version check and the caller's audit event; the old rows
// are deleted afterwards, again in small steps. A failure before the swap
// changes nothing visible; the staging rows are removed (or, after a crash, at start).

/** Names of hidden clusters can never clash with real ones (cluster names allow only A-Z a-z 0-9 _ . -). */
const hiddenName = (what: string) => `~${what}-${randomUUID()}`;

/** A hidden cluster that receives an import's rows before they are swapped in; drop it with dropHiddenCluster when the import does not go ahead. */
export async function createStagingCluster(forClusterId: number): Promise<number> {
  const staging = await db.cluster.create({
    data: { name: hiddenName("import"), primaryPublicIp: "192.0.2.1", stagingFor: forClusterId },
    select: { id: true },
  });
  return staging.id;
}

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
  const stagingId = await createStagingCluster(clusterId);
  try {
    await writeStagingRows(stagingId, doc);
  } catch (error) {
    await dropHiddenCluster(stagingId);
    throw error;
  }
  return swapStagedContent(clusterId, expectedVersion, doc.cluster, stagingId, finish, expectedSerialNo);
}

/**
 * Swaps the rows of a staging cluster in for a cluster's bundles and virtual
 * servers and writes its settings, in one short transaction with `finish`
 * (the audit event); refused, and the staging rows dropped, when the cluster's
 * version or serial moved (see replaceClusterContent).
 */
export async function swapStagedContent<T>(
  clusterId: number, expectedVersion: number, cluster: LvsDocument["cluster"], stagingId: number, finish: (tx: Tx) => Promise<T>, expectedSerialNo?: number,
): Promise<T> {
  let swap: { trash: number; finished: T };
  try {
    swap = await db.$transaction(async (tx) => {
      const { count } = await tx.cluster.updateMany({
        where: { id: clusterId, version: expectedVersion, ...(expectedSerialNo === undefined ? {} : { serialNo: expectedSerialNo }), stagingFor: null },
        data: { ...globalSettingsData(cluster), ...redundancyData(cluster), ...CLUSTER_ROW_WRITE },
      });
      if (count === 0) {
        throw new DataError("The cluster was changed by someone else while the document was being imported; nothing was imported. Import it again.");
      }
      // The old rows move to a hidden cluster and the new ones in: four column updates, however many rows.
      const trash = await tx.cluster.create({ data: { name: hiddenName("replaced"), primaryPublicIp: "192.0.2.1", stagingFor: clusterId }, select: { id: true } });
      await tx.firewallMarkBundle.updateMany({ where: { clusterId }, data: { clusterId: trash.id } });
      await tx.virtualServer.updateMany({ where: { clusterId }, data: { clusterId: trash.id } });
      await tx.firewallMarkBundle.updateMany({ where: { clusterId: stagingId }, data: { clusterId } });
      await tx.virtualServer.updateMany({ where: { clusterId: stagingId }, data: { clusterId } });
      await tx.cluster.delete({ where: { id: stagingId } });
      return { trash: trash.id, finished: await finish(tx) };
    });
  } catch (error) {
    await dropHiddenCluster(stagingId);
    throw error;
  }
  void dropHiddenCluster(swap.trash);
  return swap.finished;
}

/** Writes a document's bundles and virtual servers into a staging cluster from the request thread, one short transaction per step. */
export async function writeStagingRows(stagingId: number, doc: Pick<LvsDocument, "firewallMarks" | "virtualServers">): Promise<void> {
  for (const chunk of bundleSteps(doc.firewallMarks)) {
    const now = new Date();
    await db.$transaction(async (tx) => {
      const created = await insertRows<{ id: number; name: string }>(tx, "FirewallMarkBundle", chunk.map((b) => bundleRow(stagingId, b, now)), ["id", "name"]);
      const idOf = new Map(created.map((r) => [r.name, Number(r.id)]));
      await insertRows(tx, "BundlePort", chunk.flatMap((b) => bundlePortRowsOf(idOf.get(b.name)!, b)));
    });
    await yieldToOthers();
  }
  for (const chunk of virtualServerSteps(doc.virtualServers)) {
    const now = new Date();
    await db.$transaction(async (tx) => {
      const created = await insertRows<{ id: number; name: string }>(tx, "VirtualServer", chunk.map((v) => virtualServerRow(stagingId, v, now)), ["id", "name"]);
      const idOf = new Map(created.map((r) => [r.name, Number(r.id)]));
      await insertRows(tx, "RealServer", chunk.flatMap((v) => realServerRowsOf(idOf.get(v.name)!, v, now)));
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
