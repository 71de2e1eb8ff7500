#!/usr/bin/python3
"""bench/daily/run.py: a full `brief daily` over the 92 default feeds, served on loopback.

The 92 blogs of data/hn-popular-blogs-2025.opml are stood in for by generated feeds (25
items each, realistic sizes: full-content HTML of 1-15 KiB per item, dates spread over the
weeks before --now, so ~30 articles fall in the 48-hour window), served by tests/feedserver
with realistic behaviour, each under its own host name (fNN.localhost): most feeds answer in 80-1500 ms, 8 slowly (3-9 s), 3 never answer
(silent), 4 answer 403, 2 answer 404, and one serves a gzip bomb (a 1 GiB body). The LLM
stand-in (tests/llmserver) answers every call after ~1 s.

Measured for the first run (empty home) and a rerun (same home, same --now): wall time,
peak RSS of brief (through /usr/bin/time: see run_daily), LLM requests and tokens (the stand-in's counters), and
the same first run with the offline engine. A rerun makes 0 LLM requests for the same window; when
the first run lost a feed the rerun fetched (a slow one past the 10 s stall when the machine is
loaded), the rerun scores its articles, and the report names the feeds and both windows' sizes. Reference (the original tool on such a day):
about 70 s (63 s fetching in waves), peak 1.9 GiB with a gzip bomb (58 MiB without), 10 LLM
calls. Goals: first run <= 0.4x (28 s), peak RSS < 32 MiB, rerun with 0 LLM requests.

With --full-text, one feed in three is thin (a sentence per item, the article on its own
page at fNN.localhost, served in 100-800 ms) and the first run is measured again with
[fetch] full_text = true: its pages are fetched and read. With --peer BRIEF (an earlier
build), that full-text run is made by the peer too, alternating, for a ratio.

usage: bench/daily/run.py [--build build] [--keep] [--seed 1] [--full-text [--peer PATH/brief] [--reps 3]]
"""
import argparse
import glob
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

NOW = "2026-02-21T01:56:00Z"
NOW_TS = 1771638960
REF_WALL, REF_RSS_MIB, REF_CALLS = 70.0, 1.9 * 1024, 10

TOPICS = {
    "ai": ["LLM", "inference", "GPU", "transformer", "fine-tuning", "agents", "prompt caching", "benchmark",
           "open weights", "tokens per second", "context window", "embedding", "RAG", "evals"],
    "security": ["phishing", "MFA", "zero-day", "ransomware", "CVE", "supply chain", "TLS", "passkeys",
                 "vulnerability", "patch", "exploit"],
    "engineering": ["Rust", "Postgres", "SQLite", "compiler", "latency", "distributed systems", "Linux kernel",
                    "memory allocator", "garbage collection", "build system", "refactoring", "technical debt"],
    "tools": ["open source", "CLI", "editor", "release", "SDK", "package manager", "terminal", "Git"],
    "opinion": ["career", "management", "writing", "startups", "remote work", "hiring", "burnout"],
}
WORDS = ("the of and to in a is that for it as was with be by on not he this are or his from at which but "
         "have an they you were her she there been one all we their has would when if so what up out no "
         "about into than them can only other new some could time these two may then do first any like "
         "my now over such our man me even most made after also did many before must through back years "
         "where much your way well down should because each just those people how too little state good "
         "very make world still own see men work long get here between both life being under never day "
         "same another know while last might us great old year off come since against go came right used "
         "take three system performance design data model code memory users results").split()


def opml_feeds(path):
    text = open(path, encoding="utf-8").read()
    return re.findall(r'<outline type="rss" text="([^"]*)"', text)


def item_html(rng, topic_words, paragraphs):
    out = []
    for _ in range(paragraphs):
        sent = []
        for _ in range(rng.randint(3, 7)):
            words = [rng.choice(WORDS) for _ in range(rng.randint(8, 22))]
            words.insert(rng.randint(0, len(words)), rng.choice(topic_words))
            sent.append(" ".join(words).capitalize() + ".")
        out.append("<p>" + " ".join(sent) + "</p>")
    return "".join(out)


def page_html(title, body):
    return ("<!DOCTYPE html><html><head><title>%s</title></head><body><nav><a href=\"/\">Home</a> "
            "<a href=\"/about\">About</a></nav><article><h1>%s</h1>%s</article><footer>Comments are "
            "closed.</footer></body></html>\n" % (title, title, body))


