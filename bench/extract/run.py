#!/usr/bin/python3
"""bench/extract/run.py: article extraction, brief vs Readability.js, same pages, same run.

  brief          one process over all pages: brief extract --format json FILE... (parse
                 with libxml2, score, clean, render text and HTML)
  Readability.js one node process over the same pages: @mozilla/readability on linkedom
                 (bench/extract/readability.cjs); the npm packages are installed by this
                 script into WORK/node_modules (never committed)

Quality: shingle-4 F1 (the public article-extraction benchmarks' metric) from
../shared/tools/extract_score.py, per corpus:
  mozilla   Mozilla Readability's 130 test pages against their expected.html (that is
            Readability's own output: agreement with Readability.js, not human truth)
  human     with --human DIR: an independent human-made gold set in the ScrapingHub
            article-extraction-benchmark layout (DIR/ground-truth.json, DIR/html/ID.html or
            .html.gz), e.g. a checkout of github.com/scrapinghub/article-extraction-benchmark

Speed: wall time and CPU time (user+sys) of each whole run, best of --repeat, and the ratio
brief / Readability.js (goal: <= 0.25). Peak RSS of brief over all pages (goal: < 64 MiB),
through /usr/bin/time.

usage: bench/extract/run.py [--brief build/brief] [--shared ../shared] [--work build/bench/extract]
                            [--human DIR] [--repeat 3]
"""
import argparse
import gzip
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def run(argv, out_path, env=None):
    """Run argv with stdout to out_path; return (wall seconds, CPU seconds)."""
    with open(out_path, "wb") as out:
        t0 = time.perf_counter()
        p = subprocess.Popen(argv, stdout=out, stderr=subprocess.DEVNULL, env=env)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("%s failed with status %d" % (argv[0], os.waitstatus_to_exitcode(status)))
    return wall, ru.ru_utime + ru.ru_stime


def best(argv, out_path, repeat, env=None):
    runs = [run(argv, out_path, env) for _ in range(repeat)]
    return min(r[0] for r in runs), min(r[1] for r in runs)


def peak_rss_kib(argv):
    if not os.path.exists("/usr/bin/time"):
        return None
    p = subprocess.run(["/usr/bin/time", "-f", "%M"] + argv, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    return int(p.stderr.strip().splitlines()[-1])


def ensure_readability(work):
    if not shutil.which("node") or not shutil.which("npm"):
        sys.exit("bench/extract: node and npm are needed for the Readability.js side")
    if not os.path.isdir(os.path.join(work, "node_modules", "@mozilla", "readability")) or \
            not os.path.isdir(os.path.join(work, "node_modules", "linkedom")):
        print("installing @mozilla/readability and linkedom into %s ..." % work, flush=True)
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--prefix", work,
                        "@mozilla/readability", "linkedom"], check=True, stdout=subprocess.DEVNULL)


def load_scorer(shared):
    path = os.path.join(shared, "tools", "extract_score.py")
    spec = importlib.util.spec_from_file_location("extract_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def score(scorer, gold_path, pred_path):
    gold, pred = scorer.load(gold_path), scorer.load(pred_path)
    per = {k: scorer.page_scores(gold[k].get("articleBody", ""), pred.get(k, {}).get("articleBody", ""))
           for k in gold}
    a = scorer.aggregate(per)
    return a["shingle4"], a["empty"], len(per)


def human_pages(src, work):
    """The gold set's pages as plain .html files (decompressed into WORK/human/)."""
    dst = os.path.join(work, "human")
    os.makedirs(dst, exist_ok=True)
    files = []
    for name in sorted(os.listdir(os.path.join(src, "html"))):
        path = os.path.join(src, "html", name)
        if name.endswith(".html.gz"):
            out = os.path.join(dst, name[:-3])
            if not os.path.exists(out):
                with gzip.open(path, "rb") as f, open(out, "wb") as g:
                    g.write(f.read())
            files.append(out)
        elif name.endswith(".html"):
            files.append(path)
    return files


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--brief", default="build/brief")
    ap.add_argument("--shared", default=os.path.join("..", "shared"))
    ap.add_argument("--work", default=os.path.join("build", "bench", "extract"))
    ap.add_argument("--human", help="a human gold set (ScrapingHub layout)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    work = os.path.abspath(args.work)
    os.makedirs(work, exist_ok=True)
    ensure_readability(work)
    scorer = load_scorer(args.shared)
    env = dict(os.environ, NODE_PATH=os.path.join(work, "node_modules"))

    corpora = []
    moz = os.path.join(args.shared, "corpus", "fulltext", "mozilla-readability", "test-pages")
    moz_gold = os.path.join(work, "mozilla-gold.json")
    with open(os.devnull, "w") as null:
        subprocess.run([sys.executable, os.path.join(args.shared, "tools", "extract_score.py"), "--moz-gold",
                        moz, moz_gold], check=True, stdout=null)
    moz_files = sorted(os.path.join(moz, d, "source.html") for d in os.listdir(moz)
                       if os.path.exists(os.path.join(moz, d, "source.html")))
    corpora.append(("mozilla", moz_files, moz_gold, ["--url", "http://fakehost/test/page.html"]))
    if args.human:
        corpora.append(("human", human_pages(args.human, work), os.path.join(args.human, "ground-truth.json"), []))

    all_files = []
    print("%-8s %5s  %-26s %-26s" % ("corpus", "pages", "brief shingle4 P/R/F1 empty", "Readability.js P/R/F1 empty"))
    for name, files, gold, extra in corpora:
        all_files += files
        bp, rp = os.path.join(work, name + "-brief.jsonl"), os.path.join(work, name + "-readability.jsonl")
        run([args.brief, "extract", "-q", "--format", "json"] + extra + files, bp)
        run(["node", os.path.join(HERE, "readability.cjs")] + files, rp, env)
        (b, be, n), (r, re_, _) = score(scorer, gold, bp), score(scorer, gold, rp)
        print("%-8s %5d  %.3f/%.3f/%.3f %3d          %.3f/%.3f/%.3f %3d" % (name, n, *b, be, *r, re_))

    # speed: every page of every corpus, one process each
    bw, bc = best([args.brief, "extract", "-q", "--format", "json"] + all_files, os.devnull, args.repeat)
    rw, rc = best(["node", os.path.join(HERE, "readability.cjs")] + all_files, os.devnull, args.repeat, env)
    rss = peak_rss_kib([args.brief, "extract", "-q", "--format", "json"] + all_files)
    print("\nspeed over %d pages (best of %d):" % (len(all_files), args.repeat))
    print("  brief           wall %6.2f s   cpu %6.2f s" % (bw, bc))
    print("  Readability.js  wall %6.2f s   cpu %6.2f s" % (rw, rc))
    print("  ratio brief/Readability.js: wall %.3f, cpu %.3f (goal <= 0.25)" % (bw / rw, bc / rc))
    if rss is not None:
        print("  brief peak RSS: %.1f MiB (goal < 64)" % (rss / 1024.0))


if __name__ == "__main__":
    main()
