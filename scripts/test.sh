#!/usr/bin/env bash
# Runs the whole test suite: installs what the tests need when missing (system
# tools as root, node modules), then type-checks and runs the unit, integration,
# netfilter and end-to-end suites, and the integration suite once more against a
# throwaway PostgreSQL server (scripts/temp-postgres.mjs), stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

# Debian keeps PostgreSQL's server programs out of PATH.
pg_bin=""; for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && pg_bin=$d; done
[ -n "$pg_bin" ] && PATH="$PATH:$pg_bin"
# command=Debian package; installed as root, or named for the user to install.
ensure_system_packages chromium=chromium iptables=iptables ip6tables=iptables nft=nftables \
  keepalived=keepalived shellcheck=shellcheck ip=iproute2 ipvsadm=ipvsadm \
  initdb=postgresql pg_ctl=postgresql
export PATH="$PATH:/usr/sbin:/sbin"

ensure_node_modules
npm run -s prisma:generate >/dev/null

echo "==> starting a throwaway PostgreSQL server"
pg_server=$(node scripts/temp-postgres.mjs start)
pg_dir=${pg_server%% *}
pg_url=${pg_server#* }
trap 'node scripts/temp-postgres.mjs stop "$pg_dir"' EXIT
# `migrate --check` diffs PostgreSQL's migrations on this server too.
export MIGRATE_POSTGRES_URL="$pg_url"

echo "==> type-check"
node_modules/.bin/tsc --noEmit

# The integration suite serves the production build from several processes too.
ensure_build

# Each pass leaves out the other database's migration tests (they would only skip).
echo "==> unit, integration and netfilter tests (vitest, SQLite)"
node_modules/.bin/vitest run --exclude test/integration/migrations-postgresql.test.ts

echo "==> integration tests against PostgreSQL"
TEST_POSTGRES_URL="$pg_url" node_modules/.bin/vitest run --project integration \
  --exclude test/integration/migrations.test.ts --exclude test/integration/username-case.test.ts

echo "==> end-to-end tests (Playwright, Chromium)"
node_modules/.bin/playwright test
