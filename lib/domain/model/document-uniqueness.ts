import type { LvsDocument } from "../schema/document";
import { familyOf } from "./address";

/** A value the database stores once per scope, used twice in a document. */
export interface DuplicateIssue {
  path: string;
  message: string;
}

function firstSeen<T>(items: readonly T[], key: (item: T) => string, report: (index: number, first: number) => DuplicateIssue): DuplicateIssue[] {
  const seen = new Map<string, number>();
  const out: DuplicateIssue[] = [];
  items.forEach((item, index) => {
    const k = key(item);
    const first = seen.get(k);
    if (first === undefined) seen.set(k, index);
    else out.push(report(index, first));
  });
  return out;
}

/** Names and marks that must be unique (per cluster, per address family, per virtual server), with the paths at fault. */
export function findDuplicates(doc: LvsDocument): DuplicateIssue[] {
  const marks = firstSeen(doc.firewallMarks, (b) => `${b.mark}/${familyOf(b.vip)}`, (i, first) => ({
    path: `firewallMarks[${i}].mark`,
    message: `mark ${doc.firewallMarks[i]!.mark} is already used by firewallMarks[${first}] for IPv${familyOf(doc.firewallMarks[i]!.vip)}; allowed: one bundle per mark and address family`,
  }));
  const bundleNames = firstSeen(doc.firewallMarks, (b) => b.name, (i, first) => ({
    path: `firewallMarks[${i}].name`,
    message: `name "${doc.firewallMarks[i]!.name}" is already used by firewallMarks[${first}]; allowed: a name unique in the cluster`,
  }));
  const serverNames = firstSeen(doc.virtualServers, (v) => v.name, (i, first) => ({
    path: `virtualServers[${i}].name`,
    message: `name "${doc.virtualServers[i]!.name}" is already used by virtualServers[${first}]; allowed: a name unique in the cluster`,
  }));
  const realNames = doc.virtualServers.flatMap((v, vi) =>
    firstSeen(v.realServers, (r) => r.name, (i, first) => ({
      path: `virtualServers[${vi}].realServers[${i}].name`,
      message: `name "${v.realServers[i]!.name}" is already used by realServers[${first}]; allowed: a name unique in the virtual server`,
    })),
  );
  return [...marks, ...bundleNames, ...serverNames, ...realNames];
}
