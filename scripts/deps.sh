#!/usr/bin/env bash
# deps.sh: install the Debian packages brief needs to build, test and benchmark.
# Runs apt-get when root (or via sudo when available); otherwise lists what is missing.
set -euo pipefail
pkgs=(build-essential cmake pkg-config clang libclang-rt-14-dev  # libclang-rt: libFuzzer for scripts/fuzz.sh
      libcurl4-openssl-dev libxml2-dev libsqlite3-dev libjansson-dev libmicrohttpd-dev zlib1g-dev libssl-dev nghttp2-server
      libtsan2  # ThreadSanitizer runtime for the TSan build of .ci/run
      python3 python3-feedparser sfeed groff-base time)  # time: peak RSS of a bench's child (bench/store)
# chromium and a small CJK font: the headless-browser test renders and screenshots the digest.
if [ "${BRIEF_WITH_BROWSER:-1}" = 1 ]; then pkgs+=(chromium fonts-wqy-microhei); fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# --missing prints the packages not yet installed (one line) for callers that install them
# themselves (.ci/run).
if [ "${1:-}" = --missing ]; then echo "${missing[*]}"; exit 0; fi
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null; then SUDO=sudo; else
  echo "missing Debian packages: ${missing[*]} (run as root to install them)" >&2; exit 1; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
