import "server-only";
import { parsePortSpec } from "@/lib/domain/model/ports";
import type { FirewallMark } from "@/lib/domain/schema";
import { DataError } from "./data-errors";
import { definedOnly, markFamilyKey, markFromColumn, portSpecOf } from "./stored-values";

// The one mapping between a firewall-mark bundle's rows (FirewallMarkBundle and
// its BundlePort list) and the bundle of the model, both ways: the bundle
// panels, the interchange document and the import all go through here.

/** A bundle row with its ports, as the mapper reads it (any order of ports). */
export interface StoredBundle {
  mark: bigint;
  name: string;
  description: string;
  vip: string;
  protocol: string;
  ports: readonly { position: number; lo: number; hi: number }[];
}

/** Bundle row → the model's bundle: ports in their stored order, an empty description left out. */
export function toBundleValues(b: StoredBundle): FirewallMark {
  return definedOnly({
    mark: markFromColumn(b.mark),
    name: b.name,
    description: b.description || undefined,
    vip: b.vip,
    protocol: b.protocol as FirewallMark["protocol"],
    ports: [...b.ports].sort((x, y) => x.position - y.position).map(portSpecOf),
  });
}

/** The model's bundle → its row's columns (mark and family are the "mark per family" key). */
export function bundleData(input: FirewallMark) {
  return {
    ...markFamilyKey(input.mark, input.vip),
    name: input.name,
    description: input.description ?? "",
    vip: input.vip,
    protocol: input.protocol,
  };
}

/** The model's port specs → BundlePort rows in list order; a spec that is not one is refused with its field. */
export function bundlePortRows(ports: readonly string[]): { position: number; lo: number; hi: number }[] {
  return ports.map((spec, position) => {
    const r = parsePortSpec(spec);
    if (!r.ok) throw new DataError(r.message, { fieldErrors: { [`ports.${position}`]: r.message } });
    return { position, lo: r.range.lo, hi: r.range.hi };
  });
}
