import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryDocument } from "@/test/support/arbitrary-document";
import { loadFixtures } from "@/test/support/domain-fixtures";
import { parseLvsCf, valueOf, type LvsCfParse } from "@/test/support/lvs-cf-grammar";
import { errorsFor, lintDocument } from "../lint";
import { canonicalAddress, familyOf, parseHostPort } from "../model/address";
import { isMaskUnset } from "../model/vip";
import { lvsDocumentSchema, parseDocument, type LvsDocument } from "../schema";
import { renderLvsCf } from "./render-lvs-cf";

const v4 = (a: string | undefined) => (a !== undefined && familyOf(a) === 4 ? canonicalAddress(a) : undefined);

// Beyond the grammar: what pulse, lvsd and nanny take from the file is what the document says.
function meaningFindings(parsed: LvsCfParse, doc: LvsDocument): string[] {
  const out: string[] = [];
  const c = doc.cluster;
  const g = (key: string) => valueOf(parsed.globals, key)?.join(" ");
  if (g("primary") !== v4(c.primary.publicIp)) out.push(`primary is ${g("primary")}, document says ${c.primary.publicIp}`);
  if (g("primary_private") === undefined && g("backup_private") !== undefined) out.push("backup_private without primary_private is overwritten by pulse");
  if (c.backup?.enabled && g("backup") !== v4(c.backup.publicIp)) out.push(`backup is ${g("backup")}`);
  if (c.network === "nat" && g("nat_router") !== `${c.natRouter?.ip} ${c.natRouter?.device}`) out.push(`nat_router is ${g("nat_router")}`);
  const services = doc.virtualServers.filter((vs) => familyOf(vs.vip) === 4);
  if (parsed.virtuals.length !== services.length) out.push(`${parsed.virtuals.length} virtual blocks for ${services.length} IPv4 virtual servers`);
  services.forEach((vs, i) => {
    const block = parsed.virtuals[i];
    if (!block) return;
    const v = (key: string) => valueOf(block.entries, key)?.join(" ");
    const expect = (key: string, want: string | undefined) => {
      if (v(key) !== want) out.push(`virtual ${vs.name}: ${key} is ${v(key)}, document says ${want}`);
    };
    expect("address", `${canonicalAddress(vs.vip)} ${vs.device}`);
    expect("vip_nmask", isMaskUnset(vs.vipNetmask, 4) ? undefined : String(vs.vipNetmask));
    expect("scheduler", vs.scheduler);
    expect("port", String(vs.port));
    expect("protocol", vs.protocol);
    expect("fwmark", vs.firewallMark === undefined ? undefined : String(vs.firewallMark));
    const sorry = vs.sorryServer === undefined ? null : parseHostPort(vs.sorryServer);
    expect("sorry_server", sorry?.address.canonical);
    if (sorry?.port !== undefined && sorry.port !== vs.port) out.push(`virtual ${vs.name}: lvsd would use the sorry server on port ${vs.port}`);
    const reals = vs.realServers.filter((r) => familyOf(r.address) === 4);
    const addresses = block.servers.map((s) => valueOf(s.entries, "address")?.[0]);
    if (addresses.join(",") !== reals.map((r) => canonicalAddress(r.address)).join(",")) out.push(`virtual ${vs.name}: servers ${addresses.join(",")}`);
  });
  return out;
}

function check(doc: LvsDocument) {
  const text = renderLvsCf(doc);
  const parsed = parseLvsCf(text);
  const errors = errorsFor(lintDocument(doc), "lvs.cf");
  return { text, parsed, errors, meaning: meaningFindings(parsed, doc) };
}

describe("lvs.cf against Piranha's parser (lvsconfig.c, piranha 0.8.6)", () => {
  for (const fixture of loadFixtures()) {
    it(`${fixture.name}: parses and means the document, or lint has an lvs.cf error`, () => {
      const r = check(fixture.doc);
      if (r.errors.length === 0) {
        expect(r.parsed.findings, r.text).toEqual([]);
        expect(r.meaning, r.text).toEqual([]);
      } else {
        expect(r.errors.every((e) => e.message.startsWith("lvs.cf: ") || e.artifacts === undefined)).toBe(true);
      }
    });
  }

  it("random documents: every one lint passes for lvs.cf parses and means what it says; every refused one has an lvs.cf error", () => {
    let clean = 0;
    for (const input of fc.sample(arbitraryDocument(), { numRuns: 300, seed: 20261122 })) {
      const p = parseDocument(input);
      if (!p.ok) throw new Error(p.lines.join("\n"));
      const r = check(p.doc);
      if (r.errors.length === 0) {
        clean++;
        expect(r.parsed.findings, r.text).toEqual([]);
        expect(r.meaning, r.text).toEqual([]);
      }
      if (r.parsed.findings.length > 0 || r.meaning.length > 0) expect(r.errors.length, `${r.parsed.findings}\n${r.meaning}`).toBeGreaterThan(0);
    }
    // Enough clean documents for the first half to mean something.
    expect(clean).toBeGreaterThan(30);
  });

  it("refuses what the faults wrote, as lvsconfig.c does", () => {
    const bad = (line: string) => parseLvsCf(`serial_no = 1\nvirtual v {\n${line}\n}\n`).findings;
    expect(bad("     address = 192.0.2.10")).toEqual(["line 3: missing arguments to address (takes 2)"]);
    expect(bad("     scheduler = sed")[0]).toMatch(/invalid argument "sed" to scheduler/);
    expect(bad("     sorry_server = 192.0.2.9:8080")[0]).toMatch(/invalid argument/);
    expect(bad("     fwmark = 4294967295")[0]).toMatch(/invalid argument/);
    expect(bad('     send = "GET /')).toEqual(["line 3: quotation mismatch"]);
    expect(bad("     vip_nmask 255.255.255.0")[0]).toMatch(/equal \(=\) expected/);
    expect(parseLvsCf("primary = 0.0.0.0\n").findings[0]).toMatch(/invalid argument/);
    expect(parseLvsCf("virtual v {\n     server s {\n         weight = 1\n     }\n}\n").findings).toEqual([]);
  });

  it("lint catches each fault the parser would refuse", () => {
    const base = {
      version: 1, cluster: { name: "c", primary: { publicIp: "192.0.2.2" }, network: "direct" },
      virtualServers: [{ name: "web", vip: "192.0.2.10", device: "eth0:1", port: 80, realServers: [{ name: "r", address: "192.0.2.20" }] }],
    } as const;
    const codes = (patch: Record<string, unknown>) =>
      errorsFor(lintDocument(lvsDocumentSchema.parse({ ...base, virtualServers: [{ ...base.virtualServers[0], ...patch }] })), "lvs.cf").map((d) => d.code);
    expect(codes({})).toEqual([]);
    expect(codes({ device: undefined })).toEqual(["LVS_CF_NO_DEVICE"]);
    expect(codes({ scheduler: "nq" })).toEqual(["LVS_CF_SCHEDULER"]);
    expect(codes({ sorryServer: "192.0.2.9:8080" })).toEqual(["LVS_CF_SORRY_SERVER"]);
    expect(codes({ sorryServer: "192.0.2.9:80" })).toEqual([]);
    const ipv6Primary = lvsDocumentSchema.parse({ ...base, cluster: { ...base.cluster, primary: { publicIp: "2001:db8::2" } } });
    expect(errorsFor(lintDocument(ipv6Primary), "lvs.cf").map((d) => d.code)).toEqual(["LVS_CF_IPV6_ROUTER"]);
  });
});
