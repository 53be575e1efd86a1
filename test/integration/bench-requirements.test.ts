import { spawnSync } from "node:child_process";
import { existsSync, realpathSync } from "node:fs";
import { dirname } from "node:path";
import { describe, expect, it } from "vitest";
import { requireOrSkip } from "../support/requirements";

// Issue 12 item 18: the bench installs what it needs as `npm test` does, or
// says what to install and stops before doing any work.

const run = (script: string, env: Record<string, string> = {}) =>
  spawnSync("bash", ["-c", script], { encoding: "utf8", env: { ...process.env, ...env } });

describe("bench requirements", () => {
  it("names the missing package and stops when it may not install", () => {
    const r = run("source scripts/lib.sh; ensure_system_packages bash=bash no-such-tool-xyz=xyz-tools; echo reached", { INSTALL_PACKAGES: "no" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("These Debian packages are needed: xyz-tools");
    expect(r.stderr).toContain("apt-get install -y xyz-tools");
    expect(r.stdout).not.toContain("reached");
  });

  it("passes when every command is there", () => {
    const r = run("source scripts/lib.sh; ensure_system_packages bash=bash node=nodejs; echo reached", { INSTALL_PACKAGES: "no" });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("reached");
  });

  // On a machine that has Shorewall (a bench ran there), it is hidden in a mount namespace of the test's own.
  it("npm run bench without Shorewall says so before any figure", () => {
    if (!requireOrSkip("bench without Shorewall", { root: true, tools: ["unshare", "mount"] })) return;
    const installed = [...new Set(["/usr/sbin/shorewall", "/sbin/shorewall"].filter((f) => existsSync(f)).map((f) => dirname(realpathSync(f))))];
    const bench = "BENCH_ONLY=netfilter bash bench/run.sh";
    const r = installed.length === 0
      ? run(bench, { INSTALL_PACKAGES: "no" })
      // An empty directory over the one holding it (bash finds even a non-executable file by name).
      : run(`unshare -m bash -c '${installed.map((d) => `mount -t tmpfs lvs-no-shorewall ${d}`).join(" && ")} && ${bench}'`, { INSTALL_PACKAGES: "no" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("shorewall");
    expect(r.stdout).not.toMatch(/^[a-z_0-9]+: [\d.]+ /m);
  });
});
