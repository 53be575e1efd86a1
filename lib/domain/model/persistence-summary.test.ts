import { describe, expect, it } from "vitest";
import { lvsDocumentSchema } from "../schema/document";
import { summarizePersistence } from "./persistence-summary";

const doc = lvsDocumentSchema.parse({
  version: 1,
  cluster: { name: "edge", primary: { publicIp: "203.0.113.2" }, network: "direct" },
  firewallMarks: [{ mark: 80, name: "web", vip: "203.0.113.10", ports: ["80", "443"] }],
  virtualServers: [
    { name: "http", vip: "203.0.113.10", port: 80, firewallMark: 80, persistence: { timeoutSeconds: 300 } },
    { name: "https", vip: "203.0.113.10", port: 443, firewallMark: 80, persistence: { timeoutSeconds: 600 } },
    { name: "dns", vip: "203.0.113.20", port: 53, protocol: "udp" },
    { name: "v6web", vip: "2001:db8::10", port: 80, firewallMark: 80, persistence: { timeoutSeconds: 300, netmask: 64 } },
  ],
});

describe("summarizePersistence", () => {
  it("groups the services of a mark per family and flags disagreeing timeouts", () => {
    const rows = summarizePersistence(doc);
    expect(rows).toEqual([
      { mark: 80, family: 4, bundle: "web", timeouts: [300, 600], netmasks: ["255.255.255.255"], virtualServers: ["http", "https"], consistent: false },
      { mark: 80, family: 6, bundle: null, timeouts: [300], netmasks: ["64"], virtualServers: ["v6web"], consistent: true },
      { mark: null, family: 4, bundle: null, timeouts: [0], netmasks: ["255.255.255.255"], virtualServers: ["dns"], consistent: true },
    ]);
  });
});
