import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadFixtures } from "@/test/support/domain-fixtures";
import { parseRouterState } from "../state/parse-state";
import { compareRouterState } from "./compare-state";
import { formatDriftReport } from "./report";

const STATE_DIR = join(__dirname, "../../../test/fixtures/state");
const fixture = (name: string) => loadFixtures().find((f) => f.name === name)!.doc;
const state = (file: string) => {
  const r = parseRouterState(readFileSync(join(STATE_DIR, file), "utf8"));
  if (!r.ok) throw new Error(r.message);
  return r.state;
};

describe("compareRouterState", () => {
  it("lists every IPVS and VIP difference with the object it belongs to", () => {
    const report = compareRouterState(state("manual-nat-drifted.txt"), fixture("manual-nat"));
    expect(report.findings).toEqual([
      { kind: "different", area: "real-server", object: "real server web2 10.11.12.3 of service fwmark 80 (virtual servers http, https)", detail: "weight 5 on the router, 2 in the document" },
      { kind: "different", area: "service", object: "service fwmark 21 (virtual server ftp)", detail: "scheduler wrr on the router, rr in the document" },
      { kind: "different", area: "real-server", object: "real server ftp1 10.11.12.4 of service fwmark 21 (virtual server ftp)", detail: "forwarding direct on the router, nat in the document" },
      { kind: "missing", area: "real-server", object: "real server ftp2 10.11.12.5 of service fwmark 21 (virtual server ftp)", detail: "not in IPVS on the router" },
      { kind: "extra", area: "real-server", object: "real server 10.11.12.9 of service fwmark 21 (virtual server ftp)", detail: "in IPVS on the router (weight 1) but not in the document" },
      { kind: "extra", area: "service", object: "service tcp 203.0.113.12:25", detail: "in IPVS on the router (1 real server(s)) but not in the document" },
      { kind: "missing", area: "vip", object: "VIP 203.0.113.11", detail: "not configured on any interface of the router" },
    ]);
    // The absent ip6tables-save and nft leave IPv4 compared through iptables alone and IPv6 not compared.
    expect(report.notCompared).toEqual([{ what: "IPv6 marks", reason: "neither ip6tables-save nor nft is installed on the router" }]);
  });

  it("reports a backup router's missing VIPs as not compared, never as drift", () => {
    const report = compareRouterState(state("manual-nat-drifted.txt"), fixture("manual-nat"), "backup");
    expect(report.findings.some((f) => f.area === "vip")).toBe(false);
    expect(report.notCompared.map((n) => n.what)).toContain("VIPs");
  });

  it("reports persistence differences and prints a readable report", () => {
    const text = readFileSync(join(STATE_DIR, "manual-nat-drifted.txt"), "utf8").replace("-A -f 80 -s wlc -p 300", "-A -f 80 -s wlc -p 60 -M 255.255.255.0");
    const r = parseRouterState(text);
    if (!r.ok) throw new Error(r.message);
    const report = compareRouterState(r.state, fixture("manual-nat"));
    expect(report.findings[0]).toEqual({ kind: "different", area: "service", object: "service fwmark 80 (virtual servers http, https)", detail: "persistence 60 s on the router, 300 s in the document" });
    const lines = formatDriftReport(report, "manual-nat.json");
    expect(lines[0]).toBe("router lvs1, state collected 2026-11-22T03:05:11Z, compared with manual-nat.json:");
    expect(lines).toContain("  not compared: IPv6 marks: neither ip6tables-save nor nft is installed on the router");
  });

  it("is in sync with the document the state was exported from, apart from what it does not hold", () => {
    const text = readFileSync(join(STATE_DIR, "manual-nat-drifted.txt"), "utf8")
      .replace(/### section ipvs-rules: ok\n(\|.*\n)+/, "### section ipvs-rules: not-loaded (no /proc/net/ip_vs: IPVS is not loaded)\n")
      .replace("inet 203.0.113.10/32", "inet 203.0.113.11/32 scope global eth0:2\\ x\n| 2: eth0    inet 203.0.113.10/32");
    const r = parseRouterState(text);
    if (!r.ok) throw new Error(r.message);
    const report = compareRouterState(r.state, fixture("manual-nat"));
    expect(report.findings).toEqual([]);
    expect(report.notCompared.map((n) => n.what)).toEqual(["IPv6 marks", "IPVS services"]);
  });
});
