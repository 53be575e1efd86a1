import "server-only";
import type { RealServer } from "@/lib/domain/schema";
import type { RealServer as RealServerRow } from "@/lib/generated/prisma/client";

// The one mapping between a RealServer row and the model's real server, both
// ways: the real-server rows of the panels, the document and the import.

/** A real server as its row editor shows it. */
export interface RealServerDetail {
  id: number;
  virtualServerId: number;
  version: number;
  values: RealServer;
}

// A cluster can hold 100,000 real servers: built directly, without definedOnly's copies.
/** Real server row → the model's values (an unset port left out). */
export function toRealServerValues(r: Pick<RealServerRow, "name" | "address" | "port" | "weight" | "active">): RealServer {
  return { name: r.name, address: r.address, ...(r.port === null ? {} : { port: r.port }), weight: r.weight, active: r.active };
}

/** Real server row → its DTO. */
export function toRealServerDetail(r: RealServerRow): RealServerDetail {
  return { id: r.id, virtualServerId: r.virtualServerId, version: r.version, values: toRealServerValues(r) };
}

/** The model's real server → its row's columns. */
export function toRealServerData(r: RealServer) {
  return { name: r.name, address: r.address, port: r.port ?? null, weight: r.weight, active: r.active };
}
