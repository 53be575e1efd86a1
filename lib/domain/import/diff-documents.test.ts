import { describe, expect, it } from "vitest";
import { loadFixtures } from "@/test/support/domain-fixtures";
import { parseDocument, type LvsDocument } from "../schema";
import { adoptCurrentNames, diffDocuments } from "./diff-documents";
import { importFiles } from "./import-files";

const fixture = (name: string): LvsDocument => {
  const f = loadFixtures().find((x) => x.name === name);
  if (!f) throw new Error(name);
  return f.doc;
};

function valid(input: unknown): LvsDocument {
  const r = parseDocument(input);
  if (!r.ok) throw new Error(r.lines.join("\n"));
  return r.doc;
}

describe("what an import changes", () => {
  it("nothing for the same document", () => {
    const doc = fixture("manual-nat");
    const d = diffDocuments(doc, structuredClone(doc));
    expect(d.settings).toEqual([]);
    expect([...d.bundles, ...d.virtualServers].every((c) => c.kind === "unchanged")).toBe(true);
  });

  it("matches objects by identity, lists field, real-server, added and removed changes", () => {
    const before = fixture("manual-nat");
    const after = structuredClone(before) as LvsDocument;
    after.cluster.heartbeat.intervalSeconds = 9;
    after.virtualServers[0]!.scheduler = "rr";
    after.virtualServers[0]!.realServers[0]!.weight = 7;
    after.virtualServers[0]!.realServers.push({ name: "web9", address: "10.11.12.9", weight: 1, active: true });
    after.firewallMarks.pop();
    const d = diffDocuments(before, valid(after));
    expect(d.settings).toEqual([{ path: "heartbeat.intervalSeconds", before: "6", after: "9" }]);
    expect(d.bundles.map((c) => [c.kind, c.identity])).toEqual([["unchanged", "mark 80 (IPv4)"], ["removed", "mark 21 (IPv4)"]]);
    const vs = d.virtualServers[0]!;
    expect(vs.kind).toBe("changed");
    expect(vs.fields).toEqual([{ path: "scheduler", before: "wlc", after: "rr" }]);
    expect(vs.realServers?.map((r) => [r.kind, r.name])).toEqual([["changed", "web1"], ["unchanged", "web2"], ["added", "web9"]]);
  });

  it("keeps the current names of objects an import names otherwise", () => {
    const current = fixture("manual-nat");
    const imported = structuredClone(current) as LvsDocument;
    imported.virtualServers[0]!.name = "fwm-80";
    imported.virtualServers[0]!.realServers[0]!.name = "10.11.12.2";
    const { doc, renames } = adoptCurrentNames(current, valid(imported));
    expect(doc.virtualServers[0]?.name).toBe(current.virtualServers[0]?.name);
    expect(doc.virtualServers[0]?.realServers[0]?.name).toBe(current.virtualServers[0]?.realServers[0]?.name);
    expect(renames.get("fwm-80")).toBe(current.virtualServers[0]?.name);
  });

  it("takes a JSON interchange document as it is, alone", () => {
    const text = JSON.stringify(fixture("minimal"));
    expect(importFiles([{ name: "doc.json", text }]).document).toEqual(fixture("minimal"));
    const both = importFiles([{ name: "doc.json", text }, { name: "ipvs", text: "-A -t 192.0.2.1:80 -s rr\n" }]);
    expect(both.document).toBeNull();
    expect(both.messages[0]?.message).toBe("a JSON document replaces everything: give it alone, not with router files");
  });
});
