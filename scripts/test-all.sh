#!/usr/bin/env bash
# npm test — everything CI runs: lint, typecheck, unit and integration tests on the embedded
# database, the integration tests again on PostgreSQL, the production build, the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
started=$SECONDS

step "lint"; npm run -s lint
step "typecheck"; npm run -s typecheck
# The embedded pass runs on PGlite even when TEST_DATABASE_URL is set (CI sets it for the next pass).
step "unit + integration tests (PGlite)"; env -u TEST_DATABASE_URL npx vitest run

step "integration tests (PostgreSQL)"
created=""
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  if created=$(npx tsx scripts/test-db.ts create 2>/dev/null); then
    export TEST_DATABASE_URL="$created"
    trap 'npx tsx scripts/test-db.ts drop "$created" >/dev/null 2>&1 || true' EXIT
  fi
fi
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "on ${TEST_DATABASE_URL%%\?*}"
  npx vitest run --project integration
elif [ -n "${CI:-}" ]; then
  echo "PostgreSQL is not reachable at 127.0.0.1:5432 and TEST_DATABASE_URL is not set." >&2
  exit 1
else
  echo "SKIPPED: no PostgreSQL at 127.0.0.1:5432; set TEST_DATABASE_URL to run this pass." >&2
fi

step "production build"; npx next build
step "browser tests (Playwright, Chromium)"; npx playwright test

printf '\n\033[1mAll green in %d s.\033[0m\n' $((SECONDS - started))
