import { describe, expect, it } from "vitest";
import { parseDocument, type LvsDocument, type LvsDocumentInput } from "../schema";
import { loadFixtures } from "@/test/support/domain-fixtures";
import { formatWhatIf } from "./format-what-if";
import { whatIf, type WhatIfProbe } from "./what-if";

const fixture = (name: string) => loadFixtures().find((f) => f.name === name)!.doc;
const answer = (doc: LvsDocument, probe: WhatIfProbe) => {
  const r = whatIf(doc, probe);
  if (!r.ok) throw new Error(r.message);
  return r.answer;
};
const doc = (input: LvsDocumentInput) => {
  const r = parseDocument(input);
  if (!r.ok) throw new Error(r.lines.join("\n"));
  return r.doc;
};

describe("whatIf", () => {
  it("follows HTTPS through the web bundle's mark to its fwmark service and weighted real servers", () => {
    const a = answer(fixture("manual-nat"), { vip: "203.0.113.10", port: 443, protocol: "tcp", from: "198.51.100.7" });
    expect(a.matched).toEqual([{ position: 1, bundle: "web", mark: 80 }]);
    expect(a.mark).toBe(80);
    expect(a.service).toMatchObject({ kind: "fwmark", label: "fwmark 80", scheduler: "wlc", forwarding: "NAT", virtualServers: ["http", "https"] });
    expect(a.service?.persistence).toEqual({ seconds: 300, prefix: 32, group: "198.51.100.7/32" });
    expect(a.reachable).toEqual([{ name: "web1", address: "10.11.12.2", weight: 1 }, { name: "web2", address: "10.11.12.3", weight: 2 }]);
    expect(a.balanced).toBe(true);
  });

  it("lists quiesced real servers apart and the FTP passive range under mark 21", () => {
    const a = answer(fixture("manual-nat"), { vip: "203.0.113.11", port: 15000, protocol: "tcp" });
    expect(a.mark).toBe(21);
    expect(a.reachable.map((r) => r.name)).toEqual(["ftp1"]);
    expect(a.quiesced.map((r) => r.name)).toEqual(["ftp2"]);
    expect(formatWhatIf(a)).toContain("  quiesced: ftp2 10.11.12.5 weight 0 (gets no new connection)");
  });

  it("says why a port no bundle covers is not balanced", () => {
    const a = answer(fixture("manual-nat"), { vip: "203.0.113.10", port: 8080, protocol: "tcp" });
    expect(a).toMatchObject({ mark: 0, service: null, balanced: false });
    expect(a.reason).toBe("no bundle covers tcp port 8080 on 203.0.113.10 and no virtual server listens on 203.0.113.10:8080/tcp");
    expect(answer(fixture("manual-nat"), { vip: "203.0.113.10", port: 80, protocol: "udp" }).mark).toBe(0);
  });

  it("reports an inactive service and a service whose real servers all have weight 0", () => {
    const base: LvsDocumentInput = {
      version: 1, cluster: { name: "c", primary: { publicIp: "192.0.2.1" }, network: "direct" },
      firewallMarks: [{ mark: 7, name: "b", vip: "192.0.2.10", ports: ["80"] }],
      virtualServers: [{ name: "v", vip: "192.0.2.10", port: 80, firewallMark: 7, active: false, realServers: [{ name: "r", address: "10.0.0.1" }] }],
    };
    expect(answer(doc(base), { vip: "192.0.2.10", port: 80, protocol: "tcp" }).reason).toBe("the virtual server v that would take it is inactive");
    const zero = structuredClone(base);
    zero.virtualServers![0] = { ...zero.virtualServers![0]!, active: true, realServers: [{ name: "r", address: "10.0.0.1", weight: 0 }] };
    expect(answer(doc(zero), { vip: "192.0.2.10", port: 80, protocol: "tcp" }).reason).toBe("every real server of fwmark 7 has weight 0");
  });

  it("lets the last of two overlapping rules win, as netfilter does, and says so", () => {
    const d = doc({
      version: 1, cluster: { name: "c", primary: { publicIp: "192.0.2.1" }, network: "direct" },
      firewallMarks: [{ mark: 1, name: "a", vip: "192.0.2.10", ports: ["1-100"] }, { mark: 2, name: "b", vip: "192.0.2.10", ports: ["80"] }],
    });
    const a = answer(d, { vip: "192.0.2.10", port: 80, protocol: "tcp" });
    expect(a.matched.map((m) => m.mark)).toEqual([1, 2]);
    expect(a.mark).toBe(2);
    expect(a.notes[0]).toMatch(/last one \(bundle b\) wins/);
  });

  it("matches IPv6 VIPs written in any form and checks the family of --from", () => {
    const a = answer(fixture("protocol-both"), { vip: "2001:DB8:0::53", port: 853, protocol: "udp", from: "2001:db8:99::1" });
    expect(a).toMatchObject({ mark: 5353, service: { label: "fwmark 5353 (IPv6)" }, balanced: true });
    expect(whatIf(fixture("protocol-both"), { vip: "2001:db8::53", port: 53, protocol: "udp", from: "10.0.0.1" }))
      .toEqual({ ok: false, message: "--from: 10.0.0.1 is IPv4 but the VIP is IPv6; allowed: an address of the VIP's family" });
  });

  it.each([
    [{ vip: "example.com", port: 80, protocol: "tcp" }, /--to: "example.com" is not an IP address/],
    [{ vip: "192.0.2.1", port: 0, protocol: "tcp" }, /port 0 is out of range; allowed: 1-65535/],
    [{ vip: "192.0.2.1", port: 80, protocol: "sctp" }, /--protocol: got "sctp"; allowed: tcp, udp/],
  ])("refuses a bad probe %j", (probe, message) => {
    const r = whatIf(fixture("minimal"), probe as WhatIfProbe);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});
