#!/usr/bin/env bash
# Builds the console from the committed HEAD in bench/out/app (a copy, so the
# shared checkout's .next and database stay untouched), unless that build is
# already of HEAD. node_modules is hard-linked, not copied.
set -euo pipefail
source "$(dirname -- "${BASH_SOURCE[0]}")/../lib/common.sh"
APP="${OUT}/app"
# BENCH_PATCHES: patch files (relative to the repo) applied to the copy before
# building, to measure a proposed product fix; empty measures HEAD as it is.
patches=${BENCH_PATCHES:-}
head="$(git -C "${ROOT}" rev-parse HEAD) ${patches}"
if [[ -f "${APP}/.next/BUILD_ID" && "$(cat "${APP}/.bench-head" 2>/dev/null)" == "${head}" ]]; then
  echo "  # web: reusing the build of ${head:0:12}"
  exit 0
fi
rm -rf "${APP}"
mkdir -p "${APP}"
git -C "${ROOT}" archive HEAD | tar -x -C "${APP}"
cp -al "${ROOT}/node_modules" "${APP}/node_modules"
cd "${APP}"
for p in ${patches}; do
  patch -s -p1 < "${ROOT}/${p}"
  note "web: applied ${p} to the copy"
done
start=$(now_ns)
npm run -s prisma:generate > "${OUT}/web-build.log" 2>&1
NEXT_TELEMETRY_DISABLED=1 node_modules/.bin/next build >> "${OUT}/web-build.log" 2>&1 || { tail -40 "${OUT}/web-build.log" >&2; exit 1; }
echo "${head}" > .bench-head
note "web: built ${head:0:12} in $(( ($(now_ns) - start) / 1000000000 )) s (log: bench/out/web-build.log)"
