import "server-only";
import { randomBytes } from "node:crypto";
import { recordAudit } from "./audit";
import { hashPassword, warmDummyHash } from "./auth/password";
import { db, lockForWrite } from "./db";
import { dropLeftoverHiddenClusters } from "./document-write";
import { env } from "./env";

export interface BootstrapResult {
  createdCluster: boolean;
  createdAdmin: boolean;
  /** Only when the password was generated; printed once, never stored in clear. */
  generatedPassword?: string;
}

/** A random password of 24 base64url characters (144 bits). */
function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}

/**
 * First run: creates the default cluster when there is none and the first admin
 * when there is no user. Idempotent; a second start changes nothing. The admin's
 * password is ADMIN_PASSWORD or a generated one printed once with the login URL.
 */
export async function ensureBootstrap(log: (line: string) => void = console.log): Promise<BootstrapResult> {
  const e = env();
  const result: BootstrapResult = { createdCluster: false, createdAdmin: false };

  // Rows a crashed import left in a hidden staging cluster go first (lib/server/document-write.ts).
  await dropLeftoverHiddenClusters();
  if ((await db.cluster.count({ where: { stagingFor: null } })) === 0) {
    await db.$transaction(async (tx) => {
      await lockForWrite(tx, "bootstrap");
      if ((await tx.cluster.count({ where: { stagingFor: null } })) > 0) return;
      const cluster = await tx.cluster.create({
        data: { name: "default", primaryPublicIp: "192.0.2.1", network: "nat", serialNo: 1 },
      });
      await recordAudit(tx, {
        actor: null, action: "cluster.bootstrap", targetType: "cluster", targetId: cluster.id, clusterId: cluster.id,
        after: { name: cluster.name, primaryPublicIp: cluster.primaryPublicIp, network: cluster.network },
      });
      result.createdCluster = true;
    });
  }

  if ((await db.user.count()) === 0) {
    const password = e.ADMIN_PASSWORD ?? generatePassword();
    const passwordHash = await hashPassword(password);
    await db.$transaction(async (tx) => {
      await lockForWrite(tx, "bootstrap");
      if ((await tx.user.count()) > 0) return;
      const user = await tx.user.create({ data: { username: e.ADMIN_USERNAME, role: "admin", passwordHash } });
      await recordAudit(tx, {
        actor: null, action: "user.bootstrap", targetType: "user", targetId: user.id,
        after: { username: user.username, role: "admin" },
        detail: e.ADMIN_PASSWORD ? "password from ADMIN_PASSWORD" : "password generated",
      });
      result.createdAdmin = true;
    });
    if (result.createdAdmin) {
      const url = `http://localhost:${e.PORT}/login`;
      if (e.ADMIN_PASSWORD) {
        log(`[lvs-console] Created admin "${e.ADMIN_USERNAME}" with the password from ADMIN_PASSWORD. Sign in at ${url}`);
      } else {
        result.generatedPassword = password;
        log(
          `[lvs-console] Created admin "${e.ADMIN_USERNAME}" with generated password: ${password}\n` +
            `[lvs-console] Sign in at ${url} and change it under Account. This password is not shown again.`,
        );
      }
    }
  }
  // Unknown-user logins verify against this hash; computing it now keeps the first one as slow as the rest.
  await warmDummyHash();
  return result;
}
