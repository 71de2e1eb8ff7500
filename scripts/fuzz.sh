#!/usr/bin/env bash
# fuzz.sh [SECONDS | --nightly] [TARGET...]: build the libFuzzer targets (clang, ASan+UBSan)
# into fuzz-build/ and run each (or the TARGETs named: feed date opml jsonfeed extract config
# answer mdsubset article serve daily weekly ground sanitize dailycheck) for SECONDS, else $FUZZ_SECONDS, else 20 (CI's short run); --nightly is
# one hour per target. Seeds: our own hand-written ones in fuzz/seeds/TARGET/, the
# regression inputs in tests/fuzz_regress/TARGET/, test fixtures and the shared corpus
# ($BRIEF_SHARED, else ../shared). What a run learns stays in fuzz-build/work/TARGET/, so
# repeated runs go deeper. Inputs found to crash (or to break a target's invariants) are
# left in fuzz-build/crashes/ and the script fails: copy each into tests/fuzz_regress/TARGET/
# (the regression test replays them), fix the bug and add a unit test (docs/fuzz.md).
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${FUZZ_SECONDS:-20}
case "${1:-}" in
--nightly) secs=3600; shift ;;
[0-9]*) secs=$1; shift ;;
-*) echo "usage: scripts/fuzz.sh [SECONDS | --nightly] [TARGET...]" >&2; exit 2 ;;
esac
all="feed date opml jsonfeed extract config answer mdsubset article serve daily weekly ground sanitize dailycheck"
targets=${*:-$all}
for t in $targets; do
  case " $all " in *" $t "*) ;; *) echo "fuzz.sh: no target $t (have: $all)" >&2; exit 2 ;; esac
done
shared=${BRIEF_SHARED:-$(cd .. && pwd)/shared}
corpus=$shared/corpus
out=fuzz-build
jobs=2

if ! command -v clang >/dev/null; then echo "fuzz.sh: clang is not installed (scripts/deps.sh installs it)" >&2; exit 1; fi
CC=clang cmake -S . -B "$out" -DCMAKE_BUILD_TYPE=Debug -DBRIEF_FUZZ=ON -DBRIEF_SANITIZE=ON \
  -DBRIEF_WERROR=ON >/dev/null
cmake --build "$out" -j"$jobs" --target $(printf 'fuzz_%s ' $targets)

seeds=$out/seeds
rm -rf "$seeds"
mkdir -p "$out"/crashes
for t in $all; do
  mkdir -p "$seeds/$t" "$out/work/$t"
  for d in fuzz/seeds/$t tests/fuzz_regress/$t; do
    if [ -d "$d" ]; then find "$d" -maxdepth 1 -type f -exec cp {} "$seeds/$t/" \;; fi
  done
done
if [ -f "$corpus/MANIFEST.tsv" ]; then
  # feed documents: every kind of test input under 64 KiB (a few hundred files)
  awk -F'\t' '$5 ~ /^(wellformed|illformed|encoding|entities|detection|realworld|jsonfeed|realworld-jsonfeed|html)$/ {print $1}' \
    "$corpus/MANIFEST.tsv" | awk 'NR % 4 == 1' | while read -r f; do
      if [ -f "$corpus/$f" ] && [ "$(stat -c %s "$corpus/$f")" -lt 65536 ]; then
        cp "$corpus/$f" "$seeds/feed/$(echo "$f" | tr / _)"
      fi
    done
  awk -F'\t' '$5 == "opml" {print $1}' "$corpus/MANIFEST.tsv" | while read -r f; do cp "$corpus/$f" "$seeds/opml/$(echo "$f" | tr / _)"; done
  awk -F'\t' '$5 ~ /jsonfeed$/ {print $1}' "$corpus/MANIFEST.tsv" | while read -r f; do cp "$corpus/$f" "$seeds/jsonfeed/$(echo "$f" | tr / _)"; done
  # date strings: feedparser's vectors and the dates of the real-world feeds
  i=0
  { tail -n +2 "$corpus/feedparser-derived/date_parser_vectors.tsv" | cut -f2
    awk -F'\t' '$5 == "realworld" {print $1}' "$corpus/MANIFEST.tsv" | while read -r f; do
      { grep -ohE '<(pubDate|dc:date|updated|published)>[^<]{1,80}<' "$corpus/$f" || true; } |
        sed -E 's/^<[^>]*>//; s/<$//' | head -3
    done; } | sort -u | while IFS= read -r d; do printf '%s' "$d" > "$seeds/date/d$i"; i=$((i + 1)); done || true
fi
# web pages: the extractor's own fixtures and Mozilla Readability's test pages under 64 KiB
for f in "$corpus"/fulltext/mozilla-readability/test-pages/*/source.html; do
  if [ -f "$f" ] && [ "$(stat -c %s "$f")" -lt 65536 ]; then
    cp "$f" "$seeds/extract/$(basename "$(dirname "$f")").html"
  fi
done
cp tests/extract/fixtures/*.html "$seeds/extract/" 2>/dev/null || true
# HTML fragments: the extractor's pages, and the fields of feedparser's sanitize cases unescaped
cp tests/extract/fixtures/*.html "$seeds/sanitize/" 2>/dev/null || true
if [ -d "$corpus/feedparser/tests/wellformed/sanitize" ]; then
  python3 - "$corpus/feedparser/tests/wellformed/sanitize" "$seeds/sanitize" <<'PY' || true
import html, os, re, sys
src, dst = sys.argv[1:3]
field = re.compile(r'<(content|summary|description|subtitle|tagline|body|content:encoded)\b[^>]*>(.*?)</\1>', re.S)
for name in sorted(os.listdir(src)):
    with open(os.path.join(src, name), encoding='utf-8', errors='replace') as f:
        text = f.read()
    for i, m in enumerate(field.finditer(text)):
        with open(os.path.join(dst, '%s.%d' % (name, i)), 'w', encoding='utf-8') as out:
            out.write(html.unescape(m.group(2)))
PY
fi
cp tests/opml/fixtures/*.opml "$seeds/opml/" 2>/dev/null || true
cp tests/jsonfeed/fixtures/*.json "$seeds/jsonfeed/" 2>/dev/null || true

status=0
for t in $targets; do
  echo "fuzz_$t: ${secs}s, $(ls "$seeds/$t" | wc -l) seeds"
  if ! ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
       "$out/fuzz/fuzz_$t" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=262144 \
       -print_final_stats=0 -artifact_prefix="$out/crashes/$t-" "$out/work/$t" "$seeds/$t" \
       >"$out/fuzz_$t.log" 2>&1; then
    echo "fuzz_$t FAILED: see $out/fuzz_$t.log and $out/crashes/" >&2
    tail -30 "$out/fuzz_$t.log" >&2
    status=1
  else
    grep -E '^#[0-9]+.*(DONE|pulse)' "$out/fuzz_$t.log" | tail -1 || true
  fi
done
exit $status
