#!/usr/bin/python3
"""bench/store/run.py: the archive at 300k and 3M items: size, insert rate, search, paging, RSS.

Feeds of real text are generated at bench time (never committed), 1,000 new ones per run,
so that the 3M items are all different and compression and the index are measured honestly:
English sentences from the corpus under ../shared/corpus (the real-world feeds, the
readability test pages, the HN blogs) spliced and varied per item (names and numbers swapped
in), Chinese sentences rebuilt per item from 2-5 real clauses of the Chinese pages and the seed
documents with names, dates and figures; made-up names from a Zipf-distributed space of 500k
so rare terms exist at every size. 300 items per feed with dates spread over the year before
NOW; three feeds in four are English, the rest Chinese (one in five of them mixed); one feed in
five also carries full content (content:encoded). They are served over loopback by
tests/feedserver and stored through the real `brief fetch`, 1,000 feeds (300k items) per run;
a run's files are deleted once stored (about 270 MB each).

After the first run (300k items) and after the tenth (3M) it measures: insert rate (new
items per second of `brief fetch`, parsing and HTTP included), store bytes per item and as
a multiple of the raw feed text, full-text index bytes, `brief daily --offline --no-fetch`
time, search p50/p95 per query of a fixed list over `brief serve` (English words and phrases,
Chinese words of 1-4 characters, rare and common terms, prefixes), first/deep page latency
of /items and of a search, and peak RSS of fetch, daily and serve. While the last run
writes, the same serve requests are timed again (many readers, one writer).

With --peer BRIEF (a build of an earlier brief), the 300k store is built by it too and its
figures printed beside ours, with the ratio.

The work directory (--dir) keeps the generated feeds, the stores and results.json: a run
that is stopped resumes with the next fetch. --items 300k stops after the first size.

usage: bench/store/run.py [--build build] [--dir /tmp/brief-bench-store] [--items 300k|3m]
                          [--peer PATH/brief] [--reps 5] [--seed 1] [--build-only] [--measure-now]
A file STOP in --dir ends the build after the run in progress; --measure-now then measures the
store at the size it reached (labelled 0.9m, 1.2m, ...).
"""
import argparse
import email.utils
import glob
import html
import http.client
import multiprocessing
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse

NOW = "2026-02-21T01:56:00Z"
NOW_TS = 1771638960
FEEDS_PER_RUN = 1000
ITEMS_PER_FEED = 300
RUNS = {"300k": 1, "3m": 10}

QUERIES = [
    # English: common, mid, rare words; phrases; prefixes
    "the", "data", "performance", "browser", "kernel", "privacy", "zeitgeist", "xylophone",
    "open source", "the new", "machine learning", "in the same way",
    "comp*", "secur*", "prog*",
    # Chinese: 1-4 characters, common and rarer; mixed
    "的", "中", "网", "鳄", "中国", "技术", "发展", "互联网", "新华社", "人工智能", "经济发展", "AI 模型",
]


