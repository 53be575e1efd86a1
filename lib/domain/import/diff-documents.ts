import { canonicalAddress, familyOf } from "../model/address";
import type { LvsDocument } from "../schema/document";
import type { FirewallMark } from "../schema/firewall-mark";
import type { RealServer } from "../schema/real-server";
import type { VirtualServer } from "../schema/virtual-server";

/** One field that differs: its path and both values as text ("" when absent). */
export interface FieldChange {
  path: string;
  before: string;
  after: string;
}

/** An object added, removed or changed by an import; real servers are listed under their virtual server. */
export interface ObjectChange {
  kind: "added" | "removed" | "changed" | "unchanged";
  /** The object's name after the import (before it, for removed objects). */
  name: string;
  /** What identifies it across the two documents: `mark 80 (IPv4)`, `tcp 192.0.2.10:80`, `10.0.0.2:80`. */
  identity: string;
  fields: FieldChange[];
  realServers?: ObjectChange[];
}

/** What the cluster will become: settings, bundles and virtual servers added, changed and removed. */
export interface DocumentDiff {
  settings: FieldChange[];
  bundles: ObjectChange[];
  virtualServers: ObjectChange[];
}

/** Identity of a bundle: its mark and family (unique per cluster). */
export function bundleIdentity(b: Pick<FirewallMark, "mark" | "vip">): string {
  return `mark ${b.mark} (IPv${familyOf(b.vip)})`;
}

/** Identity of a virtual server: the IPVS service it belongs to and its own port. */
export function serverIdentity(v: Pick<VirtualServer, "firewallMark" | "vip" | "protocol" | "port">): string {
  const vip = canonicalAddress(v.vip);
  return v.firewallMark === undefined
    ? `${v.protocol} ${familyOf(vip) === 6 ? `[${vip}]` : vip}:${v.port}`
    : `fwmark ${v.firewallMark} (IPv${familyOf(vip)}) ${v.protocol} port ${v.port}`;
}

function realIdentity(r: Pick<RealServer, "address" | "port">): string {
  return `${canonicalAddress(r.address)}${r.port === undefined ? "" : `:${r.port}`}`;
}

function flatten(value: unknown, prefix: string, out: Map<string, string>, skip: ReadonlySet<string> = new Set()): Map<string, string> {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) if (!skip.has(k)) flatten(v, prefix === "" ? k : `${prefix}.${k}`, out);
  } else if (value !== undefined) out.set(prefix, typeof value === "string" ? value : JSON.stringify(value));
  return out;
}

function fieldChanges(before: unknown, after: unknown, skip: ReadonlySet<string> = new Set()): FieldChange[] {
  const a = flatten(before, "", new Map(), skip);
  const b = flatten(after, "", new Map(), skip);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths.filter((p) => a.get(p) !== b.get(p)).map((p) => ({ path: p, before: a.get(p) ?? "", after: b.get(p) ?? "" }));
}

function diffByIdentity<T extends { name: string }>(
  before: readonly T[], after: readonly T[], identity: (t: T) => string, compare: (a: T, b: T) => Pick<ObjectChange, "fields" | "realServers">,
): ObjectChange[] {
  const old = new Map(before.map((t) => [identity(t), t]));
  const out: ObjectChange[] = [];
  for (const t of after) {
    const id = identity(t);
    const was = old.get(id);
    old.delete(id);
    if (!was) out.push({ kind: "added", name: t.name, identity: id, ...compare({} as T, t) });
    else {
      const c = compare(was, t);
      const changed = c.fields.length > 0 || (c.realServers ?? []).some((r) => r.kind !== "unchanged");
      out.push({ kind: changed ? "changed" : "unchanged", name: t.name, identity: id, ...c });
    }
  }
  for (const [id, t] of old) out.push({ kind: "removed", name: t.name, identity: id, fields: [] });
  return out;
}

const REAL_SERVERS = new Set(["realServers"]);

// The database stores "no monitor" and "no persistence" as their empty forms;
// both spellings mean the same to every renderer, so they compare equal.
function withoutEmpty(v: VirtualServer): VirtualServer {
  if (!v || typeof v !== "object") return v;
  const out = { ...v };
  const m = out.monitor;
  if (m && m.send === undefined && m.expect === undefined && m.sendProgram === undefined && !m.expectIsRegex) delete out.monitor;
  const p = out.persistence;
  if (p && p.timeoutSeconds === 0 && p.netmask === undefined) delete out.persistence;
  return out;
}

/** What replacing `current` with `next` changes, object by object (matched by identity, not by name). */
export function diffDocuments(current: LvsDocument, next: LvsDocument): DocumentDiff {
  return {
    settings: fieldChanges(current.cluster, next.cluster),
    bundles: diffByIdentity(current.firewallMarks, next.firewallMarks, bundleIdentity, (a, b) => ({ fields: fieldChanges(a, b) })),
    virtualServers: diffByIdentity(current.virtualServers, next.virtualServers, serverIdentity, (a, b) => ({
      fields: fieldChanges(withoutEmpty(a), withoutEmpty(b), REAL_SERVERS),
      realServers: diffByIdentity(a.realServers ?? [], b.realServers, realIdentity, (x, y) => ({ fields: fieldChanges(x, y) })),
    })),
  };
}

// Imported names are made up (fwm-80, 10.0.0.2) where a router file has none;
// an object the cluster already has under another name keeps that name.
/** The imported document with the current names of objects both documents hold; old → new name of each rename. */
export function adoptCurrentNames(current: LvsDocument, next: LvsDocument): { doc: LvsDocument; renames: Map<string, string> } {
  const renames = new Map<string, string>();
  const bundleNames = new Map(current.firewallMarks.map((b) => [bundleIdentity(b), b.name]));
  const serverByIdentity = new Map(current.virtualServers.map((v) => [serverIdentity(v), v]));
  const takenBundles = new Set(next.firewallMarks.map((b) => b.name));
  const takenServers = new Set(next.virtualServers.map((v) => v.name));
  const firewallMarks = next.firewallMarks.map((b) => {
    const name = bundleNames.get(bundleIdentity(b));
    if (name === undefined || name === b.name || takenBundles.has(name)) return b;
    takenBundles.add(name);
    return { ...b, name };
  });
  const virtualServers = next.virtualServers.map((v) => {
    const was = serverByIdentity.get(serverIdentity(v));
    if (!was) return v;
    const realNames = new Map(was.realServers.map((r) => [realIdentity(r), r.name]));
    const taken = new Set(v.realServers.map((r) => r.name));
    const realServers = v.realServers.map((r) => {
      const n = realNames.get(realIdentity(r));
      if (n === undefined || n === r.name || taken.has(n)) return r;
      taken.add(n);
      return { ...r, name: n };
    });
    if (was.name === v.name || takenServers.has(was.name)) return { ...v, realServers };
    takenServers.add(was.name);
    renames.set(v.name, was.name);
    return { ...v, name: was.name, realServers };
  });
  return { doc: { ...next, firewallMarks, virtualServers }, renames };
}
