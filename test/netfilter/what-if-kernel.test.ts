import { writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { markRuleSets } from "@/lib/domain/model/bundles";
import { renderInstallScript } from "@/lib/domain/render";
import { parseDocument, type LvsDocument, type LvsDocumentInput } from "@/lib/domain/schema";
import { whatIf } from "@/lib/domain/what-if/what-if";
import { arbitraryDocument } from "../support/arbitrary-document";
import { withScratch } from "../support/artifact-checks";
import { armProbes, probeCounts, sendProbes, type Probe } from "../support/mark-probes";
import { createLink } from "../support/netns";
import { requireOrSkip } from "../support/requirements";

const ready = requireOrSkip("what-if agrees with the kernel", {
  root: true,
  tools: ["ip", "bash", "timeout", "iptables", "iptables-restore", "iptables-save", "ip6tables", "ip6tables-restore", "ip6tables-save"],
});

// Random documents never overlap bundles; half of them get one more bundle on an
// existing VIP, so the last-match rule is checked against the kernel as well.
const documents = fc.tuple(arbitraryDocument(), fc.option(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 65535 }), fc.integer({ min: 0, max: 3000 })), { nil: undefined }))
  .map(([input, overlap]): LvsDocumentInput => {
    if (!overlap) return input;
    const marks = input.firewallMarks ?? [];
    const target = marks[overlap[0] % marks.length]!;
    const lo = overlap[1];
    return { ...input, firewallMarks: [...marks, { mark: 4242424242, name: "overlap", vip: target.vip, protocol: "both", ports: [`${lo}-${Math.min(65535, lo + overlap[2])}`] }] };
  });

/** Random probe tuples aimed at the document's VIPs: inside a bundle's ports or anywhere. */
function probeArbitrary(doc: LvsDocument): fc.Arbitrary<Omit<Probe, "mark">[]> {
  const sets = markRuleSets(doc);
  const one = fc.tuple(fc.nat(), fc.constantFrom("tcp" as const, "udp" as const), fc.boolean(), fc.nat(), fc.integer({ min: 1, max: 65535 }))
    .map(([s, protocol, inside, r, anyPort]) => {
      const set = sets[s % sets.length]!;
      const range = set.ranges[r % set.ranges.length]!;
      const port = inside ? range.lo + (anyPort % (range.hi - range.lo + 1)) : anyPort;
      return { family: set.family, vip: set.vip, protocol, port };
    });
  return fc.array(one, { minLength: 4, maxLength: 12 });
}

describe.runIf(ready)("what-if agrees with the kernel", () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => { while (cleanups.length) cleanups.pop()?.(); });

  it("the mark what-if predicts is the mark the installed rules set on every probe packet", () => {
    const cases = fc.sample(documents.chain((input) => {
      const r = parseDocument(input);
      if (!r.ok) throw new Error(r.lines.join("\n"));
      return probeArbitrary(r.doc).map((probes) => ({ doc: r.doc, probes }));
    }), { numRuns: 16, seed: 20261122 });
    let checked = 0;
    for (const { doc, probes: tuples } of cases) {
      const link = createLink();
      cleanups.push(() => link.destroy());
      const install = withScratch((dir) => {
        writeFileSync(join(dir, "install.sh"), renderInstallScript(doc));
        return link.router.tryExec("bash", [join(dir, "install.sh")]);
      });
      expect(install.status, install.stderr).toBe(0);
      const probes: Probe[] = tuples.map((t) => {
        const r = whatIf(doc, t);
        if (!r.ok) throw new Error(r.message);
        return { ...t, mark: r.answer.mark };
      });
      armProbes(link.router, probes);
      // A lone UDP datagram sent while IPv6 neighbour discovery is still settling on the
      // fresh link can be lost; a TCP connect (retried by the kernel) settles it first.
      link.client.tryExec("bash", ["-c", "timeout 5 bash -c 'exec 3<>/dev/tcp/fd00:200::2/9' 2>/dev/null; timeout 5 bash -c 'exec 3<>/dev/tcp/10.200.0.2/9' 2>/dev/null"]);
      sendProbes(link.client, probes);
      const counts = probeCounts(link.router, probes);
      const disagree = probes.filter((_, i) => !(counts[i]! >= 1));
      expect(disagree, JSON.stringify(doc.firewallMarks)).toEqual([]);
      checked += probes.length;
      link.destroy();
    }
    expect(checked).toBeGreaterThan(60);
  });
});
