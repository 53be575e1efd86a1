import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { destinationKey, diffSegments, effectiveMarks, type MarkRuleLike, type MarkSegment } from "./mark-map";

// Brute force over a small port space is the oracle: netfilter gives each
// packet the mark of the last matching rule (MARK does not stop the chain), and
// a later rule that sets mark 0 takes the mark off again.

const PORTS = 40;
const markAt = (segments: readonly MarkSegment[] | undefined, port: number) => segments?.find((s) => s.lo <= port && port <= s.hi)?.mark ?? 0;

const range = fc.tuple(fc.integer({ min: 1, max: PORTS }), fc.integer({ min: 1, max: PORTS })).map(([a, b]) => ({ lo: Math.min(a, b), hi: Math.max(a, b) }));
const rule: fc.Arbitrary<MarkRuleLike> = fc.record({
  family: fc.constantFrom(4 as const, 6 as const),
  vip: fc.constantFrom("192.0.2.10", "192.0.2.11"),
  protocol: fc.constantFrom("tcp" as const, "udp" as const),
  ranges: fc.array(range, { minLength: 1, maxLength: 3 }),
  mark: fc.integer({ min: 0, max: 4 }),
});
const segments = fc.array(fc.tuple(range, fc.integer({ min: 1, max: 3 })), { maxLength: 4 }).map((list) => {
  // Non-overlapping, sorted segments as effectiveMarks makes them.
  const rules = list.map(([r, mark]) => ({ family: 4 as const, vip: "v", protocol: "tcp" as const, ranges: [r], mark }));
  return effectiveMarks(rules).get("4 v tcp") ?? [];
});

/** Sorted, disjoint, no mark 0, and merged: neighbours that touch carry different marks. */
function wellFormed(list: readonly { lo: number; hi: number }[], same: (a: never, b: never) => boolean) {
  list.forEach((s, i) => {
    expect(s.lo).toBeLessThanOrEqual(s.hi);
    const prev = list[i - 1];
    if (prev) {
      expect(prev.hi).toBeLessThan(s.lo);
      if (prev.hi + 1 === s.lo) expect(same(prev as never, s as never)).toBe(false);
    }
  });
}

describe("effectiveMarks", () => {
  it("keys destinations by family, canonical VIP and protocol", () => {
    expect(destinationKey({ family: 6, vip: "2001:db8::10", protocol: "udp" })).toBe("6 2001:db8::10 udp");
  });

  it("paints the last matching rule's mark over each port, per destination", () => {
    const marks = effectiveMarks([
      { family: 4, vip: "192.0.2.10", protocol: "tcp", ranges: [{ lo: 1, hi: 100 }], mark: 1 },
      { family: 4, vip: "192.0.2.10", protocol: "tcp", ranges: [{ lo: 80, hi: 80 }, { lo: 90, hi: 95 }], mark: 2 },
      { family: 4, vip: "192.0.2.10", protocol: "tcp", ranges: [{ lo: 93, hi: 100 }], mark: 0 },
      { family: 4, vip: "192.0.2.10", protocol: "udp", ranges: [{ lo: 53, hi: 53 }], mark: 0 },
      { family: 6, vip: "192.0.2.10", protocol: "tcp", ranges: [{ lo: 443, hi: 443 }], mark: 7 },
    ]);
    expect([...marks]).toEqual([
      ["4 192.0.2.10 tcp", [{ lo: 1, hi: 79, mark: 1 }, { lo: 80, hi: 80, mark: 2 }, { lo: 81, hi: 89, mark: 1 }, { lo: 90, hi: 92, mark: 2 }]],
      ["6 192.0.2.10 tcp", [{ lo: 443, hi: 443, mark: 7 }]],
    ]);
  });

  it("merges touching ranges of one mark into one segment", () => {
    const marks = effectiveMarks([
      { family: 4, vip: "v", protocol: "tcp", ranges: [{ lo: 10, hi: 19 }, { lo: 20, hi: 29 }, { lo: 31, hi: 31 }], mark: 3 },
    ]);
    expect(marks.get("4 v tcp")).toEqual([{ lo: 10, hi: 29, mark: 3 }, { lo: 31, hi: 31, mark: 3 }]);
  });

  it("agrees with netfilter's walk port by port, in well-formed segments (property)", () => {
    fc.assert(fc.property(fc.array(rule, { maxLength: 8 }), (rules) => {
      const marks = effectiveMarks(rules);
      const keys = new Set(rules.map(destinationKey));
      for (const key of keys) {
        const list = rules.filter((r) => destinationKey(r) === key);
        let anyMarked = false;
        for (let port = 1; port <= PORTS; port++) {
          let expected = 0;
          for (const r of list) if (r.ranges.some((x) => x.lo <= port && port <= x.hi)) expected = r.mark;
          if (expected !== 0) anyMarked = true;
          expect(markAt(marks.get(key), port)).toBe(expected);
        }
        expect(marks.has(key)).toBe(anyMarked);
        wellFormed(marks.get(key) ?? [], (a: MarkSegment, b: MarkSegment) => a.mark === b.mark);
        for (const s of marks.get(key) ?? []) expect(s.mark).not.toBe(0);
      }
      for (const key of marks.keys()) expect(keys.has(key)).toBe(true);
    }), { numRuns: 400 });
  });
});

describe("diffSegments", () => {
  it("lists the ports whose marks differ with both marks, merged", () => {
    expect(diffSegments(
      [{ lo: 80, hi: 80, mark: 80 }, { lo: 443, hi: 443, mark: 80 }, { lo: 10000, hi: 20000, mark: 21 }],
      [{ lo: 80, hi: 80, mark: 80 }, { lo: 10000, hi: 15000, mark: 21 }, { lo: 15001, hi: 20000, mark: 22 }, { lo: 30000, hi: 30000, mark: 5 }],
    )).toEqual([
      { lo: 443, hi: 443, expected: 80, actual: 0 },
      { lo: 15001, hi: 20000, expected: 21, actual: 22 },
      { lo: 30000, hi: 30000, expected: 0, actual: 5 },
    ]);
    expect(diffSegments([{ lo: 1, hi: 5, mark: 1 }], [{ lo: 1, hi: 2, mark: 1 }, { lo: 3, hi: 5, mark: 1 }])).toEqual([]);
  });

  it("covers exactly the ports where the two sides differ (property)", () => {
    fc.assert(fc.property(segments, segments, (expected, actual) => {
      const diff = diffSegments(expected, actual);
      for (let port = 1; port <= PORTS + 1; port++) {
        const e = markAt(expected, port);
        const a = markAt(actual, port);
        const hits = diff.filter((d) => d.lo <= port && port <= d.hi);
        expect(hits).toHaveLength(e === a ? 0 : 1);
        if (e !== a) expect(hits[0]).toMatchObject({ expected: e, actual: a });
      }
      wellFormed(diff, (x: { expected: number; actual: number }, y: { expected: number; actual: number }) => x.expected === y.expected && x.actual === y.actual);
    }), { numRuns: 400 });
  });
});
