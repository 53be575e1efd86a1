#!/usr/bin/env bash
# npm run bench: render, netfilter and web figures, one `name: value unit` line
# each (also written to bench/out/figures.txt). Needs root for the netfilter part.
# BENCH_ONLY=render|import|netfilter|web runs one part; BENCH_PATCHES=... see web/prepare.sh.
set -euo pipefail
source "$(dirname -- "${BASH_SOURCE[0]}")/lib/common.sh"
cd "${ROOT}"
source scripts/lib.sh
only=${BENCH_ONLY:-all}

# What each part runs, installed first as `npm test` does (as root), or named before any work.
needs=()
[[ ${only} == all || ${only} == netfilter ]] && [[ ${EUID} -eq 0 ]] && \
  needs+=(iptables=iptables iptables-restore=iptables nft=nftables shorewall=shorewall ip=iproute2 unshare=util-linux)
[[ ${only} == all || ${only} == web ]] && needs+=(chromium=chromium initdb=postgresql)
# Debian keeps PostgreSQL's server programs (the _pg figures' throwaway server) out of PATH.
for d in /usr/lib/postgresql/*/bin; do [[ -x "$d/initdb" ]] && PATH="$PATH:$d"; done
[[ ${#needs[@]} -gt 0 ]] && ensure_system_packages "${needs[@]}"
export PATH="$PATH:/usr/sbin:/sbin"

mkdir -p "${OUT}"
: > "${OUT}/figures.txt"
started=$(now_ns)

note "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GiB, $(uname -r), node $(node --version), load average $(cut -d' ' -f1-3 /proc/loadavg)"
note "tools: $(iptables --version), $(nft --version | cut -d' ' -f1-2), shorewall $(/usr/sbin/shorewall version 2>/dev/null || echo missing), $(/usr/bin/chromium --version 2>/dev/null || echo chromium missing)"
note "commit $(git rev-parse --short HEAD)"

"${TSX[@]}" bench/gen-documents.ts

if [[ ${only} == all || ${only} == render ]]; then
  # Each size in its own process, so the 10k peak RSS is that document's alone.
  r1=$("${TSX[@]}" bench/render.ts "${OUT}/doc-1k.json" 9)
  r10=$("${TSX[@]}" bench/render.ts "${OUT}/doc-10k.json" 7)
  field() { node -e 'const r = JSON.parse(process.argv[1]); const v = process.argv[2].split(".").reduce((o, k) => o[k], r); console.log(typeof v === "number" ? Math.round(v * 10) / 10 : JSON.stringify(v))' "$1" "$2"; }
  note "render 1k: runs $(field "${r1}" runs) ms; lint $(field "${r1}" lintMedian) ms, renderers $(field "${r1}" renderMedian) ms"
  note "render 10k: runs $(field "${r10}" runs) ms; lint $(field "${r10}" lintMedian) ms, renderers $(field "${r10}" renderMedian) ms; per format $(field "${r10}" perFormat) ms; $(field "${r10}" bytes) bytes out"
  figure render_all_1k_ms "$(field "${r1}" median)" ms
  figure render_all_10k_ms "$(field "${r10}" median)" ms
  figure render_cpu_10k_ms "$(field "${r10}" cpuMedian)" ms
  figure render_peak_rss_10k_mb "$(field "${r10}" peakRssMb)" MB
  figure render_growth_10k_over_1k "$(ratio "$(field "${r10}" median)" "$(field "${r1}" median)")" x
fi

if [[ ${only} == all || ${only} == import ]]; then
  bash bench/import.sh
fi

if [[ ${only} == all || ${only} == netfilter ]]; then
  if [[ ${EUID} -ne 0 ]]; then
    note "netfilter figures skipped: they need root (network namespaces)"
  else
    bash bench/netfilter.sh
  fi
fi

if [[ ${only} == all || ${only} == web ]]; then
  [[ -x /usr/bin/chromium ]] || { echo "bench: /usr/bin/chromium is needed for route_js_kb_gz" >&2; exit 1; }
  bash bench/web/prepare.sh
  "${TSX[@]}" bench/web/web.ts "${OUT}/app" "${BENCH_PORT:-3417}" sqlite
  # The same figures with PostgreSQL (suffix _pg), on a throwaway server.
  pg_server=$(node scripts/temp-postgres.mjs start)
  trap 'node scripts/temp-postgres.mjs stop "${pg_server%% *}"' EXIT
  BENCH_POSTGRES_URL="${pg_server#* }" "${TSX[@]}" bench/web/web.ts "${OUT}/app" "${BENCH_PORT:-3417}" postgresql
fi

note "bench took $(( ($(now_ns) - started) / 1000000000 )) s"
