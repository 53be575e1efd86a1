#!/usr/bin/env bash
# Starts the console: installs dependencies, builds when the sources changed,
# applies migrations to the embedded SQLite database, then serves.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_node_modules
ensure_build
npm run -s db:migrate
port="${PORT:-3000}"
echo "LVS Console on http://localhost:${port} (database: ${DATABASE_URL:-file:./data/lvs-console.db})"
exec node scripts/serve.mjs -p "$port"
