# shellcheck shell=bash
# Shared steps of scripts/start.sh and scripts/test.sh.

# Installs node_modules from package-lock.json when missing or out of date.
ensure_node_modules() {
  local stamp=node_modules/.lvs-console-installed
  if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ] || [ package.json -nt "$stamp" ]; then
    # `npm install`, not `npm ci`: the registry here lacks the other platforms'
    # optional Next.js compiler packages, which `npm ci` insists on finding.
    echo "==> installing dependencies (npm install from package-lock.json)"
    npm install --no-audit --no-fund
    touch "$stamp"
  fi
}

# Builds the production bundle when no build exists or any source is newer than it.
ensure_build() {
  local marker=.next/BUILD_ID
  if [ ! -f lib/generated/prisma/client.ts ] || [ prisma/schema.prisma -nt lib/generated/prisma/client.ts ] ||
     [ ! -f lib/generated/prisma-postgresql/client.ts ] || [ prisma/schema.prisma -nt lib/generated/prisma-postgresql/client.ts ]; then
    npm run -s prisma:generate
  fi
  if [ -f "$marker" ] && [ -z "$(find app components lib prisma next.config.js package-lock.json \
        -newer "$marker" -type f ! -path 'lib/generated/*' -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  echo "==> building (next build)"
  NEXT_TELEMETRY_DISABLED=1 node_modules/.bin/next build
}

# Installs the Debian packages behind missing commands: ensure_system_packages CMD=PACKAGE...
# As root it runs apt-get (INSTALL_PACKAGES=no only reports); otherwise it says
# what to install and exits 1, before any other work is done.
ensure_system_packages() {
  local pair cmd missing=()
  for pair in "$@"; do
    cmd=${pair%%=*}
    command -v "$cmd" >/dev/null 2>&1 || PATH="$PATH:/usr/sbin:/sbin" command -v "$cmd" >/dev/null 2>&1 || missing+=("${pair#*=}")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local pkgs
  mapfile -t pkgs < <(printf '%s\n' "${missing[@]}" | sort -u)
  if [ "$(id -u)" = 0 ] && [ "${INSTALL_PACKAGES:-yes}" != no ]; then
    echo "==> installing system packages: ${pkgs[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${pkgs[@]}"
  else
    echo "These Debian packages are needed: ${pkgs[*]}" >&2
    echo "Install them as root:  apt-get install -y ${pkgs[*]}" >&2
    exit 1
  fi
}
