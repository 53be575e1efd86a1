import { describe, expect, it } from "vitest";
import { canonicalAddress, familyOf } from "@/lib/domain/model/address";
import { maskPrefix } from "@/lib/domain/schema/primitives";
import { loadFixtures } from "@/test/support/domain-fixtures";
import { FORMATS, renderArtifact } from "./registry";

// What the golden files show, asserted from the documents themselves, so that a
// golden regenerated without reading (UPDATE_GOLDEN=1) cannot hide a dropped
// IPv6 rule, a lost persistence_granularity, serial_no or `set -euo pipefail`,
// or a sorry-server port kept under direct routing (issue 16).

const fixtures = loadFixtures();
const fixture = (name: string) => {
  const f = fixtures.find((x) => x.name === name);
  if (!f) throw new Error(`no fixture ${name}`);
  return f.doc;
};
const v4Mask = (prefix: number) => [24, 16, 8, 0].map((s) => ((prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0) >>> s) & 255).join(".");
/** The lines of one `virtual_server … {` block of a keepalived file, up to its closing brace at column 0. */
const keepalivedBlock = (text: string, header: string) => {
  const start = text.indexOf(`${header} {\n`);
  if (start < 0) return "";
  return text.slice(start, text.indexOf("\n}\n", start));
};

describe.each(fixtures.map((f) => [f.name, f.doc] as const))("%s", (_, doc) => {
  const bundles = doc.firewallMarks;

  it("puts every IPv6 bundle in ip6tables form (restore file, install script, commands) and every IPv4 one in iptables form", () => {
    const rule = (b: (typeof bundles)[number]) => new RegExp(`-d ${canonicalAddress(b.vip).replace(/\./g, "\\.")}/${familyOf(b.vip) === 6 ? 128 : 32} .*--set-mark ${b.mark}\\b`);
    for (const b of bundles) {
      const own = familyOf(b.vip) === 6 ? "ip6tables-restore" : "iptables-restore";
      const other = familyOf(b.vip) === 6 ? "iptables-restore" : "ip6tables-restore";
      expect(renderArtifact(own, doc), `${b.name} in ${own}`).toMatch(rule(b));
      expect(renderArtifact(other, doc), `${b.name} not in ${other}`).not.toMatch(rule(b));
      expect(renderArtifact("install-script", doc)).toMatch(rule(b));
      const commands = renderArtifact("iptables", doc).split("\n").filter((l) => rule(b).test(l));
      expect(commands.length, `${b.name} commands`).toBeGreaterThan(0);
      for (const line of commands) expect(line.startsWith(familyOf(b.vip) === 6 ? "ip6tables " : "iptables ")).toBe(true);
    }
  });

  it("gives every IPv6 mark an ip6 nftables entry and a -6 ipvsadm service", () => {
    const v6 = bundles.filter((b) => familyOf(b.vip) === 6);
    const nft = renderArtifact("nftables", doc);
    const ipvsadm = renderArtifact("ipvsadm", doc).split("\n");
    for (const b of v6) {
      expect(nft).toContain(`${canonicalAddress(b.vip)} . `);
      expect(nft).toMatch(/ip6 daddr/);
    }
    for (const vs of doc.virtualServers.filter((v) => v.active && v.firewallMark !== undefined && familyOf(v.vip) === 6)) {
      expect(ipvsadm.some((l) => l.startsWith(`-A -f ${vs.firewallMark} -6 `)), vs.name).toBe(true);
    }
  });

  it("says persistence and its granularity in keepalived and ipvsadm for every persistent service", () => {
    const keepalived = renderArtifact("keepalived", doc);
    const ipvsadm = renderArtifact("ipvsadm", doc);
    for (const vs of doc.virtualServers.filter((v) => v.active && (v.persistence?.timeoutSeconds ?? 0) > 0)) {
      const family = familyOf(vs.vip);
      const header = vs.firewallMark !== undefined ? `virtual_server fwmark ${vs.firewallMark}` : `virtual_server ${canonicalAddress(vs.vip)} ${vs.port}`;
      const block = keepalivedBlock(keepalived, header);
      expect(block, header).toContain(`\tpersistence_timeout ${vs.persistence?.timeoutSeconds}\n`);
      const mask = vs.persistence?.netmask;
      if (mask === undefined) continue;
      const prefix = maskPrefix(mask, family);
      const granularity = family === 4 ? v4Mask(prefix) : String(prefix);
      expect(block, header).toContain(`\tpersistence_granularity ${granularity}`);
      expect(ipvsadm).toContain(`-p ${vs.persistence?.timeoutSeconds} -M ${granularity}`);
    }
  });

  it("writes serial_no first in lvs.cf, and a changed serial changes it", () => {
    expect(renderArtifact("lvs.cf", doc).split("\n")[0]).toBe(`serial_no = ${doc.cluster.serialNo}`);
    const bumped = { ...doc, cluster: { ...doc.cluster, serialNo: doc.cluster.serialNo + 41 } };
    expect(renderArtifact("lvs.cf", bumped).split("\n")[0]).toBe(`serial_no = ${doc.cluster.serialNo + 41}`);
  });

  it("starts every bash script with its strict mode before the first command", () => {
    for (const f of FORMATS) {
      const text = renderArtifact(f.name, doc);
      if (!text.startsWith("#!/usr/bin/env bash")) continue;
      const firstCode = text.split("\n").slice(1).find((l) => l.trim() !== "" && !l.startsWith("#"));
      expect(firstCode, f.name).toBe(STRICT_MODE[f.name]);
    }
  });
});

