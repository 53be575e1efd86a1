import { describe, expect, it } from "vitest";
import { loadFixtures } from "@/test/support/domain-fixtures";
import { parseDocument, type LvsDocument } from "../schema";
import { formatWhatIf } from "./format-what-if";
import { whatIf, type WhatIfProbe } from "./what-if";

// The lines `lvs-console what-if` prints and the overview shows, whole: the CLI
// tests run the command in a child process, so these are the only in-process
// assertions on the wording and the address forms.

const fixture = (name: string) => loadFixtures().find((f) => f.name === name)!.doc;
const lines = (doc: LvsDocument, probe: WhatIfProbe) => {
  const r = whatIf(doc, probe);
  if (!r.ok) throw new Error(r.message);
  return formatWhatIf(r.answer);
};

const overlapping = (() => {
  const r = parseDocument({
    version: 1, cluster: { name: "c", primary: { publicIp: "192.0.2.1" }, network: "direct" },
    firewallMarks: [{ mark: 1, name: "a", vip: "192.0.2.10", ports: ["1-100"] }, { mark: 2, name: "b", vip: "192.0.2.10", ports: ["80"] }],
    virtualServers: [
      { name: "v", vip: "192.0.2.10", port: 80, firewallMark: 2, realServers: [{ name: "r1", address: "10.0.0.1", weight: 3 }, { name: "r2", address: "10.0.0.2", weight: 0 }] },
      { name: "w", vip: "2001:db8::10", port: 443, realServers: [{ name: "r6", address: "2001:db8::100" }] },
    ],
  });
  if (!r.ok) throw new Error(r.lines.join("\n"));
  return r.doc;
})();

describe("formatWhatIf", () => {
  it("a client's HTTPS through mark 80: the client, the rule, the service, its persistence group and weighted real servers", () => {
    expect(lines(fixture("manual-nat"), { vip: "203.0.113.10", port: 443, protocol: "tcp", from: "198.51.100.7" })).toEqual([
      "198.51.100.7 → tcp 203.0.113.10:443",
      "  mark: 80 (rule 1 bundle web → 80)",
      "  service: fwmark 80, scheduler wlc, NAT (virtual servers http, https)",
      "  persistence: 300 s per client network /32 (this client: 198.51.100.7/32)",
      "  real server: web1 10.11.12.2 weight 1",
      "  real server: web2 10.11.12.3 weight 2",
      "  balanced: yes",
    ]);
  });

  it("no client: persistence without a group, and a quiesced real server apart", () => {
    expect(lines(fixture("manual-nat"), { vip: "203.0.113.11", port: 15000, protocol: "tcp" })).toEqual([
      "tcp 203.0.113.11:15000",
      "  mark: 21 (rule 2 bundle ftp → 21)",
      "  service: fwmark 21, scheduler rr, NAT (virtual servers ftp)",
      "  persistence: 900 s per client network /32",
      "  real server: ftp1 10.11.12.4 weight 1",
      "  quiesced: ftp2 10.11.12.5 weight 0 (gets no new connection)",
      "  balanced: yes",
    ]);
  });

  it("no rule matches: how many rules of which family were tried, and why nothing balances it", () => {
    expect(lines(fixture("manual-nat"), { vip: "203.0.113.10", port: 8080, protocol: "tcp" })).toEqual([
      "tcp 203.0.113.10:8080",
      "  mark: none (no rule of 2 in the IPv4 chain matches)",
      "  not balanced: no bundle covers tcp port 8080 on 203.0.113.10 and no virtual server listens on 203.0.113.10:8080/tcp",
    ]);
  });

  it("two matching rules: both listed in chain order, the note says the last wins", () => {
    expect(lines(overlapping, { vip: "192.0.2.10", port: 80, protocol: "tcp", from: "198.51.100.9" })).toEqual([
      "198.51.100.9 → tcp 192.0.2.10:80",
      "  mark: 2 (rule 1 bundle a → 1; rule 2 bundle b → 2)",
      "  note: 2 rules match: MARK does not stop the chain, so the last one (bundle b) wins; lint reports the overlap",
      "  service: fwmark 2, scheduler wlc, DR (virtual servers v)",
      "  persistence: off",
      "  real server: r1 10.0.0.1 weight 3",
      "  quiesced: r2 10.0.0.2 weight 0 (gets no new connection)",
      "  balanced: yes",
    ]);
  });

  it("IPv6: addresses with a port in brackets, the VIP's and the real server's", () => {
    expect(lines(overlapping, { vip: "2001:db8::10", port: 443, protocol: "tcp" })).toEqual([
      "tcp [2001:db8::10]:443",
      "  mark: none (no rule of 0 in the IPv6 chain matches)",
      "  service: tcp [2001:db8::10]:443, scheduler wlc, DR (virtual servers w)",
      "  persistence: off",
      "  real server: r6 [2001:db8::100]:443 weight 1",
      "  balanced: yes",
    ]);
    expect(lines(fixture("protocol-both"), { vip: "2001:DB8:0::53", port: 853, protocol: "udp", from: "2001:db8:99::1" })).toEqual([
      "2001:db8:99::1 → udp [2001:db8::53]:853",
      "  mark: 5353 (rule 2 bundle dns6 → 5353)",
      "  service: fwmark 5353 (IPv6), scheduler wlc, NAT (virtual servers dns6)",
      "  persistence: off",
      "  real server: ns6 2001:db8:20::11 weight 1",
      "  balanced: yes",
    ]);
  });
});
