import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit, type AuditInput } from "./audit";
import { getRequestMeta } from "./auth/request-context";
import type { SessionUser } from "./auth/session";

export type Tx = Prisma.TransactionClient;

/** The caller's address when there is a request (none in integration tests). */
async function requestIp(): Promise<string | null> {
  try {
    return (await getRequestMeta()).ip;
  } catch {
    return null;
  }
}

/** Records a panel mutation in the caller's transaction, attributed to the signed-in user. */
export async function auditChange(tx: Tx, user: SessionUser, input: Omit<AuditInput, "actor" | "ip">): Promise<void> {
  await recordAudit(tx, { ...input, actor: { userId: user.userId, username: user.username }, ip: await requestIp() });
}

/** Every saved change moves the cluster's serial number (lvs.cf `serial_no`) and version forward. */
export async function bumpCluster(tx: Tx, clusterId: number): Promise<void> {
  await tx.cluster.update({ where: { id: clusterId }, data: { serialNo: { increment: 1 }, version: { increment: 1 } } });
}
