import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { FIXTURE_DIR } from "@/test/support/domain-fixtures";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const STATE = join(ROOT, "test/fixtures/state/manual-nat-drifted.txt");
const doc = join(FIXTURE_DIR, "manual-nat.json");
const cli = (args: string[], input?: string) => {
  const r = spawnSync("bin/lvs-console", args, { cwd: ROOT, input, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe("lvs-console drift", () => {
  it("exits 1 and lists each difference when the router drifted", () => {
    const r = cli(["drift", "--state", STATE, doc]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("  different real-server: real server web2 10.11.12.3 of service fwmark 80 (virtual servers http, https): weight 5 on the router, 2 in the document\n");
    expect(r.stdout).toContain("  not compared: IPv6 marks: neither ip6tables-save nor nft is installed on the router\n");
  });

  it("exits 0 when what was compared is in sync, and speaks JSON", () => {
    const inSync = readFileSync(STATE, "utf8")
      .replace(/### section ipvs-rules: ok\n(\|.*\n)+/, "### section ipvs-rules: absent (ipvsadm not found)\n")
      .replace("| 3: eth1", "| 2: eth0    inet 203.0.113.11/32 scope global eth0:2\n| 3: eth1");
    const r = cli(["drift", "--state", "-", doc, "--json"], inSync);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ inSync: true, findings: [], host: "lvs1" });
  });

  it.each([
    [["drift", "--state", "-", doc], "*mangle\nCOMMIT\n", /line 1: not a collect-state file/],
    [["drift", "--state", "/nonexistent/state.txt", doc], undefined, /cannot read \/nonexistent\/state.txt/],
    [["drift", doc], undefined, /drift needs --state FILE/],
    [["drift", "--state", STATE, "/nonexistent/doc.json"], undefined, /cannot read \/nonexistent\/doc.json/],
  ])("exits 2 on unreadable input %j", (args, input, message) => {
    const r = cli(args, input);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
