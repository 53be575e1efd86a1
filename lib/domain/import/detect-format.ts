/** Router file formats the import reads (the CLI's --format names). */
export const IMPORT_FORMATS = ["lvs.cf", "keepalived", "ipvsadm", "iptables", "nft"] as const;

/** A router file format name. */
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** True when the text names an import format. */
export function isImportFormat(name: string): name is ImportFormat {
  return (IMPORT_FORMATS as readonly string[]).includes(name);
}

// Each test looks for a line only that format has; the first few hundred lines
// decide (a 10,000-service file need not be scanned twice).
const SIGNS: [ImportFormat | "document", RegExp][] = [
  ["document", /^\s*\{\s*"(?:version|cluster|virtualServers|firewallMarks)"/],
  ["iptables", /^\*(?:mangle|filter|nat|raw|security)\s*$/m],
  ["iptables", /^\s*(?:\S*\/)?ip6?tables(?:-legacy|-nft)?\s+(?:-w\s+\d*\s*)?(?:-t|--table|-A|-I|-N|-F|--append|--insert)\b/m],
  ["nft", /^\s*(?:table\s+(?:ip|ip6|inet|arp|bridge|netdev)\s+\S+\s*\{|#!\s*\S*nft\b)/m],
  ["keepalived", /^\s*(?:virtual_server(?:_group)?|vrrp_instance|vrrp_sync_group|global_defs|vrrp_script)\b/m],
  ["lvs.cf", /^\s*(?:serial_no|primary|network|service)\s*=|^\s*virtual\s+\S+\s*\{\s*$/m],
  ["ipvsadm", /^\s*(?:\S*\/)?(?:ipvsadm\s+)?(?:-A|-a|--add-service|--add-server)\s+(?:-t|-u|-f|--tcp-service|--udp-service|--fwmark-service)\b/m],
  ["ipvsadm", /^\s*(?:\S*\/)?(?:ipvsadm\s+)?(?:-C|--clear|--set\s+\d+\s+\d+\s+\d+)\s*$/m],
];

/** The format of a file judged by its content, or null when it is none the import reads. */
export function detectFormat(text: string): ImportFormat | "document" | null {
  const head = text.length > 200_000 ? text.slice(0, 200_000) : text;
  for (const [format, sign] of SIGNS) if (sign.test(head)) return format;
  return null;
}
