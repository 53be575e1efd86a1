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
});
