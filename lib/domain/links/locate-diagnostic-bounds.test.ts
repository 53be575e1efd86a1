import { describe, expect, it } from "vitest";
import { locateDiagnostic, nameReferences, type ObjectDirectory } from "./locate-diagnostic";

// Twelve of everything, so two-digit positions exist.
const many = Array.from({ length: 12 }, (_, i) => i);
const dir: ObjectDirectory = {
  clusterName: "edge-1",
  firewallMarks: many.map((i) => ({ id: 100 + i, name: `b${i}` })),
  virtualServers: many.map((i) => ({ id: 200 + i, name: `vs${i}`, realServers: many.map((j) => ({ id: 1000 * i + j, name: `rs${j}` })) })),
};

describe("locateDiagnostic: whole paths only, positions of any length", () => {
  it("reads two-digit positions of virtual servers, real servers, bundles and ports", () => {
    expect(locateDiagnostic("virtualServers[11]", dir)?.href).toBe("/virtual-servers/211");
    expect(locateDiagnostic("virtualServers[10].realServers[11].port", dir)).toMatchObject({ objectName: "real server rs11 of vs10", href: "/virtual-servers/210#rs-10011-port" });
    expect(locateDiagnostic("firewallMarks[10]", dir)?.objectName).toBe("bundle b10");
    expect(locateDiagnostic("firewallMarks[0].ports[11]", dir)?.href).toBe("/firewall-marks/100#f-ports-11");
  });

  it("names nothing when the path has text before or after a known object", () => {
    for (const path of ["xvirtualServers[0]", "virtualServers[0]x", "xfirewallMarks[0]", "firewallMarks[0]]", "xcluster", "clusterx"]) {
      expect(locateDiagnostic(path, dir), path).toBeNull();
    }
    expect(locateDiagnostic("firewallMarks[0].xports[1]", dir)).toMatchObject({ objectName: "bundle b0", fieldId: null });
    expect(locateDiagnostic("virtualServers[0].xrealServers[1]", dir)?.objectName).toBe("virtual server vs0");
    expect(locateDiagnostic("virtualServers[0].realServers[1]x", dir)).toMatchObject({ objectName: "virtual server vs0", fieldId: "real-servers-heading" });
  });

  it("sends a real server that no longer exists to the real-server list of its virtual server", () => {
    const small: ObjectDirectory = { ...dir, virtualServers: [{ id: 7, name: "http", realServers: [] }] };
    expect(locateDiagnostic("virtualServers[0].realServers[5]", small)).toMatchObject({ objectKey: "virtualServer:7", href: "/virtual-servers/7#real-servers-heading" });
  });

  it("names objects at two-digit positions in messages", () => {
    expect(nameReferences("used by virtualServers[10] and firewallMarks[11]", dir)).toBe("used by virtual server vs10 and bundle b11");
    expect(nameReferences("see virtualServers[0].realServers[10]", dir)).toBe("see real server rs10 of vs0");
    expect(nameReferences("see virtualServers[11].realServers[1]", dir)).toBe("see real server rs1 of vs11");
  });
});
