import { describe, expect, it } from "vitest";
import { lvsDocumentSchema, type LvsDocumentInput } from "../schema";
import { DIAGNOSTIC_CODE_LIST, type DiagnosticCode } from "./codes";
import { hasErrors, lintDocument } from "./lint-document";

// A clean NAT cluster: the manuals' HTTP+HTTPS bundle behind two virtual servers.
function base(): LvsDocumentInput {
  return {
    version: 1,
    cluster: {
      name: "edge-1",
      primary: { publicIp: "203.0.113.2" },
      network: "nat",
      natRouter: { ip: "10.11.12.10", netmask: "255.255.255.0", device: "eth1:1" },
    },
    firewallMarks: [{ mark: 80, name: "web", vip: "203.0.113.10", ports: ["80", "443"] }],
    virtualServers: [
      { name: "http", vip: "203.0.113.10", port: 80, firewallMark: 80, persistence: { timeoutSeconds: 300 },
        realServers: [{ name: "web1", address: "10.11.12.2" }] },
      { name: "https", vip: "203.0.113.10", port: 443, firewallMark: 80, persistence: { timeoutSeconds: 300 },
        realServers: [{ name: "web1", address: "10.11.12.2" }] },
    ],
  };
}

function lint(edit: (d: LvsDocumentInput) => void) {
  const d = base();
  edit(d);
  return lintDocument(lvsDocumentSchema.parse(d));
}

const vs = (d: LvsDocumentInput, i: number) => {
  const v = d.virtualServers?.[i];
  if (!v) throw new Error(`no virtual server ${i}`);
  return v;
};

const TRIGGERS: Record<DiagnosticCode, [path: string, edit: (d: LvsDocumentInput) => void]> = {
  FWMARK_WITHOUT_BUNDLE: ["virtualServers[0].firewallMark", (d) => { vs(d, 0).firewallMark = 81; }],
  BUNDLE_OVERLAP: ["firewallMarks[1].ports[0]", (d) => { d.firewallMarks?.push({ mark: 81, name: "alt", vip: "203.0.113.10", ports: ["443"] }); }],
  DUPLICATE_MARK: ["firewallMarks[1].mark", (d) => { d.firewallMarks?.push({ mark: 80, name: "other", vip: "203.0.113.20", ports: ["80"] }); }],
  PERSISTENCE_MISMATCH: ["virtualServers[1].persistence", (d) => { vs(d, 1).persistence = { timeoutSeconds: 600 }; }],
  NAT_WITHOUT_ROUTER: ["cluster.natRouter", (d) => { delete d.cluster.natRouter; }],
  DUPLICATE_NAME: ["virtualServers[1].name", (d) => { vs(d, 1).name = "http"; }],
  DUPLICATE_SERVICE: ["virtualServers[3].port", (d) => {
    d.virtualServers?.push({ name: "a", vip: "203.0.113.30", port: 25, realServers: [{ name: "m", address: "10.11.12.5" }] });
    d.virtualServers?.push({ name: "b", vip: "203.0.113.30", port: 25, realServers: [{ name: "m", address: "10.11.12.5" }] });
  }],
  REAL_SERVER_FAMILY_MISMATCH: ["virtualServers[0].realServers[0].address", (d) => { (vs(d, 0).realServers ?? [])[0]!.address = "2001:db8::2"; }],
  BUNDLE_WITHOUT_VIRTUAL_SERVER: ["firewallMarks[1]", (d) => { d.firewallMarks?.push({ mark: 90, name: "spare", vip: "203.0.113.40", ports: ["8080"] }); }],
  MARK_INCONSISTENT: ["virtualServers[0].vip", (d) => { vs(d, 0).vip = "203.0.113.99"; }],
  SHARED_MARK_SETTINGS: ["virtualServers[1].scheduler", (d) => { vs(d, 1).scheduler = "rr"; }],
  PORT_SERVICE_SHADOWED: ["virtualServers[2].port", (d) => {
    d.virtualServers?.push({ name: "plain", vip: "203.0.113.10", port: 443, realServers: [{ name: "web1", address: "10.11.12.2" }] });
  }],
  SPLIT_PERSISTENT_SERVICE: ["virtualServers[3].persistence", (d) => {
    for (const [name, port] of [["smtp", 25], ["imap", 143]] as const) {
      d.virtualServers?.push({ name, vip: "203.0.113.50", port, persistence: { timeoutSeconds: 60 }, realServers: [{ name: "m", address: "10.11.12.7" }] });
    }
  }],
  FTP_WITHOUT_PERSISTENCE: ["firewallMarks[0]", (d) => {
    d.cluster.network = "direct";
    d.firewallMarks![0]!.ports = ["21", "10000-20000"];
    vs(d, 0).persistence = undefined;
    vs(d, 1).persistence = undefined;
  }],
  FTP_NEEDS_HELPER: ["firewallMarks[0]", (d) => { d.firewallMarks![0]!.ports = ["21", "10000-20000"]; }],
  FTP_NAT_NOT_MASQUERADED: ["firewallMarks[1]", (d) => {
    d.firewallMarks?.push({ mark: 21, name: "ftp6", vip: "2001:db8::21", ports: ["21", "10000-20000"] });
    d.virtualServers?.push({ name: "ftp6", vip: "2001:db8::21", port: 21, firewallMark: 21, realServers: [{ name: "f6", address: "2001:db8::4" }] });
  }],
  LVS_CF_IPV6: ["virtualServers[2].vip", (d) => {
    d.firewallMarks?.push({ mark: 80, name: "web6", vip: "2001:db8::10", ports: ["80"] });
    d.virtualServers?.push({ name: "web6", vip: "2001:db8::10", port: 80, firewallMark: 80, realServers: [{ name: "w6", address: "2001:db8::2" }] });
  }],
  LVS_CF_SCHEDULER: ["virtualServers[0].scheduler", (d) => { vs(d, 0).scheduler = "mh"; vs(d, 1).scheduler = "mh"; }],
  NO_REAL_SERVERS: ["virtualServers[0].realServers", (d) => { vs(d, 0).realServers = []; }],
  REAL_SERVER_QUIESCED: ["virtualServers[0].realServers[0].weight", (d) => { (vs(d, 0).realServers ?? [])[0]!.weight = 0; }],
  BUNDLE_PORTS_MERGED: ["firewallMarks[0].ports[2]", (d) => { d.firewallMarks![0]!.ports = ["80", "443", "400-500"]; }],
};

