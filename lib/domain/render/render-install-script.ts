import { modelOf, type DerivedModel, type ModelInput } from "../model/derive-model";
import type { Family } from "../model/address";
import { MARK_CHAIN, chainRuleBlock, iptablesCommand } from "./mangle-rules";
import { NAT_CHAIN, masqueradeOf, natRuleLines } from "./nat-rules";
import { bannerLines, toText } from "./text";

const HEREDOC = "LVS_CONSOLE_RULES";

// The rules go through a quoted here-document, so the shell never expands them;
// every token in them was validated by the schema before rendering.
function rulesFunction(name: string, rules: string): string[] {
  if (rules === "") return [`${name}() {`, "  :", "}"];
  return [`${name}() {`, `  cat <<'${HEREDOC}'`, rules, HEREDOC, "}"];
}

const PROLOGUE = [
  "set -euo pipefail",
  "",
  `readonly CHAIN=${MARK_CHAIN}`,
  `readonly NAT_CHAIN=${NAT_CHAIN}`,
  "",
  "die() {",
  "  printf 'lvs-console install: %s\\n' \"$*\" >&2",
  "  exit 1",
  "}",
  "",
  '[[ ${EUID} -eq 0 ]] || die "must run as root"',
  "for tool in iptables iptables-restore iptables-save ip6tables ip6tables-restore ip6tables-save; do",
  '  command -v "${tool}" >/dev/null 2>&1 || die "${tool} not found (install the iptables package)"',
  "done",
  "",
  "# chain_exists TOOL TABLE CHAIN",
  "chain_exists() {",
  '  "$1" -w -t "$2" -S "$3" >/dev/null 2>&1',
  "}",
  "",
  "# Prints one table of a family's transaction (TOOL TABLE HOOK CHAIN RULES): declaring",
  "# the chain creates or flushes it, and the jump is added only when it is missing.",
  "table_transaction() {",
  "  printf '%s\\n' \"*$2\" \":$4 - [0:0]\"",
  '  if ! "$1" -w -t "$2" -C "$3" -j "$4" >/dev/null 2>&1; then',
  "    printf '%s\\n' \"-A $3 -j $4\"",
  "  fi",
  '  "$5"',
  "  printf '%s\\n' COMMIT",
  "}",
  "",
  "# One family's transaction (TOOL WITH_NAT): the mark chain, and the nat chain when asked.",
  "transaction() {",
  '  table_transaction "$1" mangle PREROUTING "${CHAIN}" "marks_$1"',
  '  if (( $2 )); then table_transaction "$1" nat POSTROUTING "${NAT_CHAIN}" "nat_$1"; fi',
  "}",
  "",
  "# The tables a run may touch (TOOL WITH_NAT), as they are now: what a failed run puts back.",
  "snapshot() {",
  '  "$1-save" -t mangle',
  '  if (( $2 )); then "$1-save" -t nat; fi',
  "}",
  "",
  "# A snapshot without comments and counters, for comparing.",
  "plain_tables() { grep -v '^#' | sed 's/\\[[0-9]*:[0-9]*\\]//g'; }",
  "",
  "# Puts a family's snapshot back (TOOL SNAPSHOT WITH_NAT): restoring a whole table drops anything the",
  "# failed run added (its packet counters restart from zero). A rejected transaction commits nothing",
  "# (nf_tables: the whole input is one); then the tables stay untouched, as nft lists them too.",
  "roll_back() {",
  '  [[ -z $2 ]] && return 0',
  '  [[ $(snapshot "$1" "$3" | plain_tables) == $(printf \'%s\\n\' "$2" | plain_tables) ]] && return 0',
  '  printf \'%s\\n\' "$2" | "$1-restore" -w || printf \'lvs-console install: %s\\n\' "could not put the previous $1 rules back; check them with $1-save" >&2',
  "}",
];

