// What every check reads: the derived model of the document, and small helpers.
export { markKey, type DerivedModel, type ModelVirtualServer } from "../model/derive-model";
export type { ModelBundle } from "../model/bundles";

/** Groups items by a string key, keeping first-seen order. */
export function groupBy<T>(items: readonly T[], key: (t: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()];
}

/** Items indexed by a string key, each list in document order (for lookups that would otherwise scan every bundle). */
export function indexBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const index = new Map<string, T[]>();
  for (const group of groupBy(items, key)) index.set(key(group[0] as T), group);
  return index;
}

/** Path of a virtual server field. */
export const vsPath = (index: number, field?: string) => `virtualServers[${index}]${field === undefined ? "" : `.${field}`}`;
/** Path of a bundle field. */
export const bundlePath = (index: number, field?: string) => `firewallMarks[${index}]${field === undefined ? "" : `.${field}`}`;