def gen_feed(rng, name, idx, thin=None):
    """The feed of blog idx. thin = (root, base URL): its items carry one sentence and link to
    their article's page, written under root/pages."""
    topic = list(TOPICS)[idx % len(TOPICS)] if idx % 3 else "ai"
    tw = TOPICS[topic]
    spacing = rng.uniform(0.4, 9.0) * 86400
    offset = rng.uniform(0.1, 3.0) * 86400
    items = []
    for j in range(25):
        ts = int(NOW_TS - offset - j * spacing * rng.uniform(0.6, 1.4))
        title = "%s: %s and %s, %s" % (rng.choice(tw), rng.choice(WORDS), rng.choice(tw), " ".join(
            rng.choice(WORDS) for _ in range(rng.randint(2, 6))))
        link = "https://%s/posts/%d-%d" % (name, idx, j)
        body = item_html(rng, tw, rng.randint(2, 25))
        if thin:
            page = "p%02d-%d.html" % (idx, j)
            with open(os.path.join(thin[0], "pages", page), "w", encoding="utf-8") as f:
                f.write(page_html(title, body))
            link = "%s/pages/%s?delay=%d" % (thin[1], page, rng.randint(100, 800))
            body = body[3:body.index(".") + 1]  # the first sentence
        date = time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime(ts))
        items.append("<item><title>%s</title><link>%s</link><guid>%s</guid><pubDate>%s</pubDate>"
                     "<description><![CDATA[%s]]></description></item>"
                     % (title, link.replace("&", "&amp;"), link.replace("&", "&amp;"), date, body))
    return ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>%s</title>'
            "<link>https://%s/</link><description>%s</description>\n%s\n</channel></rss>\n"
            % (name, name, name, "\n".join(items)))


def behaviours(rng, n):
    kinds = ["silent"] * 3 + ["403"] * 4 + ["404"] * 2 + ["bomb"] + ["slow"] * 8
    kinds += ["normal"] * (n - len(kinds))
    rng.shuffle(kinds)
    return kinds


def query(kind, rng):
    if kind == "silent":
        return "?hang=1"
    if kind == "403":
        return "?status=403"
    if kind == "404":
        return "?status=404"
    if kind == "bomb":
        return "?bomb=1024"
    if kind == "slow":
        return "?delay=%d&gzip=1" % rng.randint(3000, 9000)
    return "?delay=%d%s" % (rng.randint(80, 1500), "&gzip=1" if rng.random() < 0.6 else "")


def start(argv):
    p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    return p, p.stdout.readline().strip()


def llm_stats(base):
    root = base.rsplit("/v1", 1)[0]
    with urllib.request.urlopen(root + "/__stats", timeout=10) as r:
        return json.load(r)


def window_size(err):
    """The number of articles in the digest's window, from brief's summary line."""
    m = re.search(r"daily: \d+ stories from (\d+) articles", err)
    return int(m.group(1)) if m else -1


def failed_feeds(err):
    """The feed URLs a run's fetch reported FAILED, with their errors."""
    return dict(re.findall(r"^fetch \[\d+/\d+\] FAILED (\S+): (.*)$", err, re.M))


