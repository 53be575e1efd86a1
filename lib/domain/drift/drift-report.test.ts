import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadFixtures } from "@/test/support/domain-fixtures";
import { parseRouterState } from "../state/parse-state";
import { compareRouterState } from "./compare-state";
import { formatDriftReport, inSync } from "./report";

// The drift report as an operator reads it, and the IPVS and VIP branches the
// fixture alone does not reach.

const STATE = readFileSync(join(__dirname, "../../../test/fixtures/state/manual-nat-drifted.txt"), "utf8");
const manualNat = loadFixtures().find((f) => f.name === "manual-nat")!.doc;
const compare = (text: string) => {
  const r = parseRouterState(text);
  if (!r.ok) throw new Error(r.message);
  return compareRouterState(r.state, manualNat);
};
const serviceFindings = (text: string) => compare(text).findings.filter((f) => f.area === "service");

describe("formatDriftReport", () => {
  it("prints every finding, what was not compared and the parsers' notes, one line each", () => {
    const report = compare(STATE.replace("| -A -f 80 -s wlc -p 300", "| -A -f 80 -s wlc -p 300 --pe sip"));
    expect(inSync(report)).toBe(false);
    expect(formatDriftReport(report, "manual-nat.json")).toEqual([
      "router lvs1, state collected 2026-11-22T03:05:11Z, compared with manual-nat.json:",
      "  different real-server: real server web2 10.11.12.3 of service fwmark 80 (virtual servers http, https): weight 5 on the router, 2 in the document",
      "  different service: service fwmark 21 (virtual server ftp): scheduler wrr on the router, rr in the document",
      "  different real-server: real server ftp1 10.11.12.4 of service fwmark 21 (virtual server ftp): forwarding direct on the router, nat in the document",
      "  missing real-server: real server ftp2 10.11.12.5 of service fwmark 21 (virtual server ftp): not in IPVS on the router",
      "  extra real-server: real server 10.11.12.9 of service fwmark 21 (virtual server ftp): in IPVS on the router (weight 1) but not in the document",
      "  extra service: service tcp 203.0.113.12:25: in IPVS on the router (1 real server(s)) but not in the document",
      "  missing vip: VIP 203.0.113.11: not configured on any interface of the router",
      "  not compared: IPv6 marks: neither ip6tables-save nor nft is installed on the router",
      "  note: ipvsadm -Sn:1: warning: --pe sip not imported: the model does not carry it",
    ]);
  });

  it("says in sync when nothing compared differs", () => {
    const report = { host: "lvs1", time: "2026-11-22T03:05:11Z", findings: [], notCompared: [], notes: [] };
    expect(inSync(report)).toBe(true);
    expect(formatDriftReport(report, "doc.json")).toEqual([
      "router lvs1, state collected 2026-11-22T03:05:11Z, compared with doc.json:",
      "  in sync: no difference in what was compared",
    ]);
  });
});

describe("compareRouterState: IPVS services", () => {
  it("a service the router lacks, and a persistence granularity that differs", () => {
    const text = STATE.replace(/\| -A -f 21 -s wrr -p 900\n(\| -a -f 21.*\n)+/, "").replace("-A -f 80 -s wlc -p 300", "-A -f 80 -s wlc -p 300 -M 255.255.255.0");
    expect(serviceFindings(text)).toEqual([
      { kind: "different", area: "service", object: "service fwmark 80 (virtual servers http, https)", detail: "persistence granularity /24 on the router, /32 in the document" },
      { kind: "missing", area: "service", object: "service fwmark 21 (virtual server ftp)", detail: "not in IPVS on the router" },
      { kind: "extra", area: "service", object: "service tcp 203.0.113.12:25", detail: "in IPVS on the router (1 real server(s)) but not in the document" },
    ]);
  });

  it("persistence off on the router", () => {
    expect(serviceFindings(STATE.replace("-A -f 80 -s wlc -p 300", "-A -f 80 -s wlc"))[0]).toEqual({
      kind: "different", area: "service", object: "service fwmark 80 (virtual servers http, https)", detail: "persistence off on the router, 300 s in the document",
    });
  });

  it("an unreadable ipvsadm listing: services not compared, with the parser's message", () => {
    const report = compare(STATE.replace("| -A -f 80 -s wlc -p 300", "| -A -f x80 -s wlc"));
    expect(report.notCompared).toContainEqual({
      what: "IPVS services", reason: "ipvsadm -Sn could not be read: ipvsadm -Sn:1:7: error: firewall mark x80; allowed: an integer 1-4294967295 (decimal or 0x hex)",
    });
    expect(report.findings.some((f) => f.area === "service" || f.area === "real-server")).toBe(false);
  });
});

describe("compareRouterState: VIPs", () => {
  it.each([
    ["was not collected", STATE.replace(/### section addresses: ok\n(\|.*\n)+/, ""), "no addresses section"],
    ["was absent", STATE.replace(/### section addresses: ok\n(\|.*\n)+/, "### section addresses: absent (ip not found)\n"), "absent"],
  ])("the addresses section %s: VIPs not compared, never reported missing", (_, text, status) => {
    const report = compare(text);
    expect(report.notCompared).toContainEqual({ what: "VIPs", reason: `the router's addresses were not collected (${status})` });
    expect(report.findings.some((f) => f.area === "vip")).toBe(false);
  });

  it("an active virtual server's own VIP is expected on the router, an inactive one's is not", () => {
    const r = parseRouterState(STATE);
    if (!r.ok) throw new Error(r.message);
    const withMail = (active: boolean) => {
      const doc = structuredClone(manualNat);
      doc.virtualServers.push({ ...structuredClone(doc.virtualServers[0]!), name: "mail", vip: "203.0.113.99", port: 25, firewallMark: undefined, active });
      return compareRouterState(r.state, doc).findings.filter((f) => f.area === "vip").map((f) => f.object);
    };
    expect(withMail(true)).toEqual(["VIP 203.0.113.11", "VIP 203.0.113.99"]);
    expect(withMail(false)).toEqual(["VIP 203.0.113.11"]);
  });
});
