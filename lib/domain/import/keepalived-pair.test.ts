import { describe, expect, it } from "vitest";
import { loadFixtures } from "@/test/support/domain-fixtures";
import { renderKeepalived } from "../render";
import { importFiles } from "./import-files";

// Until the keepalived-backup renderer lands, the backup's file is the primary's with the backup's VRRP state.
describe("both routers' keepalived.conf", () => {
  it("merge: priorities of both, each router's address, services once", () => {
    const doc = loadFixtures().find((f) => f.name === "manual-nat")!.doc;
    const primary = renderKeepalived(doc);
    const backup = primary.replace("state MASTER", "state BACKUP").replace("priority 150", "priority 90")
      .replace("unicast_src_ip 10.0.0.2", "unicast_src_ip 10.0.0.3").replace("\t\t10.0.0.3\n", "\t\t10.0.0.2\n");
    const r = importFiles([{ name: "keepalived.conf", text: primary }, { name: "keepalived-backup.conf", text: backup }]);
    expect(r.document?.cluster).toMatchObject({
      primary: { publicIp: "10.0.0.2" }, backup: { enabled: true, publicIp: "10.0.0.3" }, vrrp: { priorityPrimary: 150, priorityBackup: 90 },
    });
    expect(r.document?.virtualServers.map((v) => v.firewallMark)).toEqual([80, 21]);
    expect(r.messages.filter((m) => m.severity === "warning" && m.subject === "cluster")).toEqual([]);
  });
});
