import { describe, expect, it } from "vitest";
import { parseDocument, type LvsDocument, type LvsDocumentInput } from "../schema";
import { whatIf, type WhatIfAnswer, type WhatIfProbe } from "./what-if";

// Each way IPVS can (not) find a service for a probe, and the probe's bounds:
// the branches the fixtures of what-if.test.ts do not reach.

const base = (over: Partial<LvsDocumentInput> = {}): LvsDocument => {
  const r = parseDocument({ version: 1, cluster: { name: "c", primary: { publicIp: "192.0.2.1" }, network: "nat" }, ...over } as LvsDocumentInput);
  if (!r.ok) throw new Error(r.lines.join("\n"));
  return r.doc;
};
const answer = (doc: LvsDocument, probe: WhatIfProbe): WhatIfAnswer => {
  const r = whatIf(doc, probe);
  if (!r.ok) throw new Error(r.message);
  return r.answer;
};
const tcp = (vip: string, port: number, from?: string): WhatIfProbe => ({ vip, port, protocol: "tcp", ...(from ? { from } : {}) });

const portService = base({
  virtualServers: [
    { name: "web", vip: "192.0.2.10", port: 80, protocol: "tcp", realServers: [{ name: "a", address: "10.0.0.1", port: 8080 }, { name: "b", address: "10.0.0.2" }] },
    { name: "dns", vip: "192.0.2.10", port: 53, protocol: "udp", realServers: [{ name: "ns", address: "10.0.0.3" }] },
    { name: "off", vip: "192.0.2.10", port: 81, protocol: "tcp", active: false, realServers: [{ name: "c", address: "10.0.0.4" }] },
    { name: "empty", vip: "192.0.2.10", port: 82, protocol: "tcp", realServers: [] },
  ],
});

describe("whatIf: services found by VIP, protocol and port", () => {
  it("takes the port service whose VIP, protocol and port all match, real-server ports kept", () => {
    const a = answer(portService, tcp("192.0.2.10", 80));
    expect(a.mark).toBe(0);
    expect(a.service).toMatchObject({ kind: "port", label: "tcp 192.0.2.10:80", virtualServers: ["web"], persistence: null });
    expect(a.reachable).toEqual([{ name: "a", address: "10.0.0.1", port: 8080, weight: 1 }, { name: "b", address: "10.0.0.2", port: 80, weight: 1 }]);
    expect(a.notes).toEqual([]);
  });

  it("misses it when any one of protocol, port or VIP differs", () => {
    expect(answer(portService, { vip: "192.0.2.10", port: 80, protocol: "udp" }).service).toBeNull();
    expect(answer(portService, { vip: "192.0.2.10", port: 53, protocol: "udp" }).service?.virtualServers).toEqual(["dns"]);
    expect(answer(portService, tcp("192.0.2.10", 53)).service).toBeNull();
    expect(answer(portService, tcp("192.0.2.11", 80))).toMatchObject({
      service: null, reason: "no bundle covers tcp port 80 on 192.0.2.11 and no virtual server listens on 192.0.2.11:80/tcp",
    });
  });

  it("names the inactive port service that would take it, and only that one", () => {
    expect(answer(portService, tcp("192.0.2.10", 81)).reason).toBe("the virtual server off that would take it is inactive");
    expect(answer(portService, tcp("192.0.2.10", 83)).reason).toMatch(/^no bundle covers tcp port 83/);
  });

  it("says when the service has no active real server", () => {
    expect(answer(portService, tcp("192.0.2.10", 82))).toMatchObject({ balanced: false, reason: "tcp 192.0.2.10:82 has no active real server", reachable: [], quiesced: [] });
  });
});

