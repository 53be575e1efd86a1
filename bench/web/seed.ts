// Seeds the bench database straight through the driver (one transaction): a
// 1,000-service cluster and a 9,000-service cluster (10,000 virtual servers,
// 10 real servers each, one bundle per service), 20 operators with one open
// session each and an admin. Prints the session tokens as JSON.
// Usage: node --import tsx bench/web/seed.ts <DATABASE_URL>   (file:… for SQLite, postgresql://… for PostgreSQL)
import { createHash, randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { REAL_SERVERS_PER_SERVICE, markOf, realAddressOf, vipOf } from "../lib/generate-document";
import { openBenchDatabase } from "./bench-db";

const url = process.argv[2];
if (!url) throw new Error("usage: seed.ts <DATABASE_URL>");
const SESSIONS = 20;
const CLUSTERS = [
  { name: "bench-1k", services: 1000, offset: 0 },
  { name: "bench-9k", services: 9000, offset: 1000 },
];

const db = await openBenchDatabase(url);
const now = new Date();
const iso = (d: Date) => d.toISOString().replace("Z", "+00:00");
const ts = iso(now);
const passwordHash = await hash("bench-password-1", { algorithm: 2 });

const tokens: string[] = [];
let adminToken = "";
const clusters: Record<string, number> = {};
const saveTargets: { id: number; index: number }[] = [];
await db.begin();
for (const c of CLUSTERS) {
  const [clusterId] = await db.insert("Cluster", ["name", "primaryPublicIp", "primaryPrivateIp", "network", "backupEnabled", "backupPublicIp", "createdAt", "updatedAt"],
    [[c.name, "192.0.2.2", "10.255.0.2", "direct", true, "192.0.2.3", ts, ts]]);
  clusters[c.name] = clusterId!;
  const indexes = Array.from({ length: c.services }, (_, k) => c.offset + k);
  // Marks and VIPs are unique across both clusters, as on routers sharing nothing.
  const bundleIds = await db.insert("FirewallMarkBundle", ["clusterId", "mark", "family", "name", "description", "vip", "protocol", "createdAt", "updatedAt"],
    indexes.map((i) => [clusterId, markOf(i), "ipv4", `b${i}`, `bench bundle ${i}`, vipOf(i), "tcp", ts, ts]));
  await db.insert("BundlePort", ["bundleId", "position", "lo", "hi"],
    bundleIds.flatMap((bundleId) => [[80, 80], [443, 443], [8000, 8099]].map(([lo, hi], position) => [bundleId, position, lo, hi])), false);
  const serviceIds = await db.insert("VirtualServer", ["clusterId", "name", "vip", "protocol", "port", "firewallMark", "scheduler", "persistenceTimeout", "monitorSend", "monitorExpect", "createdAt", "updatedAt"],
    indexes.map((i) => [clusterId, `vs${i}`, vipOf(i), "tcp", 80, markOf(i), "wlc", 300, "GET / HTTP/1.0\\r\\n\\r\\n", "HTTP", ts, ts]));
  if (c.name === "bench-9k") serviceIds.slice(0, SESSIONS + 1).forEach((id, k) => saveTargets.push({ id, index: indexes[k]! }));
  await db.insert("RealServer", ["virtualServerId", "name", "address", "weight", "createdAt", "updatedAt"],
    serviceIds.flatMap((serviceId, k) => Array.from({ length: REAL_SERVERS_PER_SERVICE }, (_, j) => [serviceId, `r${indexes[k]}-${j}`, realAddressOf(indexes[k]!, j), 1 + (j % 3), ts, ts])), false);
}
const earlier = iso(new Date(now.getTime() - 3_600_000));
const expires = iso(new Date(now.getTime() + 11 * 3_600_000));
const userColumns = ["username", "passwordHash", "role", "passwordChangedAt", "createdAt", "updatedAt"];
const sessionColumns = ["id", "userId", "createdAt", "lastSeenAt", "expiresAt", "userAgent", "ip"];
// The session id is the sha256 of the cookie's token, as lib/server/auth/session-store.ts stores it.
const session = (token: string, userId: number) => [createHash("sha256").update(token, "utf8").digest("hex"), userId, ts, ts, expires, "bench", "127.0.0.1"];
const [adminId] = await db.insert("User", userColumns, [["admin", passwordHash, "admin", earlier, earlier, earlier]]);
adminToken = randomBytes(32).toString("base64url");
await db.insert("Session", sessionColumns, [session(adminToken, adminId!)], false);
for (let u = 1; u <= SESSIONS; u++) {
  const [userId] = await db.insert("User", userColumns, [[`op${String(u).padStart(2, "0")}`, passwordHash, "operator", earlier, earlier, earlier]]);
  const token = randomBytes(32).toString("base64url");
  await db.insert("Session", sessionColumns, [session(token, userId!)], false);
  tokens.push(token);
}
await db.commit();
const count = Number((await db.query(`SELECT count(*) AS n FROM "VirtualServer"`))[0]!.n);
await db.close();
console.log(JSON.stringify({ tokens, adminToken, clusters, saveTargets, virtualServers: count }));
