import type { Family } from "../model/address";
import type { DerivedModel } from "../model/derive-model";
import { markRuleBodies } from "./port-groups";
import { describeLine } from "./text";

/** The dedicated mangle chain every generated ruleset lives in, jumped to from PREROUTING. */
export const MARK_CHAIN = "LVS-CONSOLE-MARKS";

/** The iptables command for a family. */
export function iptablesCommand(family: Family): "iptables" | "ip6tables" {
  return family === 4 ? "iptables" : "ip6tables";
}

/** The chain's rule lines for one family joined into one block ("" when the family has no bundle). */
export function chainRuleBlock(model: DerivedModel, family: Family, chain: string): string {
  return chainRuleLines(model, family, chain).join("\n");
}

/** `-A CHAIN …` lines for one family, each bundle introduced by a comment line. */
export function chainRuleLines(model: DerivedModel, family: Family, chain: string, comment = "#"): string[] {
  const lines: string[] = [];
  for (const set of model.ruleSetsOf(family)) {
    lines.push(describeLine(comment, `bundle ${set.name} (mark ${set.mark}, ${set.protocol})`, set.description));
    for (const body of markRuleBodies(set)) lines.push(`-A ${chain} ${body}`);
  }
  return lines;
}
