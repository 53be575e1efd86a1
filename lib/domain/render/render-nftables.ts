import type { Family } from "../model/address";
import { modelOf, type DerivedModel, type ModelInput } from "../model/derive-model";
import { formatRange } from "../model/ports";
import { FTP_DATA_PORT } from "../model/ftp-nat";
import { masqueradeComment } from "./nat-rules";
import { bannerLines, describeLine, toText } from "./text";

/** Name of the generated nftables table (family inet). */
export const NFT_TABLE = "lvs_console";

const FAMILY = {
  4: { map: "fwmark_ipv4", type: "ipv4_addr", daddr: "ip daddr", saddr: "ip saddr" },
  6: { map: "fwmark_ipv6", type: "ipv6_addr", daddr: "ip6 daddr", saddr: "ip6 saddr" },
} as const;

function mapBlock(model: DerivedModel, family: Family): string[] {
  const sets = model.ruleSetsOf(family);
  if (sets.length === 0) return [];
  const elements: string[] = [];
  for (const set of sets) {
    elements.push(describeLine("\t\t\t#", `bundle ${set.name} (mark ${set.mark}, ${set.protocol})`, set.description));
    for (const r of set.ranges) elements.push(`\t\t\t${set.vip} . ${set.protocol} . ${formatRange(r, "-")} : ${set.mark},`);
  }
  const f = FAMILY[family];
  return [
    `\tmap ${f.map} {`,
    `\t\ttype ${f.type} . inet_proto . inet_service : mark`,
    "\t\tflags interval",
    "\t\telements = {",
    ...elements,
    "\t\t}",
    "\t}",
    "",
  ];
}

function markRule(model: DerivedModel, family: Family): string[] {
  if (model.ruleSetsOf(family).length === 0) return [];
  const f = FAMILY[family];
  return [`\t\tmeta l4proto { tcp, udp } meta mark set ${f.daddr} . meta l4proto . th dport map @${f.map}`];
}

// Active FTP under NAT (the manuals' POSTROUTING MASQUERADE) as a nat chain of the same table.
function natChain(model: DerivedModel): string[] {
  const m = model.ftpMasquerade;
  if (m === null) return [];
  return [
    "",
    "\tchain postrouting {",
    "\t\ttype nat hook postrouting priority srcnat; policy accept;",
    masqueradeComment("\t\t#", m),
    `\t\t${FAMILY[m.family].saddr} ${m.network} tcp sport ${FTP_DATA_PORT} masquerade`,
    "\t}",
  ];
}

// "table; delete table; table { … }" is the nft 1.0 idiom for replacing a table
// in one transaction whether or not it already exists.
/** One inet table whose prerouting chain sets marks through a map keyed by address . protocol . port. */
export function renderNftables(input: ModelInput): string {
  const model = modelOf(input);
  return toText([
    "#!/usr/sbin/nft -f",
    ...bannerLines("#", model.doc, "Firewall marks as one nftables table; load with nft -f (atomic)."),
    `table inet ${NFT_TABLE}`,
    `delete table inet ${NFT_TABLE}`,
    `table inet ${NFT_TABLE} {`,
    ...mapBlock(model, 4),
    ...mapBlock(model, 6),
    "\tchain prerouting {",
    "\t\ttype filter hook prerouting priority mangle; policy accept;",
    ...markRule(model, 4),
    ...markRule(model, 6),
    "\t}",
    ...natChain(model),
    "}",
  ]);
}
