import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireOrSkip } from "../support/requirements";
import { createTestDatabase, testProvider } from "../support/test-db";

// Issue 15 item 3: WEB_CONCURRENCY processes serve one port from the production
// build; what one writes the other serves at once (sessions, data, the preview
// cache keyed on what the database says), a killed process is replaced, and
// SIGTERM lets requests in flight finish. Runs against SQLite and PostgreSQL.

const built = existsSync(".next/BUILD_ID");
const canRun = () => {
  if (built) return true;
  const message = "[skip] server processes: needs the production build (bash -c 'source scripts/lib.sh && ensure_build')";
  if (process.env.CI === "true" || process.env.CI === "1") throw new Error(`${message} — CI=true forbids skipping`);
  console.warn(message);
  return false;
};

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Children of a process (the server's workers). */
const childrenOf = (pid: number): number[] => {
  try {
    return execFileSync("pgrep", ["-P", String(pid)], { encoding: "utf8" }).trim().split("\n").filter(Boolean).map(Number);
  } catch {
    return [];
  }
};

describe.runIf(requireOrSkip("server processes", { tools: ["pgrep"] }) && canRun())(`server processes (${testProvider()})`, () => {
  let server: ChildProcess;
  let base = "";
  let cookie = "";
  let output = "";
  const exited = () => new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));

  /** One request on a fresh connection: cluster hands connections to its workers in turn. */
  const request = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${base}${path}`, { ...init, headers: { cookie, connection: "close", ...init.headers } });
    return { worker: response.headers.get("x-lvs-worker"), status: response.status, text: await response.text() };
  };
  const callAction = (id: string, args: unknown[]) =>
    request("/settings", {
      method: "POST",
      headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: base },
      body: JSON.stringify(args),
    });
  const actionId = (name: string) => {
    const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
      node: Record<string, { exportedName: string }>;
    };
    return Object.entries(manifest.node).find(([, e]) => e.exportedName === name)![0];
  };
  /** Requests until both workers of `wanted` answered; returns each one's answer. */
  const throughEach = async (wanted: string[], send: () => Promise<{ worker: string | null; status: number; text: string }>) => {
    const answers = new Map<string, { status: number; text: string }>();
    for (let i = 0; i < 40 && wanted.some((w) => !answers.has(w)); i += 1) {
      const a = await send();
      if (a.worker && !answers.has(a.worker)) answers.set(a.worker, a);
    }
    return answers;
  };

  beforeAll(async () => {
    await createTestDatabase("serve");
    const { db } = await import("@/lib/server/db");
    const { createSession } = await import("@/lib/server/auth/session-store");
    const port = await freePort();
    base = `http://localhost:${port}`;
    server = spawn(process.execPath, ["scripts/serve.mjs", "-p", String(port)], {
      env: { ...process.env, NODE_ENV: "production", WEB_CONCURRENCY: "2", ADMIN_PASSWORD: "serve-Test-pw-42" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout!.on("data", (d) => (output += d));
    server.stderr!.on("data", (d) => (output += d));
    for (let i = 0; i < 600 && !output.includes("ready on"); i += 1) await new Promise((r) => setTimeout(r, 100));
    expect(output).toContain("(2 server processes)");
    const admin = await db.user.findFirstOrThrow({ where: { role: "admin" } });
    const { token } = await createSession(db, admin.id, { ip: "127.0.0.1", userAgent: "vitest" });
    cookie = `lvs_session=${token}`;
  }, 120_000);

  afterAll(async () => {
    if (server.exitCode === null) {
      server.kill("SIGKILL");
      for (const pid of childrenOf(server.pid!)) process.kill(pid, "SIGKILL");
    }
  });

  it("bootstraps once, and a session made through the database is valid in every process", async () => {
    expect(output.match(/Created admin/g)).toHaveLength(1);
    const answers = await throughEach(["1", "2"], () => request("/api/clusters/1/document"));
    expect([...answers.keys()].sort()).toEqual(["1", "2"]);
    for (const a of answers.values()) expect(a.status).toBe(200);
  });

  it("a write through one process is what the other serves next, previews included", async () => {
    const preview = actionId("previewClusterAction");
    const warm = await throughEach(["1", "2"], () => callAction(preview, [1]));
    for (const a of warm.values()) expect(a.text).toContain('"clusterName":"default"');

    const { db } = await import("@/lib/server/db");
    const { version } = await db.cluster.findUniqueOrThrow({ where: { id: 1 } });
    const renamed = await callAction(actionId("renameClusterAction"), [1, version, { name: "renamed-in-one" }]);
    expect(renamed.text).toContain('"ok":true');

    const after = await throughEach(["1", "2"], () => callAction(preview, [1]));
    for (const a of after.values()) expect(a.text).toContain('"clusterName":"renamed-in-one"');
    const documents = await throughEach(["1", "2"], () => request("/api/clusters/1/document"));
    for (const a of documents.values()) expect(JSON.parse(a.text).cluster.name).toBe("renamed-in-one");
  });

  it("replaces a killed process", async () => {
    const [victim] = childrenOf(server.pid!);
    process.kill(victim!, "SIGKILL");
    for (let i = 0; i < 600 && !/died .*starting a replacement/.test(output); i += 1) await new Promise((r) => setTimeout(r, 100));
    let answers = new Map<string, unknown>();
    for (let i = 0; i < 300 && answers.size < 2; i += 1) {
      answers = await throughEach(["1", "2", "3"], () => request("/api/clusters/1/document").catch(() => ({ worker: null, status: 0, text: "" })));
      if (answers.size < 2) await new Promise((r) => setTimeout(r, 200));
    }
    expect(answers.has("3")).toBe(true);
    expect(childrenOf(server.pid!)).toHaveLength(2);
  }, 120_000);

  it("finishes a request in flight on SIGTERM, then exits 0", async () => {
    const inFlight = request("/api/clusters/1/document");
    await new Promise((r) => setTimeout(r, 5));
    const code = exited();
    server.kill("SIGTERM");
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(await code).toBe(0);
  }, 60_000);
});
