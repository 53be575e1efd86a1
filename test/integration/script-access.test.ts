import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "../support/test-db";

vi.mock("next/headers", () => import("../support/next-request"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

await createTestDatabase("script-access");
const { db } = await import("@/lib/server/db");
const { signInAs } = await import("../support/sign-in");
const { importClusterDocument } = await import("@/lib/server/document-transfer");
const { createVirtualServer, getVirtualServer, updateVirtualServer } = await import("@/lib/server/virtual-servers");
const { createVirtualServerAction, updateVirtualServerAction } = await import("@/lib/server/actions/virtual-servers");
const { DataError } = await import("@/lib/server/data-errors");
const { virtualServerSchema } = await import("@/lib/domain/schema");

const text = readFileSync("test/fixtures/model/health-vrrp.json", "utf8");
let clusterId = 0;
const values = (extra: Record<string, unknown>) => {
  const { realServers: _, ...v } = virtualServerSchema.parse({ name: "svc", vip: "203.0.113.20", port: 80, ...extra });
  return v;
};
const snapshot = async () => ({
  servers: await db.virtualServer.findMany({ where: { clusterId }, orderBy: { id: "asc" } }),
  cluster: await db.cluster.findUniqueOrThrow({ where: { id: clusterId } }),
});

beforeAll(async () => {
  clusterId = (await db.cluster.create({ data: { name: "default", primaryPublicIp: "192.0.2.1" } })).id;
});

describe("scripts that run as root on the router: admins only", () => {
  it.each([
    ["healthCheck.script", { healthCheck: { type: "misc", script: "/usr/local/bin/check %h" } }],
    ["monitor.sendProgram", { monitor: { sendProgram: "/usr/local/bin/probe %h" } }],
  ])("[operator] cannot create a virtual server with %s: field error, nothing saved", async (field, extra) => {
    await signInAs("operator");
    const before = await snapshot();
    const err = await createVirtualServer(clusterId, values(extra)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as InstanceType<typeof DataError>).fieldErrors).toEqual({ [field]: expect.stringContaining("only an admin") });
    expect(await snapshot()).toEqual(before);
  });

  it("[operator] gets the field error through the server action too", async () => {
    await signInAs("operator");
    const r = await createVirtualServerAction(clusterId, { name: "svc", vip: "203.0.113.20", port: 80, healthCheck: { type: "misc", script: "/bin/true" } });
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining("only an admin"), fieldErrors: { "healthCheck.script": expect.any(String) } });
  });

  it("[admin] sets a script; [operator] may then edit other fields or remove it, never change it", async () => {
    await signInAs("admin");
    const script = { healthCheck: { type: "misc", script: "/usr/local/bin/check %h" }, monitor: { sendProgram: "/usr/local/bin/probe %h" } };
    const created = await createVirtualServer(clusterId, values(script));
    await signInAs("operator");
    const kept = await updateVirtualServer(created.id, created.version, values({ ...script, reentrySeconds: 30 }));
    expect(kept.values.reentrySeconds).toBe(30);
    const before = await snapshot();
    const changed = await updateVirtualServerAction(created.id, kept.version, { name: "svc", vip: "203.0.113.20", port: 80, ...script, healthCheck: { type: "misc", script: "/tmp/evil" } });
    expect(changed).toMatchObject({ ok: false, fieldErrors: { "healthCheck.script": expect.stringContaining("only an admin") } });
    expect(await snapshot()).toEqual(before);
    const removed = await updateVirtualServer(created.id, kept.version, values({ healthCheck: { type: "tcp" } }));
    expect(removed.values.healthCheck).toEqual({ type: "tcp" });
    expect(removed.values.monitor?.sendProgram).toBeUndefined();
    expect((await getVirtualServer(created.id)).values.healthCheck).toEqual({ type: "tcp" });
  });

  it("[operator] import that adds scripts is refused with every path named, nothing written", async () => {
    await signInAs("operator");
    const before = await snapshot();
    const err = await importClusterDocument(clusterId, text).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as Error).message).toMatch(/only an admin may import it\. Nothing was imported/);
    expect((err as InstanceType<typeof DataError>).fieldErrors).toEqual({
      "virtualServers.1.healthCheck.script": expect.stringContaining("runs as root"),
      "virtualServers.1.monitor.sendProgram": expect.stringContaining("runs as root"),
    });
    expect(await snapshot()).toEqual(before);
  });

  it("[admin] imports the scripts; [operator] may re-import them unchanged but not altered", async () => {
    await signInAs("admin");
    await importClusterDocument(clusterId, text);
    await signInAs("operator");
    await importClusterDocument(clusterId, text);
    const altered = JSON.parse(text);
    altered.virtualServers[1].monitor.sendProgram = "/usr/local/bin/other %h";
    const before = await snapshot();
    await expect(importClusterDocument(clusterId, JSON.stringify(altered))).rejects.toMatchObject({
      fieldErrors: { "virtualServers.1.monitor.sendProgram": expect.any(String) },
    });
    expect(await snapshot()).toEqual(before);
    delete altered.virtualServers[1].monitor.sendProgram;
    delete altered.virtualServers[1].healthCheck;
    await importClusterDocument(clusterId, JSON.stringify(altered));
    const mail = await db.virtualServer.findFirstOrThrow({ where: { clusterId, name: "mail" } });
    expect([mail.healthCheckScript, mail.monitorSendProgram]).toEqual([null, null]);
  });
});
