#!/usr/bin/python3
"""corpus_f1.py BRIEF SHARED: brief extract over Mozilla Readability's 130 test pages, scored
against their expected output with ../shared/tools/extract_score.py (shingle-4 F1). Fails
below F1 0.97 or with any empty extraction; skips (77) without the shared corpus. A
quality floor, not a speed test: no time is asserted."""
import importlib.util
import os
import subprocess
import sys
import tempfile

brief, shared = sys.argv[1], sys.argv[2]
pages = os.path.join(shared, "corpus", "fulltext", "mozilla-readability", "test-pages")
tool = os.path.join(shared, "tools", "extract_score.py")
if not os.path.isdir(pages) or not os.path.exists(tool):
    print("shared corpus not found: skipped")
    sys.exit(77)
spec = importlib.util.spec_from_file_location("extract_score", tool)
score = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score)

with tempfile.TemporaryDirectory() as tmp:
    gold_path, pred_path = os.path.join(tmp, "gold.json"), os.path.join(tmp, "pred.jsonl")
    subprocess.run([sys.executable, tool, "--moz-gold", pages, gold_path], check=True, stdout=subprocess.DEVNULL)
    files = sorted(os.path.join(pages, d, "source.html") for d in os.listdir(pages)
                   if os.path.exists(os.path.join(pages, d, "source.html")))
    with open(pred_path, "wb") as out:
        rc = subprocess.run([brief, "extract", "-q", "--format", "json", "--url", "http://fakehost/test/page.html"]
                            + files, stdout=out).returncode
    if rc != 0:
        sys.exit("brief extract exited with %d" % rc)
    gold, pred = score.load(gold_path), score.load(pred_path)
    per = {k: score.page_scores(gold[k]["articleBody"], pred.get(k, {}).get("articleBody", "")) for k in gold}
    agg = score.aggregate(per)
    p, r, f1 = agg["shingle4"]
    print("mozilla pages: %d, shingle4 P/R/F1 %.3f/%.3f/%.3f, empty %d" % (len(per), p, r, f1, agg["empty"]))
    if f1 < 0.97 or agg["empty"] > 0:
        sys.exit("below the floor: F1 must be >= 0.97 with no empty extraction")
