import { describe, expect, it } from "vitest";
import { resolveVrrp } from "../model/vrrp";
import { lvsDocumentSchema, type LvsDocumentInput } from "../schema";
import { DIAGNOSTIC_CODE_LIST, errorsFor, type DiagnosticCode } from "./codes";
import { hasErrors, lintDocument } from "./lint-document";
import { lintRouterIds } from "./router-ids";

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
      { name: "http", vip: "203.0.113.10", device: "eth0:1", port: 80, firewallMark: 80, persistence: { timeoutSeconds: 300 },
        realServers: [{ name: "web1", address: "10.11.12.2" }] },
      { name: "https", vip: "203.0.113.10", device: "eth0:1", port: 443, firewallMark: 80, persistence: { timeoutSeconds: 300 },
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

const rs0 = (d: LvsDocumentInput) => (vs(d, 0).realServers ?? [])[0]!;

// ROUTER_ID_CONFLICT needs two clusters, so it fires through lintRouterIds.
const TRIGGERS: Record<DiagnosticCode, [path: string, edit: (d: LvsDocumentInput) => void] | "several documents"> = {
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
  LVS_CF_SCHEDULER: ["virtualServers[0].scheduler", (d) => { vs(d, 0).scheduler = "sed"; vs(d, 1).scheduler = "sed"; }],
  REAL_SERVER_PORT_NOT_NAT: ["virtualServers[0].realServers[0].port", (d) => { d.cluster.network = "direct"; rs0(d).port = 8080; }],
  LVS_CF_NO_DEVICE: ["virtualServers[0].device", (d) => { delete vs(d, 0).device; }],
  LVS_CF_IPV6_ROUTER: ["cluster.primary.publicIp", (d) => { d.cluster.primary.publicIp = "2001:db8::2"; }],
  LVS_CF_PRIVATE_PAIR: ["cluster.primary.privateIp", (d) => { d.cluster.backup = { enabled: true, publicIp: "203.0.113.3", privateIp: "10.0.0.3" }; }],
  LVS_CF_SORRY_SERVER: ["virtualServers[0].sorryServer", (d) => { vs(d, 0).sorryServer = "192.0.2.9:8080"; }],
  LVS_CF_MARK_RANGE: ["virtualServers[0].firewallMark", (d) => {
    d.firewallMarks![0]!.mark = 3000000000;
    vs(d, 0).firewallMark = 3000000000;
    vs(d, 1).firewallMark = 3000000000;
  }],
  ROUTER_ID_CONFLICT: "several documents",
  LVS_CF_HEALTH_CHECK: ["virtualServers[0].healthCheck", (d) => { vs(d, 0).healthCheck = { type: "http", path: "/healthz", statusCode: 200 }; }],
  KEEPALIVED_MONITOR: ["virtualServers[0].monitor", (d) => { vs(d, 0).monitor = { send: "GET / HTTP/1.0\\r\\n\\r\\n", expect: "HTTP" }; }],
  KEEPALIVED_NO_DEVICE: ["virtualServers[1].device", (d) => { delete vs(d, 1).device; }],
  KEEPALIVED_SYNC_DAEMON: ["cluster.syncDaemon", (d) => {
    d.cluster.network = "direct";
    d.cluster.syncDaemon = true;
    delete vs(d, 0).device;
    delete vs(d, 1).device;
  }],
  HEALTH_CHECK_SCRIPT: ["virtualServers[0].healthCheck.script", (d) => { vs(d, 0).healthCheck = { type: "misc", script: "/usr/local/bin/check %h" }; }],
  NO_REAL_SERVERS: ["virtualServers[0].realServers", (d) => { vs(d, 0).realServers = []; }],
  REAL_SERVER_QUIESCED: ["virtualServers[0].realServers[0].weight", (d) => { (vs(d, 0).realServers ?? [])[0]!.weight = 0; }],
  BUNDLE_PORTS_MERGED: ["firewallMarks[0].ports[2]", (d) => { d.firewallMarks![0]!.ports = ["80", "443", "400-500"]; }],
};

const lintRouterIdsOf = (doc: ReturnType<typeof lvsDocumentSchema.parse>) => resolveVrrp(doc).routerId;

describe("lintDocument", () => {
  it("finds nothing in the clean base document", () => {
    expect(lint(() => {})).toEqual([]);
  });

  for (const code of DIAGNOSTIC_CODE_LIST) {
    it(`triggers ${code} at the offending path`, () => {
      const trigger = TRIGGERS[code];
      const hits = trigger === "several documents"
        ? lintRouterIds([lvsDocumentSchema.parse(base()), lvsDocumentSchema.parse(base())]).flat()
        : lint(trigger[1]).filter((d) => d.code === code);
      expect(hits.map((d) => d.path)).toContain(trigger === "several documents" ? "cluster.vrrp.routerId" : trigger[0]);
      for (const h of hits) {
        expect(h.message.length).toBeGreaterThan(10);
        // A finding about some artifacts only says which, first thing.
        if (h.artifacts) expect(h.message.startsWith(h.artifacts[0]!), h.message).toBe(true);
      }
    });
  }

  it("stops only the artifacts a format-specific error is about", () => {
    const ds = lint((d) => { vs(d, 0).scheduler = "sed"; vs(d, 1).scheduler = "sed"; });
    expect(errorsFor(ds, "lvs.cf").map((d) => d.code)).toEqual(["LVS_CF_SCHEDULER", "LVS_CF_SCHEDULER"]);
    expect(errorsFor(ds, "keepalived")).toEqual([]);
    expect(errorsFor(lint((d) => { delete d.cluster.natRouter; }), "keepalived").map((d) => d.code)).toEqual(["NAT_WITHOUT_ROUTER"]);
  });

  it("flags a shared router id only on the same interface, and a derived id like a chosen one", () => {
    const a = lvsDocumentSchema.parse(base());
    const other = base();
    other.cluster.name = "edge-2";
    const b = lvsDocumentSchema.parse(other);
    expect(lintRouterIds([a, b]).flat()).toEqual([]);
    other.cluster.vrrp = { routerId: lintRouterIdsOf(a) };
    expect(lintRouterIds([a, lvsDocumentSchema.parse(other)]).map((ds) => ds.length)).toEqual([1, 1]);
    other.cluster.vrrp = { routerId: lintRouterIdsOf(a), interface: "eth7" };
    expect(lintRouterIds([a, lvsDocumentSchema.parse(other)]).flat()).toEqual([]);
  });

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