describe("lintDocument", () => {
  it("finds nothing in the clean base document", () => {
    expect(lint(() => {})).toEqual([]);
  });

  for (const code of DIAGNOSTIC_CODE_LIST) {
    it(`triggers ${code} at the offending path`, () => {
      const [path, edit] = TRIGGERS[code];
      const hits = lint(edit).filter((d) => d.code === code);
      expect(hits.map((d) => d.path)).toContain(path);
      for (const h of hits) expect(h.message.length).toBeGreaterThan(10);
    });
  }

  it("orders errors before warnings before notes and flags errors", () => {
    const ds = lint((d) => {
      delete d.cluster.natRouter;
      (vs(d, 0).realServers ?? [])[0]!.weight = 0;
      d.firewallMarks?.push({ mark: 90, name: "spare", vip: "203.0.113.40", ports: ["8080"] });
    });
    expect(ds.map((d) => d.severity)).toEqual(["error", "warning", "info"]);
    expect(hasErrors(ds)).toBe(true);
  });

  it("does not confuse families: the same mark on IPv4 and IPv6 is a warning, not a duplicate", () => {
    const ds = lint((d) => { d.firewallMarks?.push({ mark: 80, name: "web6", vip: "2001:db8::10", ports: ["80"] }); });
    expect(ds.map((d) => d.code)).toContain("MARK_INCONSISTENT");
    expect(ds.map((d) => d.code)).not.toContain("DUPLICATE_MARK");
  });

  it("sees overlap through protocol both and ranges, but not across protocols", () => {
    const both = lint((d) => { d.firewallMarks?.push({ mark: 81, name: "u", vip: "203.0.113.10", protocol: "both", ports: ["400-500"] }); });
    expect(both.filter((d) => d.code === "BUNDLE_OVERLAP")).toHaveLength(1);
    const udp = lint((d) => { d.firewallMarks?.push({ mark: 81, name: "u", vip: "203.0.113.10", protocol: "udp", ports: ["443"] }); });
    expect(udp.map((d) => d.code)).not.toContain("BUNDLE_OVERLAP");
  });

  it("compares IPv6 VIPs canonically", () => {
    const ds = lint((d) => {
      d.firewallMarks?.push({ mark: 81, name: "a6", vip: "2001:DB8::10", ports: ["80"] }, { mark: 82, name: "b6", vip: "2001:db8:0::10", ports: ["80"] });
    });
    expect(ds.map((d) => d.code)).toContain("BUNDLE_OVERLAP");
  });
});
