import { describe, expect, it } from "vitest";
import { loadFixtures } from "@/test/support/domain-fixtures";
import { diagnostic, errorsFor, type Diagnostic } from "../lint";
import { renderArtifact } from "../render/registry";
import { lvsDocumentSchema } from "../schema";
import { buildArtifactSet, serializeDocument, sha256 } from "./artifact-set";
import { checkAndRender, refusalsFor } from "./check-and-render";

const base = { version: 1, cluster: { name: "edge", primary: { publicIp: "203.0.113.2" }, network: "direct" } } as const;
// An IPv4 virtual server without a device: lvs.cf cannot say it (LVS_CF_NO_DEVICE), keepalived can.
const lvsCfOnly = lvsDocumentSchema.parse({ ...base, virtualServers: [{ name: "web", vip: "203.0.113.10", port: 80, realServers: [{ name: "a", address: "192.0.2.1" }] }] });
// A fwmark virtual server without its bundle: an error about every artifact.
const everywhere = lvsDocumentSchema.parse({ ...base, virtualServers: [{ name: "web", vip: "203.0.113.10", device: "eth0:1", port: 80, firewallMark: 7 }] });

describe("checkAndRender", () => {
  it("withholds only the artifact an error is about; the others stay printable", () => {
    const checked = checkAndRender(lvsCfOnly);
    expect(checked.blocked).toBe(false);
    const lvsCf = checked.artifacts.find((a) => a.format === "lvs.cf")!;
    expect(lvsCf.withheld.map((d) => d.code)).toEqual(["LVS_CF_NO_DEVICE"]);
    expect(refusalsFor(checked, "lvs.cf").map((d) => d.code)).toEqual(["LVS_CF_NO_DEVICE"]);
    expect(refusalsFor(checked, "keepalived")).toEqual([]);
    expect(checked.artifacts.filter((a) => a.withheld.length > 0).map((a) => a.format)).toEqual(["lvs.cf"]);
  });

  it("blocks every artifact on an error about all of them, without listing it as withheld", () => {
    const checked = checkAndRender(everywhere);
    expect(checked.blocked).toBe(true);
    expect(checked.artifacts.every((a) => a.withheld.length === 0)).toBe(true);
    for (const a of checked.artifacts) expect(refusalsFor(checked, a.format).map((d) => d.code)).toContain("FWMARK_WITHOUT_BUNDLE");
  });

  it("renders only the formats asked for, in that order, adds related findings, and lints once for all", () => {
    const related: Diagnostic[] = [{ ...diagnostic("ROUTER_ID_CONFLICT", "cluster.vrrp.routerId", "m"), severity: "error", artifacts: ["keepalived"] }];
    const checked = checkAndRender(lvsCfOnly, related, ["keepalived", "iptables"]);
    expect(checked.artifacts.map((a) => a.format)).toEqual(["keepalived", "iptables"]);
    expect(checked.artifacts[0]!.text).toBe(renderArtifact("keepalived", lvsCfOnly));
    expect(checked.artifacts[0]!.withheld).toEqual(related);
    expect(checked.diagnostics.at(-1)).toBe(related[0]);
    expect(checkAndRender(lvsCfOnly, [], []).artifacts).toEqual([]);
  });
});

describe("buildArtifactSet", () => {
  it("hashes the document and each artifact and keeps per-artifact withholding", () => {
    for (const { doc } of loadFixtures()) {
      const set = buildArtifactSet(doc);
      expect(set.documentJson).toBe(serializeDocument(doc));
      expect(set.documentSha256).toBe(sha256(set.documentJson));
      for (const a of set.artifacts) {
        expect(a.sha256).toBe(sha256(a.text));
        expect(a.withheld).toEqual(errorsFor(set.diagnostics, a.format as never).filter((d) => d.artifacts !== undefined));
      }
    }
    expect(sha256("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });
});
