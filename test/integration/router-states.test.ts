import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "../support/test-db";

vi.mock("next/headers", () => import("../support/next-request"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

await createTestDatabase("router-states");
const { db } = await import("@/lib/server/db");
const { signInAs, signOut } = await import("../support/sign-in");
const { importClusterDocument } = await import("@/lib/server/document-transfer");
const { createExport } = await import("@/lib/server/exports");
const { getDriftReports, getRouterLiveViews, uploadRouterState } = await import("@/lib/server/router-states");
const { uploadRouterStateAction, whatIfAction } = await import("@/lib/server/actions/router-states");
const { AuthorizationError } = await import("@/lib/server/auth/permissions");

const STATE = readFileSync(path.resolve("test/fixtures/state/manual-nat-drifted.txt"), "utf8");
let clusterId: number;

const form = (fields: Record<string, string | Blob>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

beforeAll(async () => {
  clusterId = (await db.cluster.create({ data: { name: "default", primaryPublicIp: "192.0.2.1" } })).id;
  await signInAs("admin");
  await importClusterDocument(clusterId, readFileSync(path.resolve("test/fixtures/documents/manual-nat.json"), "utf8"));
});

describe("router states", () => {
  it("[viewer] cannot upload a state, and nothing is stored", async () => {
    await signInAs("viewer");
    await expect(uploadRouterState(clusterId, "primary", STATE)).rejects.toBeInstanceOf(AuthorizationError);
    const r = await uploadRouterStateAction(form({ clusterId: String(clusterId), router: "primary", state: new Blob([STATE]) }));
    expect(r).toEqual({ ok: false, message: "Your role does not allow this action." });
    await signOut();
    await expect(getRouterLiveViews(clusterId)).rejects.toBeInstanceOf(AuthorizationError);
    expect(await db.routerStateUpload.count()).toBe(0);
  });

  it("[operator] a file that is not a collect-state file, or a wrong router, stores nothing and says why", async () => {
    await signInAs("operator");
    const bad = await uploadRouterStateAction(form({ clusterId: String(clusterId), router: "primary", state: new Blob(["*mangle\nCOMMIT\n"]) }));
    expect(bad).toMatchObject({ ok: false, message: expect.stringContaining("line 1: not a collect-state file") });
    const role = await uploadRouterStateAction(form({ clusterId: String(clusterId), router: "tertiary", state: new Blob([STATE]) }));
    expect(role).toMatchObject({ ok: false, fieldErrors: { router: 'got "tertiary"; allowed: primary, backup' } });
    const huge = await uploadRouterStateAction(form({ clusterId: String(clusterId), router: "backup", state: new Blob([STATE.replace("### end", `${"| x\n".repeat(300_000)}### end`)]) }));
    expect(huge).toMatchObject({ ok: false, message: "The state file is larger than 900 KiB; nothing was stored." });
    expect(await db.routerStateUpload.count()).toBe(0);
  });

  it("[operator] uploads per router; [viewer] sees the live view and the drift against model and last export", async () => {
    await signInAs("operator");
    const up = await uploadRouterStateAction(form({ clusterId: String(clusterId), router: "primary", state: new Blob([STATE]) }));
    expect(up).toMatchObject({ ok: true, data: { router: "primary", host: "lvs1", collectedAt: "2026-11-22T03:05:11.000Z", uploaderName: "it-operator" } });
    expect(await db.auditEvent.count({ where: { action: "routerState.upload" } })).toBe(1);
    expect((await createExport({ clusterId, comment: "" })).status).toBe("created");

    await signInAs("viewer");
    const [live] = await getRouterLiveViews(clusterId);
    expect(live).toMatchObject({ summary: { router: "primary", host: "lvs1" }, vipsHeld: ["203.0.113.10"], vipsTotal: 2, daemons: ["keepalived 812", "keepalived 813"] });
    expect(live!.ipvs.ok && live!.ipvs.services[0]!.realServers[0]).toMatchObject({ address: "10.11.12.2:0", activeConnections: 12, connectionsPerSecond: 3 });
    const [drift] = await getDriftReports(clusterId);
    expect(drift!.model.findings).toHaveLength(7);
    expect(drift!.lastExport?.report.findings).toEqual(drift!.model.findings);
  });

  it("[viewer] asks what-if; bad questions get field errors", async () => {
    await signInAs("viewer");
    const r = await whatIfAction(clusterId, { to: "203.0.113.10:443", protocol: "tcp", from: "198.51.100.7" });
    expect(r.ok && r.data.lines).toContain("  real server: web2 10.11.12.3 weight 2");
    const bad = await whatIfAction(clusterId, { to: "203.0.113.10", protocol: "tcp", from: "" });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { to: expect.stringContaining("allowed: VIP:PORT") } });
    const family = await whatIfAction(clusterId, { to: "203.0.113.10:443", protocol: "tcp", from: "2001:db8::1" });
    expect(family).toMatchObject({ ok: false, fieldErrors: { from: "2001:db8::1 is IPv6 but the VIP is IPv4; allowed: an address of the VIP's family" } });
  });
});
