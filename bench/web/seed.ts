// Seeds the bench database straight through SQLite (one transaction): a
// 1,000-service cluster and a 9,000-service cluster (10,000 virtual servers,
// 10 real servers each, one bundle per service), 20 operators with one open
// session each and an admin. Prints the session tokens as JSON.
// Usage: node --import tsx bench/web/seed.ts <db file>
import { createHash, randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import Database from "better-sqlite3";
import { REAL_SERVERS_PER_SERVICE, markOf, realAddressOf, vipOf } from "../lib/generate-document";

const file = process.argv[2];
if (!file) throw new Error("usage: seed.ts <db file>");
const SESSIONS = 20;
const CLUSTERS = [
  { name: "bench-1k", services: 1000, offset: 0 },
  { name: "bench-9k", services: 9000, offset: 1000 },
];

const db = new Database(file);
db.pragma("journal_mode = WAL");
const now = new Date();
const iso = (d: Date) => d.toISOString().replace("Z", "+00:00");
const ts = iso(now);
const passwordHash = await hash("bench-password-1", { algorithm: 2 });

const insertCluster = db.prepare(`INSERT INTO "Cluster" (name, primaryPublicIp, primaryPrivateIp, network, backupEnabled, backupPublicIp, createdAt, updatedAt)
  VALUES (?, '192.0.2.2', '10.255.0.2', 'direct', 1, '192.0.2.3', ?, ?)`);
const insertBundle = db.prepare(`INSERT INTO "FirewallMarkBundle" (clusterId, mark, family, name, description, vip, protocol, createdAt, updatedAt)
  VALUES (?, ?, 'ipv4', ?, ?, ?, 'tcp', ?, ?)`);
const insertPort = db.prepare(`INSERT INTO "BundlePort" (bundleId, position, lo, hi) VALUES (?, ?, ?, ?)`);
const insertService = db.prepare(`INSERT INTO "VirtualServer" (clusterId, name, vip, protocol, port, firewallMark, scheduler, persistenceTimeout,
  monitorSend, monitorExpect, createdAt, updatedAt) VALUES (?, ?, ?, 'tcp', 80, ?, 'wlc', 300, ?, 'HTTP', ?, ?)`);
const insertReal = db.prepare(`INSERT INTO "RealServer" (virtualServerId, name, address, weight, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)`);
const insertUser = db.prepare(`INSERT INTO "User" (username, passwordHash, role, passwordChangedAt, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)`);
const insertSession = db.prepare(`INSERT INTO "Session" (id, userId, createdAt, lastSeenAt, expiresAt, userAgent, ip) VALUES (?, ?, ?, ?, ?, 'bench', '127.0.0.1')`);

const tokens: string[] = [];
let adminToken = "";
const clusters: Record<string, number> = {};
const saveTargets: { id: number; index: number }[] = [];
db.transaction(() => {
  for (const c of CLUSTERS) {
    const clusterId = Number(insertCluster.run(c.name, ts, ts).lastInsertRowid);
    clusters[c.name] = clusterId;
    for (let k = 0; k < c.services; k++) {
      const i = c.offset + k;
      // Marks and VIPs are unique across both clusters, as on routers sharing nothing.
      const bundleId = Number(insertBundle.run(clusterId, markOf(i), `b${i}`, `bench bundle ${i}`, vipOf(i), ts, ts).lastInsertRowid);
      [[80, 80], [443, 443], [8000, 8099]].forEach(([lo, hi], position) => insertPort.run(bundleId, position, lo, hi));
      const serviceId = Number(insertService.run(clusterId, `vs${i}`, vipOf(i), markOf(i), "GET / HTTP/1.0\\r\\n\\r\\n", ts, ts).lastInsertRowid);
      if (c.name === "bench-9k" && k < SESSIONS + 1) saveTargets.push({ id: serviceId, index: i });
      for (let j = 0; j < REAL_SERVERS_PER_SERVICE; j++) insertReal.run(serviceId, `r${i}-${j}`, realAddressOf(i, j), 1 + (j % 3), ts, ts);
    }
  }
  const earlier = iso(new Date(now.getTime() - 3_600_000));
  const adminId = Number(insertUser.run("admin", passwordHash, "admin", earlier, earlier, earlier).lastInsertRowid);
  adminToken = randomBytes(32).toString("base64url");
  insertSession.run(createHash("sha256").update(adminToken, "utf8").digest("hex"), adminId, ts, ts, iso(new Date(now.getTime() + 11 * 3_600_000)));
  const expires = iso(new Date(now.getTime() + 11 * 3_600_000));
  for (let u = 1; u <= SESSIONS; u++) {
    const userId = Number(insertUser.run(`op${String(u).padStart(2, "0")}`, passwordHash, "operator", earlier, earlier, earlier).lastInsertRowid);
    const token = randomBytes(32).toString("base64url");
    insertSession.run(createHash("sha256").update(token, "utf8").digest("hex"), userId, ts, ts, expires);
    tokens.push(token);
  }
})();
const count = (db.prepare(`SELECT count(*) AS n FROM "VirtualServer"`).get() as { n: number }).n;
db.close();
console.log(JSON.stringify({ tokens, adminToken, clusters, saveTargets, virtualServers: count }));
