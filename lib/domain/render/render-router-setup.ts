import { familyOf } from "../model/address";
import { documentOf, modelOf, type ModelInput } from "../model/derive-model";
import { carriesFtp } from "../model/ftp-nat";
import type { LvsDocument } from "../schema/document";
import { MARK_CHAIN } from "./mangle-rules";
import { NAT_CHAIN, masqueradeOf } from "./nat-rules";
import { bannerLines, toText } from "./text";

/** Where the script writes, relative to the root it is given. */
export const ROUTER_SETUP_FILES = {
  sysctl: "/etc/sysctl.d/90-lvs-console.conf",
  modules: "/etc/modules-load.d/lvs-console.conf",
} as const;

/** What a router of this cluster needs, as the manuals set it up (LVS guide §2.1, §2.5). */
export interface RouterNeeds {
  ipv4Forwarding: boolean;
  ipv6Forwarding: boolean;
  modules: string[];
  /** Chains the saved rules of each family must hold (none: nothing to restore). */
  savedChains: { 4: string[]; 6: string[] };
}

/** Derives the router's forwarding, modules and saved-rule needs from the document. */
export function routerNeeds(input: ModelInput): RouterNeeds {
  const model = modelOf(input);
  const doc = model.doc;
  const nat = doc.cluster.network === "nat";
  const vips = [...doc.firewallMarks.map((b) => b.vip), ...doc.virtualServers.map((v) => v.vip)];
  const ipv6 = vips.some((vip) => familyOf(vip) === 6);
  const chains = (family: 4 | 6) => [
    ...(model.ruleSetsOf(family).length > 0 ? [MARK_CHAIN] : []),
    ...(masqueradeOf(model, family) === null ? [] : [NAT_CHAIN]),
  ];
  return {
    // NAT routes replies back through the router; direct routing and tunnelling do not forward.
    ipv4Forwarding: nat,
    ipv6Forwarding: nat && ipv6,
    modules: nat && carriesFtp(model.ruleSets) ? ["ip_vs", "ip_vs_ftp"] : ["ip_vs"],
    savedChains: { 4: chains(4), 6: chains(6) },
  };
}

const LIBRARY = [
  "set -euo pipefail",
  "",
  "# LVS_CONSOLE_ROOT=/some/dir stages everything under that directory instead of /",
  "# (units are then enabled with systemctl --root and no module is loaded).",
  'readonly ROOT="${LVS_CONSOLE_ROOT:-}"',
  "",
  "say() {",
  "  printf 'lvs-console router-setup: %s\\n' \"$*\"",
  "}",
  "",
  "warn() {",
  "  printf 'lvs-console router-setup: warning: %s\\n' \"$*\" >&2",
  "}",
  "",
  "die() {",
  "  printf 'lvs-console router-setup: %s\\n' \"$*\" >&2",
  "  exit 1",
  "}",
  "",
  '[[ ${EUID} -eq 0 ]] || die "must run as root"',
  '[[ -z ${ROOT} || ${ROOT} == /* ]] || die "LVS_CONSOLE_ROOT must be an absolute path"',
  "",
  "# install_file PATH CONTENT: replaces the file only when its content differs, so a second run changes nothing.",
  "install_file() {",
  '  local target="${ROOT}$1" tmp',
  '  if [[ -f ${target} ]] && [[ "$(cat "${target}")" == "$2" ]]; then',
  '    say "$1 already up to date"',
  "    return 0",
  "  fi",
  '  mkdir -p "$(dirname "${target}")"',
  '  tmp=$(mktemp "${target}.XXXXXX")',
  "  printf '%s\\n' \"$2\" >\"${tmp}\"",
  '  chmod 0644 "${tmp}"',
  '  mv -f "${tmp}" "${target}"',
  '  say "wrote $1"',
  "}",
  "",
  "# remove_file PATH: drops a file an earlier run wrote and this cluster no longer needs.",
  "remove_file() {",
  '  if [[ -e ${ROOT}$1 ]]; then',
  '    rm -f "${ROOT}$1"',
  '    say "removed $1 (no longer needed)"',
  "  fi",
  "}",
  "",
  "# unit_exists NAME: the unit file is installed (package present), wherever systemd keeps it.",
  "unit_exists() {",
  "  local dir",
  "  for dir in /etc/systemd/system /usr/lib/systemd/system /lib/systemd/system; do",
  '    [[ -f ${ROOT}${dir}/$1.service ]] && return 0',
  "  done",
  "  return 1",
  "}",
  "",
  "# load_module NAME: loads it now on the real root; a staged root only gets the boot entry.",
  "load_module() {",
  '  [[ -z ${ROOT} ]] || return 0',
  '  modprobe "$1" || warn "could not load $1 now; it loads at the next boot"',
  "}",
  "",
  "# enable_unit NAME: starts the unit at boot (not now); enabling twice changes nothing.",
  "enable_unit() {",
  "  if ! command -v systemctl >/dev/null 2>&1; then",
  '    warn "systemctl not found: enable $1 at boot by hand"',
  "    return 0",
  "  fi",
  '  if [[ -n ${ROOT} ]]; then',
  '    systemctl --root="${ROOT}" --quiet enable "$1.service" || die "systemctl could not enable $1"',
  "  else",
  '    systemctl --quiet enable "$1.service" || die "systemctl could not enable $1"',
  "  fi",
  '  say "$1 starts at boot"',
  "}",
  "",
  "# has_chains FILE CHAIN...: the saved rules hold each of the console's chains.",
  "has_chains() {",
  '  local file="${ROOT}$1" chain',
  "  shift",
  '  [[ -f ${file} ]] || return 1',
  '  for chain in "$@"; do',
  '    grep -q -- ":${chain} " "${file}" || return 1',
  "  done",
  "}",
];