// apply and collect-state must go on past a failing command (to roll back, to
// collect the rest), so they leave out -e; every other script stops at the first.
const STRICT_MODE: Partial<Record<string, string>> = {
  "install-script": "set -euo pipefail",
  "real-server": "set -euo pipefail",
  "router-setup": "set -euo pipefail",
  apply: "set -uo pipefail",
  "collect-state": "set -uo pipefail",
};

describe("bash artifacts", () => {
  it("are exactly the scripts with a known strict mode", () => {
    const doc = fixture("minimal");
    const bash = FORMATS.filter((f) => renderArtifact(f.name, doc).startsWith("#!/usr/bin/env bash")).map((f) => f.name);
    expect(bash.sort()).toEqual(Object.keys(STRICT_MODE).sort());
  });
});

describe("sorry server under direct routing", () => {
  const doc = fixture("direct-routing");
  const www = doc.virtualServers.find((v) => v.name === "www");

  it("is a fixture with a sorry server naming another port than the service's", () => {
    expect(doc.cluster.network).toBe("direct");
    expect(www?.sorryServer).toBe("192.0.2.99:8081");
    expect(www?.port).toBe(8080);
  });

  it("drops the sorry server's own port in keepalived: direct routing cannot change the destination port", () => {
    const block = keepalivedBlock(renderArtifact("keepalived", doc), "virtual_server 192.0.2.22 8080");
    expect(block).toContain("\tsorry_server 192.0.2.99 8080\n");
    expect(block).not.toContain("8081");
  });

  it("keeps the sorry server's port under NAT", () => {
    const nat = { ...doc, cluster: { ...doc.cluster, network: "nat" as const, natRouter: { ip: "192.0.2.1", netmask: "255.255.255.0", device: "eth1:1" } } };
    expect(keepalivedBlock(renderArtifact("keepalived", nat), "virtual_server 192.0.2.22 8080")).toContain("\tsorry_server 192.0.2.99 8081\n");
  });

  it("never writes a port into lvs.cf's sorry_server", () => {
    const text = renderArtifact("lvs.cf", doc);
    expect(text).toMatch(/sorry_server = 192\.0\.2\.99\n/);
    expect(text).not.toMatch(/sorry_server = \S+[: ]\d+/);
  });
});
