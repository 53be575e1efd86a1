import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { FIXTURE_DIR, GOLDEN_DIR } from "@/test/support/domain-fixtures";
import { FORMAT_NAMES } from "@/lib/domain/render";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const fixture = (name: string) => join(FIXTURE_DIR, `${name}.json`);

function cli(args: string[], input?: string) {
  const r = spawnSync("bin/lvs-console", args, { cwd: ROOT, input, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const INVALID = JSON.stringify({
  version: 1,
  cluster: { name: "edge-1", primary: { publicIp: "203.0.113.2" } },
  firewallMarks: [{ mark: 80, name: "web", vip: "203.0.113.10", ports: ["80", "20000-10000"] }],
});
const LINT_ERROR = JSON.stringify({ version: 1, cluster: { name: "edge-1", primary: { publicIp: "203.0.113.2" }, network: "nat" } });

describe("bin/lvs-console", () => {
  it("lists the format names", () => {
    const r = cli(["formats"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split("\n")).toEqual([...FORMAT_NAMES]);
    expect(FORMAT_NAMES).toEqual(expect.arrayContaining(["keepalived", "keepalived-backup"]));
    expect(JSON.parse(cli(["formats", "--json"]).stdout)[0]).toMatchObject({ name: "iptables", filename: "iptables-marks.sh" });
  });

  it("renders a fixture exactly as the golden file, from a path or stdin", () => {
    const golden = readFileSync(join(GOLDEN_DIR, "manual-nat", "install-script.golden"), "utf8");
    const r = cli(["render", fixture("manual-nat"), "--format", "install-script"]);
    expect(r).toEqual({ code: 0, stdout: golden, stderr: "" });
    const viaStdin = cli(["render", "-", "--format=nftables"], readFileSync(fixture("manual-nat"), "utf8"));
    expect(viaStdin.stdout).toBe(readFileSync(join(GOLDEN_DIR, "manual-nat", "nftables.golden"), "utf8"));
  });

  it("lints: exit 0 with warnings only, diagnostics as text or JSON", () => {
    const r = cli(["lint", fixture("manual-nat")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("warning FTP_NEEDS_HELPER firewallMarks[1]:");
    const json = cli(["lint", fixture("manual-nat"), "--json"]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).diagnostics.map((d: { code: string }) => d.code)).toEqual(["FTP_NEEDS_HELPER", "KEEPALIVED_MONITOR", "REAL_SERVER_QUIESCED"]);
  });

  it("lint exits 1 on an error-level diagnostic; render refuses it unless --force", () => {
    const lint = cli(["lint", "-"], LINT_ERROR);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain("error NAT_WITHOUT_ROUTER cluster.natRouter:");
    const render = cli(["render", "-", "--format", "lvs.cf"], LINT_ERROR);
    expect(render.code).toBe(1);
    expect(render.stderr).toContain("NAT_WITHOUT_ROUTER");
    const forced = cli(["render", "-", "--format", "lvs.cf", "--force"], LINT_ERROR);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain("network = nat");
  });

  it("refuses only the artifact an lvs.cf-specific error is about", () => {
    const doc = JSON.parse(readFileSync(fixture("manual-nat"), "utf8"));
    doc.virtualServers[2].scheduler = "sed";
    const text = JSON.stringify(doc);
    const lvs = cli(["render", "-", "--format", "lvs.cf"], text);
    expect(lvs.code).toBe(1);
    expect(lvs.stderr).toContain("error LVS_CF_SCHEDULER virtualServers[2].scheduler: lvs.cf: scheduler sed is refused");
    const backup = cli(["render", "-", "--format", "keepalived-backup"], text);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain("lvs_sched sed");
  });

  it("exits 2 with path-specific messages for an invalid document, from both commands", () => {
    for (const args of [["lint", "-"], ["render", "-", "--format", "iptables"]]) {
      const r = cli(args, INVALID);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain("firewallMarks[0].ports[1]: port range 20000-10000 has lo > hi; allowed: 1-65535, lo ≤ hi");
    }
    const json = cli(["lint", "-", "--json"], INVALID);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout).issues[0].path).toBe("firewallMarks[0].ports[1]");
    expect(cli(["lint", "-"], "{oops").stderr).toContain("(document): not valid JSON");
  });

  it.each([
    [[]], [["bogus"]], [["render", fixture("manual-nat")]], [["render", fixture("manual-nat"), "--format", "pf"]],
    [["lint"]], [["lint", "a.json", "b.json"]], [["lint", fixture("manual-nat"), "--frobnicate"]], [["lint", "/nonexistent/doc.json"]],
  ])("exits 2 on usage errors: %j", (args) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^lvs-console: /);
  });
});
