import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";

/** Runs a command, returning stdout; throws with stderr on failure. */
export function run(cmd: string, args: string[], input?: string): string {
  const r = spawnSync(cmd, args, { input, encoding: "utf8" });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}: ${r.stderr || r.stdout}`);
  }
  return r.stdout;
}

/** A throwaway network namespace; `exec` runs a command inside it. */
export interface Netns {
  name: string;
  exec(cmd: string, args: string[], input?: string): string;
  tryExec(cmd: string, args: string[], input?: string): { status: number; stdout: string; stderr: string };
  destroy(): void;
}

/** Creates a fresh network namespace with loopback up. */
export function createNetns(prefix = "lvst"): Netns {
  const name = `${prefix}-${randomBytes(4).toString("hex")}`;
  run("ip", ["netns", "add", name]);
  run("ip", ["-n", name, "link", "set", "lo", "up"]);
  const tryExec = (cmd: string, args: string[], input?: string) => {
    const r = spawnSync("ip", ["netns", "exec", name, cmd, ...args], { input, encoding: "utf8" });
    return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  };
  return {
    name,
    exec: (cmd, args, input) => run("ip", ["netns", "exec", name, cmd, ...args], input),
    tryExec,
    destroy: () => {
      try {
        execFileSync("ip", ["netns", "del", name], { stdio: "ignore" });
      } catch {
        // already gone
      }
    },
  };
}

/** Two namespaces joined by a veth pair: `client` (10.200.0.1/24, fd00:200::1/64) → `router` (.2 / ::2). */
export function createLink(): { client: Netns; router: Netns; destroy(): void } {
  const client = createNetns("lvsc");
  const router = createNetns("lvsr");
  const a = `vc${randomBytes(3).toString("hex")}`;
  const b = `vr${randomBytes(3).toString("hex")}`;
  run("ip", ["link", "add", a, "netns", client.name, "type", "veth", "peer", "name", b, "netns", router.name]);
  client.exec("ip", ["addr", "add", "10.200.0.1/24", "dev", a]);
  router.exec("ip", ["addr", "add", "10.200.0.2/24", "dev", b]);
  client.exec("ip", ["-6", "addr", "add", "fd00:200::1/64", "dev", a, "nodad"]);
  router.exec("ip", ["-6", "addr", "add", "fd00:200::2/64", "dev", b, "nodad"]);
  client.exec("ip", ["link", "set", a, "up"]);
  router.exec("ip", ["link", "set", b, "up"]);
  // Every VIP is routed from the client to the router, so probes cross PREROUTING there.
  client.exec("ip", ["route", "add", "default", "via", "10.200.0.2"]);
  client.exec("ip", ["-6", "route", "add", "default", "via", "fd00:200::2"]);
  return { client, router, destroy: () => { client.destroy(); router.destroy(); } };
}
