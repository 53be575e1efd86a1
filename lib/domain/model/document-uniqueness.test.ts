import { describe, expect, it } from "vitest";
import { lvsDocumentSchema } from "../schema/document";
import { findDuplicates } from "./document-uniqueness";

const base = {
  version: 1,
  cluster: { name: "edge", primary: { publicIp: "203.0.113.2" }, network: "direct" },
} as const;

describe("findDuplicates", () => {
  it("accepts the same mark in two address families", () => {
    const doc = lvsDocumentSchema.parse({
      ...base,
      firewallMarks: [
        { mark: 80, name: "web4", vip: "203.0.113.10", ports: ["80"] },
        { mark: 80, name: "web6", vip: "2001:db8::10", ports: ["80"] },
      ],
    });
    expect(findDuplicates(doc)).toEqual([]);
  });

  it("names the path of every second use of a mark, bundle name, server name and real-server name", () => {
    const doc = lvsDocumentSchema.parse({
      ...base,
      firewallMarks: [
        { mark: 80, name: "web", vip: "203.0.113.10", ports: ["80"] },
        { mark: 80, name: "web", vip: "203.0.113.11", ports: ["443"] },
      ],
      virtualServers: [
        { name: "a", vip: "203.0.113.10", port: 80, realServers: [{ name: "r", address: "10.0.0.1" }, { name: "r", address: "10.0.0.2" }] },
        { name: "a", vip: "203.0.113.10", port: 81 },
      ],
    });
    expect(findDuplicates(doc).map((d) => d.path)).toEqual([
      "firewallMarks[1].mark",
      "firewallMarks[1].name",
      "virtualServers[1].name",
      "virtualServers[0].realServers[1].name",
    ]);
    expect(findDuplicates(doc)[0]?.message).toContain("mark 80 is already used by firewallMarks[0] for IPv4");
  });
});