def read(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def plain(text):
    text = re.sub(r"(?is)<(script|style)[^>]*>.*?</\1>", " ", text)
    for _ in range(2):
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return re.sub(r"\s+", " ", text).strip()


def sentence_pools(corpus, seeds):
    """English sentences and Chinese clauses from the corpus: real text, split at sentence ends
    (English) and at clause marks (Chinese: the corpus holds only ~50k Han characters, so
    Chinese sentences are rebuilt from clauses per item, see Gen)."""
    en, zh = set(), set()
    han = re.compile(r"[\u4e00-\u9fff]")
    files = []
    for line in open(os.path.join(corpus, "MANIFEST.tsv"), encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) > 4 and f[4] in ("realworld", "html"):
            files.append(os.path.join(corpus, f[0]))
    files += glob.glob(os.path.join(corpus, "fulltext/mozilla-readability/test-pages/*/expected.html"))
    files += glob.glob(os.path.join(corpus, "fulltext/mozilla-readability/test-pages/*/source.html"))
    files += glob.glob(os.path.join(corpus, "hn-blogs/*/*.xml"))
    files += glob.glob(os.path.join(seeds, "*.txt"))
    for path in files:
        if not os.path.isfile(path):
            continue
        text = plain(read(path))
        if len(han.findall(text)) > len(text) / 4 or len(han.findall(text)) > 2000:
            for s in re.split(r"[，。！？；：、!?;,]", text):
                s = re.sub(r"^[#\s\d.、）)]+", "", s.strip())
                if 4 <= len(s) <= 40 and len(han.findall(s)) > len(s) * 0.6:
                    zh.add(s)
        else:
            for s in re.split(r"(?<=[.!?])\s+", text):
                if 40 <= len(s) <= 300 and s[0].isupper() and not han.search(s) and s.count(" ") >= 5:
                    en.add(s)
    return sorted(en), sorted(zh)


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Gen:
    """Item text made of real corpus sentences, varied per item so that no two items of the
    3M are alike: English sentences are spliced at commas and get numbers and names swapped
    in; Chinese sentences are 2-5 real clauses joined, with numbers, dates and names. Names come
    from a Zipf-distributed space of 500k made-up words (syllables), so the vocabulary keeps
    growing with the store as real news vocabularies do (rare terms exist at every size)."""

    SYL = ["ka", "lo", "ve", "ri", "tan", "mo", "zu", "pe", "lin", "dra", "sto", "qui", "ber", "no",
           "fa", "xi", "gor", "ul", "mi", "sen", "tra", "vo", "el", "ash", "kor", "ne", "bu", "ry"]
    SURNAME = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力斌宇浩凯晨鑫博航峰亮欣怡雪琳婷瑶倩颖佳睿泽轩然"
    UNITS = ["亿元", "万元", "家企业", "个城市", "名用户", "项专利", "台设备", "万人次"]

    def __init__(self, rng, en, zh):
        self.rng, self.en, self.zh = rng, en, zh

    def name(self):
        r = self.rng
        k = int(500000 ** r.random())  # Zipf-like: small k common, large k rare
        w, x = [], k
        for _ in range(2 + k % 2):
            w.append(self.SYL[x % len(self.SYL)])
            x //= len(self.SYL)
        return "".join(w).capitalize() + ("" if k < 30000 else str(k % 97))

    def zh_name(self):
        r = self.rng
        return r.choice(self.SURNAME) + "".join(r.choice(self.GIVEN) for _ in range(r.randint(1, 2)))

    def en_sentence(self):
        r = self.rng
        s = r.choice(self.en)
        if r.random() < 0.3:  # splice with another sentence at a comma
            t = r.choice(self.en)
            a, b = s.find(", "), t.find(", ")
            if a > 20 and b > 0:
                s = s[:a] + t[b:]
        words = s.split(" ")
        for _ in range(r.randint(0, 2)):  # a name or a number in place of a word
            i = r.randrange(len(words))
            if words[i][:1].isupper() or words[i][:1].isdigit():
                words[i] = self.name() if r.random() < 0.7 else str(r.randint(2, 2026))
        if r.random() < 0.4:
            words.insert(r.randrange(len(words)), self.name())
        return " ".join(words)

    def zh_sentence(self):
        r = self.rng
        parts = [r.choice(self.zh) for _ in range(r.randint(2, 5))]
        if r.random() < 0.5:
            parts.insert(r.randrange(len(parts) + 1), "%s表示" % self.zh_name())
        if r.random() < 0.4:
            parts.insert(r.randrange(len(parts) + 1), "%d年%d月共有%d%s" % (
                r.randint(2015, 2026), r.randint(1, 12), r.randint(2, 9999), r.choice(self.UNITS)))
        if r.random() < 0.2:
            parts.append("%s公司的%s" % (self.name(), r.choice(self.zh)))
        return "，".join(parts) + r.choice("。。。！？")

    def sentences(self, lang, k):
        r = self.rng
        out = []
        for _ in range(k):
            zh = lang == "zh" or (lang == "mix" and r.random() < 0.5)
            out.append(self.zh_sentence() if zh else self.en_sentence())
        return out

    def title(self, lang):
        s = self.sentences(lang, 1)[0]
        if lang == "zh" or re.match(r"[\u4e00-\u9fff]", s):
            return s[:self.rng.randint(12, 40)].rstrip("，。")
        if len(s) > 90:
            s = s[:s.rfind(" ", 0, 90)]
        return s.rstrip(".")


def gen_feed(rng, run, idx, en, zh, path):
    """Feed idx of run: ITEMS_PER_FEED items of text no other feed has, over the year before NOW.
    Three feeds in four are English, one in five of the rest Chinese-and-English, the others
    Chinese; one in five also carries full content (content:encoded). Returns its size."""
    g = Gen(rng, en, zh)
    lang = "zh" if idx % 4 == 1 else "mix" if idx % 20 == 3 else "en"
    full = idx % 5 == 0
    host = "f%d-%d.example.org" % (run, idx)
    out = ['<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
           'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
           '<title>%s</title><link>https://%s/</link>'
           '<description>generated from real text</description>\n' % (esc(g.title(lang)), host)]
    cats = ["tech", "science", "policy", "business", "culture", "security", "ai", "web",
            "科技", "经济", "社会", "国际"]
    for k in range(ITEMS_PER_FEED):
        t = NOW_TS - int(365 * 86400 * (k + rng.random()) / ITEMS_PER_FEED)
        link = "https://%s/%d/%05d.html" % (host, 2025 + (k < 150), k)
        desc = "<p>%s</p>" % " ".join(g.sentences(lang, rng.randint(1, 3)))
        out.append("<item><title>%s</title><link>%s</link><guid>%s</guid><pubDate>%s</pubDate>"
                   "<category>%s</category><description>%s</description>"
                   % (esc(g.title(lang)), link, link, email.utils.formatdate(t, usegmt=True),
                      rng.choice(cats), esc(desc)))
        if full:
            body = "".join("<p>%s</p>" % " ".join(g.sentences(lang, rng.randint(2, 5)))
                           for _ in range(rng.randint(2, 5)))
            out.append("<content:encoded>%s</content:encoded>" % esc(body))
        out.append("</item>\n")
    out.append("</channel></rss>\n")
    data = "".join(out).encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)
    return len(data)