def run_daily(brief, home, opml, out, env, extra):
    """One brief daily: (wall s, peak RSS MiB, stderr, s after the fetch). The peak RSS is brief's
    own, through /usr/bin/time (as bench/store/run.py measures it): a child spawned straight from
    this script starts with the script's high-water mark in its wait4 ru_maxrss (Linux keeps it
    across exec), so brief's figure could not read below the script's size."""
    argv = [brief, "daily", "--home", home, "--feeds", opml, "--now", NOW, "--out", out] + extra
    if not os.path.exists("/usr/bin/time"):
        sys.exit("bench/daily needs /usr/bin/time (GNU time) to read brief's own peak RSS")
    with tempfile.NamedTemporaryFile("r") as usage:
        t0 = time.perf_counter()
        p = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", usage.name] + argv, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        lines, fetch_end = [], 0.0
        for line in p.stderr:  # timestamped as they come: the last "fetch [" or "page [" line ends the fetch
            lines.append(line)
            if line.startswith("fetch [") or line.startswith("page ["):
                fetch_end = time.perf_counter() - t0
        err = "".join(lines)
        code = p.wait()
        wall = time.perf_counter() - t0
        # time(1) prints "Command exited with non-zero status N" before the format's line
        maxrss_kb = [line for line in usage.read().split("\n") if line.strip()][-1]
    if code != 0:
        sys.exit("brief daily failed (%d):\n%s" % (code, err))
    return wall, int(maxrss_kb) / 1024.0, err, wall - fetch_end


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default="build")
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--full-text", action="store_true", help="thin feeds with article pages; measure full text")
    ap.add_argument("--peer", help="an earlier build's brief, run beside ours with full text")
    ap.add_argument("--reps", type=int, default=3, help="full-text runs of each binary")
    a = ap.parse_args()
    src = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    brief = os.path.abspath(os.path.join(a.build, "brief"))
    feedserver = os.path.abspath(os.path.join(a.build, "tests/feedserver/feedserver"))
    llmserver = os.path.abspath(os.path.join(a.build, "tests/llmserver/brief-llmserver"))
    for f in (brief, feedserver, llmserver):
        if not os.path.exists(f):
            sys.exit("missing %s: build first (cmake --build %s)" % (f, a.build))
    rng = random.Random(a.seed)
    tmp = tempfile.mkdtemp(prefix="brief-bench-daily-")
    root = os.path.join(tmp, "feeds")
    os.makedirs(os.path.join(root, "pages"))
    names = opml_feeds(os.path.join(src, "data/hn-popular-blogs-2025.opml"))
    kinds = behaviours(rng, len(names))
    total_bytes = 0
    fs, port = start([feedserver, "--root", root])  # serves the files as they are written
    for i, name in enumerate(names):
        thin = (root, "http://f%02d.localhost:%s" % (i, port)) if a.full_text and i % 3 == 1 else None
        doc = gen_feed(rng, name, i, thin)
        total_bytes += len(doc.encode())
        with open(os.path.join(root, "f%02d.xml" % i), "w", encoding="utf-8") as f:
            f.write(doc)
    llm, base = start([llmserver, "--latency-ms", "1000"])
    opml = os.path.join(tmp, "feeds.opml")
    with open(opml, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0"?>\n<opml version="2.0"><head><title>bench</title></head><body>\n')
        for i, name in enumerate(names):
            # One host name per blog (curl resolves *.localhost to loopback), so the fetcher's
            # per-host cap applies as it would to 92 different sites.
            url = "http://f%02d.localhost:%s/f%02d.xml%s" % (i, port, i, query(kinds[i], rng))
            f.write('<outline type="rss" text="%s" xmlUrl="%s"/>\n' % (name, url.replace("&", "&amp;")))
        f.write("</body></opml>\n")
    env = dict(os.environ, TZ="Asia/Shanghai", BRIEF_CONFIG="/dev/null", BRIEF_LLM_BASE_URL=base,
               BRIEF_LLM_API_KEY="bench-key", BRIEF_LLM_MODEL="stand-in")
    env_off = dict(os.environ, TZ="Asia/Shanghai", BRIEF_CONFIG="/dev/null", BRIEF_LLM_BASE_URL="",
                   OPENAI_API_KEY="")
    try:
        rows = []
        # Warm-up (not measured): the feed server's first pass over its files is slower than
        # later ones and made whichever run came first lose slow feeds to their timeout.
        run_daily(brief, os.path.join(tmp, "home-warm"), opml, os.path.join(tmp, "out0/"), env_off, ["--offline"])
        s0 = llm_stats(base)
        home = os.path.join(tmp, "home")
        w1, r1, e1, t1 = run_daily(brief, home, opml, os.path.join(tmp, "out1/"), env, [])
        s1 = llm_stats(base)
        w2, r2, e2, t2 = run_daily(brief, home, opml, os.path.join(tmp, "out2/"), env, [])
        s2 = llm_stats(base)
        w3, r3, _, t3 = run_daily(brief, os.path.join(tmp, "home-off"), opml, os.path.join(tmp, "out3/"), env_off,
                                  ["--offline"])
        # The same first run with the scoring not overlapped with the fetch ([daily]
        # score_while_fetching = no): the strategy before the overlap, in the same conditions.
        seq_cfg = os.path.join(tmp, "sequential.ini")
        with open(seq_cfg, "w") as f:
            f.write("[daily]\nscore_while_fetching = no\n")
        s3 = llm_stats(base)
        w4, r4, _, t4 = run_daily(brief, os.path.join(tmp, "home-seq"), opml, os.path.join(tmp, "out4/"),
                                  dict(env, BRIEF_CONFIG=seq_cfg), [])
        s4 = llm_stats(base)
        full = []
        if a.full_text:
            # Full text on (the pages are on loopback: allow_private), first runs into fresh
            # homes; with --peer the two binaries alternate so the machine's load is shared.
            ft_cfg = os.path.join(tmp, "fulltext.ini")
            with open(ft_cfg, "w") as f:
                f.write("[fetch]\nfull_text = true\nallow_private = true\n")
            bins = [("brief", brief)] + ([("peer", os.path.abspath(a.peer))] if a.peer else [])
            for r in range(a.reps):
                for label, b in bins:
                    sa = llm_stats(base)
                    h = os.path.join(tmp, "home-ft-%s-%d" % (label, r))
                    out = os.path.join(tmp, "outft-%s-%d/" % (label, r))
                    w, rss, err, t = run_daily(b, h, opml, out, dict(env, BRIEF_CONFIG=ft_cfg), [])
                    sb = llm_stats(base)
                    stats = json.load(open(glob.glob(os.path.join(out, "*.json"))[0]))["stats"]
                    full.append((label, w, rss, sb.get("requests", 0) - sa.get("requests", 0),
                                 stats.get("full_text_pages", -1), t))
        d = lambda x, y, k: y.get(k, 0) - x.get(k, 0)
        rows.append(("first run (LLM stand-in)", w1, r1, d(s0, s1, "requests"), d(s0, s1, "prompt_tokens"),
                     d(s0, s1, "completion_tokens"), t1))
        rows.append(("rerun (same home)", w2, r2, d(s1, s2, "requests"), d(s1, s2, "prompt_tokens"),
                     d(s1, s2, "completion_tokens"), t2))
        rows.append(("first run, --offline", w3, r3, 0, 0, 0, t3))
        rows.append(("first run, no overlap", w4, r4, d(s3, s4, "requests"), d(s3, s4, "prompt_tokens"),
                     d(s3, s4, "completion_tokens"), t4))
        print("brief daily over %d feeds (%s kinds: %s), %.1f MiB of feed files, LLM latency 1 s"
              % (len(names), len(set(kinds)), ", ".join("%s %d" % (k, kinds.count(k)) for k in sorted(set(kinds))),
                 total_bytes / 1048576.0))
        print("%-28s %9s %16s %10s %9s %14s %18s" % ("run", "wall s", "after fetch s", "peak MiB", "LLM reqs",
                                                     "prompt tokens", "completion tokens"))
        for name, w, r, q, pt, ct, t in rows:
            print("%-28s %9.1f %16.1f %10.1f %9d %14d %18d" % (name, w, t, r, q, pt, ct))
        print("first run vs reference: wall %.2fx of %.0f s (goal <= 0.40x), peak RSS %.3fx of %.1f GiB "
              "(goal < 32 MiB), LLM requests %d vs %d; rerun LLM requests %d (goal 0)"
              % (w1 / REF_WALL, REF_WALL, r1 / REF_RSS_MIB, REF_RSS_MIB / 1024, rows[0][3], REF_CALLS, rows[1][3]))
        # The goal is for the same input: a feed the first run lost (a slow one past the 10 s
        # stall on a loaded machine) and the rerun fetched brings articles nothing has scored.
        n1, n2 = window_size(e1), window_size(e2)
        lost = {u: why for u, why in failed_feeds(e1).items() if u not in failed_feeds(e2)}
        if n1 != n2 or lost:
            print("rerun's window: %d articles, first run's %d; feeds the first run lost and the rerun fetched: %s"
                  % (n2, n1, "; ".join("%s (%s)" % (u, why) for u, why in sorted(lost.items())) or "none"))
            print("  (the rerun's LLM requests score those new articles: a different input, not a cache miss)")
        if full:
            print("first run with full text ([fetch] full_text = true; %d thin feeds, pages in 100-800 ms):"
                  % sum(1 for i in range(len(names)) if i % 3 == 1))
            print("%-10s %9s %16s %10s %9s %8s" % ("binary", "wall s", "after fetch s", "peak MiB", "LLM reqs",
                                                 "pages"))
            for label, w, rss, q, pages, t in full:
                print("%-10s %9.1f %16.1f %10.1f %9d %8d" % (label, w, t, rss, q, pages))
            if a.peer:
                mean = lambda k: sum(x[1] for x in full if x[0] == k) / a.reps
                print("full-text first run, mean wall: brief %.1f s, peer %.1f s (%.2fx)"
                      % (mean("brief"), mean("peer"), mean("brief") / mean("peer")))
        print("brief's own summary (first run):")
        for line in e1.strip().splitlines()[-4:]:
            print("  " + line)
    finally:
        for p in (fs, llm):
            p.terminate()
            p.wait()
        if a.keep:
            print("kept", tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
