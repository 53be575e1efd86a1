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
