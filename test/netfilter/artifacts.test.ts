import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lintDocument } from "@/lib/domain/lint";
import { renderAll } from "@/lib/domain/render";
import { parseDocument } from "@/lib/domain/schema";
import { arbitraryDocument } from "../support/arbitrary-document";
import { checkArtifacts } from "../support/artifact-checks";
import { loadFixtures } from "../support/domain-fixtures";
import { createNetns, type Netns } from "../support/netns";
import { requireOrSkip } from "../support/requirements";

const ready = requireOrSkip("artifacts checked by the real tools", {
  root: true,
  tools: ["ip", "bash", "shellcheck", "iptables-restore", "ip6tables-restore", "nft", "keepalived"],
});

describe.runIf(ready)("artifacts checked by the real tools", () => {
  let ns: Netns;
  beforeAll(() => { ns = createNetns("lvsa"); });
  afterAll(() => ns?.destroy());

  for (const fixture of loadFixtures()) {
    it(`${fixture.name}: bash -n, shellcheck, iptables/ip6tables-restore --test, nft -c, keepalived -t, ipvsadm grammar`, () => {
      expect(checkArtifacts(ns, renderAll(fixture.doc))).toEqual([]);
    });
  }

  it("random valid documents (with hostile descriptions) pass every tool", () => {
    const docs = fc.sample(arbitraryDocument(), { numRuns: 40, seed: 20261121 });
    for (const input of docs) {
      const r = parseDocument(input);
      if (!r.ok) throw new Error(r.lines.join("\n"));
      expect(lintDocument(r.doc).filter((d) => d.severity === "error")).toEqual([]);
      const findings = checkArtifacts(ns, renderAll(r.doc));
      expect(findings, JSON.stringify(input)).toEqual([]);
    }
  });
});
