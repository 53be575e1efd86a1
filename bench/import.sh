#!/usr/bin/env bash
# import_keepalived_10k_ms: `lvs-console import` of a 10,000-service keepalived.conf
# (10 real servers each) as a whole process, median of 5 runs after one warm-up.
set -euo pipefail
source "$(dirname -- "${BASH_SOURCE[0]}")/lib/common.sh"
cd "${ROOT}"
mkdir -p "${OUT}"
"${TSX[@]}" bench/gen-keepalived.ts
conf="${OUT}/keepalived-10k.conf"
bin/lvs-console import "${conf}" --format keepalived > "${OUT}/import-10k.json" 2> /dev/null
runs=()
for _ in 1 2 3 4 5; do
  runs+=("$(time_ms "${OUT}/import-10k.json" bin/lvs-console import "${conf}" --format keepalived)")
done
note "import keepalived 10k: $(wc -c < "${conf}") bytes in, runs ${runs[*]} ms"
figure import_keepalived_10k_ms "$(median "${runs[@]}")" ms
