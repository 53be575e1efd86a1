import type { Family } from "../model/address";
import { ruleSetsOfFamily } from "../model/bundles";
import type { LvsDocument } from "../schema/document";
import { markRuleBodies } from "./port-groups";
import { describeLines } from "./text";

/** The dedicated mangle chain every generated ruleset lives in, jumped to from PREROUTING. */
export const MARK_CHAIN = "LVS-CONSOLE-MARKS";

/** The iptables command for a family. */
export function iptablesCommand(family: Family): "iptables" | "ip6tables" {
  return family === 4 ? "iptables" : "ip6tables";
}

// The install script and the restore file embed the very same rule lines; at
// 10,000 bundles building and joining them twice was a tenth of renderAll.
const blocks = new WeakMap<LvsDocument["firewallMarks"], Map<string, string>>();

/** The chain's rule lines for one family joined into one block ("" when the family has no bundle); shared by renderers. */
export function chainRuleBlock(doc: LvsDocument, family: Family, chain: string): string {
  let byKey = blocks.get(doc.firewallMarks);
  if (!byKey) {
    byKey = new Map();
    blocks.set(doc.firewallMarks, byKey);
  }
  const key = `${family} ${chain}`;
  let block = byKey.get(key);
  if (block === undefined) {
    block = chainRuleLines(doc, family, chain).join("\n");
    byKey.set(key, block);
  }
  return block;
}

/** `-A CHAIN …` lines for one family, each bundle introduced by a comment line. */
export function chainRuleLines(doc: LvsDocument, family: Family, chain: string, comment = "#"): string[] {
  return ruleSetsOfFamily(doc, family).flatMap((set) => [
    ...describeLines(comment, `bundle ${set.name} (mark ${set.mark}, ${set.protocol})`, set.description),
    ...markRuleBodies(set).map((body) => `-A ${chain} ${body}`),
  ]);
}

/** True when the document has at least one bundle of the family. */
export function hasFamily(doc: LvsDocument, family: Family): boolean {
  return ruleSetsOfFamily(doc, family).length > 0;
}
