import type { Family } from "../model/address";
import { modelOf, type DerivedModel, type ModelInput } from "../model/derive-model";
import { MARK_CHAIN, chainRuleBlock } from "./mangle-rules";
import { NAT_CHAIN, natRuleLines } from "./nat-rules";
import { bannerLines, toText } from "./text";

const BUILTIN_CHAINS = ["PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"];
const NAT_BUILTIN_CHAINS = ["PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"];

// Active FTP under NAT: the nat table with its own chain, as the install script loads it.
function natTable(model: DerivedModel, family: Family): string[] {
  const rules = natRuleLines(model, family, NAT_CHAIN);
  if (rules.length === 0) return [];
  return [
    "*nat",
    ...NAT_BUILTIN_CHAINS.map((c) => `:${c} ACCEPT [0:0]`),
    `:${NAT_CHAIN} - [0:0]`,
    `-A POSTROUTING -j ${NAT_CHAIN}`,
    ...rules,
    "COMMIT",
  ];
}

// Same chain layout as the install script, so either way of loading the marks
// leaves identical iptables-save output.
/** The persistent mangle table for one family (/etc/sysconfig/iptables or ip6tables), plus nat for active FTP. */
export function renderRestoreFile(input: ModelInput, family: Family): string {
  const model = modelOf(input);
  const target = family === 4 ? "/etc/sysconfig/iptables" : "/etc/sysconfig/ip6tables";
  return toText([
    ...bannerLines("#", model.doc, `Persistent mangle table for ${target} (${family === 4 ? "iptables" : "ip6tables"}-restore).`),
    "*mangle",
    ...BUILTIN_CHAINS.map((c) => `:${c} ACCEPT [0:0]`),
    `:${MARK_CHAIN} - [0:0]`,
    `-A PREROUTING -j ${MARK_CHAIN}`,
    ...[chainRuleBlock(model, family, MARK_CHAIN)].filter((block) => block !== ""),
    "COMMIT",
    ...natTable(model, family),
  ]);
}

/** IPv4 persistent form. */
export function renderIptablesRestore(input: ModelInput): string {
  return renderRestoreFile(input, 4);
}

/** IPv6 persistent form. */
export function renderIp6tablesRestore(input: ModelInput): string {
  return renderRestoreFile(input, 6);
}
