#!/usr/bin/python3
"""bench/store/serve.py: `brief serve`'s latency on one store, builds side by side.

run.py measures search and paging over `brief serve` once per store it builds. This measures
the same requests (run.py's list: 27 searches, a search's 5th page, the first and deepest
/items pages; each 5 times, in rotation, over one keep-alive connection) on a store run.py
built, for this build and a peer, alternated round after round so the machine's load falls on
both alike. Nothing is written to the store. Prints, per round and variant, the worst request's
p95 (the maximum of its 5) and which it was, the `comp*` times and serve's peak RSS; then each
variant's mean worst p95 with its ratio to this build.

usage: bench/store/serve.py --store HOME [--build build] [--peer PATH/brief] [--rounds 3]
HOME is a brief home holding brief.db (run.py's --dir/home for 3M, --dir/home-300k for 300k).
"""
import argparse
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run  # noqa: E402  (the request list, the client and the percentiles)


def measure(brief, home, reps):
    """One serve process: (worst p95 ms, its request, comp* times, peak RSS MiB)."""
    env = dict(os.environ, TZ="UTC", BRIEF_CONFIG="/dev/null")
    sv = subprocess.Popen([brief, "serve", "--home", home, "--listen", "127.0.0.1:0"], env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        url = re.search(r"http://[^\s/]+", sv.stderr.readline()).group(0)
        reqs = run.serve_requests(os.path.join(home, "brief.db"), False)
        times, _ = run.measure_serve(run.Client(url), reqs, reps)
        p95 = {k: run.pct(v, 95) for k, v in times.items()}
        worst = max(p95, key=p95.get)
        return p95[worst], worst, times.get("q comp*", []), run.vm_hwm(sv.pid)
    finally:
        sv.terminate()
        sv.wait()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", required=True, help="a brief home holding brief.db")
    ap.add_argument("--build", default="build")
    ap.add_argument("--peer")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--reps", type=int, default=5)
    a = ap.parse_args()
    brief = os.path.abspath(os.path.join(a.build, "brief"))
    for f in [brief] + ([a.peer] if a.peer else []):
        if not os.access(f, os.X_OK):
            sys.exit("missing %s: build first (cmake --build %s)" % (f, a.build))
    if not os.path.exists(os.path.join(a.store, "brief.db")):
        sys.exit("no brief.db in %s (bench/store/run.py builds one)" % a.store)
    variants = [("this build", brief)] + ([("peer", os.path.abspath(a.peer))] if a.peer else [])
    results = {name: [] for name, _ in variants}
    for r in range(a.rounds):
        for name, b in (variants if r % 2 == 0 else variants[::-1]):
            worst, which, comp, rss = measure(b, a.store, a.reps)
            results[name].append(worst)
            print("round %d, %-10s: worst p95 %.1f ms (%s); comp* %s ms; serve peak %.1f MiB"
                  % (r + 1, name, worst, which, " ".join("%.1f" % x for x in comp), rss), flush=True)
    base = sum(results[variants[0][0]]) / a.rounds
    for name, _ in variants:
        mean = sum(results[name]) / a.rounds
        print("%-10s: worst p95 mean %.1f ms, ratio to this build %.2f" % (name, mean, mean / base))


if __name__ == "__main__":
    main()