// A separate --test pass of IPv4 doubled the load time (2,000 rules: about
// 50 ms of 115 ms) without adding safety: a failed IPv4 apply is rolled back
// from the snapshot (needed anyway once the nat table joins the transaction).
const EPILOGUE = [
  "# IPv4 always gets the mark chain; IPv6 only with IPv6 bundles, or to flush a chain an earlier run",
  "# created. The nat chain likewise: with active FTP under NAT, or to flush an earlier run's.",
  "nat_iptables=0",
  "nat_ip6tables=0",
  'if (( want_nat_iptables )) || chain_exists iptables nat "${NAT_CHAIN}"; then nat_iptables=1; fi',
  'if (( want_nat_ip6tables )) || chain_exists ip6tables nat "${NAT_CHAIN}"; then nat_ip6tables=1; fi',
  "payload_iptables=''",
  "payload_ip6tables=''",
  "saved_iptables=''",
  "saved_ip6tables=''",
  'if (( want_iptables )) || chain_exists iptables mangle "${CHAIN}" || (( nat_iptables )); then',
  '  payload_iptables=$(transaction iptables "${nat_iptables}")',
  '  saved_iptables=$(snapshot iptables "${nat_iptables}")',
  "fi",
  'if (( want_ip6tables )) || chain_exists ip6tables mangle "${CHAIN}" || (( nat_ip6tables )); then',
  '  payload_ip6tables=$(transaction ip6tables "${nat_ip6tables}")',
  '  saved_ip6tables=$(snapshot ip6tables "${nat_ip6tables}")',
  "fi",
  "",
  "# Feeds a transaction to <family>-restore; extra arguments (--test) pass through.",
  "restore() {",
  '  [[ -z $2 ]] || printf \'%s\\n\' "$2" | "$1-restore" -w --noflush "${@:3}"',
  "}",
  "",
  "# IPv6 is tested first, then IPv4 applied, then IPv6 applied. A family's tables commit",
  "# one by one, and IPv6 can still fail after IPv4 is in, so any failed apply puts both",
  "# families back from their snapshots: a failing run leaves every table as it was.",
  'restore ip6tables "${payload_ip6tables}" --test || die "ip6tables-restore rejected the rules; nothing was changed"',
  'if ! restore iptables "${payload_iptables}"; then',
  '  roll_back iptables "${saved_iptables}" "${nat_iptables}"',
  '  die "iptables-restore rejected the rules; nothing was changed"',
  "fi",
  'if ! restore ip6tables "${payload_ip6tables}"; then',
  '  roll_back ip6tables "${saved_ip6tables}" "${nat_ip6tables}"',
  '  roll_back iptables "${saved_iptables}" "${nat_iptables}"',
  '  die "ip6tables-restore failed to apply the rules; both families were put back, nothing was changed"',
  "fi",
  "printf 'lvs-console install: firewall marks loaded into mangle chain %s\\n' \"${CHAIN}\"",
];

function familyFunctions(model: DerivedModel, family: Family): string[] {
  const tool = iptablesCommand(family);
  return [
    ...rulesFunction(`marks_${tool}`, chainRuleBlock(model, family, MARK_CHAIN)),
    "",
    ...rulesFunction(`nat_${tool}`, natRuleLines(model, family, NAT_CHAIN).join("\n")),
  ];
}

/** The script operators run as root: both families loaded in one transaction each into dedicated chains, safe to rerun. */
export function renderInstallScript(input: ModelInput): string {
  const model = modelOf(input);
  const nat = (family: Family) => (masqueradeOf(model, family) === null ? 0 : 1);
  return toText([
    "#!/usr/bin/env bash",
    ...bannerLines("#", model.doc, "Installs the firewall marks of every bundle on this LVS router (run as root)."),
    `# Rules live in the mangle chain ${MARK_CHAIN}, jumped to from PREROUTING (active FTP under`,
    `# NAT: nat chain ${NAT_CHAIN}, from POSTROUTING); each family is loaded in one`,
    "# iptables-restore --noflush transaction, so running it again changes nothing.",
    ...PROLOGUE,
    "",
    ...familyFunctions(model, 4),
    "",
    ...familyFunctions(model, 6),
    "",
    "want_iptables=1",
    `want_ip6tables=${model.ruleSetsOf(6).length > 0 ? 1 : 0}`,
    `want_nat_iptables=${nat(4)}`,
    `want_nat_ip6tables=${nat(6)}`,
    "",
    ...EPILOGUE,
  ]);
}
