import "server-only";
import type { Tx } from "./db";

// A cluster row carries two counters with distinct meanings:
// - `serialNo`, the content serial: moves on every saved change to what the
//   cluster renders (its settings, bundles, virtual and real servers, an
//   import). lvs.cf writes it as `serial_no`, an export records it, and
//   "changed since export" compares it (exports.ts, isChangedSinceExport).
// - `version`, the optimistic lock of the cluster row itself: moves only when
//   the row is written (Global settings, Redundancy, rename, an import that
//   sets the settings). Editing a bundle or a server therefore does not make an
//   open Global settings or Redundancy form stale.

/** The column update of a write to the cluster row itself: its content serial and its own version move. */
export const CLUSTER_ROW_WRITE = { serialNo: { increment: 1 }, version: { increment: 1 } } as const;

/** Moves a cluster's content serial after a change to its bundles or servers (its own version stays). */
export async function bumpContentSerial(tx: Tx, clusterId: number): Promise<void> {
  await tx.cluster.update({ where: { id: clusterId }, data: { serialNo: { increment: 1 } } });
}
