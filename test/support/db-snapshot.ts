// Every row a data function could write, as one comparable value: a call that
// was refused must leave this exactly as it was.

interface Findable {
  findMany(args: { orderBy: Record<string, "asc">[] }): Promise<unknown[]>;
}

/** The tables the panels, exports and grants write, with their rows in id order (BigInt marks as strings). */
export async function snapshotTables(db: Record<string, unknown>): Promise<string> {
  const tables = ["cluster", "firewallMarkBundle", "bundlePort", "virtualServer", "realServer", "clusterGrant", "user",
    "auditEvent", "export", "exportArtifact", "routerStateUpload"];
  const rows: Record<string, unknown[]> = {};
  for (const t of tables) {
    const orderBy = t === "clusterGrant" ? [{ userId: "asc" as const }, { clusterId: "asc" as const }] : [{ id: "asc" as const }];
    rows[t] = await (db[t] as Findable).findMany({ orderBy });
  }
  return JSON.stringify(rows, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}
