#!/usr/bin/python3
"""bench/store/insert.py: the insert path at one store size, variants side by side.

docs/store.md measures every change of the insert path the same way: new generated feeds (300
feeds of 300 items: 90k items, the generator of run.py with a run number no store of run.py
holds) fetched by the real `brief fetch` into a fresh copy of a store built by run.py (its 300k
or 3M store), one variant after the other, round after round, so that the machine's load and
the index's merge cycle fall on every variant alike. Prints each fetch (new items, wall, items/s,
CPU seconds, peak RSS) and each variant's mean with its ratio to the first.

Variants:
  this build                     always (--build)
  --peer BRIEF                   another build of brief, on its own copy
  --beside                       the rows stored by this build with the index's triggers dropped
                                 from its copy, while index_beside (built beside this script)
                                 indexes them into a second copy of the store: an index written
                                 by a connection of its own in a second file (docs/store.md,
                                 "The index in a second file"). Its time runs until the index
                                 is merged.

usage: bench/store/insert.py --store HOME [--build build] [--dir /tmp/brief-bench-insert]
                             [--rounds 2] [--peer PATH/brief] [--beside]
HOME is a brief home holding brief.db (run.py's --dir/home for 3M, --dir/home-300k for 300k).
Each fetch copies brief.db (5.7 GB at 3M; --beside two copies), so --dir needs room for them.
"""
import argparse
import json
import multiprocessing
import os
import shutil
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run  # noqa: E402  (the feed generator and the fetch's arguments)

FEEDS = 300
RUN_NUMBER = 10  # run.py's runs are 0-9: these feeds' items are new to any of its stores


def generate(d, shared):
    """The FEEDS feeds of RUN_NUMBER into d/r10 (once) and an OPML template naming them."""
    feeds = os.path.join(d, "feeds", "r%d" % RUN_NUMBER)
    if not os.path.isdir(feeds) or len(os.listdir(feeds)) < FEEDS:
        os.makedirs(feeds, exist_ok=True)
        en, zh = run.sentence_pools(os.path.join(shared, "corpus"), os.path.join(shared, "seeds"))
        jobs = [(1, RUN_NUMBER, i, os.path.join(feeds, "f%05d.xml" % i)) for i in range(FEEDS)]
        with multiprocessing.Pool(2, initializer=run.gen_init, initargs=(en, zh)) as pool:
            raw = sum(pool.map(run.gen_job, jobs, chunksize=20))
        print("generated %d feeds, %.0f MB" % (FEEDS, raw / 1e6), file=sys.stderr)


def fresh_copy(store, home):
    shutil.rmtree(home, ignore_errors=True)
    os.makedirs(home)
    shutil.copyfile(os.path.join(store, "brief.db"), os.path.join(home, "brief.db"))
    return os.path.join(home, "brief.db")


def fetch_once(brief, store, d, opml, env, beside=None):
    """One fetch into a fresh copy of store; with beside (index_beside's path) the copy stores
    rows only and a second copy is indexed beside it. Returns (items, wall, cpu, rss MiB, note)."""
    db = fresh_copy(store, os.path.join(d, "home"))
    ix = None
    if beside:
        con = sqlite3.connect(db)
        con.executescript("DROP TRIGGER items_ai; DROP TRIGGER items_ai_deferred;")
        con.close()
        index_db = fresh_copy(store, os.path.join(d, "index"))
        done = os.path.join(d, "DONE")
        if os.path.exists(done):
            os.remove(done)
    subprocess.run(["sync"], check=True)
    time.sleep(2)
    t = time.monotonic()
    if beside:
        ix = subprocess.Popen(["/usr/bin/time", "-f", "%M %U %S", "-o", os.path.join(d, "ix.time"),
                               beside, db, index_db, done], stderr=subprocess.PIPE, text=True)
    wall, rss, cpu, out = run.run_rss(run.fetch_argv(brief, os.path.join(d, "home"), opml), env)
    note = ""
    if ix:
        open(done, "w").close()
        err = ix.stderr.read()
        if ix.wait() != 0:
            sys.exit("index_beside failed: " + err)
        rows_wall, wall = wall, time.monotonic() - t
        with open(os.path.join(d, "ix.time")) as f:
            ix_rss, user, system = [ln for ln in f.read().split("\n") if ln.strip()][-1].split()
        note = "rows in %.1f s; index_beside %.1f CPU s, %.1f MiB; %s" % (
            rows_wall, float(user) + float(system), int(ix_rss) / 1024, err.strip().replace("index_beside: ", ""))
        cpu += float(user) + float(system)
    return json.loads(out)["items_new"], wall, cpu, rss, note


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", required=True, help="a brief home holding the store to copy (brief.db)")
    ap.add_argument("--build", default="build")
    ap.add_argument("--dir", default="/tmp/brief-bench-insert")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--peer")
    ap.add_argument("--beside", action="store_true")
    a = ap.parse_args()
    src = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    shared = os.path.join(os.path.dirname(src), "shared")
    brief = os.path.abspath(os.path.join(a.build, "brief"))
    feedserver = os.path.abspath(os.path.join(a.build, "tests/feedserver/feedserver"))
    beside = os.path.abspath(os.path.join(a.build, "bench/store/index_beside"))
    for f in [brief, feedserver] + ([beside] if a.beside else []) + ([a.peer] if a.peer else []):
        if not os.access(f, os.X_OK):
            sys.exit("missing %s: build first (cmake --build %s)" % (f, a.build))
    if not os.path.exists(os.path.join(a.store, "brief.db")):
        sys.exit("no brief.db in %s (bench/store/run.py builds one)" % a.store)
    os.makedirs(a.dir, exist_ok=True)
    generate(a.dir, shared)
    env = dict(os.environ, TZ="UTC", BRIEF_CONFIG="/dev/null", BRIEF_LLM_BASE_URL="", BRIEF_LLM_API_KEY="")
    fs, port = run.start([feedserver, "--root", os.path.join(a.dir, "feeds")])
    opml = run.write_opml(a.dir, "http://127.0.0.1:%s" % port, RUN_NUMBER, FEEDS)
    variants = [("this build", brief, None)]
    if a.peer:
        variants.append(("peer", os.path.abspath(a.peer), None))
    if a.beside:
        variants.append(("index beside", brief, beside))
    results = {name: [] for name, _, _ in variants}
    try:
        for r in range(a.rounds):
            order = variants if r % 2 == 0 else variants[::-1]  # both orders, so neither goes first always
            for name, b, bs in order:
                n, wall, cpu, rss, note = fetch_once(b, a.store, a.dir, opml, env, bs)
                results[name].append(n / wall)
                print("round %d, %-12s: %d new items in %.1f s: %.0f items/s; %.1f CPU s; fetch peak %.1f MiB%s"
                      % (r + 1, name, n, wall, n / wall, cpu, rss, "; " + note if note else ""), flush=True)
    finally:
        fs.kill()
        shutil.rmtree(os.path.join(a.dir, "home"), ignore_errors=True)
        shutil.rmtree(os.path.join(a.dir, "index"), ignore_errors=True)
    base = sum(results[variants[0][0]]) / a.rounds
    for name, _, _ in variants:
        xs = results[name]
        mean = sum(xs) / len(xs)
        print("%-12s: %s items/s, mean %.0f, ratio to this build %.2f"
              % (name, " / ".join("%.0f" % x for x in xs), mean, mean / base))


if __name__ == "__main__":
    main()
