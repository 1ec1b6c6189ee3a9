#!/usr/bin/env bash
# Every test, one step after another (`npm test`): the type check, lint, the build (the web client, and the server
# compiled as production runs it, which the process tests and the journeys start), the Vitest files on PGlite and
# PostgreSQL, and the Playwright journeys in Chromium. Each step prints its duration as it ends and has a time limit,
# two to three times what it takes on a two-core machine or more (docs/testing.md): a step that runs over it is stopped
# with everything it started, and the run fails naming it. A test that hangs fails sooner, by its own name: Vitest gives
# a test 30 s and a hook 120 s; Playwright a journey 60 s (or what it sets), and all journeys together TEST_E2E_LIMIT
# seconds, after which it names the journeys still running (the step itself has a minute more).
#
# TEST_CHECK_LIMIT, TEST_BUILD_LIMIT, TEST_UNIT_LIMIT and TEST_E2E_LIMIT (seconds) set the limits for a slower machine.
set -euo pipefail

cd "$(dirname "$0")/.."
# The journeys took 568 s on the machines of November and 903–1,110 s on a slower one of 7 December 2026.
export TEST_E2E_LIMIT="${TEST_E2E_LIMIT:-1800}"

durations=()
current_session=''

# Stops every process of a step's session: the step itself, and what it started and left behind (web servers,
# a database server, a browser), even those that made process groups of their own.
stop_session() {
  local session=$1
  pkill -TERM -s "$session" 2>/dev/null || return 0
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    pgrep -s "$session" >/dev/null || return 0
    sleep 1
  done
  pkill -KILL -s "$session" 2>/dev/null || true
}

# The run stopped from outside (CI's own limit, Ctrl-C): the current step goes with it.
trap '[ -n "$current_session" ] && stop_session "$current_session"; exit 143' TERM INT

# step NAME LIMIT COMMAND...: runs COMMAND in a session of its own, at most LIMIT seconds.
step() {
  local name=$1 limit=$2
  shift 2
  local began=$SECONDS status=0 session_file
  session_file=$(mktemp)
  printf '\n==> %s (at most %d s)\n' "$name" "$limit"
  # setsid makes the command the leader of a new session, whose id it writes down before it becomes the command.
  timeout --kill-after=15 "$limit" setsid bash -c 'echo $$ >"$0"; exec "$@"' "$session_file" "$@" </dev/null &
  current_session=''
  while [ ! -s "$session_file" ] && kill -0 $! 2>/dev/null; do sleep 0.1; done
  current_session=$(cat "$session_file")
  rm -f "$session_file"
  wait $! || status=$?
  [ -n "$current_session" ] && stop_session "$current_session"
  current_session=''
  local took=$((SECONDS - began))
  durations+=("$(printf '%-22s %5d s' "$name" "$took")")
  if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    printf '\n==> %s did not finish within %d s: stopped, with everything it started\n' "$name" "$limit" >&2
    exit 1
  fi
  if [ "$status" -ne 0 ]; then
    printf '\n==> %s failed after %d s\n' "$name" "$took" >&2
    exit "$status"
  fi
  printf '==> %s passed in %d s\n' "$name" "$took"
}

step 'type check' "${TEST_CHECK_LIMIT:-300}" npm run --silent typecheck
step 'lint' "${TEST_CHECK_LIMIT:-300}" npm run --silent lint
step 'build' "${TEST_BUILD_LIMIT:-120}" npm run --silent build
step 'vitest' "${TEST_UNIT_LIMIT:-1200}" npx vitest run
step 'playwright journeys' "$((TEST_E2E_LIMIT + 60))" npx playwright test

printf '\n==> every step passed:\n'
printf '    %s\n' "${durations[@]}"
