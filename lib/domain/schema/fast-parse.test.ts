import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryDocument } from "@/test/support/arbitrary-document";
import { lvsDocumentSchema } from "./document";
import { fastValidator, INVALID } from "./fast-parse";
import { parseDocument } from "./parse-document";

// The fast path must say yes exactly when zod does, with zod's output to the
// key and the undefined: anything else would change what every import, CLI
// run and snapshot read produces.

const fast = fastValidator(lvsDocumentSchema);

function expectSameAsZod(input: unknown): boolean {
  const z = lvsDocumentSchema.safeParse(input);
  const f = fast(input);
  if (z.success) {
    expect(f).not.toBe(INVALID);
    expect(f).toStrictEqual(z.data);
    expect(JSON.stringify(f)).toBe(JSON.stringify(z.data));
  } else {
    expect(f).toBe(INVALID);
  }
  return z.success;
}

const JUNK: unknown[] = [
  undefined, null, "", "x", "web-1", "a".repeat(40), "$bad", -1, 0, 1, 1.5, 80, 128, 65535, 65536, 4294967295, 4294967296, 2 ** 53,
  Number.NaN, true, false, [], [1], {}, { extra: 1 }, "255.255.255.0", "255.0.255.0", "::1", "10.0.0.1", "10.0.0.256", "2001:db8::1",
  "eth0", "eth0:1", "-eth0", "tcp", "udp", "both", "rr", "wlc", "nat", "http", "none", "/healthz", "80", "10000-20000",
];

type Json = Record<string, unknown> | unknown[];

/** Every path to a value inside a document. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== "object") return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))];
}

/** The document with one place changed: a junk value, a removed field or an unknown one. */
function corrupt(doc: unknown, path: (string | number)[], how: "set" | "delete" | "extra", junk: unknown): unknown {
  const copy = structuredClone(doc) as Json;
  if (path.length === 0) return how === "set" ? junk : copy;
  let parent: Json = copy;
  for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[key] as Json;
  const last = path[path.length - 1]!;
  const target = parent as Record<string | number, unknown>;
  if (how === "set") target[last] = junk;
  else if (how === "delete") {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete target[last];
  } else {
    const inner = target[last];
    if (inner !== null && typeof inner === "object" && !Array.isArray(inner)) (inner as Record<string, unknown>).unknownField = junk;
    else target[last] = junk;
  }
  return copy;
}

describe("the document's fast path", () => {
  it("gives zod's output for every fixture document", () => {
    const dir = "test/fixtures/documents";
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
      expectSameAsZod(JSON.parse(readFileSync(`${dir}/${file}`, "utf8")));
    }
  });

  it("gives zod's output for random valid documents, written with and without their defaults", () => {
    fc.assert(fc.property(arbitraryDocument(), (doc) => {
      expect(expectSameAsZod(doc)).toBe(true);
      // The parsed form (every default written out) is valid too, and parses to itself.
      expect(expectSameAsZod(lvsDocumentSchema.parse(doc))).toBe(true);
    }), { numRuns: 200 });
  });

  it("refuses exactly what zod refuses when one place of a valid document is changed", () => {
    let refused = 0;
    let accepted = 0;
    fc.assert(fc.property(
      arbitraryDocument(), fc.nat(), fc.constantFrom("set", "delete", "extra"), fc.constantFrom(...JUNK),
      (doc, pick, how, junk) => {
        const all = paths(doc);
        const changed = corrupt(doc, all[pick % all.length]!, how as "set" | "delete" | "extra", junk);
        if (expectSameAsZod(changed)) accepted++;
        else refused++;
      },
    ), { numRuns: 1500 });
    // Both outcomes were exercised many times.
    expect(refused).toBeGreaterThan(300);
    expect(accepted).toBeGreaterThan(100);
  });

  it("keeps a field given as undefined, as zod does, and leaves an absent one absent", () => {
    const doc = { version: 1, cluster: { name: "c", primary: { publicIp: "192.0.2.1" }, natRouter: undefined }, virtualServers: [
      { name: "web", vip: "192.0.2.10", port: 80, device: undefined, realServers: [{ name: "r", address: "10.0.0.1", port: undefined }] },
    ] };
    expectSameAsZod(doc);
    const out = fast(doc) as { virtualServers: Record<string, unknown>[] };
    expect("device" in out.virtualServers[0]!).toBe(true);
    expect("vipNetmask" in out.virtualServers[0]!).toBe(false);
  });

  it("answers parseDocument with zod's messages when it refuses", () => {
    const r = parseDocument({ version: 1, cluster: { name: "c", primary: { publicIp: "192.0.2.1" } }, virtualServers: [{ name: "web", vip: "192.0.2.10", port: 65536 }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.lines).toEqual(["virtualServers[0].port: got 65536; allowed: an integer 1-65535"]);
  });

  it("does not share default lists or objects between documents", () => {
    const doc = { version: 1, cluster: { name: "c", primary: { publicIp: "192.0.2.1" } } };
    const a = fast(doc) as { firewallMarks: unknown[] };
    const b = fast(doc) as { firewallMarks: unknown[] };
    expect(a.firewallMarks).not.toBe(b.firewallMarks);
  });
});
