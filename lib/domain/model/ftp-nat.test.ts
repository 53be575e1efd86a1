import fc from "fast-check";
import ipaddr from "ipaddr.js";
import { describe, expect, it } from "vitest";
import { arbitraryDocument } from "@/test/support/arbitrary-document";
import { renderInstallScript, renderIptables, renderIptablesRestore, renderNftables } from "../render";
import { parseDocument, type LvsDocument } from "../schema";
import { ftpMasquerade } from "./ftp-nat";

const parse = (input: unknown): LvsDocument => {
  const r = parseDocument(input);
  if (!r.ok) throw new Error(r.lines.join("\n"));
  return r.doc;
};

const prefixToMask = (prefix: number) => ipaddr.IPv4.subnetMaskFromPrefixLength(prefix).toString();

describe("active FTP under NAT", () => {
  it("property: every rule artifact masquerades exactly the NAT router's network, and only for NAT clusters carrying FTP", () => {
    const router = fc.record({
      octets: fc.tuple(fc.integer({ min: 1, max: 223 }), fc.nat(255), fc.nat(255), fc.integer({ min: 1, max: 254 })),
      prefix: fc.integer({ min: 8, max: 30 }),
    });
    fc.assert(fc.property(arbitraryDocument(), router, fc.boolean(), (input, r, ftp) => {
      const ip = r.octets.join(".");
      const marks = input.firewallMarks ?? [];
      if (ftp && marks[0]) marks[0] = { ...marks[0], protocol: "tcp", vip: "192.0.2.200", ports: ["21", "10000-20000"] };
      if (input.cluster.network === "nat") input.cluster.natRouter = { ip, netmask: prefixToMask(r.prefix), device: "eth1:1" };
      const doc = parse(input);
      const m = ftpMasquerade(doc);
      const carries = doc.firewallMarks.some((b) => b.protocol !== "udp" && !b.vip.includes(":") && b.ports.some((p) => {
        const [lo, hi = lo] = p.split(/[-:]/).map(Number);
        return lo! <= 21 && 21 <= hi!;
      }));
      expect(m !== null).toBe(doc.cluster.network === "nat" && carries);
      const texts = [renderIptables(doc), renderInstallScript(doc), renderIptablesRestore(doc), renderNftables(doc)];
      if (m === null) {
        for (const t of texts) expect(t).not.toMatch(/MASQUERADE|masquerade/);
        return;
      }
      const [net, bits] = ipaddr.parseCIDR(m.network);
      expect(bits).toBe(r.prefix);
      expect(ipaddr.parse(ip).match(net, bits)).toBe(true);
      expect(net.toString()).toBe(ipaddr.IPv4.networkAddressFromCIDR(`${ip}/${r.prefix}`).toString());
      const rule = `-p tcp -s ${m.network} --sport 20 -j MASQUERADE`;
      expect(texts[0]).toContain(`iptables -t nat -A POSTROUTING ${rule}`);
      expect(texts[1]).toContain(`-A LVS-CONSOLE-FTP ${rule}`);
      expect(texts[1]).toContain("want_nat_iptables=1");
      expect(texts[2]).toContain(`*nat`);
      expect(texts[2]).toContain(`-A LVS-CONSOLE-FTP ${rule}`);
      expect(texts[3]).toContain(`ip saddr ${m.network} tcp sport 20 masquerade`);
    }), { numRuns: 200 });
  });
});
