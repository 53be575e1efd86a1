#!/usr/bin/env bash
# Runs the whole test suite: installs what the tests need when missing (system
# tools as root, node modules), then type-checks and runs the unit, integration,
# netfilter and end-to-end suites.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

# command=Debian package; installed as root, or named for the user to install.
ensure_system_packages chromium=chromium iptables=iptables ip6tables=iptables nft=nftables \
  keepalived=keepalived shellcheck=shellcheck ip=iproute2 ipvsadm=ipvsadm
export PATH="$PATH:/usr/sbin:/sbin"

ensure_node_modules
npm run -s prisma:generate >/dev/null

echo "==> type-check"
node_modules/.bin/tsc --noEmit

echo "==> unit, integration and netfilter tests (vitest)"
node_modules/.bin/vitest run

echo "==> end-to-end tests (Playwright, Chromium)"
ensure_build
node_modules/.bin/playwright test
