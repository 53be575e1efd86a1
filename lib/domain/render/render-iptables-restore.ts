import type { Family } from "../model/address";
import type { LvsDocument } from "../schema/document";
import { MARK_CHAIN, chainRuleBlock } from "./mangle-rules";
import { NAT_CHAIN, natRuleLines } from "./nat-rules";
import { bannerLines, toText } from "./text";

const BUILTIN_CHAINS = ["PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"];
const NAT_BUILTIN_CHAINS = ["PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"];

// Active FTP under NAT: the nat table with its own chain, as the install script loads it.
function natTable(doc: LvsDocument, family: Family): string[] {
  const rules = natRuleLines(doc, family, NAT_CHAIN);
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
export function renderRestoreFile(doc: LvsDocument, family: Family): string {
  const target = family === 4 ? "/etc/sysconfig/iptables" : "/etc/sysconfig/ip6tables";
  return toText([
    ...bannerLines("#", doc, `Persistent mangle table for ${target} (${family === 4 ? "iptables" : "ip6tables"}-restore).`),
    "*mangle",
    ...BUILTIN_CHAINS.map((c) => `:${c} ACCEPT [0:0]`),
    `:${MARK_CHAIN} - [0:0]`,
    `-A PREROUTING -j ${MARK_CHAIN}`,
    ...[chainRuleBlock(doc, family, MARK_CHAIN)].filter((block) => block !== ""),
    "COMMIT",
    ...natTable(doc, family),
  ]);
}

/** IPv4 persistent form. */
export function renderIptablesRestore(doc: LvsDocument): string {
  return renderRestoreFile(doc, 4);
}

/** IPv6 persistent form. */
export function renderIp6tablesRestore(doc: LvsDocument): string {
  return renderRestoreFile(doc, 6);
}
