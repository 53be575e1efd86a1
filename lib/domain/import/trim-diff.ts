import type { DocumentDiff, ObjectChange } from "./diff-documents";

/** How many objects of one kind were added, changed, removed and left unchanged. */
export interface ChangeCounts {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
}

/** A diff small enough for a page: each list holds at most `max` changes, with the counts of the whole. */
export interface TrimmedDiff extends DocumentDiff {
  counts: { bundles: ChangeCounts; virtualServers: ChangeCounts };
}

/** The counts of one list of object changes. */
export function countChanges(items: readonly ObjectChange[]): ChangeCounts {
  const counts: ChangeCounts = { added: 0, changed: 0, removed: 0, unchanged: 0 };
  for (const c of items) counts[c.kind] += 1;
  return counts;
}

// A 10,000-service import would otherwise send (and render) every object and
// its real servers; the counts still describe all of them.
/** Drops unchanged objects and keeps the first `max` changes of each list, with the counts of the full diff. */
export function trimDiff(diff: DocumentDiff, max = 200): TrimmedDiff {
  const keep = (items: ObjectChange[]) => items.filter((c) => c.kind !== "unchanged").slice(0, max);
  return {
    settings: diff.settings,
    bundles: keep(diff.bundles),
    virtualServers: keep(diff.virtualServers),
    counts: { bundles: countChanges(diff.bundles), virtualServers: countChanges(diff.virtualServers) },
  };
}
