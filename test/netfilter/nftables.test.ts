import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { renderNftables } from "@/lib/domain/render";
import { withScratch } from "../support/artifact-checks";
import { loadFixtures } from "../support/domain-fixtures";
import { armNftProbes, nftProbeCounts, probesFor, sendProbes } from "../support/mark-probes";
import { createLink, type Netns } from "../support/netns";
import { requireOrSkip } from "../support/requirements";

const ready = requireOrSkip("nftables ruleset in a network namespace", { root: true, tools: ["ip", "bash", "timeout", "nft"] });

function load(ns: Netns, text: string) {
  return withScratch((dir) => {
    const file = join(dir, "lvs-console.nft");
    writeFileSync(file, text);
    return ns.tryExec("nft", ["-f", file]);
  });
}

describe.runIf(ready)("nftables ruleset in a network namespace", () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => { while (cleanups.length) cleanups.pop()?.(); });

  for (const f of loadFixtures().filter((x) => x.doc.firewallMarks.length > 0)) {
    it(`${f.name}: loads atomically (twice) and marks probe packets through the map`, () => {
      const link = createLink();
      cleanups.push(() => link.destroy());
      const text = renderNftables(f.doc);
      expect(load(link.router, text).status).toBe(0);
      const first = link.router.exec("nft", ["list", "table", "inet", "lvs_console"]);
      expect(load(link.router, text).status).toBe(0);
      expect(link.router.exec("nft", ["list", "table", "inet", "lvs_console"])).toBe(first);
      const probes = probesFor(f.doc);
      armNftProbes(link.router, probes);
      sendProbes(link.client, probes);
      const counts = nftProbeCounts(link.router);
      expect(counts).toHaveLength(probes.length);
      expect(probes.filter((_, i) => !(counts[i]! >= 1))).toEqual([]);
    });
  }
});
