import { describe, expect, it } from "vitest";
import { clusterSettingsSchema, firewallMarkSchema, formatIssues, parseDocument, parseDocumentText, realServerSchema, virtualServerSchema } from ".";

const cluster = { name: "edge-1", primary: { publicIp: "203.0.113.2" } };

function issuesOf(input: unknown): string[] {
  const r = parseDocument(input);
  return r.ok ? [] : r.lines;
}

describe("interchange document schema", () => {
  it("accepts the DESIGN §3 sketch and fills the §2 defaults", () => {
    const r = parseDocument({
      version: 1,
      cluster: { ...cluster, network: "nat", natRouter: { ip: "10.11.12.10", netmask: "255.255.255.0", device: "eth1:1" } },
      firewallMarks: [{ mark: 80, name: "web", vip: "203.0.113.10", protocol: "tcp", ports: ["80", "443"] }],
      virtualServers: [{ name: "web", vip: "203.0.113.10", port: 80, protocol: "tcp", firewallMark: 80, scheduler: "wlc",
        persistence: { timeoutSeconds: 300, netmask: "255.255.255.255" }, realServers: [{ name: "web1", address: "10.11.12.2", weight: 1 }] }],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.cluster.heartbeat).toEqual({ intervalSeconds: 6, deadAfterSeconds: 18, port: 539 });
    expect(r.doc.cluster.timeouts).toEqual({ tcp: 0, tcpfin: 0, udp: 0 });
    const vs = r.doc.virtualServers[0];
    expect(vs?.reentrySeconds).toBe(15);
    expect(vs?.serviceTimeoutSeconds).toBe(6);
    expect(vs?.active).toBe(true);
    expect(vs?.realServers[0]?.active).toBe(true);
  });

  it("names the path and what is allowed for a reversed port range", () => {
    const lines = issuesOf({ version: 1, cluster, firewallMarks: [{ mark: 80, name: "web", vip: "203.0.113.10", ports: ["80", "20000-10000"] }] });
    expect(lines).toEqual(["firewallMarks[0].ports[1]: port range 20000-10000 has lo > hi; allowed: 1-65535, lo ≤ hi"]);
  });

  it.each([
    [{ mark: 0 }, "firewallMarks[0].mark: got 0; allowed: an integer 1-4294967295"],
    [{ mark: 4294967296 }, "firewallMarks[0].mark"],
    [{ name: "bad name" }, "firewallMarks[0].name: got \"bad name\"; allowed: 1-31 characters"],
    [{ name: "x".repeat(32) }, "firewallMarks[0].name"],
    [{ vip: "127.1" }, "firewallMarks[0].vip"],
    [{ vip: "010.0.0.1" }, "firewallMarks[0].vip"],
    [{ vip: "fe80::1%eth0" }, "firewallMarks[0].vip"],
    [{ vip: "::ffff:1.2.3.4" }, "firewallMarks[0].vip"],
    [{ protocol: "sctp" }, "firewallMarks[0].protocol: got \"sctp\"; allowed: tcp, udp, both"],
    [{ ports: [] }, "firewallMarks[0].ports: got []; allowed: a list of 1-256"],
    [{ ports: ["65536"] }, "firewallMarks[0].ports[0]: port 65536 is out of range"],
    [{ ports: ["080"] }, "firewallMarks[0].ports[0]"],
    [{ ports: [80] }, "firewallMarks[0].ports[0]: got 80; allowed"],
    [{ extra: 1 }, "firewallMarks[0]: unknown field \"extra\"; allowed: mark, name, description, vip, protocol, ports"],
  ])("rejects bundle field %j", (patch, expected) => {
    const bundle = { mark: 80, name: "web", vip: "203.0.113.10", ports: ["80"], ...patch };
    const lines = issuesOf({ version: 1, cluster, firewallMarks: [bundle] });
    expect(lines.some((l) => l.startsWith(expected))).toBe(true);
  });

  it("accepts lo:hi ranges and IPv6 VIPs", () => {
    expect(issuesOf({ version: 1, cluster, firewallMarks: [{ mark: 1, name: "a", vip: "2001:db8::1", ports: ["1:65535"] }] })).toEqual([]);
  });

  it("checks netmasks by the VIP's family and contiguity", () => {
    const vs = { name: "v", vip: "203.0.113.10", port: 80 };
    expect(issuesOf({ version: 1, cluster, virtualServers: [{ ...vs, vipNetmask: "255.0.255.0" }] })[0]).toMatch(/^virtualServers\[0\]\.vipNetmask: .*contiguous/);
    expect(issuesOf({ version: 1, cluster, virtualServers: [{ ...vs, persistence: { timeoutSeconds: 1, netmask: 24 } }] })[0]).toMatch(/^virtualServers\[0\]\.persistence\.netmask/);
    expect(issuesOf({ version: 1, cluster, virtualServers: [{ ...vs, vip: "2001:db8::1", persistence: { timeoutSeconds: 1, netmask: 64 } }] })).toEqual([]);
    expect(issuesOf({ version: 1, cluster, virtualServers: [{ ...vs, vip: "2001:db8::1", vipNetmask: 129 }] })[0]).toMatch(/prefix length 0-128/);
  });

  it("requires a backup address when the backup is enabled", () => {
    expect(issuesOf({ version: 1, cluster: { ...cluster, backup: { enabled: true } } })).toEqual([
      "cluster.backup.publicIp: required when the backup is enabled; allowed: an IPv4 or IPv6 address",
    ]);
  });

  it("reports a missing document, wrong version and malformed JSON at the root", () => {
    expect(issuesOf(null)[0]).toMatch(/^\(document\): /);
    expect(issuesOf({ version: 2, cluster })).toEqual(["version: got 2; allowed: 1"]);
    const r = parseDocumentText("{not json");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.lines[0]).toMatch(/^\(document\): not valid JSON/);
  });

  it.each([
    ["send", "GET /\n"], ["send", 'say "hi"'], ["expect", "a\u0000b"], ["expect", "ends\\"], ["send", "esc\\\"q"], ["send", "é"],
    ["sendProgram", "check %h"], ["sendProgram", "/bin/check $(id)"], ["sendProgram", "/bin/check; rm -rf /"],
  ])("rejects unsafe health-check %s %j", (field, value) => {
    const lines = issuesOf({ version: 1, cluster, virtualServers: [{ name: "v", vip: "192.0.2.1", port: 80, monitor: { [field]: value } }] });
    expect(lines[0]).toMatch(new RegExp(`^virtualServers\\[0\\]\\.monitor\\.${field}: .*allowed`));
  });

  it("accepts Piranha-style health checks and sorry servers", () => {
    const monitor = { send: "GET / HTTP/1.0\\r\\n\\r\\n", expect: "HTTP/1\\.[01] 200", expectIsRegex: true, sendProgram: "/usr/local/bin/check %h 80" };
    for (const sorryServer of ["192.0.2.9", "192.0.2.9:8080", "2001:db8::9", "[2001:db8::9]:80"]) {
      expect(issuesOf({ version: 1, cluster, virtualServers: [{ name: "v", vip: "192.0.2.1", port: 80, monitor, sorryServer }] })).toEqual([]);
    }
    expect(issuesOf({ version: 1, cluster, virtualServers: [{ name: "v", vip: "192.0.2.1", port: 80, sorryServer: "192.0.2.9:0" }] })).toHaveLength(1);
  });
});

describe("entity schemas for forms", () => {
  it("validate one object each with field paths", () => {
    const r = realServerSchema.safeParse({ name: "web1", address: "10.0.0.999", weight: 70000 });
    expect(r.success).toBe(false);
    if (!r.success) expect(formatIssues(r.error)).toEqual([
      'address: got "10.0.0.999"; allowed: an IPv4 address (192.0.2.10) or IPv6 address (2001:db8::10)',
      "weight: got 70000; allowed: an integer 0-65535",
    ]);
    expect(firewallMarkSchema.parse({ mark: 21, name: "ftp", vip: "192.0.2.1", ports: ["21", "10000-20000"] }).protocol).toBe("tcp");
    expect(virtualServerSchema.parse({ name: "v", vip: "192.0.2.1", port: 80 }).scheduler).toBe("wlc");
    expect(clusterSettingsSchema.parse(cluster).network).toBe("nat");
  });
});
