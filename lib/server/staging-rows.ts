import "server-only";
import type { LvsDocument } from "@/lib/domain/schema";
import { bundleData, bundlePortRows } from "./bundle-mapping";
import { toRealServerData } from "./real-server-mapping";
import { toVirtualServerData } from "./virtual-server-mapping";

// The rows a document's bundles and virtual servers become in a (staging)
// cluster. Both writers build them here: the request thread's
// (document-write.ts through bulk-insert: PostgreSQL, router-file imports and
// restores), which cuts them into steps of STEP_ROWS, one short transaction
// each; and the import worker's (sqlite-staging-writer.ts: SQLite uploads,
// its own connection), which cuts its work by time instead.

type Bundle = LvsDocument["firewallMarks"][number];
type VirtualServer = LvsDocument["virtualServers"][number];

/** Rows per write step: each step is one short transaction. */
const STEP_ROWS = 2_000;

export const bundleRow = (clusterId: number, b: Bundle, now: Date) => ({ clusterId, ...bundleData(b), createdAt: now, updatedAt: now });

export const bundlePortRowsOf = (bundleId: number, b: Bundle) => bundlePortRows(b.ports).map((p) => ({ bundleId, ...p }));

export function virtualServerRow(clusterId: number, v: VirtualServer, now: Date) {
  const { realServers: _reals, ...values } = v;
  return { clusterId, ...toVirtualServerData(values), createdAt: now, updatedAt: now };
}

export const realServerRowsOf = (virtualServerId: number, v: VirtualServer, now: Date) =>
  v.realServers.map((r) => ({ virtualServerId, ...toRealServerData(r), createdAt: now, updatedAt: now }));

/** Bundles in steps: a bundle is about four rows with its ports. */
export function* bundleSteps(bundles: readonly Bundle[]): Generator<Bundle[]> {
  const perStep = Math.max(1, Math.floor(STEP_ROWS / 4));
  for (let i = 0; i < bundles.length; i += perStep) yield bundles.slice(i, i + perStep);
}

/** Virtual servers in steps sized by rows: a virtual server and its real servers (at least one server per step). */
export function* virtualServerSteps(servers: readonly VirtualServer[]): Generator<VirtualServer[]> {
  let i = 0;
  while (i < servers.length) {
    const chunk: VirtualServer[] = [];
    let rows = 0;
    while (i < servers.length && (chunk.length === 0 || rows + 1 + servers[i]!.realServers.length <= STEP_ROWS)) {
      rows += 1 + servers[i]!.realServers.length;
      chunk.push(servers[i]!);
      i += 1;
    }
    yield chunk;
  }
}
