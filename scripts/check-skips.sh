#!/usr/bin/env bash
# check-skips.sh LOG [NAME...]: fail when the ctest output in LOG shows a skipped test (exit 77,
# "***Skipped", or "Not Run") that is neither listed in .ci/allowed-skips nor named on the
# command line. A skip hides a missing dependency; CI installs them all (scripts/deps.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
log=$1
shift
allowed=" $* $({ grep -v '^#' .ci/allowed-skips || true; } | awk 'NF {print $1}' | tr '\n' ' ') "
bad=0
while read -r name; do
	case "$allowed" in
	*" $name "*) echo "check-skips: $name skipped (allowed)" ;;
	*) echo "check-skips: $name was skipped; install what it needs or list it with a reason in .ci/allowed-skips" >&2
	   bad=1 ;;
	esac
done < <(grep -E 'Test +#[0-9]+: ' "$log" | grep -E '\*\*\*Skipped|Not Run' | sed -E 's/.*Test +#[0-9]+: ([^ ]+).*/\1/' | sort -u)
exit "$bad"