POOLS = []


def gen_init(en, zh):
    POOLS[:] = [en, zh]


def gen_job(job):
    seed, run, idx, path = job
    return gen_feed(random.Random("%d/%d/%d" % (seed, run, idx)), run, idx, POOLS[0], POOLS[1], path)


def start(argv):
    p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    return p, p.stdout.readline().strip()


DAILY_ERR = [""]  # stderr of the last run_rss (the daily's -v timing line)


def run_rss(argv, env):
    """Run argv; (wall seconds, peak RSS MiB, CPU seconds, stdout). RSS and CPU are the child's
    own, as /usr/bin/time reports them: a child spawned straight from this script (vfork)
    starts with the script's high-water mark in its ru_maxrss (Linux keeps it across exec), so
    every figure below the script's own ~48 MiB used to read as the script's size. time(1) is
    small and forks, so the child it runs starts from time's few MiB."""
    t = time.monotonic()
    with tempfile.TemporaryFile() as errf, tempfile.NamedTemporaryFile("r") as usage:
        p = subprocess.Popen(["/usr/bin/time", "-f", "%M %U %S", "-o", usage.name] + argv, env=env,
                             stdout=subprocess.PIPE, stderr=errf)
        out = p.stdout.read().decode("utf-8", "replace")
        p.wait()
        wall = time.monotonic() - t
        errf.seek(0)
        err = errf.read().decode("utf-8", "replace")
        lines = usage.read().split("\n")
    DAILY_ERR[0] = err
    if p.returncode not in (0, 3):
        sys.exit("%s failed (%d): %s" % (" ".join(argv[:2]), p.returncode, err[-2000:]))
    # time(1) prints "Command exited with non-zero status N" before the format's line
    maxrss_kb, user, system = [line for line in lines if line.strip()][-1].split()
    return wall, int(maxrss_kb) / 1024.0, float(user) + float(system), out


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100.0 * (len(xs) - 1))))] if xs else 0.0


