import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "@/test/support/test-db";

const session = vi.hoisted(() => ({ user: null as null | { userId: number; username: string; role: "viewer" | "operator" | "admin" } }));
vi.mock("@/lib/server/auth/session", () => ({
  getSessionUser: async () => session.user,
  verifySession: async () => session.user,
}));

await createTestDatabase("audit-log");
const { db } = await import("@/lib/server/db");
const fm = await import("@/lib/server/firewall-marks");
const audit = await import("@/lib/server/audit-queries");
const { firewallMarkSchema } = await import("@/lib/domain/schema");
const { AuthorizationError } = await import("@/lib/server/auth/permissions");

let clusterId = 0;
beforeAll(async () => {
  clusterId = (await db.cluster.create({ data: { name: "edge-audit", primaryPublicIp: "203.0.113.2" } })).id;
  await db.user.create({ data: { id: 1, username: "tester", passwordHash: "x", role: "admin" } });
  session.user = { userId: 1, username: "tester", role: "admin" };
});
afterAll(async () => db.$disconnect());

describe("audit log", () => {
  it("keeps each object's name as it was, so a renamed then deleted bundle stays identifiable, and filters by object", async () => {
    const created = await fm.createFirewallMark(clusterId, firewallMarkSchema.parse({ mark: 80, name: "web-old", vip: "203.0.113.10", ports: ["80"] }));
    const other = await fm.createFirewallMark(clusterId, firewallMarkSchema.parse({ mark: 21, name: "ftp", vip: "203.0.113.11", ports: ["21"] }));
    const current = await db.firewallMarkBundle.findUniqueOrThrow({ where: { id: created.id } });
    await fm.updateFirewallMark(created.id, current.version, firewallMarkSchema.parse({ mark: 80, name: "web-new", vip: "203.0.113.10", ports: ["80", "443"] }));
    const renamed = await db.firewallMarkBundle.findUniqueOrThrow({ where: { id: created.id } });
    await fm.deleteFirewallMark(created.id, renamed.version, true);

    const filter = audit.auditFilterSchema.parse({ targetType: "firewallMark", targetId: String(created.id) });
    const { events, total } = await audit.listAuditEvents(filter);
    expect(total).toBe(3);
    expect(events.map((e) => [e.action, e.targetName])).toEqual([
      ["firewallMark.delete", "web-new"],
      ["firewallMark.update", "web-new"],
      ["firewallMark.create", "web-old"],
    ]);
    expect(events.every((e) => e.targetId === String(created.id))).toBe(true);
    const all = await audit.listAuditEvents(audit.auditFilterSchema.parse({ targetType: "firewallMark" }));
    expect(all.events.some((e) => e.targetId === String(other.id))).toBe(true);
  });

  it("ignores a malformed object filter rather than failing", () => {
    expect(audit.auditFilterSchema.parse({ targetType: "x'; drop", targetId: "1e9" })).toMatchObject({ targetType: undefined, targetId: undefined });
  });

  it("[operator] may not read the audit log", async () => {
    session.user = { userId: 1, username: "tester", role: "operator" };
    await expect(audit.listAuditEvents(audit.auditFilterSchema.parse({}))).rejects.toBeInstanceOf(AuthorizationError);
    session.user = { userId: 1, username: "tester", role: "admin" };
  });
});
