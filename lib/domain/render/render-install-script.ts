import type { Family } from "../model/address";
import type { LvsDocument } from "../schema/document";
import { MARK_CHAIN, chainRuleBlock, hasFamily, iptablesCommand } from "./mangle-rules";
import { bannerLines, toText } from "./text";

const HEREDOC = "LVS_CONSOLE_RULES";

// The rules go through a quoted here-document, so the shell never expands them;
// every token in them was validated by the schema before rendering.
function rulesFunction(doc: LvsDocument, family: Family): string[] {
  const rules = chainRuleBlock(doc, family, MARK_CHAIN);
  if (rules === "") return [`rules_${iptablesCommand(family)}() {`, "  :", "}"];
  return [`rules_${iptablesCommand(family)}() {`, `  cat <<'${HEREDOC}'`, rules, HEREDOC, "}"];
}

const PROLOGUE = [
  "set -euo pipefail",
  "",
  `readonly CHAIN=${MARK_CHAIN}`,
  "",
  "die() {",
  "  printf 'lvs-console install: %s\\n' \"$*\" >&2",
  "  exit 1",
  "}",
  "",
  '[[ ${EUID} -eq 0 ]] || die "must run as root"',
  "for tool in iptables iptables-restore ip6tables ip6tables-restore; do",
  '  command -v "${tool}" >/dev/null 2>&1 || die "${tool} not found (install the iptables package)"',
  "done",
  "",
  "chain_exists() {",
  '  "$1" -w -t mangle -S "${CHAIN}" >/dev/null 2>&1',
  "}",
  "",
  "# Prints one family's transaction: declaring the chain creates or flushes it,",
  "# and the PREROUTING jump is added only when it is missing.",
  "transaction() {",
  "  printf '%s\\n' '*mangle' \":${CHAIN} - [0:0]\"",
  '  if ! "$1" -w -t mangle -C PREROUTING -j "${CHAIN}" >/dev/null 2>&1; then',
  "    printf '%s\\n' \"-A PREROUTING -j ${CHAIN}\"",
  "  fi",
  '  "rules_$1"',
  "  printf '%s\\n' COMMIT",
  "}",
];

// A separate --test pass of IPv4 doubled the load time (2,000 rules: about
// 50 ms of 115 ms) without adding safety: IPv4 goes first and atomically.
const EPILOGUE = [
  "# IPv4 always gets the chain; IPv6 only with IPv6 bundles, or to flush a chain an earlier run created.",
  "payload_iptables=''",
  "payload_ip6tables=''",
  'if (( want_iptables )) || chain_exists iptables; then payload_iptables=$(transaction iptables); fi',
  'if (( want_ip6tables )) || chain_exists ip6tables; then payload_ip6tables=$(transaction ip6tables); fi',
  "",
  "# Feeds a transaction to <family>-restore; extra arguments (--test) pass through.",
  "restore() {",
  '  [[ -z $2 ]] || printf \'%s\\n\' "$2" | "$1-restore" -w --noflush "${@:3}"',
  "}",
  "",
  "# Each restore is one transaction, so a rejected rule changes nothing: IPv6 is",
  "# tested first, then IPv4 applied (a rejection there leaves both families as",
  "# they were), then IPv6 applied.",
  'restore ip6tables "${payload_ip6tables}" --test || die "ip6tables-restore rejected the rules; nothing was changed"',
  'restore iptables "${payload_iptables}" || die "iptables-restore rejected the rules; nothing was changed"',
  'restore ip6tables "${payload_ip6tables}" || die "ip6tables-restore failed; the previous IPv6 rules are unchanged"',
  "printf 'lvs-console install: firewall marks loaded into mangle chain %s\\n' \"${CHAIN}\"",
];

/** The script operators run as root: both families loaded atomically into a dedicated chain, safe to rerun. */
export function renderInstallScript(doc: LvsDocument): string {
  return toText([
    "#!/usr/bin/env bash",
    ...bannerLines("#", doc, "Installs the firewall marks of every bundle on this LVS router (run as root)."),
    `# Rules live in the mangle chain ${MARK_CHAIN}, jumped to from PREROUTING; each family`,
    "# is loaded in one iptables-restore --noflush transaction, so running it again changes nothing.",
    ...PROLOGUE,
    "",
    ...rulesFunction(doc, 4),
    "",
    ...rulesFunction(doc, 6),
    "",
    "want_iptables=1",
    `want_ip6tables=${hasFamily(doc, 6) ? 1 : 0}`,
    "",
    ...EPILOGUE,
  ]);
}
