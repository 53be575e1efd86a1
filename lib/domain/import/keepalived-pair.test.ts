import { describe, expect, it } from "vitest";
import { loadFixtures } from "@/test/support/domain-fixtures";
import { renderKeepalived, renderKeepalivedBackup } from "../render";
import { importFiles } from "./import-files";

describe("both routers' keepalived.conf", () => {
  it("merge: priorities of both, each router's address, services once", () => {
    const doc = loadFixtures().find((f) => f.name === "manual-nat")!.doc;
    const primary = renderKeepalived(doc);
    const backup = renderKeepalivedBackup(doc);
    const r = importFiles([{ name: "keepalived.conf", text: primary }, { name: "keepalived-backup.conf", text: backup }]);
    expect(r.document?.cluster).toMatchObject({
      primary: { publicIp: "10.0.0.2" }, backup: { enabled: true, publicIp: "10.0.0.3" }, vrrp: { priorityPrimary: 150, priorityBackup: 100 },
    });
    expect(r.document?.virtualServers.map((v) => v.firewallMark)).toEqual([80, 21]);
    expect(r.messages.filter((m) => m.severity === "warning" && m.subject === "cluster")).toEqual([]);
  });

  it("without preemption both files say BACKUP: the backup's is the one named NAME-backup; the NAT gateway floats back as the NAT router", () => {
    const base = loadFixtures().find((f) => f.name === "manual-nat")!.doc;
    const vrrp = { routerId: 42, priorityPrimary: 200, priorityBackup: 50, preempt: false, advertSeconds: 2, interface: "eth0" };
    const doc = { ...base, cluster: { ...base.cluster, vrrp } };
    const r = importFiles([{ name: "keepalived.conf", text: renderKeepalived(doc) }, { name: "keepalived-backup.conf", text: renderKeepalivedBackup(doc) }]);
    expect(r.document?.cluster.name).toBe(doc.cluster.name);
    expect(r.document?.cluster.vrrp).toEqual(vrrp);
    expect(r.document?.cluster.natRouter).toEqual(doc.cluster.natRouter);
    expect(r.messages.filter((m) => m.severity === "warning" && m.subject === "cluster")).toEqual([]);
  });
});
