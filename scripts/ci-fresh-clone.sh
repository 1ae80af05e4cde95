#!/usr/bin/env bash
# Runs CI (or the command given) in a fresh clone of this checkout's HEAD, in a new directory only
# its owner can enter, with nothing beside the clone. The CI checkout itself hides two kinds of
# dependency a contributor's clone does not have: files next to the project directory and
# parent directories any user can traverse (tests that run the CLI as another uid).
#
#   scripts/ci-fresh-clone.sh              # .ci/run in the clone
#   scripts/ci-fresh-clone.sh npm test     # any command, after `npm ci` there
#
# .ci/run calls it first and the clone's .ci/run then runs every step, so the install and the test
# runs are each done once, in the clone. MCP_LINT_FRESH_CLONE=1 marks the clone's run.
set -euo pipefail
source_dir="$(cd "$(dirname "$0")/.." && pwd)"

commit="$(git -C "$source_dir" rev-parse HEAD)"
# A clone holds commits only: what is not committed is not tested, so say so where it shows.
if [ -n "$(git -C "$source_dir" status --porcelain)" ]; then
  echo "ci-fresh-clone: uncommitted changes in $source_dir are not in the clone; testing $commit" >&2
fi

# mktemp -d makes the directory 0700 whatever the umask: the clone's parent is private.
parent="$(mktemp -d)"
trap 'rm -rf "$parent"' EXIT
git -c advice.detachedHead=false clone --quiet "$source_dir" "$parent/clone"
# The clone checks out the source's HEAD; a detached CI checkout is pinned again to be sure.
git -C "$parent/clone" -c advice.detachedHead=false checkout --quiet --detach "$commit"
printf '==> fresh clone of %s in %s (mode %s)\n' "$commit" "$parent/clone" "$(stat -c %a "$parent")"

cd "$parent/clone"
export MCP_LINT_FRESH_CLONE=1
if [ "$#" -eq 0 ]; then
  .ci/run
else
  npm ci --no-audit --no-fund
  "$@"
fi
