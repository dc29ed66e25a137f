#!/usr/bin/env bash
# `npm test`: every suite runs even when an earlier one fails, and the end lists each suite's result, so one
# failure never hides another. Exits non-zero when any suite failed.
set -uo pipefail
cd "$(dirname "$0")/.."

# test:firmware builds the virtual board that unit and browser tests drive, so it runs before them.
SUITES=(lint typecheck test:firmware test:unit test:e2e)
failed=()
summary=()
for suite in "${SUITES[@]}"; do
  echo
  echo "######## npm run $suite"
  start=$SECONDS
  if npm run --silent "$suite"; then
    summary+=("  ok      $suite ($((SECONDS - start)) s)")
  else
    summary+=("  FAILED  $suite ($((SECONDS - start)) s)")
    failed+=("$suite")
  fi
done

echo
echo "######## npm test summary"
printf '%s\n' "${summary[@]}"
if ((${#failed[@]} > 0)); then
  echo "npm test: ${#failed[@]} of ${#SUITES[@]} suites failed: ${failed[*]}"
  exit 1
fi
echo "npm test: all ${#SUITES[@]} suites passed"
