import { describe, expect, it } from "vitest";
import { parseDocument } from ".";

// Bounds of every port, mark and weight field, through the document schema the
// forms, the server actions and the CLI share: each edge value is accepted, each
// value one past it is refused with the field's path and what is allowed.

type Edit = (d: Record<string, any>, value: unknown) => void;
const base = () => ({
  version: 1,
  cluster: { name: "lab", primary: { publicIp: "192.0.2.2" }, network: "direct" },
  firewallMarks: [{ mark: 80, name: "web", vip: "192.0.2.10", ports: ["80"] }],
  virtualServers: [{
    name: "web", vip: "192.0.2.10", port: 80, firewallMark: 80,
    healthCheck: { type: "tcp" },
    realServers: [{ name: "r1", address: "192.0.2.31" }],
  }],
} as Record<string, any>);

const FIELDS: [path: string, edit: Edit, lo: number, hi: number][] = [
  ["virtualServers[0].port", (d, v) => { d.virtualServers[0].port = v; }, 1, 65535],
  ["virtualServers[0].realServers[0].port", (d, v) => { d.virtualServers[0].realServers[0].port = v; }, 1, 65535],
  ["virtualServers[0].healthCheck.port", (d, v) => { d.virtualServers[0].healthCheck.port = v; }, 1, 65535],
  ["cluster.heartbeat.port", (d, v) => { d.cluster.heartbeat = { port: v }; }, 1, 65535],
  ["firewallMarks[0].mark", (d, v) => { d.firewallMarks[0].mark = v; }, 1, 4294967295],
  ["virtualServers[0].firewallMark", (d, v) => { d.virtualServers[0].firewallMark = v; }, 1, 4294967295],
  ["virtualServers[0].realServers[0].weight", (d, v) => { d.virtualServers[0].realServers[0].weight = v; }, 0, 65535],
  ["cluster.vrrp.routerId", (d, v) => { d.cluster.vrrp = { routerId: v }; }, 1, 255],
];

const parse = (edit: Edit, value: unknown) => {
  const d = base();
  edit(d, value);
  return parseDocument(d);
};

describe.each(FIELDS)("%s", (path, edit, lo, hi) => {
  it.each([lo, lo + 1, hi - 1, hi])(`accepts %d (allowed ${lo}-${hi})`, (value) => {
    const r = parse(edit, value);
    expect(r.ok ? [] : r.lines).toEqual([]);
  });

  it.each([lo - 1, hi + 1, lo + 0.5, -1, Number.MAX_SAFE_INTEGER + 2])("refuses %d naming the field and the range", (value) => {
    const r = parse(edit, value);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.lines.some((l) => l.startsWith(`${path}: `) && l.includes(`${lo}-${hi}`)), r.lines.join("\n")).toBe(true);
  });

  it.each([["a string", String(lo)], ["null", null], ["a boolean", true]])("refuses %s", (_, value) => {
    const r = parse(edit, value);
    expect(r.ok ? [] : r.lines.filter((l) => l.startsWith(`${path}: `))).toHaveLength(1);
  });
});

describe("bundle port specs", () => {
  const withPorts = (ports: string[]) => parseDocument({ ...base(), firewallMarks: [{ mark: 80, name: "web", vip: "192.0.2.10", ports }] });

  it.each([["1"], ["65535"], ["1-65535"], ["1:2"], ["65534-65535"], ["80-80"]])("accepts %s", (spec) => {
    const r = withPorts([spec]);
    expect(r.ok ? [] : r.lines).toEqual([]);
  });

  it.each([["0"], ["65536"], ["0-10"], ["10-65536"], ["1-0"], ["80-"], ["-80"], ["80,443"], [" 80"], ["8O"]])("refuses %s at its index", (spec) => {
    const r = withPorts(["443", spec]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.lines[0]).toMatch(/^firewallMarks\[0\]\.ports\[1\]: .*allowed: /);
  });
});

describe("names", () => {
  const named = (name: string) => parseDocument({ ...base(), virtualServers: [{ ...base().virtualServers[0], name }] });

  it.each([["a"], ["A-z_0.9"], ["x".repeat(31)]])("accept %s", (name) => {
    expect(named(name).ok).toBe(true);
  });

  // Every printable ASCII character outside A-Z a-z 0-9 _ . - is refused, alone and inside a name.
  const forbidden = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).filter((c) => !/[A-Za-z0-9_.-]/.test(c));
  it.each(forbidden.map((c) => [c]))("refuse %j", (c) => {
    for (const name of [c, `web${c}1`]) {
      const r = named(name);
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(r.lines[0]).toMatch(/^virtualServers\[0\]\.name: got .*allowed: 1-31 characters of A-Z a-z 0-9 _ \. -/);
    }
  });

  it("refuses an empty name and one of 32 characters", () => {
    expect(named("").ok).toBe(false);
    expect(named("x".repeat(32)).ok).toBe(false);
  });
});
