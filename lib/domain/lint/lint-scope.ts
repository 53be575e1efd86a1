import { canonicalAddress } from "../model/address";

// Every lint check that relates two objects relates objects sharing a VIP or a
// firewall mark (overlaps, shadowing, duplicates, shared marks, FTP users); the
// rest look at one object and the cluster settings. So the findings about one
// object are the findings of its connected group under "same VIP or same mark",
// linted with the settings: a page needs that group, not the whole cluster.

/** What lint relates objects by: each bundle's and virtual server's VIP and mark, in document order. */
export interface LintOutline {
  firewallMarks: readonly { vip: string; mark: number }[];
  virtualServers: readonly { vip: string; firewallMark?: number | undefined }[];
}

/** One object of an outline, by list and position. */
export type LintSubject = { list: "firewallMarks" | "virtualServers"; index: number };

/** Positions (ascending, document order) of the bundles and virtual servers in the subject's group. */
export interface LintScope {
  firewallMarks: number[];
  virtualServers: number[];
}

/**
 * The bundles and virtual servers linked to the subject through shared VIPs
 * (compared canonically) and marks, the subject included: linting them with the
 * cluster settings gives every finding about the subject that linting the whole
 * document gives.
 */
export function lintScope(outline: LintOutline, subject: LintSubject): LintScope {
  const byKey = new Map<string, LintSubject[]>();
  const keysOf = (s: LintSubject): string[] => {
    const o = s.list === "firewallMarks" ? outline.firewallMarks[s.index] : outline.virtualServers[s.index];
    if (!o) return [];
    const mark = "mark" in o ? o.mark : o.firewallMark;
    return mark === undefined ? [`vip ${canonicalAddress(o.vip)}`] : [`vip ${canonicalAddress(o.vip)}`, `mark ${mark}`];
  };
  const index = (list: LintSubject["list"], length: number) => {
    for (let i = 0; i < length; i++) {
      const s = { list, index: i };
      for (const k of keysOf(s)) {
        const group = byKey.get(k);
        if (group) group.push(s);
        else byKey.set(k, [s]);
      }
    }
  };
  index("firewallMarks", outline.firewallMarks.length);
  index("virtualServers", outline.virtualServers.length);

  const seen = { firewallMarks: new Set<number>(), virtualServers: new Set<number>() };
  const keysDone = new Set<string>();
  const queue: LintSubject[] = [subject];
  seen[subject.list].add(subject.index);
  while (queue.length > 0) {
    for (const k of keysOf(queue.pop()!)) {
      if (keysDone.has(k)) continue;
      keysDone.add(k);
      for (const s of byKey.get(k) ?? []) {
        if (seen[s.list].has(s.index)) continue;
        seen[s.list].add(s.index);
        queue.push(s);
      }
    }
  }
  const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b);
  return { firewallMarks: sorted(seen.firewallMarks), virtualServers: sorted(seen.virtualServers) };
}

const POSITION = /^(virtualServers|firewallMarks)\[(\d+)\]/;

/** The list and position a diagnostic path starts with ("virtualServers[3].port": virtualServers, 3), or null. */
export function pathPosition(path: string): LintSubject | null {
  const m = POSITION.exec(path);
  return m ? { list: m[1] as LintSubject["list"], index: Number(m[2]) } : null;
}

/** A path in the scope's sub-document ("virtualServers[0].port") as the same place in the whole document. */
export function pathInDocument(path: string, scope: LintScope): string {
  const at = pathPosition(path);
  const index = at ? scope[at.list][at.index] : undefined;
  return at === null || index === undefined || index < 0 ? path : path.replace(POSITION, `${at.list}[${index}]`);
}
