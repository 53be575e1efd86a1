import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostileText } from "@/test/support/arbitrary-document";
import { loadFixtures } from "@/test/support/domain-fixtures";
import { parseDocument } from "../schema";
import { renderAll } from "./registry";

const CANARY = "QZXJ";
const base = loadFixtures().find((f) => f.name === "manual-nat")!.raw;

// Every field that accepts text. "strict" fields must either reject the value or
// accept only grammar tokens; free text may only surface inside comments; health
// strings only inside lvs.cf's quoted values; URL paths only inside keepalived's
// quoted `path`.
type Kind = "strict" | "comment" | "health" | "url";
const FIELDS: [path: (string | number)[], kind: Kind, check?: Record<string, unknown>][] = [
  [["cluster", "name"], "strict"], [["cluster", "primary", "publicIp"], "strict"], [["cluster", "primary", "privateIp"], "strict"],
  [["cluster", "natRouter", "ip"], "strict"], [["cluster", "natRouter", "netmask"], "strict"], [["cluster", "natRouter", "device"], "strict"],
  [["cluster", "backup", "publicIp"], "strict"], [["cluster", "network"], "strict"],
  [["firewallMarks", 0, "name"], "strict"], [["firewallMarks", 0, "description"], "comment"], [["firewallMarks", 0, "vip"], "strict"],
  [["firewallMarks", 0, "protocol"], "strict"], [["firewallMarks", 0, "ports", 1], "strict"],
  [["virtualServers", 0, "name"], "strict"], [["virtualServers", 0, "vip"], "strict"], [["virtualServers", 0, "vipNetmask"], "strict"],
  [["virtualServers", 0, "device"], "strict"], [["virtualServers", 0, "sorryServer"], "strict"], [["virtualServers", 0, "scheduler"], "strict"],
  [["virtualServers", 0, "loadMonitor"], "strict"], [["virtualServers", 0, "persistence", "netmask"], "strict"],
  [["virtualServers", 0, "monitor", "send"], "health"], [["virtualServers", 0, "monitor", "expect"], "health"],
  [["virtualServers", 0, "monitor", "sendProgram"], "strict"],
  [["virtualServers", 0, "realServers", 0, "name"], "strict"], [["virtualServers", 0, "realServers", 0, "address"], "strict"],
  [["virtualServers", 0, "healthCheck", "path"], "url", { type: "http" }],
  [["virtualServers", 0, "healthCheck", "script"], "strict", { type: "misc" }],
  [["virtualServers", 0, "healthCheck", "dnsName"], "strict", { type: "dns" }],
  [["virtualServers", 0, "healthCheck", "digest"], "strict", { type: "https" }],
  [["cluster", "vrrp", "interface"], "strict"],
];

function withField(path: (string | number)[], value: string, check?: Record<string, unknown>): unknown {
  const doc = structuredClone(base) as Record<string | number, unknown>;
  if (check) ((doc.virtualServers as Record<string, unknown>[])[0]!).healthCheck = { ...check };
  let node = doc;
  for (const key of path.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string | number, unknown>;
  }
  node[path[path.length - 1]!] = value;
  return doc;
}

const pathText = (path: (string | number)[]) => path.map((k) => (typeof k === "number" ? `[${k}]` : `.${k}`)).join("").slice(1);
const isComment = (line: string) => /^\s*[#!]/.test(line);
// Control characters other than newline and tab never reach an artifact.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/u;

describe("hostile text in every field", () => {
  for (const [path, kind, check] of FIELDS) {
    it(`${pathText(path)} is rejected or inert`, () => {
      fc.assert(fc.property(hostileText(CANARY), (value) => {
        const r = parseDocument(withField(path, value, check));
        if (!r.ok) {
          expect(r.issues.some((i) => i.path.startsWith(pathText(path)))).toBe(true);
          return;
        }
        if (kind === "strict") expect(value).toMatch(/^[A-Za-z0-9_.:/%=,+[\] -]*$/);
        for (const artifact of renderAll(r.doc)) {
          for (const line of artifact.text.split("\n")) {
            expect(line).not.toMatch(CONTROL);
            if (!line.includes(CANARY)) continue;
            if (kind === "comment") expect(isComment(line), `${artifact.format}: ${line}`).toBe(true);
            if (kind === "url") {
              expect(["keepalived", "keepalived-backup"]).toContain(artifact.format);
              expect(line).toMatch(/^\t{4}path "[^"\\ #]*"$/);
            }
            if (kind === "health") {
              expect(artifact.format).toBe("lvs.cf");
              expect(line).toMatch(/^ {5}(send|expect) = "(?:[^"\\]|\\[^"])*"$/);
            }
          }
        }
      }), { numRuns: 150 });
    });
  }

  it("clamps descriptions and keeps them on one comment line", () => {
    const r = parseDocument(withField(["firewallMarks", 0, "description"], `a\nb\r\nc\u0000d ${"é".repeat(190)}`));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const script = renderAll(r.doc).find((a) => a.format === "install-script")!.text;
    const line = script.split("\n").find((l) => l.startsWith("# bundle web"))!;
    expect(line.startsWith("# bundle web (mark 80, tcp): a b c d éé")).toBe(true);
    expect([...line.split(": ")[1]!].length).toBeLessThanOrEqual(120);
  });
});
