import { describe, expect, it } from "vitest";
import { parseTrustProxy, resolveClientAddress, type TrustProxy } from "./client-address";

const trust = (text: string) => parseTrustProxy(text) as TrustProxy;

describe("TRUST_PROXY (issue 12 item 4)", () => {
  it("ignores X-Forwarded-For by default: five forged values are one client", () => {
    const off = trust("");
    const seen = ["1.1.1.1", "2.2.2.2", "3.3.3.3", "4.4.4.4", "5.5.5.5"].map((xff) => resolveClientAddress("198.51.100.9", xff, off));
    expect(new Set(seen)).toEqual(new Set(["198.51.100.9"]));
    expect(resolveClientAddress("::ffff:198.51.100.9", null, off)).toBe("198.51.100.9");
    expect(resolveClientAddress(null, "1.1.1.1", off)).toBeNull();
  });

  it("with a hop count takes the address that many hops left of the socket", () => {
    expect(resolveClientAddress("10.0.0.1", "203.0.113.7", trust("1"))).toBe("203.0.113.7");
    expect(resolveClientAddress("10.0.0.1", "6.6.6.6, 203.0.113.7", trust("1"))).toBe("203.0.113.7");
    expect(resolveClientAddress("10.0.0.1", "6.6.6.6, 203.0.113.7, 10.0.0.2", trust("2"))).toBe("203.0.113.7");
    expect(resolveClientAddress("10.0.0.1", null, trust("1"))).toBe("10.0.0.1");
  });

  it("with a list of proxies skips only the trusted ones", () => {
    const list = trust("10.0.0.0/8, 192.0.2.5");
    expect(resolveClientAddress("10.0.0.1", "6.6.6.6, 203.0.113.7, 192.0.2.5", list)).toBe("203.0.113.7");
    // A request straight from an untrusted client: its forged header is ignored.
    expect(resolveClientAddress("203.0.113.9", "10.0.0.3", list)).toBe("203.0.113.9");
    expect(resolveClientAddress("10.0.0.1", "garbage, 203.0.113.7", list)).toBe("203.0.113.7");
    expect(resolveClientAddress("10.0.0.1", "203.0.113.7, garbage", list)).toBeNull();
  });

  it("names what is wrong with an invalid value", () => {
    expect(parseTrustProxy("11")).toMatch(/hop count 1-10/);
    expect(parseTrustProxy("10.0.0.0/8, proxy.example")).toMatch(/"proxy.example".*CIDR/);
    expect(parseTrustProxy("off")).toEqual({ mode: "off" });
  });
});
