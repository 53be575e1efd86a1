#!/usr/bin/env bash
# The server Playwright tests against: the production build on a fresh database.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${DATABASE_URL:-}" == file:* ]]; then
  db="${DATABASE_URL#file:}"
  rm -rf "$(dirname "$db")"
  mkdir -p -m 700 "$(dirname "$db")"
fi
npm run -s db:migrate
exec node scripts/serve.mjs -p "${PORT:-3100}"
