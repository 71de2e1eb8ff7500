#!/usr/bin/env bash
# daily.sh: from a fresh clone to today's digest in one command.
#   scripts/daily.sh [brief daily options...]
# Installs the Debian packages brief needs when run as root (scripts/deps.sh; the browser
# used only by the tests is skipped), builds brief, and writes today's digest into digest/
# (DATE.md, DATE.html, DATE.json, plus index.md, index.html and index.atom).
# With no LLM configured (BRIEF_LLM_BASE_URL / OPENAI_API_KEY ...), the offline engine
# writes the digest and says so in its header line.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" = 0 ]; then
  BRIEF_WITH_BROWSER="${BRIEF_WITH_BROWSER:-0}" scripts/deps.sh
else
  BRIEF_WITH_BROWSER=0 scripts/deps.sh || echo "daily.sh: continuing; the build says if something is missing" >&2
fi
# Warnings stay errors for developers (CI), not for someone building to read a digest.
cmake -B build -DCMAKE_BUILD_TYPE=Release -DBRIEF_WERROR=OFF >/dev/null
cmake --build build -j"$(nproc 2>/dev/null || echo 2)" >/dev/null
set +e
build/brief daily --out digest/ "$@"
rc=$?
set -e
if [ "$rc" = 0 ]; then
  echo "daily.sh: today's digest is in digest/ (open digest/index.html, or read digest/$(date +%F).md)" >&2
elif [ "$rc" = 3 ]; then
  echo "daily.sh: nothing was published in the window; try --hours 168" >&2
fi
exit "$rc"
