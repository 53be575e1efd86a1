import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorsFor, lintDocument } from "@/lib/domain/lint";
import { FORMAT_NAMES, renderAll } from "@/lib/domain/render";
import { parseDocument } from "@/lib/domain/schema";
import { arbitraryDocument } from "../support/arbitrary-document";
import { addKeepalivedInterfaces, checkArtifacts } from "../support/artifact-checks";
import { loadFixtures } from "../support/domain-fixtures";
import { createNetns, type Netns } from "../support/netns";
import { requireOrSkip } from "../support/requirements";

const ready = requireOrSkip("artifacts checked by the real tools", {
  root: true,
  tools: ["ip", "bash", "shellcheck", "iptables-restore", "ip6tables-restore", "nft", "keepalived"],
});

describe.runIf(ready)("artifacts checked by the real tools", () => {
  let ns: Netns;
  beforeAll(() => {
    ns = createNetns("lvsa");
    addKeepalivedInterfaces(ns);
  });
  afterAll(() => ns?.destroy());

  for (const fixture of loadFixtures()) {
    it(`${fixture.name}: bash -n, shellcheck, iptables/ip6tables-restore --test, nft -c, keepalived -t on both router files, ipvsadm grammar`, async () => {
      expect(await checkArtifacts(ns, renderAll(fixture.doc))).toEqual([]);
    });
  }

  // One test per document, so each has its own time limit and a failure names its document.
  const randomDocs = fc.sample(arbitraryDocument(), { numRuns: 40, seed: 20261121 });
  randomDocs.forEach((input, index) => {
    it(`random valid document #${index} (with hostile descriptions) passes every tool`, async () => {
      const r = parseDocument(input);
      if (!r.ok) throw new Error(r.lines.join("\n"));
      // lvs.cf is held to Piranha's grammar in the unit suite; every artifact checked here is error-free.
      const diagnostics = lintDocument(r.doc);
      for (const format of FORMAT_NAMES.filter((f) => f !== "lvs.cf")) expect(errorsFor(diagnostics, format)).toEqual([]);
      const findings = await checkArtifacts(ns, renderAll(r.doc));
      expect(findings, JSON.stringify(input)).toEqual([]);
    });
  });
});
