import type { DerivedModel } from "./derive-model";
import { markKey } from "./derive-model";

/** An item whose key an earlier item of the same list already has. */
export interface Repeat {
  index: number;
  first: number;
}

/** Keys the database stores once per scope, found used again in a document. */
export interface Repeats {
  /** Bundles repeating a mark within one address family. */
  marks: Repeat[];
  bundleNames: Repeat[];
  virtualServerNames: Repeat[];
  /** Real-server names repeated within one virtual server (`virtualServer` is its index). */
  realServerNames: (Repeat & { virtualServer: number })[];
}

const NONE: Repeat[] = [];

function repeatsOf<T>(items: readonly T[], key: (item: T) => string | number): Repeat[] {
  // Keys are nearly always unique: a Set answers that without a Map entry per item (100,000 real servers at 10k).
  if (items.length < 2 || new Set(items.map(key)).size === items.length) return NONE;
  const seen = new Map<string | number, number>();
  const out: Repeat[] = [];
  items.forEach((item, index) => {
    const k = key(item);
    const first = seen.get(k);
    if (first === undefined) seen.set(k, index);
    else out.push({ index, first });
  });
  return out;
}

// The one definition of uniqueness inside a document: the import refuses a
// document with repeats, lint reports repeated names, and the data layer's
// unique indexes hold exactly these keys (mark per family, names per scope).
/** Every repeated key of a document, each with the index of its first use. */
export function findRepeats(model: DerivedModel): Repeats {
  const { doc } = model;
  return {
    marks: repeatsOf(model.bundles, (b) => markKey(b.family, b.mark)),
    bundleNames: repeatsOf(doc.firewallMarks, (b) => b.name),
    virtualServerNames: repeatsOf(doc.virtualServers, (v) => v.name),
    realServerNames: doc.virtualServers.flatMap((v, virtualServer) =>
      repeatsOf(v.realServers, (r) => r.name).map((r) => ({ ...r, virtualServer }))),
  };
}
