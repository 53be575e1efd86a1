import { describe, expect, it } from "vitest";
import type { ObjectChange } from "./diff-documents";
import { trimDiff } from "./trim-diff";

const change = (kind: ObjectChange["kind"], i: number): ObjectChange => ({ kind, name: `vs${i}`, identity: `tcp 192.0.2.1:${i}`, fields: [] });

describe("trimDiff", () => {
  it("lists at most max changes per section, drops unchanged objects and counts them all", () => {
    const virtualServers = [...Array.from({ length: 5 }, (_, i) => change("added", i)), change("unchanged", 9), change("removed", 10), change("changed", 11)];
    const t = trimDiff({ settings: [{ path: "name", before: "a", after: "b" }], bundles: [], virtualServers }, 3);
    expect(t.virtualServers.map((c) => c.name)).toEqual(["vs0", "vs1", "vs2"]);
    expect(t.counts).toEqual({ bundles: { added: 0, changed: 0, removed: 0, unchanged: 0 }, virtualServers: { added: 5, changed: 1, removed: 1, unchanged: 1 } });
    expect(t.settings).toHaveLength(1);
    expect(trimDiff({ settings: [], bundles: [], virtualServers }).virtualServers.map((c) => c.kind)).toEqual(["added", "added", "added", "added", "added", "removed", "changed"]);
  });
});
