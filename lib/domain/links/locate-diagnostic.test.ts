import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lintDocument } from "../lint";
import { lvsDocumentSchema } from "../schema";
import { fieldIdOf } from "./field-id";
import { linkDiagnostics, locateDiagnostic, nameReferences, type ObjectDirectory } from "./locate-diagnostic";

const dir: ObjectDirectory = {
  clusterName: "edge-1",
  firewallMarks: [{ id: 31, name: "web" }, { id: 32, name: "ftp" }],
  virtualServers: [
    { id: 7, name: "http", realServers: [{ id: 70, name: "web1" }, { id: 71, name: "web2" }] },
    { id: 9, name: "https", realServers: [] },
  ],
};

describe("locateDiagnostic", () => {
  it.each([
    ["virtualServers[0].persistence", "virtual server http", "/virtual-servers/7#f-persistence-timeoutSeconds"],
    ["virtualServers[1].persistence.netmask", "virtual server https", "/virtual-servers/9#f-persistence-netmask"],
    ["virtualServers[1].firewallMark", "virtual server https", "/virtual-servers/9#f-firewallMark"],
    ["virtualServers[0].monitor.sendProgram", "virtual server http", "/virtual-servers/7#f-monitor-sendProgram"],
    ["virtualServers[0].healthCheck", "virtual server http", "/virtual-servers/7#f-healthCheck-type"],
    ["virtualServers[0]", "virtual server http", "/virtual-servers/7"],
    ["virtualServers[0].realServers", "virtual server http", "/virtual-servers/7#real-servers-heading"],
    ["virtualServers[0].realServers[1].address", "real server web2 of http", "/virtual-servers/7#rs-71-address"],
    ["virtualServers[0].realServers[0]", "real server web1 of http", "/virtual-servers/7#rs-70-name"],
    ["firewallMarks[1].mark", "bundle ftp", "/firewall-marks/32#f-mark"],
    ["firewallMarks[0].ports[1]", "bundle web", "/firewall-marks/31#f-ports-1"],
    ["firewallMarks[0]", "bundle web", "/firewall-marks/31"],
    ["cluster.natRouter", "cluster edge-1", "/settings#f-natRouter-ip"],
    ["cluster.primary.privateIp", "cluster edge-1", "/settings#f-primary-privateIp"],
    ["cluster.vrrp.routerId", "cluster edge-1", "/redundancy#f-vrrp-routerId"],
    ["cluster.backup.publicIp", "cluster edge-1", "/redundancy#f-backup-publicIp"],
    ["cluster.syncDaemon", "cluster edge-1", "/redundancy#f-syncDaemon"],
    ["cluster", "cluster edge-1", "/settings"],
  ])("%s → %s at %s", (path, objectName, href) => {
    const target = locateDiagnostic(path, dir);
    expect(target).toMatchObject({ objectName, href });
    expect(target!.objectKey).toMatch(/^(virtualServer:(7|9)|realServer:7[01]|firewallMark:3[12]|cluster)$/);
    expect(target!.href).toBe(target!.fieldId ? `${target!.page}#${target!.fieldId}` : target!.page);
  });

  it("returns null for paths naming nothing the console edits, and for positions past the lists", () => {
    for (const path of ["virtualServers[2].port", "firewallMarks[5]", "version", "", "clusters.name"]) {
      expect(locateDiagnostic(path, dir)).toBeNull();
    }
    // A real server past the list still lands on its virtual server's page.
    expect(locateDiagnostic("virtualServers[0].realServers[9].weight", dir)?.page).toBe("/virtual-servers/7");
  });

  it("never links to another object than the one at the path's position (property)", () => {
    fc.assert(fc.property(fc.nat(3), fc.constantFrom("port", "vip", "scheduler", "persistence", "nonsense.deep"), (i, field) => {
      const target = locateDiagnostic(`virtualServers[${i}].${field}`, dir);
      const vs = dir.virtualServers[i];
      expect(target?.page ?? null).toBe(vs ? `/virtual-servers/${vs.id}` : null);
      if (target && field === "nonsense.deep") expect(target.fieldId).toBeNull();
    }));
  });

  it("names objects referred to by position inside messages", () => {
    expect(nameReferences("name \"x\" is already used by virtualServers[1]; and firewallMarks[0], virtualServers[0].realServers[1]", dir))
      .toBe("name \"x\" is already used by virtual server https; and bundle web, real server web2 of http");
    expect(nameReferences("used by virtualServers[8]", dir)).toBe("used by virtualServers[8]");
  });

  it("uses the same field ids as the form fields", () => {
    expect(fieldIdOf("persistence.timeoutSeconds")).toBe("f-persistence-timeoutSeconds");
    expect(fieldIdOf("weight", "rs-70")).toBe("rs-70-weight");
  });

  it("links every finding of a faulty document to an object by name, with a field where the finding names one", () => {
    const doc = lvsDocumentSchema.parse({
      version: 1,
      cluster: { name: "edge-1", primary: { publicIp: "203.0.113.2" }, network: "nat" },
      firewallMarks: [{ mark: 80, name: "web", vip: "203.0.113.10", ports: ["80", "443"] }, { mark: 21, name: "ftp", vip: "203.0.113.11", ports: ["21"] }],
      virtualServers: [
        { name: "http", vip: "203.0.113.10", port: 80, firewallMark: 80, persistence: { timeoutSeconds: 300 }, realServers: [{ name: "web1", address: "10.11.12.2", weight: 0 }] },
        { name: "https", vip: "203.0.113.10", port: 443, firewallMark: 80, realServers: [] },
      ],
    });
    const linked = linkDiagnostics(lintDocument(doc), dir);
    expect(linked.length).toBeGreaterThan(3);
    for (const d of linked) {
      expect(d.target, d.path).not.toBeNull();
      expect(d.message).not.toMatch(/virtualServers\[|firewallMarks\[/);
    }
    expect(linked.find((d) => d.code === "PERSISTENCE_MISMATCH")?.target?.fieldId).toBe("f-persistence-timeoutSeconds");
    expect(linked.find((d) => d.code === "NAT_WITHOUT_ROUTER")?.target?.href).toBe("/settings#f-natRouter-ip");
  });
});
