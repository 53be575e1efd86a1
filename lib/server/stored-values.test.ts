import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePortSpec } from "@/lib/domain/model/ports";
import { bundleData, bundlePortRows, toBundleValues } from "./bundle-mapping";
import {
  familyFromStored, markFamilyKey, markFromColumn, markToColumn, maskFromColumn, maskToColumn, optionalMarkFromColumn,
  optionalMarkToColumn, portSpecOf, storedFamilyOf, storedFamilyOfAddress, usesMarkOf,
} from "./stored-values";

const mark = fc.integer({ min: 1, max: 4_294_967_295 });
const port = fc.integer({ min: 1, max: 65_535 });
const range = fc.tuple(port, port).map(([a, b]) => ({ lo: Math.min(a, b), hi: Math.max(a, b) }));

describe("stored values", () => {
  it("round-trips every mark through its BigInt column", () => {
    fc.assert(fc.property(mark, (m) => markFromColumn(markToColumn(m)) === m && optionalMarkFromColumn(optionalMarkToColumn(m)) === m));
    expect(optionalMarkToColumn(undefined)).toBeNull();
    expect(optionalMarkFromColumn(null)).toBeUndefined();
    expect(markToColumn(4_294_967_295)).toBe(4_294_967_295n);
  });

  it("stores the family as ipv4/ipv6 and reads it back as 4/6", () => {
    expect([storedFamilyOf(4), storedFamilyOf(6)]).toEqual(["ipv4", "ipv6"]);
    expect([familyFromStored("ipv4"), familyFromStored("ipv6")]).toEqual([4, 6]);
    expect([storedFamilyOfAddress("203.0.113.1"), storedFamilyOfAddress("2001:db8::1")]).toEqual(["ipv4", "ipv6"]);
  });

  it("keys a mark per family, and a virtual server uses a bundle's mark only in the bundle's family", () => {
    const v4 = markFamilyKey(80, "203.0.113.10");
    expect(v4).toEqual({ mark: 80n, family: "ipv4" });
    expect(usesMarkOf({ firewallMark: 80n, vip: "203.0.113.99" }, v4)).toBe(true);
    expect(usesMarkOf({ firewallMark: 80n, vip: "2001:db8::10" }, v4)).toBe(false);
    expect(usesMarkOf({ firewallMark: 81n, vip: "203.0.113.10" }, v4)).toBe(false);
    expect(usesMarkOf({ firewallMark: null, vip: "203.0.113.10" }, v4)).toBe(false);
  });

  it("reads IPv6 prefix lengths as numbers and dotted masks as text, and writes both back as text", () => {
    expect(maskFromColumn("64", "2001:db8::1")).toBe(64);
    expect(maskFromColumn("255.255.255.0", "203.0.113.1")).toBe("255.255.255.0");
    expect(maskFromColumn(null, "203.0.113.1")).toBeUndefined();
    fc.assert(fc.property(fc.integer({ min: 0, max: 128 }), (n) => maskFromColumn(maskToColumn(n), "2001:db8::1") === n));
    expect(maskToColumn(undefined)).toBeNull();
  });

  it("formats a stored port range as the port spec it was parsed from", () => {
    fc.assert(fc.property(range, (r) => {
      const parsed = parsePortSpec(portSpecOf(r));
      return parsed.ok && parsed.range.lo === r.lo && parsed.range.hi === r.hi;
    }));
    expect(portSpecOf({ lo: 80, hi: 80 })).toBe("80");
    expect(portSpecOf({ lo: 10000, hi: 20000 })).toBe("10000-20000");
  });
});

describe("bundle mapping", () => {
  const bundle = fc.record({
    mark, name: fc.constantFrom("web", "ftp", "a.b-c_1"), vip: fc.constantFrom("203.0.113.10", "2001:db8::10"),
    protocol: fc.constantFrom("tcp" as const, "udp" as const, "both" as const),
    description: fc.option(fc.constantFrom("HTTP and HTTPS", "passive range"), { nil: undefined }),
    ports: fc.array(range.map(portSpecOf), { minLength: 1, maxLength: 20 }),
  });

  it("reads back what it writes, ports in list order whatever order the rows come in", () => {
    fc.assert(fc.property(bundle, (b) => {
      const { description, ...rest } = b;
      const rows = bundlePortRows(b.ports).reverse();
      expect(toBundleValues({ ...bundleData(b), ports: rows })).toStrictEqual(description === undefined ? { ...rest } : { ...b });
    }));
  });

  it("refuses a port spec that is not one, naming the field", () => {
    expect(() => bundlePortRows(["80", "70000"])).toThrow(expect.objectContaining({ fieldErrors: { "ports.1": expect.stringMatching(/out of range/) } }));
  });
});
