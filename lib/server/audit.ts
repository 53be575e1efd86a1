import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordedName } from "@/lib/domain/audit/field-changes";
import type { db } from "@/lib/server/db";

/** Who did it: a signed-in user, or null for the system (bootstrap, anonymous login attempts). */
export type AuditActor = { userId: number; username: string } | null;

export interface AuditInput {
  actor: AuditActor;
  /** Dotted verb, e.g. "user.create", "auth.login.failed", "virtualServer.update". */
  action: string;
  targetType?: string;
  targetId?: string | number;
  /** The object's name now; by default the `name` or `username` the before/after values record. */
  targetName?: string;
  clusterId?: number;
  before?: unknown;
  after?: unknown;
  detail?: string;
  ip?: string | null;
  /** Name to record when there is no actor (e.g. the username typed at a failed login). */
  actorName?: string;
}

const MAX_JSON = 65_536;

function toJson(value: unknown): string | null {
  if (value === undefined) return null;
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
  return text.length > MAX_JSON ? `${text.slice(0, MAX_JSON)}…` : text;
}

/**
 * Appends an audit event inside the caller's transaction, so the event exists
 * exactly when the change does. Nothing in the console updates or deletes audit rows.
 */
export async function recordAudit(tx: Prisma.TransactionClient | typeof db, input: AuditInput): Promise<void> {
  const before = toJson(input.before);
  const after = toJson(input.after);
  await tx.auditEvent.create({
    data: {
      actorId: input.actor?.userId ?? null,
      actorName: (input.actor?.username ?? input.actorName ?? "system").slice(0, 128),
      action: input.action,
      targetType: input.targetType ?? null,
      targetId: input.targetId === undefined ? null : String(input.targetId),
      targetName: (input.targetName ?? recordedName(before, after))?.slice(0, 128) ?? null,
      clusterId: input.clusterId ?? null,
      before,
      after,
      detail: input.detail?.slice(0, 2000) ?? null,
      ip: input.ip ?? null,
    },
  });
}
