// Format names alone, free of any renderer, so lint can name the artifact a
// diagnostic is about without importing the renderers.
/** Every artifact format name, in display order. */
export const FORMAT_NAMES = [
  "iptables", "install-script", "iptables-restore", "ip6tables-restore", "nftables", "lvs.cf", "keepalived", "keepalived-backup", "ipvsadm",
  "real-server", "router-setup", "collect-state", "apply",
] as const;

/** An artifact format name. */
export type FormatName = (typeof FORMAT_NAMES)[number];
