import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeRanges, parsePortSpec, type PortRange } from "../model/ports";
import { MULTIPORT_SLOTS, multiportChunks, portMatch } from "./port-groups";

const range = fc.tuple(fc.integer({ min: 1, max: 65535 }), fc.integer({ min: 0, max: 50 }))
  .map(([lo, span]): PortRange => ({ lo, hi: Math.min(65535, lo + (span < 40 ? 0 : span)) }));

describe("port grouping", () => {
  it("splits multiport lists at 15 slots, a range counting two, losing nothing", () => {
    fc.assert(fc.property(fc.array(range, { minLength: 1, maxLength: 60 }), (raw) => {
      const ranges = normalizeRanges(raw);
      const chunks = multiportChunks(ranges);
      for (const c of chunks) expect(c.reduce((n, r) => n + (r.lo === r.hi ? 1 : 2), 0)).toBeLessThanOrEqual(MULTIPORT_SLOTS);
      expect(chunks.flat()).toEqual(ranges);
    }));
  });

  it("normalizes to sorted, non-overlapping ranges covering the same ports", () => {
    fc.assert(fc.property(fc.array(range, { maxLength: 30 }), fc.integer({ min: 1, max: 65535 }), (raw, p) => {
      const norm = normalizeRanges(raw);
      const inside = (rs: PortRange[]) => rs.some((r) => r.lo <= p && p <= r.hi);
      expect(inside(norm)).toBe(inside(raw));
      norm.slice(1).forEach((r, i) => expect(r.lo).toBeGreaterThan(norm[i]!.hi));
    }));
  });

  it("uses --dport for one entry and multiport for several", () => {
    expect(portMatch([{ lo: 10000, hi: 20000 }])).toBe("--dport 10000:20000");
    expect(portMatch([{ lo: 21, hi: 21 }, { lo: 10000, hi: 20000 }])).toBe("-m multiport --dports 21,10000:20000");
    const sixteen = Array.from({ length: 16 }, (_, i) => ({ lo: 1000 + i, hi: 1000 + i }));
    expect(multiportChunks(sixteen).map((c) => c.length)).toEqual([15, 1]);
  });

  it("parses port specs strictly", () => {
    expect(parsePortSpec("10000:20000")).toEqual({ ok: true, range: { lo: 10000, hi: 20000 } });
    for (const bad of ["", " 80", "80 ", "1-2-3", "-1", "80,443", "0x50", "８０"]) expect(parsePortSpec(bad).ok).toBe(false);
  });
});
