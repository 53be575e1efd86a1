#!/usr/bin/env bash
# Starts the console: installs dependencies, builds when the sources changed,
# applies migrations to DATABASE_URL's database (the embedded SQLite file by
# default, or PostgreSQL), then serves from WEB_CONCURRENCY processes.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_node_modules
ensure_build
npm run -s db:migrate
port="${PORT:-3000}"
echo "LVS Console on http://localhost:${port} (database: $(printf '%s' "${DATABASE_URL:-file:./data/lvs-console.db}" | sed -E 's#^([a-z]+://[^:/@]*:)[^@]*@#\1***@#'))"
exec node scripts/serve.mjs -p "$port"
