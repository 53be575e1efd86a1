import { describe, expect, it } from "vitest";
import { loadFixtures } from "@/test/support/domain-fixtures";
import { lintDocument } from "../lint";
import { deriveRouterId } from "../model/vrrp";
import { lvsDocumentSchema, type LvsDocumentInput } from "../schema";
import { renderArtifact } from "./registry";

const fixture = (name: string) => loadFixtures().find((f) => f.name === name)!.doc;
const nat = (patch: (d: LvsDocumentInput) => void = () => {}) => {
  const d: LvsDocumentInput = {
    version: 1,
    cluster: { name: "edge", primary: { publicIp: "203.0.113.2" }, network: "nat",
      natRouter: { ip: "10.0.0.1", netmask: "255.255.255.0", device: "eth1:1" }, backup: { enabled: true, publicIp: "203.0.113.3" } },
    virtualServers: [{ name: "web", vip: "203.0.113.10", device: "eth0:1", port: 80, realServers: [{ name: "app", address: "10.0.0.64", port: 8080 }] }],
  };
  patch(d);
  return lvsDocumentSchema.parse(d);
};

describe("issue 10 faults in the director files", () => {
  it("1: a 0.0.0.0 VIP netmask is not given: host route in keepalived, no vip_nmask in lvs.cf", () => {
    const doc = nat((d) => { d.virtualServers![0]!.vipNetmask = "0.0.0.0"; });
    expect(renderArtifact("keepalived", doc)).toContain("203.0.113.10/32 dev eth0 label eth0:1");
    expect(renderArtifact("lvs.cf", doc)).not.toContain("vip_nmask");
  });

  it("2: the sorry server reaches lvs.cf", () => {
    expect(renderArtifact("lvs.cf", nat((d) => { d.virtualServers![0]!.sorryServer = "10.0.0.99"; }))).toContain("     sorry_server = 10.0.0.99\n");
  });

  it("3: keepalived probes the real server's port, or the check's own", () => {
    expect(renderArtifact("keepalived", nat())).toContain("real_server 10.0.0.64 8080 {\n\t\tweight 1\n\t\tTCP_CHECK {\n\t\t\tconnect_port 8080\n");
    const own = nat((d) => { d.virtualServers![0]!.healthCheck = { type: "tcp", port: 9000 }; });
    expect(renderArtifact("keepalived-backup", own)).toContain("connect_port 9000");
  });

  it("4: the NAT gateway floats in the VRRP instance on both routers, its link tracked", () => {
    for (const format of ["keepalived", "keepalived-backup"] as const) {
      const text = renderArtifact(format, nat());
      expect(text).toContain("\t\t10.0.0.1/24 dev eth1 label eth1:1\n");
      expect(text).toContain("\ttrack_interface {\n\t\teth1\n\t}");
    }
  });

  it("5: direct routing keeps the service port in every artifact, and lint says so", () => {
    const doc = fixture("dr-port-mismatch");
    expect(lintDocument(doc).map((d) => d.code)).toEqual(["REAL_SERVER_PORT_NOT_NAT"]);
    expect(renderArtifact("ipvsadm", doc)).toContain("-r 192.0.2.31:80 -g");
    expect(renderArtifact("keepalived", doc)).toContain("real_server 192.0.2.31 80 {");
    expect(renderArtifact("lvs.cf", doc)).not.toContain("8080");
  });

  it("6: the real-server script is keyed by address and lists each host's VIPs", () => {
    const text = renderArtifact("real-server", fixture("router-pair"));
    expect(text).toContain("  198.51.100.21|server-01|sip-01)\n");
    expect(text).toContain("serves VIPs 198.51.100.10, 198.51.100.11");
  });

  it("8: the lvs.cf faults Piranha refuses are lint errors naming lvs.cf", () => {
    const codes = lintDocument(fixture("piranha-refused")).filter((d) => d.severity === "error").map((d) => d.code);
    expect(new Set(codes)).toEqual(new Set(["LVS_CF_PRIVATE_PAIR", "LVS_CF_NO_DEVICE", "LVS_CF_SCHEDULER", "LVS_CF_SORRY_SERVER", "LVS_CF_MARK_RANGE"]));
  });
});

describe("router pairs", () => {
  it("primary MASTER with the primary priority, backup BACKUP with the backup's, same router id; the id defaults to the derived one", () => {
    const doc = nat();
    const primary = renderArtifact("keepalived", doc);
    const backup = renderArtifact("keepalived-backup", doc);
    expect(primary).toMatch(/state MASTER\n\tinterface eth0\n\tvirtual_router_id (\d+)\n\tpriority 150\n/);
    expect(backup).toMatch(/state BACKUP\n\tinterface eth0\n\tvirtual_router_id (\d+)\n\tpriority 100\n/);
    expect(primary).toContain(`virtual_router_id ${deriveRouterId("edge")}\n`);
    expect(primary).toContain("unicast_src_ip 203.0.113.2");
    expect(backup).toContain("unicast_src_ip 203.0.113.3");
  });

  it("without preemption both routers start as BACKUP with nopreempt, which keepalived requires", () => {
    const doc = nat((d) => { d.cluster.vrrp = { preempt: false, routerId: 7, advertSeconds: 2, interface: "bond0" }; });
    for (const format of ["keepalived", "keepalived-backup"] as const) {
      const text = renderArtifact(format, doc);
      expect(text).toContain("\tstate BACKUP\n\tinterface bond0\n\tvirtual_router_id 7\n");
      expect(text).toContain("\tnopreempt\n\tadvert_int 2\n");
      expect(text).not.toContain("MASTER");
    }
  });

  it("keeps unicast adverts only in the VIPs' family (keepalived drops VIPs of the other one)", () => {
    const doc = nat((d) => {
      d.cluster.network = "direct";
      d.virtualServers = [{ name: "v6", vip: "2001:db8::10", device: "eth0", port: 80, realServers: [{ name: "r", address: "2001:db8::20" }] }];
    });
    const text = renderArtifact("keepalived", doc);
    expect(text).toContain("\tvirtual_ipaddress {\n\t\t2001:db8::10/128 dev eth0\n\t}");
    expect(text).not.toContain("unicast");
  });

  it("runs the sync daemon beside the VRRP instance when it is on", () => {
    const doc = nat((d) => { d.cluster.syncDaemon = true; });
    expect(renderArtifact("keepalived", doc)).toContain("\tlvs_sync_daemon eth0 edge\n");
    expect(renderArtifact("keepalived-backup", doc)).toContain("\tlvs_sync_daemon eth0 edge\n");
  });
});
