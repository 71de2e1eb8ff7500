#!/usr/bin/env bash
# daily.sh: from a fresh clone to today's digest in one command.
#   scripts/daily.sh [brief daily options...]
# Installs the Debian packages brief needs when run as root (scripts/deps.sh; the browser
# used only by the tests is skipped), builds brief, and writes today's digest into digest/
# (DATE.md, DATE.html, DATE.json, plus index.md, index.html and index.atom).
# With no LLM configured (BRIEF_LLM_BASE_URL / OPENAI_API_KEY ...), the offline engine
# writes the digest and says so in its header line. When no feed could be reached, it says
# what to check: the network, the proxy variables, the --feeds list.
# Environment: BRIEF=PATH runs that brief binary instead of installing and building one;
# DIGEST_DIR=DIR writes there instead of digest/ (not --out: an option given twice is a usage error).
set -euo pipefail
cd "$(dirname "$0")/.."
brief="${BRIEF:-}"
if [ -z "$brief" ]; then
  if [ "$(id -u)" = 0 ]; then
    BRIEF_WITH_BROWSER="${BRIEF_WITH_BROWSER:-0}" scripts/deps.sh
  else
    BRIEF_WITH_BROWSER=0 scripts/deps.sh || echo "daily.sh: continuing; the build says if something is missing" >&2
  fi
  # Warnings stay errors for developers (CI), not for someone building to read a digest.
  cmake -B build -DCMAKE_BUILD_TYPE=Release -DBRIEF_WERROR=OFF >/dev/null
  cmake --build build -j"$(nproc 2>/dev/null || echo 2)" >/dev/null
  brief=build/brief
fi
dir="${DIGEST_DIR:-digest}"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# stderr goes to the terminal as it comes and into $log, to tell why a run failed.
set +e
{ "$brief" daily --out "$dir/" "$@" 2>&1 1>&3 3>&- | tee "$log" >&2; } 3>&1
rc=${PIPESTATUS[0]}
set -e
if [ "$rc" = 0 ]; then
  echo "daily.sh: today's digest is in $dir/ (open $dir/index.html, or read $dir/$(date +%F).md)" >&2
elif [ "$rc" = 3 ]; then
  echo "daily.sh: nothing was published in the window; try --hours 168" >&2
elif grep -q "feeds could be fetched" "$log"; then
  feeds="the built-in list or your own (brief feeds list shows each source's last error)"
  prev=""
  for a in "$@"; do
    case "$a" in --feeds=*) feeds="${a#--feeds=}";; esac
    [ "$prev" = --feeds ] && feeds="$a"
    prev="$a"
  done
  set_vars=""
  for v in https_proxy HTTPS_PROXY http_proxy HTTP_PROXY all_proxy ALL_PROXY no_proxy NO_PROXY; do
    [ -n "${!v:-}" ] && set_vars="$set_vars $v"
  done
  {
    echo "daily.sh: no feed could be reached. Check:"
    echo "  - the network: does this machine reach the internet (curl -sI https://example.com)?"
    if [ -n "$set_vars" ]; then
      echo "  - the proxy: set here:$set_vars; is it right and running? (no_proxy lists the hosts that bypass it)"
    else
      echo "  - the proxy: no proxy variable is set; behind a proxy, export https_proxy=http://HOST:PORT (and http_proxy)"
    fi
    echo "  - the feeds: $feeds; are the URLs right and reachable from here?"
  } >&2
fi
exit "$rc"
