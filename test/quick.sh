#!/usr/bin/env bash
# The quick loop while working: the type check, lint of the changed files, and the Vitest files the change touches.
#   npm run check                  against the last commit: uncommitted and new files
#   npm run check -- finance       the Vitest files of the named modules instead (server, shared and web parts)
#   CHECK_BASE=main npm run check  against another commit or branch
# The whole suite, with the journeys, is `npm test`.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${CHECK_BASE:-HEAD}

mapfile -t changed < <({
  git diff --name-only --diff-filter=d "$base" -- '*.ts' '*.tsx' '*.js'
  git ls-files --others --exclude-standard -- '*.ts' '*.tsx' '*.js'
} | sort -u)

npm run --silent typecheck &
typecheck=$!
if [ ${#changed[@]} -gt 0 ]; then npx eslint --max-warnings 0 "${changed[@]}"; fi
wait $typecheck

if [ $# -gt 0 ]; then
  paths=()
  for module in "$@"; do
    for dir in "src/server/modules/$module" "src/shared/$module" "src/web/features/$module"; do
      [ -d "$dir" ] && paths+=("$dir")
    done
  done
  [ ${#paths[@]} -gt 0 ] || { echo "no module named: $*" >&2; exit 2; }
  npx vitest run "${paths[@]}"
else
  # The test files that import a changed file, directly or through others.
  npx vitest run --changed "$base" --passWithNoTests
fi