describe("whatIf: marks without a service", () => {
  const marked = base({
    firewallMarks: [{ mark: 9, name: "web", vip: "192.0.2.10", ports: ["80", "443"] }],
    virtualServers: [{ name: "plain", vip: "192.0.2.10", port: 80, protocol: "tcp", realServers: [{ name: "a", address: "10.0.0.1" }] }],
  });

  it("falls back to the port service when no virtual server uses the mark, and says so", () => {
    const a = answer(marked, tcp("192.0.2.10", 80));
    expect(a.mark).toBe(9);
    expect(a.notes).toEqual(["no active virtual server uses mark 9 (IPv4); IPVS falls back to tcp 192.0.2.10 port 80"]);
    expect(a.service?.virtualServers).toEqual(["plain"]);
    expect(a.balanced).toBe(true);
  });

  it("with no port service either: the mark has no virtual server", () => {
    expect(answer(marked, tcp("192.0.2.10", 443))).toMatchObject({
      mark: 9, service: null, balanced: false, reason: "mark 9 has no virtual server and no virtual server listens on 192.0.2.10:443/tcp",
    });
  });

  it("an inactive virtual server of the mark is named as the one that would take it", () => {
    const inactive = base({
      firewallMarks: [{ mark: 9, name: "web", vip: "192.0.2.10", ports: ["443"] }],
      virtualServers: [
        { name: "marked", vip: "192.0.2.10", port: 443, firewallMark: 9, active: false, realServers: [{ name: "a", address: "10.0.0.1" }] },
        { name: "elsewhere", vip: "192.0.2.10", port: 444, firewallMark: 8, active: false, realServers: [] },
      ],
    });
    expect(answer(inactive, tcp("192.0.2.10", 443)).reason).toBe("the virtual server marked that would take it is inactive");
  });

  it("an fwmark service of the other family does not take the packet", () => {
    const v6 = base({
      firewallMarks: [{ mark: 9, name: "web", vip: "192.0.2.10", ports: ["80"] }, { mark: 9, name: "web6", vip: "2001:db8::10", ports: ["80"] }],
      virtualServers: [{ name: "six", vip: "2001:db8::10", port: 80, firewallMark: 9, realServers: [{ name: "a", address: "2001:db8::1" }] }],
    });
    expect(answer(v6, tcp("192.0.2.10", 80))).toMatchObject({ mark: 9, service: null });
    expect(answer(v6, tcp("2001:db8::10", 80)).service).toMatchObject({ label: "fwmark 9 (IPv6)", virtualServers: ["six"] });
  });
});

describe("whatIf: persistence groups", () => {
  const persistent = (netmask?: string | number) => base({
    virtualServers: [
      { name: "v4", vip: "192.0.2.10", port: 443, protocol: "tcp", persistence: { timeoutSeconds: 600, ...(netmask === undefined ? {} : { netmask }) }, realServers: [{ name: "a", address: "10.0.0.1" }] },
      { name: "v6", vip: "2001:db8::10", port: 443, protocol: "tcp", persistence: { timeoutSeconds: 60 }, realServers: [{ name: "b", address: "2001:db8::1" }] },
    ],
  });

  it("per host by default (/32, /128), per network with a netmask", () => {
    expect(answer(persistent(), tcp("192.0.2.10", 443, "198.51.100.77")).service?.persistence).toEqual({ seconds: 600, prefix: 32, group: "198.51.100.77/32" });
    expect(answer(persistent("255.255.255.0"), tcp("192.0.2.10", 443, "198.51.100.77")).service?.persistence).toEqual({ seconds: 600, prefix: 24, group: "198.51.100.0/24" });
    expect(answer(persistent(), tcp("2001:db8::10", 443, "2001:db8:5::9")).service?.persistence).toEqual({ seconds: 60, prefix: 128, group: "2001:db8:5::9/128" });
    expect(answer(persistent(), tcp("2001:db8::10", 443)).service?.persistence).toEqual({ seconds: 60, prefix: 128 });
  });
});

describe("whatIf: the probe's bounds", () => {
  it.each([1, 65535])("accepts port %i", (port) => {
    expect(whatIf(portService, tcp("192.0.2.10", port)).ok).toBe(true);
  });
  it.each([0, 65536, 80.5])("refuses port %s", (port) => {
    expect(whatIf(portService, tcp("192.0.2.10", port))).toEqual({ ok: false, message: `--to: port ${port} is out of range; allowed: 1-65535` });
  });
  it("refuses a --from that is not an address", () => {
    expect(whatIf(portService, tcp("192.0.2.10", 80, "gateway"))).toEqual({ ok: false, message: '--from: "gateway" is not an IP address; allowed: IPv4 or IPv6' });
  });
  it("one matching rule adds no overlap note; the probe echoes the canonical VIP and client", () => {
    const one = base({ firewallMarks: [{ mark: 3, name: "b", vip: "2001:db8::10", ports: ["80"] }] });
    const a = answer(one, { vip: "2001:DB8:0::10", port: 80, protocol: "tcp", from: "2001:DB8::0:7" });
    expect(a.notes).toEqual(["no active virtual server uses mark 3 (IPv6); IPVS falls back to tcp 2001:db8::10 port 80"]);
    expect(a.probe).toEqual({ family: 6, vip: "2001:db8::10", port: 80, protocol: "tcp", from: "2001:db8::7" });
    expect(a.matched).toEqual([{ position: 1, bundle: "b", mark: 3 }]);
  });
});
