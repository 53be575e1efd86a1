import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { FIXTURE_DIR } from "@/test/support/domain-fixtures";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const fixture = (name: string) => join(FIXTURE_DIR, `${name}.json`);
const cli = (args: string[]) => {
  const r = spawnSync("bin/lvs-console", args, { cwd: ROOT, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe("lvs-console what-if", () => {
  it("answers with the mark, the service and the real servers (exit 0)", () => {
    const r = cli(["what-if", fixture("manual-nat"), "--to", "203.0.113.10:443", "--from", "198.51.100.7"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe([
      "198.51.100.7 → tcp 203.0.113.10:443",
      "  mark: 80 (rule 1 bundle web → 80)",
      "  service: fwmark 80, scheduler wlc, NAT (virtual servers http, https)",
      "  persistence: 300 s per client network /32 (this client: 198.51.100.7/32)",
      "  real server: web1 10.11.12.2 weight 1",
      "  real server: web2 10.11.12.3 weight 2",
      "  balanced: yes",
      "",
    ].join("\n"));
  });

  it("answers 'not balanced' with the reason, still exit 0, and speaks JSON", () => {
    const r = cli(["what-if", fixture("protocol-both"), "--to=[2001:db8::53]:8053", "--protocol", "udp", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ mark: 0, balanced: false, reason: expect.stringContaining("no bundle covers udp port 8053") });
  });

  it.each([
    [["--to", "203.0.113.10"], /--to: got "203.0.113.10"; allowed: VIP:PORT/],
    [["--to", "203.0.113.10:80", "--protocol", "icmp"], /--protocol: got "icmp"; allowed: tcp, udp/],
    [["--to", "203.0.113.10:80", "--from", "2001:db8::1"], /--from: 2001:db8::1 is IPv6 but the VIP is IPv4/],
    [[], /what-if needs --to/],
  ])("exits 2 on bad input %j", (extra, message) => {
    const r = cli(["what-if", fixture("manual-nat"), ...extra]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
