// Every row a data function could write, as one comparable value: a call that
// was refused must leave this exactly as it was.

type Order = Record<string, "asc">[];
interface Findable {
  findMany(args: { orderBy: Order }): Promise<unknown[]>;
}

const TABLES = ["cluster", "firewallMarkBundle", "bundlePort", "virtualServer", "realServer", "clusterGrant", "user",
  "auditEvent", "export", "exportArtifact", "routerStateUpload"] as const;

/** The tables the panels, exports and grants write, with their rows in key order (BigInt marks as strings). */
export async function snapshotTables(db: object): Promise<string> {
  const rows: Record<string, unknown[]> = {};
  for (const t of TABLES) {
    const orderBy: Order = t === "clusterGrant" ? [{ userId: "asc" }, { clusterId: "asc" }] : [{ id: "asc" }];
    rows[t] = await ((db as Record<string, unknown>)[t] as Findable).findMany({ orderBy });
  }
  return JSON.stringify(rows, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}
