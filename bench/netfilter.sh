#!/usr/bin/env bash
# Netfilter figures: Shorewall compile vs our CLI, per-rule iptables vs the
# install script (2k), and loading 10k marks with the install script and nft.
# Every load happens in a throwaway network namespace; needs root.
set -euo pipefail
source "$(dirname -- "${BASH_SOURCE[0]}")/lib/common.sh"
cd "${ROOT}"

RUNS=${BENCH_RUNS:-3}
NF="${OUT}/netfilter"
mkdir -p "${NF}"
namespaces=()
cleanup() { for ns in "${namespaces[@]}"; do ip netns del "${ns}" 2>/dev/null || true; done; }
trap cleanup EXIT

fresh_ns() {
  local ns="lvsbench-$$-${RANDOM}"
  ip netns add "${ns}"
  ip -n "${ns}" link set lo up
  namespaces+=("${ns}")
  echo "${ns}"
}

drop_ns() { ip netns del "$1" 2>/dev/null || true; }

render() { bin/lvs-console render "$1" --format "$2"; }

# --- Shorewall compile vs our CLI (whole processes) -------------------------
SW="${NF}/shorewall"
rm -rf "${SW}" && mkdir -p "${SW}"
for f in /usr/share/doc/shorewall/examples/Universal/*; do
  case "${f}" in *.annotated*) ;; *.gz) zcat "${f}" > "${SW}/$(basename "${f}" .gz)" ;; *) cp "${f}" "${SW}/" ;; esac
done
# Marks up to 65535 need 16 traffic-control bits; LOGFILE must exist for `show`.
sed -i 's#^TC_BITS=.*#TC_BITS=16#; s#^MASK_BITS=.*#MASK_BITS=16#; s#^PROVIDER_OFFSET=.*#PROVIDER_OFFSET=16#; s#^PROVIDER_BITS=.*#PROVIDER_BITS=8#; s#^LOGFILE=.*#LOGFILE=/var/log/messages#' "${SW}/shorewall.conf"
# The capabilities file lets `compile -e` run without probing; it is probed once, untimed, in a namespace.
ns=$(fresh_ns)
ip netns exec "${ns}" unshare -m sh -c 'mount -t tmpfs none /var/log && touch /var/log/messages && /usr/sbin/shorewall show -f capabilities' > "${SW}/capabilities"
drop_ns "${ns}"
sw_rules=$("${TSX[@]}" bench/gen-shorewall.ts "${OUT}/doc-10k.json" "${SW}")

# What a precompiled CLI would give (the proposed product fix): the same
# bin/cli.ts bundled by esbuild (tsx's own dependency) and run by plain node.
"${ROOT}/node_modules/.bin/esbuild" bin/cli.ts --bundle --platform=node --format=esm --target=node20 --log-level=warning --outfile="${NF}/cli-bundle.mjs"
bundled() { node "${NF}/cli-bundle.mjs" render "$1" --format "$2"; }

# Interleaved, so a burst of load on this shared machine hits every contender;
# the CLI runs are cheap, so they get more samples than Shorewall.
sw=() cli=() boot=() bundle=()
for run in $(seq $(( RUNS + 2 ))); do
  bundle+=("$(time_ms "${NF}/install-10k-bundled.sh" bundled "${OUT}/doc-10k.json" install-script)")
  (( run > RUNS )) || sw+=("$(time_ms "${NF}/shorewall.log" /usr/sbin/shorewall compile -e "${SW}" "${SW}/firewall")")
  cli+=("$(time_ms "${NF}/install-10k.sh" render "${OUT}/doc-10k.json" install-script)")
  boot+=("$(time_ms /dev/null bin/lvs-console formats)")
done
grep -q 'set-mark 10999' "${SW}/firewall" || { echo "shorewall output lacks the last mark" >&2; exit 1; }
cmp -s "${NF}/install-10k.sh" "${NF}/install-10k-bundled.sh" || { echo "bundled CLI output differs" >&2; exit 1; }
bundle_ms=$(median "${bundle[@]}")
sw_ms=$(median "${sw[@]}")
cli_ms=$(median "${cli[@]}")
boot_ms=$(median "${boot[@]}")
note "shorewall compile -e (${sw_rules} MARK rules): runs ${sw[*]} ms, median ${sw_ms} ms"
note "lvs-console render doc-10k --format install-script: runs ${cli[*]} ms, median ${cli_ms} ms"
note "lvs-console formats (start-up only: node + the CLI bundle): median ${boot_ms} ms"
figure shorewall_compile_10k_ms "${sw_ms}" ms
figure cli_install_script_10k_ms "${cli_ms}" ms
figure cli_startup_ms "${boot_ms}" ms
figure shorewall_ratio_10k "$(ratio "${sw_ms}" "${cli_ms}")" x
note "same render through an esbuild bundle of bin/cli.ts (no tsx): runs ${bundle[*]} ms"
figure cli_bundled_install_script_10k_ms "${bundle_ms}" ms
figure shorewall_ratio_10k_bundled_cli "$(ratio "${sw_ms}" "${bundle_ms}")" x

# --- 2,000 rules: one iptables process per rule vs the install script -------
render "${OUT}/doc-2k.json" iptables > "${NF}/iptables-2k.sh"
render "${OUT}/doc-2k.json" install-script > "${NF}/install-2k.sh"
per_rule=() restore=()
for _ in $(seq "${RUNS}"); do
  ns=$(fresh_ns)
  per_rule+=("$(time_ms /dev/null ip netns exec "${ns}" sh "${NF}/iptables-2k.sh")")
  per_rule_count=$(ip netns exec "${ns}" iptables-save -t mangle | grep -c -- '--set-xmark' || true)
  drop_ns "${ns}"
  ns=$(fresh_ns)
  restore+=("$(time_ms /dev/null ip netns exec "${ns}" bash "${NF}/install-2k.sh")")
  restore_count=$(ip netns exec "${ns}" iptables-save -t mangle | grep -c -- '--set-xmark' || true)
  drop_ns "${ns}"
done
restore_ms=$(median "${restore[@]}")
per_rule_ms=$(median "${per_rule[@]}")
note "2k per-rule iptables: runs ${per_rule[*]} ms for ${per_rule_count} rules; install script runs ${restore[*]} ms (${restore_count} rules)"
figure per_rule_load_2k_ms "${per_rule_ms}" ms
figure install_script_load_2k_ms "${restore_ms}" ms
figure per_rule_vs_restore_ratio_2k "$(ratio "${per_rule_ms}" "${restore_ms}")" x

# --- 10,000 bundles: install script and nft -f -----------------------------
render "${OUT}/doc-10k.json" nftables > "${NF}/marks-10k.nft"
inst=() nft=()
for _ in $(seq "${RUNS}"); do
  ns=$(fresh_ns)
  inst+=("$(time_ms /dev/null ip netns exec "${ns}" bash "${NF}/install-10k.sh")")
  inst_count=$(ip netns exec "${ns}" iptables-save -t mangle | grep -c -- '--set-xmark' || true)
  drop_ns "${ns}"
  ns=$(fresh_ns)
  nft+=("$(time_ms /dev/null ip netns exec "${ns}" nft -f "${NF}/marks-10k.nft")")
  nft_count=$(ip netns exec "${ns}" nft list map inet lvs_console fwmark_ipv4 | grep -cE ' : 0x[0-9a-f]+[,}]?' || true)
  drop_ns "${ns}"
done
note "10k install script runs ${inst[*]} ms (${inst_count} rules); nft -f runs ${nft[*]} ms (${nft_count} map elements)"
figure install_script_load_10k_ms "$(median "${inst[@]}")" ms
figure nftables_load_10k_ms "$(median "${nft[@]}")" ms