function sysctlSection(needs: RouterNeeds): string[] {
  const keys = [
    ...(needs.ipv4Forwarding ? ["net.ipv4.ip_forward = 1"] : []),
    ...(needs.ipv6Forwarding ? ["net.ipv6.conf.all.forwarding = 1"] : []),
  ];
  const file = ROUTER_SETUP_FILES.sysctl;
  if (keys.length === 0) {
    return ["# Direct routing and tunnelling: IPVS sends from the router itself, no forwarding needed.", `remove_file ${file}`];
  }
  return [
    "# NAT: the router forwards the real servers' replies (LVS guide §2.5). net.* keys apply to",
    "# this network namespace; the drop-in brings them back at boot.",
    `install_file ${file} '${["# Written by LVS Console router-setup.", ...keys].join("\n")}'`,
    `sysctl -q -p "\${ROOT}${file}"`,
    `say "packet forwarding on (${keys.map((k) => k.split(" ")[0]).join(", ")})"`,
  ];
}

function modulesSection(needs: RouterNeeds): string[] {
  const file = ROUTER_SETUP_FILES.modules;
  return [
    needs.modules.includes("ip_vs_ftp")
      ? "# IPVS at boot, and ip_vs_ftp: FTP under NAT needs the helper to rewrite the data connections."
      : "# IPVS at boot.",
    `install_file ${file} '${["# Written by LVS Console router-setup.", ...needs.modules].join("\n")}'`,
    ...needs.modules.map((m) => `load_module ${m}`),
  ];
}

const DAEMON_SECTION = [
  "# The balancing daemon: keepalived, or Piranha's pulse where that is what the router runs.",
  "if unit_exists keepalived; then",
  "  enable_unit keepalived",
  '  [[ -f ${ROOT}/etc/keepalived/keepalived.conf ]] || warn "/etc/keepalived/keepalived.conf is missing: install the keepalived (or keepalived-backup) file there"',
  "elif unit_exists pulse; then",
  "  enable_unit pulse",
  '  [[ -f ${ROOT}/etc/sysconfig/ha/lvs.cf ]] || warn "/etc/sysconfig/ha/lvs.cf is missing: install the lvs.cf file there"',
  "else",
  '  warn "neither keepalived nor pulse is installed: install keepalived, then run this script again"',
  "fi",
];

const NEVER_REPLACE = "(never replace it: it holds your filter table too)";

function savedRulesSection(needs: RouterNeeds): string[] {
  const { 4: v4, 6: v6 } = needs.savedChains;
  if (v4.length === 0 && v6.length === 0) return ["# No firewall marks or masquerade: no saved rules to restore at boot."];
  const check = (file: string, chains: string[], save: string, artifact: string) =>
    `  has_chains ${file} ${chains.join(" ")} || warn "${file} lacks the console's chains: run ${save} after the install script, or merge the tables of the ${artifact} file into it ${NEVER_REPLACE}"`;
  return [
    "# The saved rules come back at boot: Debian's netfilter-persistent, else RHEL's iptables service.",
    "if unit_exists netfilter-persistent; then",
    "  enable_unit netfilter-persistent",
    ...(v4.length > 0 ? [check("/etc/iptables/rules.v4", v4, "netfilter-persistent save", "iptables-restore")] : []),
    ...(v6.length > 0 ? [check("/etc/iptables/rules.v6", v6, "netfilter-persistent save", "ip6tables-restore")] : []),
    "elif unit_exists iptables; then",
    ...(v4.length > 0 ? ["  enable_unit iptables", check("/etc/sysconfig/iptables", v4, "service iptables save", "iptables-restore")] : []),
    ...(v6.length > 0
      ? [
        '  if unit_exists ip6tables; then enable_unit ip6tables; else warn "the ip6tables service is missing: the IPv6 rules will not come back at boot"; fi',
        check("/etc/sysconfig/ip6tables", v6, "service ip6tables save", "ip6tables-restore"),
      ]
      : []),
    "else",
    '  warn "no saved-rule service found: install iptables-persistent (Debian) or iptables-services (RHEL), then run this script again"',
    "fi",
  ];
}

/** The router setup script: forwarding sysctls, IPVS modules at boot, the daemon and the saved rules enabled at boot; idempotent. */
export function renderRouterSetup(input: ModelInput): string {
  return renderRouterSetupFor(documentOf(input), routerNeeds(input));
}

// Only the banner and the last line name the cluster; everything else follows from `needs`.
/** The router setup script for given needs (the property test enumerates every combination). */
export function renderRouterSetupFor(doc: LvsDocument, needs: RouterNeeds): string {
  return toText([
    "#!/usr/bin/env bash",
    ...bannerLines("#", doc, "Sets up this LVS router as the manuals do: forwarding, IPVS modules, daemon and saved rules at boot (run as root)."),
    "# Run it on both routers; running it again changes nothing. It enables units, it never starts them.",
    ...LIBRARY,
    "",
    ...sysctlSection(needs),
    "",
    ...modulesSection(needs),
    "",
    ...DAEMON_SECTION,
    "",
    ...savedRulesSection(needs),
    "",
    `say "router set up for cluster ${doc.cluster.name}"`,
  ]);
}
