import { describe, expect, it } from "vitest";
import { findExcessiveDepth, MAX_DOCUMENT_DEPTH } from "./document-depth";
import { parseDocumentText } from "./parse-document";
import { deviceProblem, deviceSchema } from "./primitives";

describe("document depth (issue 12 item 12)", () => {
  it("refuses a 100,000-deep array with a clear message instead of overflowing the stack", () => {
    const text = "[".repeat(100_000) + "]".repeat(100_000);
    const r = parseDocumentText(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]!.path).toBe("(document)");
    expect(r.issues[0]!.message).toMatch(`nested more than ${MAX_DOCUMENT_DEPTH} levels deep at character ${MAX_DOCUMENT_DEPTH}`);
  });

  it("refuses deep objects too, and ignores brackets inside strings", () => {
    expect(findExcessiveDepth('{"a":'.repeat(40) + "1" + "}".repeat(40))).toMatchObject({ depth: MAX_DOCUMENT_DEPTH + 1 });
    expect(findExcessiveDepth(JSON.stringify({ s: "[[[[[[[[[[[[[[[[[[[[[[[[[[[\\\"[[[[[[[[[" }))).toBeNull();
    expect(findExcessiveDepth("[".repeat(MAX_DOCUMENT_DEPTH) + "]".repeat(MAX_DOCUMENT_DEPTH))).toBeNull();
  });

  it("still parses a normal document", () => {
    const doc = { version: 1, cluster: { name: "c", primary: { publicIp: "192.0.2.1" } }, firewallMarks: [], virtualServers: [] };
    expect(parseDocumentText(JSON.stringify(doc)).ok).toBe(true);
  });
});

describe("interface names (issue 12 item 13)", () => {
  it.each([".", "..", "-eth0", "", "eth0/1", "eth 0", "eth0:", ":1", "eth0:1:2", "a".repeat(16), "eth0:1234567890ab", "-x:1", "..:1"])(
    "refuses %j", (name) => {
      expect(deviceProblem(name)).toMatch(/allowed: a Linux interface name/);
      expect(deviceSchema.safeParse(name).success).toBe(false);
    },
  );

  it.each(["eth0", "eth1:1", "bond0.100", "br-lan", "a", "enp0s31f6", "x".repeat(15), "eth0:123456789a", "e.", "e..x"])("accepts %j", (name) => {
    expect(deviceProblem(name)).toBeNull();
    expect(deviceSchema.safeParse(name).success).toBe(true);
  });
});
