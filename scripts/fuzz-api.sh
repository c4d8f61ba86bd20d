#!/usr/bin/env bash
# OpenAPI fuzzing of the API with schemathesis: every documented operation, anonymously and signed in as each demo
# account (one per role), checking that no answer is a server error (5xx). See README.md, "Fuzzing the API".
#
#   scripts/fuzz-api.sh                      starts its own local stack (npm start's, on ports of its own), fuzzes, stops it
#   FUZZ_URL=http://127.0.0.1:3000 scripts/fuzz-api.sh   fuzzes a stack already running there (demo data needed)
#
# FUZZ_MAX_EXAMPLES (default 25) bounds the cases per operation; FUZZ_SEED makes a run repeatable. Only a local
# target (127.0.0.1 or localhost) is accepted. Reports go to .data/fuzz/<who>/; the exit status is 1 on any 5xx.
set -euo pipefail
cd "$(dirname "$0")/.."

MAX_EXAMPLES=${FUZZ_MAX_EXAMPLES:-25}
SEED=${FUZZ_SEED:-$RANDOM}
OUT=.data/fuzz
mkdir -p "$OUT"

schemathesis=${SCHEMATHESIS:-$(command -v schemathesis || true)}
if [ -z "$schemathesis" ]; then
  if [ ! -x .data/fuzz-venv/bin/schemathesis ]; then
    echo "Installing schemathesis into .data/fuzz-venv…"
    python3 -m venv .data/fuzz-venv && .data/fuzz-venv/bin/pip install -q schemathesis
  fi
  schemathesis=.data/fuzz-venv/bin/schemathesis
fi

stack_pid=''
# SIGTERM: a background job of a script ignores SIGINT
stop_stack() { if [ -n "$stack_pid" ]; then kill -TERM "$stack_pid" 2>/dev/null && wait "$stack_pid" 2>/dev/null || true; fi; }
trap stop_stack EXIT

BASE=${FUZZ_URL:-}
if [ -z "$BASE" ]; then
  port=${FUZZ_API_PORT:-3917}
  BASE="http://127.0.0.1:$port"
  echo "Starting a local stack for the fuzzing (log: $OUT/stack.log)…"
  API_PORT=$port POSTGRES_PORT=5917 TEMPORAL_PORT=7917 TEMPORAL_UI_PORT=8917 STRIPE_MOCK_PORT=12917 SMTP_PORT=1917 \
    MAIL_UI_PORT=1918 node --import tsx dev/start.ts >"$OUT/stack.log" 2>&1 &
  stack_pid=$!
  for _ in $(seq 1 180); do
    curl -sf "$BASE/health" >/dev/null 2>&1 && break
    kill -0 "$stack_pid" 2>/dev/null || { echo "The stack stopped; see $OUT/stack.log" >&2; exit 2; }
    sleep 2
  done
fi
if ! [[ "$BASE" =~ ^http://(127\.0\.0\.1|localhost)(:[0-9]+)?$ ]]; then
  echo "FUZZ_URL must be a local address (http://127.0.0.1:<port>), not $BASE" >&2
  exit 2
fi
curl -sf "$BASE/health" >/dev/null || { echo "No API answers at $BASE/health" >&2; exit 2; }

# every session opens before any fuzzing: fuzzed logins soon meet the per-address limit
declare -A cookies=([anonyme]='')
while IFS=$'\t' read -r role email password; do
  [ -n "${cookies[$role]+set}" ] && continue
  body=$(printf '{"email":"%s","password":"%s"}' "$email" "$password")
  token=$(curl -s -D - -o /dev/null -H 'content-type: application/json' -H "origin: $BASE" -d "$body" \
    "$BASE/api/auth/login" | sed -n 's/^[Ss]et-[Cc]ookie: tap_session=\([^;]*\).*/\1/p')
  if [ -z "$token" ]; then echo "Could not sign in as $email ($role)" >&2; exit 2; fi
  cookies[$role]="tap_session=$token"
done < <(node --import tsx --input-type=module -e "
  const { DEMO_ACCOUNTS } = await import('./dev/demo-data.ts');
  for (const a of DEMO_ACCOUNTS) console.log([a.role, a.email, a.password].join('\t'));
")

failed=()
# the admin last: what it changes (roles, bans) must not cut the other runs short
for who in anonyme donateur porteur directeur gestionnaire mecene validateur admin; do
  [ -n "${cookies[$who]+set}" ] || continue
  echo "== schemathesis as $who (max $MAX_EXAMPLES cases per operation, seed $SEED)"
  headers=(-H "Origin: $BASE")
  exclude=()
  if [ -n "${cookies[$who]}" ]; then
    headers+=(-H "Cookie: ${cookies[$who]}")
    exclude=(--exclude-path /api/auth/logout --exclude-path /api/auth/login)
  fi
  if ! "$schemathesis" run "$BASE/api/openapi.json" --url "$BASE" "${headers[@]}" "${exclude[@]}" \
    --checks not_a_server_error --max-examples "$MAX_EXAMPLES" --seed "$SEED" --workers 2 \
    --phases examples,coverage,fuzzing --suppress-health-check all --request-timeout 30 \
    --report junit --report-dir "$OUT/$who" >"$OUT/$who.log" 2>&1; then
    failed+=("$who")
  fi
  tail -n 4 "$OUT/$who.log"
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "Server errors (or failed runs) as: ${failed[*]} — details in $OUT/<who>.log" >&2
  exit 1
fi
echo "No server error in any run."
