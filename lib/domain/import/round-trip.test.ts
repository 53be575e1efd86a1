import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryDocument } from "@/test/support/arbitrary-document";
import { loadFixtures } from "@/test/support/domain-fixtures";
import { projectLvsCf, projectMarks, projectServices, projectVrrp } from "@/test/support/import-projection";
import { renderArtifact, type FormatName } from "../render";
import { parseDocument, type LvsDocument } from "../schema";
import type { ImportFormat } from "./detect-format";
import { importFiles, type ImportFile } from "./import-files";

// Each case renders the files F consists of, imports them (formats detected
// from content) and compares what F carries. Adding a field to a renderer and
// its parser means adding it to the projection in test/support/import-projection.ts.
const CASES: { name: string; files: FormatName[]; project: (doc: LvsDocument, source: LvsDocument) => unknown }[] = [
  { name: "lvs.cf", files: ["lvs.cf"], project: projectLvsCf },
  { name: "keepalived", files: ["keepalived"], project: (d) => projectServices(d, "keepalived") },
  // fwmark VIPs (and so their devices) are known from the mark rules only.
  { name: "keepalived + keepalived-backup + iptables", files: ["keepalived", "keepalived-backup", "iptables"], project: (d) => [projectServices(d, "keepalived"), projectVrrp(d), projectMarks(d, true)] },
  { name: "ipvsadm + iptables-restore", files: ["ipvsadm", "iptables-restore", "ip6tables-restore"], project: (d) => [projectServices(d, "ipvsadm"), projectMarks(d, true)] },
  { name: "ipvsadm + nftables", files: ["ipvsadm", "nftables"], project: (d) => [projectServices(d, "ipvsadm"), projectMarks(d)] },
  { name: "keepalived + iptables commands", files: ["keepalived", "iptables"], project: (d) => [projectServices(d, "keepalived"), projectMarks(d, true)] },
];

const READ_AS: Partial<Record<FormatName, ImportFormat>> = {
  "lvs.cf": "lvs.cf", keepalived: "keepalived", "keepalived-backup": "keepalived", ipvsadm: "ipvsadm", iptables: "iptables", "iptables-restore": "iptables",
  "ip6tables-restore": "iptables", nftables: "nft",
};

// Formats are given: a file with no service or rule (an empty cluster) has nothing to be recognised by.
function roundTrip(doc: LvsDocument, files: FormatName[]): LvsDocument {
  const inputs: ImportFile[] = files.map((f) => ({ name: `${f}.txt`, text: renderArtifact(f, doc), format: READ_AS[f] }));
  const r = importFiles(inputs, { clusterName: doc.cluster.name });
  const errors = r.messages.filter((m) => m.severity === "error");
  expect(errors, JSON.stringify(errors)).toEqual([]);
  expect(r.invalid).toEqual([]);
  if (!r.document) throw new Error("no document");
  return r.document;
}

function valid(input: unknown): LvsDocument {
  const r = parseDocument(input);
  if (!r.ok) throw new Error(r.lines.join("\n"));
  return r.doc;
}

describe("round trip import(render(doc, F)) on what F carries", () => {
  for (const c of CASES) {
    it(`${c.name}: every fixture`, () => {
      for (const fixture of loadFixtures()) {
        expect(c.project(roundTrip(fixture.doc, c.files), fixture.doc), fixture.name).toEqual(c.project(fixture.doc, fixture.doc));
      }
    });

    it(`${c.name}: random valid documents`, () => {
      fc.assert(fc.property(arbitraryDocument(), (input) => {
        const doc = valid(input);
        expect(c.project(roundTrip(doc, c.files), doc)).toEqual(c.project(doc, doc));
      }), { numRuns: 40 });
    });
  }
});
