#!/usr/bin/env bash
# Runs the whole test suite: installs what the tests need when missing (system
# tools as root, node modules), then type-checks and runs the unit, integration,
# netfilter and end-to-end suites, and the integration suite once more against a
# throwaway PostgreSQL server (scripts/temp-postgres.mjs), stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

# command -> Debian package
declare -A needed=(
  [chromium]=chromium [iptables]=iptables [ip6tables]=iptables [nft]=nftables
  [keepalived]=keepalived [shellcheck]=shellcheck [ip]=iproute2 [ipvsadm]=ipvsadm
  [initdb]=postgresql [pg_ctl]=postgresql
)
# Debian keeps PostgreSQL's server programs out of PATH.
pg_bin=""; for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && pg_bin=$d; done
[ -n "$pg_bin" ] && PATH="$PATH:$pg_bin"
missing=()
for cmd in "${!needed[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || PATH="$PATH:/usr/sbin:/sbin" command -v "$cmd" >/dev/null 2>&1 || missing+=("${needed[$cmd]}")
done
if [ ${#missing[@]} -gt 0 ]; then
  mapfile -t pkgs < <(printf '%s\n' "${missing[@]}" | sort -u)
  if [ "$(id -u)" = 0 ]; then
    echo "==> installing system packages: ${pkgs[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${pkgs[@]}"
  else
    echo "The tests need these Debian packages: ${pkgs[*]}" >&2
    echo "Install them as root:  apt-get install -y ${pkgs[*]}" >&2
    echo "(network-namespace tests also need root; without it they are skipped and CI=true fails them)" >&2
    exit 1
  fi
fi
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
