import type { LvsDocument } from "../schema/document";
import { familyOf, type Family } from "./address";

/** Persistence of the services that share one firewall mark (or one port-based service). */
export interface PersistenceRow {
  mark: number | null;
  family: Family;
  bundle: string | null;
  /** Distinct timeouts in use; more than one means the mark's services disagree. */
  timeouts: number[];
  netmasks: string[];
  virtualServers: string[];
  consistent: boolean;
}

const distinct = <T>(values: T[]) => [...new Set(values)].sort();

/** Groups virtual servers by mark and family and reports the persistence each group uses. */
export function summarizePersistence(doc: LvsDocument): PersistenceRow[] {
  const groups = new Map<string, LvsDocument["virtualServers"]>();
  for (const vs of doc.virtualServers) {
    const key = vs.firewallMark === undefined ? `vs:${vs.name}` : `mark:${vs.firewallMark}:${familyOf(vs.vip)}`;
    groups.set(key, [...(groups.get(key) ?? []), vs]);
  }
  const rows = [...groups.values()].map((services): PersistenceRow => {
    const first = services[0]!;
    const family = familyOf(first.vip);
    const mark = first.firewallMark ?? null;
    const timeouts = distinct(services.map((s) => s.persistence?.timeoutSeconds ?? 0)).map(Number);
    const netmasks = distinct(services.map((s) => String(s.persistence?.netmask ?? (family === 4 ? "255.255.255.255" : 128))));
    const bundle = mark === null ? null : doc.firewallMarks.find((b) => b.mark === mark && familyOf(b.vip) === family)?.name ?? null;
    return {
      mark, family, bundle, timeouts: timeouts.sort((a, b) => a - b), netmasks,
      virtualServers: services.map((s) => s.name).sort(),
      consistent: timeouts.length === 1 && netmasks.length === 1,
    };
  });
  return rows.sort((a, b) => (a.mark ?? Infinity) - (b.mark ?? Infinity) || a.family - b.family ||
    (a.virtualServers[0] ?? "").localeCompare(b.virtualServers[0] ?? ""));
}
