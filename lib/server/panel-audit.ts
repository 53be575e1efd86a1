import "server-only";
import { recordAudit, type AuditInput } from "./audit";
import { getRequestMeta } from "./auth/request-context";
import type { SessionUser } from "./auth/session";
import type { Tx } from "./db";

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
