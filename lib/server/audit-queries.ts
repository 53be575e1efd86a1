import "server-only";
import * as z from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requirePermission } from "./auth/permissions";
import { flushFailureAudit } from "./auth/throttle";
import { db } from "./db";

export const AUDIT_PAGE_SIZE = 50;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)));

/** Filters of the audit page, parsed leniently from search params (bad values are ignored). */
export const auditFilterSchema = z.object({
  actor: z.string().trim().max(128).optional().catch(undefined),
  action: z.string().trim().max(128).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  targetType: z.string().trim().regex(/^[A-Za-z]{1,32}$/).optional().catch(undefined),
  targetId: z.string().trim().regex(/^\d{1,12}$/).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** One audit row for display. */
export interface AuditEventView {
  id: number;
  at: Date;
  actorName: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  targetName: string | null;
  clusterId: number | null;
  before: string | null;
  after: string | null;
  detail: string | null;
  ip: string | null;
}

/** A page of audit events, newest first, matching the filter; admins only. */
export async function listAuditEvents(filter: AuditFilter): Promise<{ events: AuditEventView[]; total: number; page: number; pageCount: number }> {
  await requirePermission("audit.read");
  // Failed logins are recorded per address and window once the window closes: close any that have.
  await flushFailureAudit();
  const where: Prisma.AuditEventWhereInput = {};
  if (filter.actor) where.actorName = filter.actor;
  if (filter.action) where.action = { startsWith: filter.action };
  if (filter.targetType) where.targetType = filter.targetType;
  if (filter.targetType && filter.targetId) where.targetId = filter.targetId;
  if (filter.from || filter.to) {
    where.at = {
      ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}),
      ...(filter.to ? { lt: new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000) } : {}),
    };
  }
  const total = await db.auditEvent.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(filter.page, pageCount);
  const events = await db.auditEvent.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
  });
  return { events, total, page, pageCount };
}

/** The distinct actors and actions, for the filter's suggestions; admins only. */
export async function listAuditFacets(): Promise<{ actors: string[]; actions: string[] }> {
  await requirePermission("audit.read");
  const [actors, actions] = await Promise.all([
    db.auditEvent.findMany({ distinct: ["actorName"], select: { actorName: true }, orderBy: { actorName: "asc" } }),
    db.auditEvent.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
  ]);
  return { actors: actors.map((a) => a.actorName), actions: actions.map((a) => a.action) };
}
