#!/usr/bin/env bash
# test_layers.sh LAYERS_SH SRC: the real tree passes; a planted upward include (also written
# "../report/report.h" or <report/report.h>), an include of a higher ai/ unit and a file in no
# layer each fail with a message naming the file.
set -euo pipefail
check=$1 src=$2
fail() { echo "FAIL: $*" >&2; exit 1; }

"$check" "$src" >/dev/null || fail "the tree has upward includes"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/util" "$tmp/store" "$tmp/report" "$tmp/ai/llm" "$tmp/ai/longform"
printf '#include "util/buf.h"\n' >"$tmp/store/ok.c"
printf '#include <stdio.h>\n#include "local.h"\n#include "store/ok.h"\n' >"$tmp/report/ok.c"
"$check" "$tmp" >/dev/null 2>&1 || fail "a clean tree was rejected"

printf '#include "util/buf.h"\n#include "report/report.h"\n' >"$tmp/store/bad.c"
out=$("$check" "$tmp" 2>&1) && fail "store including report passed"
grep -q 'src/store/bad.c:2 includes "report/report.h"' <<<"$out" || fail "no message for store/bad.c: $out"
rm "$tmp/store/bad.c"

printf '#include "../report/report.h"\n' >"$tmp/store/bad.c"
out=$("$check" "$tmp" 2>&1) && fail "store including ../report/report.h passed"
grep -q 'src/store/bad.c:1 includes "../report/report.h"' <<<"$out" || fail "no message for ../: $out"
printf '#include <stdio.h>\n#include <report/report.h>\n' >"$tmp/store/bad.c"
touch "$tmp/report/report.h"
out=$("$check" "$tmp" 2>&1) && fail "store including <report/report.h> passed"
grep -q 'src/store/bad.c:2 includes "report/report.h"' <<<"$out" || fail "no message for <>: $out"
rm "$tmp/store/bad.c" "$tmp/report/report.h"
printf '#include "../util/buf.h"\n#include "./ok.h"\n' >"$tmp/store/ok2.c"
"$check" "$tmp" >/dev/null 2>&1 || fail "store including ../util/buf.h was rejected"
rm "$tmp/store/ok2.c"

printf '#include "ai/longform/weekly.h"\n' >"$tmp/ai/llm/bad.c"
"$check" "$tmp" >/dev/null 2>&1 && fail "ai/llm including ai/longform passed"
rm "$tmp/ai/llm/bad.c"

mkdir -p "$tmp/newmod"
printf 'int x;\n' >"$tmp/newmod/x.c"
out=$("$check" "$tmp" 2>&1) && fail "a file in no layer passed"
grep -q 'src/newmod/x.c is in no layer' <<<"$out" || fail "no message for newmod: $out"
echo "ok"
