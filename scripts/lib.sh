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
