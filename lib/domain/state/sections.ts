// The sections of a collected router state: shared by the collect-state script
// that writes them and the parser that reads them back.

/** First line of every state file; names the format and its version. */
export const STATE_FORMAT_LINE = "# lvs-console router state, format 1";

/** One section: its name, the command line the script runs, and whether it needs IPVS loaded. */
export interface StateSectionInfo {
  name: StateSectionName;
  kind: "plain" | "ipvs";
  command: string;
  title: string;
}

/** Section names, in file order. */
export const STATE_SECTION_NAMES = [
  "iptables-mangle", "ip6tables-mangle", "nft-ruleset", "ipvs-rules", "ipvs-connections", "ipvs-stats", "ipvs-rates", "daemons", "addresses",
] as const;

/** A section name. */
export type StateSectionName = (typeof STATE_SECTION_NAMES)[number];

/** What the script collects, in order. */
export const STATE_SECTIONS: readonly StateSectionInfo[] = [
  { name: "iptables-mangle", kind: "plain", command: "iptables-save -t mangle", title: "IPv4 mangle rules (iptables-save)" },
  { name: "ip6tables-mangle", kind: "plain", command: "ip6tables-save -t mangle", title: "IPv6 mangle rules (ip6tables-save)" },
  { name: "nft-ruleset", kind: "plain", command: "nft list ruleset", title: "nftables ruleset" },
  { name: "ipvs-rules", kind: "ipvs", command: "-Sn", title: "IPVS rules (ipvsadm -Sn)" },
  { name: "ipvs-connections", kind: "ipvs", command: "-Ln --exact", title: "IPVS connections (ipvsadm -Ln)" },
  { name: "ipvs-stats", kind: "ipvs", command: "-Ln --stats --exact", title: "IPVS counters (ipvsadm -Ln --stats)" },
  { name: "ipvs-rates", kind: "ipvs", command: "-Ln --rate --exact", title: "IPVS rates (ipvsadm -Ln --rate)" },
  { name: "daemons", kind: "plain", command: "daemons", title: "LVS daemons (keepalived, pulse, nanny)" },
  { name: "addresses", kind: "plain", command: "ip -o addr show", title: "Router addresses (ip -o addr)" },
];