class Client:
    """Keep-alive HTTP client timing each GET in milliseconds."""

    def __init__(self, base):
        u = urllib.parse.urlparse(base)
        self.host, self.port = u.hostname, u.port
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)

    def get(self, path):
        t = time.perf_counter()
        try:
            self.conn.request("GET", path)
            r = self.conn.getresponse()
            body = r.read().decode("utf-8", "replace")
        except (http.client.HTTPException, OSError):
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
            self.conn.request("GET", path)
            r = self.conn.getresponse()
            body = r.read().decode("utf-8", "replace")
        ms = (time.perf_counter() - t) * 1000
        if r.status != 200:
            sys.exit("GET %s: %d" % (path, r.status))
        return ms, body


def older(body):
    m = re.search(r'<a href="([^"]*)">older', body)
    return html.unescape(m.group(1)) if m else None


def hits(body):
    return body.count("<li><a href=\"/items/")


def serve_requests(db, peer):
    """The fixed request list: each query's first page, a search's 5th page, the list's first and
    deepest pages (cursor of the 60th-oldest item, read from the store)."""
    reqs = [("q " + q, "/items?q=" + urllib.parse.quote(q)) for q in QUERIES]
    reqs.append(("list first", "/items"))
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    row = con.execute("SELECT COALESCE(published, first_seen), id FROM items "
                      "ORDER BY 1, 2 LIMIT 1 OFFSET 60").fetchone()
    n = con.execute("SELECT count(*) FROM items").fetchone()[0] if peer else 0
    con.close()
    if peer:  # an earlier brief pages by offset
        reqs.append(("list deepest", "/items?page=%d" % min(100000, n // 50 - 2)))
    elif row:
        reqs.append(("list deepest", "/items?before=%d.%d" % row))
    return reqs


def measure_serve(client, reqs, reps, deep_q="data"):
    """Per request: list of ms over reps; plus a search followed 5 pages deep."""
    times = {name: [] for name, _ in reqs}
    counts = {}
    for _ in range(reps):
        for name, path in reqs:
            ms, body = client.get(path)
            times[name].append(ms)
            counts[name] = hits(body)
    # a search paged 5 deep by its own "older" links
    path = "/items?q=" + urllib.parse.quote(deep_q)
    times["q %s page 5" % deep_q] = []
    for _ in range(reps):
        p = path
        for _ in range(4):
            _, body = client.get(p)
            p = older(body) or p
        ms, _ = client.get(p)
        times["q %s page 5" % deep_q].append(ms)
    return times, counts


def vm_hwm(pid):
    for line in open("/proc/%d/status" % pid):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024.0
    return 0.0


def store_sizes(db):
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    items = con.execute("SELECT count(*) FROM items").fetchone()[0]
    page = con.execute("PRAGMA page_size").fetchone()[0]
    idx = con.execute("SELECT count(*) FROM dbstat WHERE name LIKE 'items_fts%'").fetchone()[0] * page
    con.close()
    return items, idx


def measure(a, brief, home, env, raw_bytes, label, writer=None):
    """All figures for the store in home. writer: a callable run while serve is timed again."""
    db = os.path.join(home, "brief.db")
    r = {"label": label, "raw_bytes": raw_bytes, "load": os.getloadavg()[0]}
    subprocess.run(["sqlite3", db, "PRAGMA wal_checkpoint(TRUNCATE)"], stdout=subprocess.DEVNULL, check=False)
    r["items"], r["index_bytes"] = store_sizes(db)
    r["store_bytes"] = os.path.getsize(db)
    wall, rss, _, _ = run_rss([brief, "daily", "-v", "--home", home, "--offline", "--no-fetch", "--now", NOW,
                            "--out", os.path.join(a.dir, "daily-%s.md" % label)], env)
    r["daily_s"], r["daily_rss"] = wall, rss
    sel = re.search(r"(\d+) articles in the \d+-hour window, read in (\d+) ms", DAILY_ERR[0])
    r["daily_select_ms"], r["window_articles"] = (int(sel.group(2)), int(sel.group(1))) if sel else (None, None)
    sv = subprocess.Popen([brief, "serve", "--home", home, "--listen", "127.0.0.1:0"], env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = re.search(r"http://[^\s/]+", sv.stderr.readline()).group(0)
    try:
        client = Client(url)
        reqs = serve_requests(db, label == "peer")
        times, counts = measure_serve(client, reqs, a.reps)
        r["serve"] = {k: [pct(v, 50), pct(v, 95)] for k, v in times.items()}
        r["hits"] = counts
        if writer:
            busy = {}
            done = writer(lambda: measure_serve(client, reqs, 1)[0], busy)
            r["serve_busy"] = {k: [pct(v, 50), pct(v, 95)] for k, v in busy.items()}
            r["busy_writer"] = done
        r["serve_rss"] = vm_hwm(sv.pid)
    finally:
        sv.terminate()
        sv.wait()
    return r


def fetch_argv(brief, home, opml):
    return [brief, "fetch", "--home", home, "--feeds", opml, "--json", "--per-host", "16",
            "--concurrency", "32", "--timeout", "120", "--deadline", "3600", "--now", NOW]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default="build")
    ap.add_argument("--dir", default="/tmp/brief-bench-store")
    ap.add_argument("--items", default="3m", choices=sorted(RUNS))
    ap.add_argument("--peer")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--build-only", action="store_true", help="fetch the runs, measure later")
    ap.add_argument("--measure-now", action="store_true",
                    help="measure the store as far as it was built (when the 3M build cannot finish)")
    a = ap.parse_args()
    src = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    brief = os.path.abspath(os.path.join(a.build, "brief"))
    feedserver = os.path.abspath(os.path.join(a.build, "tests/feedserver/feedserver"))
    for f in (brief, feedserver):
        if not os.access(f, os.X_OK):
            sys.exit("missing %s: build first (cmake --build %s)" % (f, a.build))
    shared = os.path.join(os.path.dirname(src), "shared")
    if not os.path.isdir(os.path.join(shared, "corpus")):
        sys.exit("the corpus is not at %s/corpus (it sits beside the checkout)" % shared)
    os.makedirs(os.path.join(a.dir, "feeds"), exist_ok=True)
    state_path = os.path.join(a.dir, "results.json")
    state = json.load(open(state_path)) if os.path.exists(state_path) else {"chunks": [], "raw": 0}
    def save():
        with open(state_path + ".tmp", "w") as f:
            json.dump(state, f, indent=1)
        os.replace(state_path + ".tmp", state_path)

    en, zh = sentence_pools(os.path.join(shared, "corpus"), os.path.join(shared, "seeds"))
    print("sentence pools: %d English, %d Chinese" % (len(en), len(zh)), file=sys.stderr)
    env = dict(os.environ, TZ="UTC", BRIEF_CONFIG="/dev/null", BRIEF_LLM_BASE_URL="", BRIEF_LLM_API_KEY="")
    fs, port = start([feedserver, "--root", os.path.join(a.dir, "feeds")])
    feeds_url = "http://127.0.0.1:%s" % port
    home = os.path.join(a.dir, "home")
    runs = RUNS[a.items]
    try:
        def gen(k):
            """The feeds of run k: 1,000 new feeds (seeded by k and the feed's number, so a stopped
            run regenerates the same files) under feeds/rK, written by two processes. Returns
            their raw bytes."""
            d = os.path.join(a.dir, "feeds", "r%d" % k)
            os.makedirs(d, exist_ok=True)
            jobs = [(a.seed, k, i, os.path.join(d, "f%05d.xml" % i)) for i in range(FEEDS_PER_RUN)]
            t = time.monotonic()
            with multiprocessing.Pool(2, initializer=gen_init, initargs=(en, zh)) as pool:
                raw = sum(pool.map(gen_job, jobs, chunksize=20))
            print("run %d: generated %d feeds, %.0f MB, in %.0f s" % (k + 1, FEEDS_PER_RUN, raw / 1e6,
                                                                   time.monotonic() - t), file=sys.stderr)
            return raw
        if a.peer and "peer" not in state:
            raw = gen(0)
            peer, phome = os.path.abspath(a.peer), os.path.join(a.dir, "home-peer")
            wall, rss, cpu, out = run_rss(fetch_argv(peer, phome, write_opml(a.dir, feeds_url, 0)), env)
            m = measure(a, peer, phome, env, raw, "peer")
            m.update(fetch_s=wall, fetch_cpu=cpu, fetch_rss=rss, items_new=json.loads(out)["items_new"])
            state["peer"] = m
            save()

        def record(k, raw, wall, rss, cpu, out):
            n = json.loads(out)["items_new"]
            state["raw"] += raw
            state["chunks"].append({"k": k, "wall": wall, "rss": rss, "cpu": cpu, "items_new": n})
            print("run %d: %d new items in %.1f s (%.0f/s; %.0f per CPU second), peak %.1f MiB"
                  % (k + 1, n, wall, n / wall, n / cpu, rss), file=sys.stderr)
            save()

        # Build: run k fetches 1,000 feeds (300k items); the store after the first run is
        # copied aside (home-300k) so both sizes can be measured when the build is done.
        while len(state["chunks"]) < runs and not a.measure_now:
            if os.path.exists(os.path.join(a.dir, "STOP")):  # touched to end the build between runs
                print("STOP file: the build ends at %d runs" % len(state["chunks"]), file=sys.stderr)
                break
            done = len(state["chunks"])
            raw = gen(done)
            wall, rss, cpu, out = run_rss(fetch_argv(brief, home, write_opml(a.dir, feeds_url, done)), env)
            record(done, raw, wall, rss, cpu, out)
            shutil.rmtree(os.path.join(a.dir, "feeds", "r%d" % done))  # stored; 270 MB each
            if done == 0:
                subprocess.run(["sqlite3", os.path.join(home, "brief.db"), "PRAGMA wal_checkpoint(TRUNCATE)"],
                               stdout=subprocess.DEVNULL, check=True)
                os.makedirs(home + "-300k", exist_ok=True)
                subprocess.run(["cp", os.path.join(home, "brief.db"), os.path.join(home + "-300k", "brief.db")],
                               check=True)
                state["raw300k"] = state["raw"]
                save()
        if a.build_only:
            return

        def writer_for(h):
            def writer(probe, busy):
                """A fetch of 10,000 small generated feeds (3 new items each) into h, run while
                serve is probed: one writer, many reads."""
                opml = os.path.join(a.dir, "writer.opml")
                tag = "w%d" % int(time.time())
                with open(opml, "w", encoding="utf-8") as f:
                    f.write('<?xml version="1.0"?>\n<opml version="2.0"><head><title>w</title></head><body>\n')
                    for i in range(10000):
                        f.write('<outline type="rss" text="%s-%d" xmlUrl="%s/gen/%s-%d?items=3"/>\n'
                                % (tag, i, feeds_url, tag, i))
                    f.write("</body></opml>\n")
                t0 = time.monotonic()
                proc = subprocess.Popen(fetch_argv(brief, h, opml), env=env, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, text=True)
                while proc.poll() is None:
                    for name, v in probe().items():
                        busy.setdefault(name, []).extend(v)
                out = json.loads(proc.stdout.read())
                return {"feeds": out["feeds_total"], "items_new": out["items_new"], "seconds": time.monotonic() - t0}
            return writer

        sizes = [("300k", home + "-300k", state.get("raw300k"), state["chunks"][:1])]
        n = len(state["chunks"])
        if n == 10 or (a.measure_now and n > 1):  # --measure-now: the store as far as it was built
            sizes.append(("3m" if n == 10 else "%.1fm" % (n * 0.3), home, state["raw"], state["chunks"]))
        for label, h, raw, chunks in sizes:
            if label in state or not raw:
                continue
            m = measure(a, brief, h, env, raw, label, writer=writer_for(h))
            m.update(fetch_s=sum(c["wall"] for c in chunks), fetch_cpu=sum(c["cpu"] for c in chunks),
                     fetch_rss=max(c["rss"] for c in chunks), items_new=sum(c["items_new"] for c in chunks),
                     last_run_rate=chunks[-1]["items_new"] / chunks[-1]["wall"])
            state[label] = m
            save()
    finally:
        fs.terminate()
        fs.wait()
    report(state)


def write_opml(d, feeds_url, k, count=FEEDS_PER_RUN):
    """The OPML file (in d) of run k's first count feeds as feeds_url serves them."""
    opml = os.path.join(d, "chunk%02d.opml" % k)
    with open(opml, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0"?>\n<opml version="2.0"><head><title>bench</title></head><body>\n')
        for i in range(count):
            f.write('<outline type="rss" text="f%d-%d" xmlUrl="%s/r%d/f%05d.xml"/>\n'
                    % (i, k, feeds_url, k, i))
        f.write("</body></opml>\n")
    return opml


def report(state):
    cols = [c for c in ["peer", "300k"] + sorted(k for k in state if k.endswith("m")) if c in state]
    if not cols:
        return
    def row(name, f, fmt):
        vals = []
        for c in cols:
            try:
                vals.append(fmt % f(state[c]))
            except (KeyError, TypeError, ZeroDivisionError):
                vals.append("-")
        print("%-34s" % name + "".join("%16s" % v for v in vals))
    print("%-34s" % "" + "".join("%16s" % ("before (peer)" if c == "peer" else c) for c in cols))
    row("items", lambda m: m["items"], "%d")
    row("fetch: new items/s (wall)", lambda m: m["items_new"] / m["fetch_s"], "%.0f")
    row("fetch: new items per CPU s", lambda m: m["items_new"] / m["fetch_cpu"], "%.0f")
    row("fetch: peak RSS MiB", lambda m: m["fetch_rss"], "%.1f")
    row("store MB", lambda m: m["store_bytes"] / 1e6, "%.0f")
    row("store bytes/item", lambda m: m["store_bytes"] / m["items"], "%.0f")
    row("store / raw feed text", lambda m: m["store_bytes"] / m["raw_bytes"], "%.2fx")
    row("full-text index MB", lambda m: m["index_bytes"] / 1e6, "%.0f")
    row("daily: window selection ms", lambda m: m["daily_select_ms"], "%d")
    row("daily: articles in the 48 h window", lambda m: m["window_articles"], "%d")
    row("daily --offline, whole run s", lambda m: m["daily_s"], "%.2f")
    row("daily peak RSS MiB", lambda m: m["daily_rss"], "%.1f")
    row("serve peak RSS MiB", lambda m: m["serve_rss"], "%.1f")
    names = []
    for c in cols:
        for n in state[c].get("serve", {}):
            if n not in names:
                names.append(n)
    print("serve ms p50/p95 (hits on page 1)")
    for n in names:
        row("  " + n, lambda m, n=n: "%.1f/%.1f (%s)" % (m["serve"][n][0], m["serve"][n][1],
                                                        m["hits"].get(n, "-")), "%s")
    worst = lambda key: (lambda m: max(v[1] for v in m[key].values()))
    row("serve worst p95 ms", worst("serve"), "%.1f")
    row("serve worst p95 ms, fetch writing", worst("serve_busy"), "%.1f")
    row("  (the writer: feeds, new items)", lambda m: "%d, %d" % (m["busy_writer"]["feeds"],
                                                                  m["busy_writer"]["items_new"]), "%s")
    row("load average at measurement", lambda m: m["load"], "%.1f")
    if "peer" in state and "300k" in state:
        p, m = state["peer"], state["300k"]
        print("ratios at 300k (ours / peer): store %.2f, index %.2f, worst search p95 %.2f, daily %.2f"
              % (m["store_bytes"] / p["store_bytes"], m["index_bytes"] / max(1, p["index_bytes"]),
                 worst("serve")(m) / worst("serve")(p), m["daily_s"] / p["daily_s"]))


if __name__ == "__main__":
    main()
