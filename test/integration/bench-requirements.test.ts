import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";

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

  it.skipIf(existsSync("/usr/sbin/shorewall") || process.getuid?.() !== 0)("npm run bench without Shorewall says so before any figure", () => {
    const r = run("BENCH_ONLY=netfilter bash bench/run.sh", { INSTALL_PACKAGES: "no" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("shorewall");
    expect(r.stdout).not.toMatch(/^[a-z_0-9]+: [\d.]+ /m);
  });
});
