import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const FIX = "test/fixtures/import";

function cli(args: string[]) {
  const r = spawnSync("bin/lvs-console", args, { cwd: ROOT, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("lvs-console import", () => {
  it("prints a version-1 document, detects formats and reports FILE:LINE on stderr (exit 0)", () => {
    const r = cli(["import", `${FIX}/piranha/lvs.cf`, `${FIX}/piranha/iptables.sh`, "--cluster-name", "piranha-1"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.version).toBe(1);
    expect(doc.cluster.name).toBe("piranha-1");
    expect(doc.firewallMarks.map((b: { mark: number }) => b.mark)).toEqual([80, 21]);
    expect(r.stderr).toContain(`${FIX}/piranha/iptables.sh:10: warning: rule not imported: -i cannot be expressed by a firewall-mark bundle\n`);
    for (const line of r.stderr.trim().split("\n")) expect(line).toMatch(/^test\/fixtures\/import\/piranha\/[^:]+:\d+: (warning|note): /);
  });

  it("resolves keepalived includes relative to the including file", () => {
    const r = cli(["import", `${FIX}/keepalived-iptables/keepalived.conf`, `${FIX}/keepalived-iptables/iptables-save.txt`]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${FIX}/keepalived-iptables/keepalived.conf:41: note: included ${FIX}/keepalived-iptables/conf.d/10-web.conf\n`);
    expect(r.stderr).toContain(`${FIX}/keepalived-iptables/conf.d/20-mail.conf:17: warning: SMTP_CHECK helo_name not imported`);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(readFileSync(join(ROOT, FIX, "keepalived-iptables/expected.json"), "utf8")));
  });

  it("--strict exits 1 when anything was not imported, 0 when everything was", () => {
    expect(cli(["import", `${FIX}/piranha/lvs.cf`, "--strict"]).code).toBe(1);
    const dir = mkdtempSync(join(tmpdir(), "lvs-import-"));
    writeFileSync(join(dir, "ipvs.rules"), "-A -t 192.0.2.10:80 -s rr\n-a -t 192.0.2.10:80 -r 10.0.0.2:80 -m -w 1\n");
    const clean = cli(["import", join(dir, "ipvs.rules"), "--strict", "--cluster-name", "x"]);
    expect(clean.code).toBe(0);
    expect(clean.stderr).toContain("note: the primary router's address is not in the files");
  });

  it("--format overrides detection, once for all files or once per file", () => {
    const dir = mkdtempSync(join(tmpdir(), "lvs-import-"));
    writeFileSync(join(dir, "empty"), "");
    expect(cli(["import", join(dir, "empty")]).code).toBe(2);
    expect(cli(["import", join(dir, "empty"), "--format", "ipvsadm"]).code).toBe(0);
    const r = cli(["import", join(dir, "empty"), join(dir, "empty"), "--format", "ipvsadm", "--format", "nft", "--format", "lvs.cf"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("3 --format options for 2 files");
    expect(cli(["import", join(dir, "empty"), "--format", "haproxy"]).stderr).toContain('unknown import format "haproxy"; allowed: lvs.cf, keepalived, ipvsadm, iptables, nft');
  });

  it("exits 2 with FILE:LINE:COLUMN when an input cannot be read", () => {
    const missing = cli(["import", "/nonexistent/lvs.cf"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^\/nonexistent\/lvs\.cf:1:1: error: cannot read: /);
    const dir = mkdtempSync(join(tmpdir(), "lvs-import-"));
    writeFileSync(join(dir, "keepalived.conf"), "virtual_server 192.0.2.10 80 {\n  lvs_sched rr\n");
    const broken = cli(["import", join(dir, "keepalived.conf")]);
    expect(broken).toEqual({ code: 2, stdout: "", stderr: `${join(dir, "keepalived.conf")}:1:30: error: this { is never closed; allowed: balanced { }\n` });
  });
});
