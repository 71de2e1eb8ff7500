#!/usr/bin/python3
"""compare_feedparser.py: do brief's items agree with Python feedparser's on real feeds?

For every real-world feed of the corpus (MANIFEST.tsv kinds realworld and
realworld-jsonfeed) compare `brief parse --json` with feedparser.parse(): the item
count per feed, and per item the title, link and published date. Every disagreement
is listed; exits 1 when fewer than 98 % of items agree, 77 (skip) without the corpus
or without feedparser.

Informational, not in the verdict: the sanitised HTML of each item (feedparser's
content, else its summary, against brief's content, else summary) compared as
tests/feed/conformance.py compares HTML: the same start tags, attributes and text.
The two parsers may pick different elements for a field (itunes:summary or
description), so a difference there is not always the sanitiser's.

Both parsers are given the document's URL as a fetcher would (brief --base, feedparser's
Content-Location): for a corpus file that is its own rel="self" link when it has an
absolute one; files without one are parsed with no URL at all.

usage: compare_feedparser.py [--brief PATH] [--shared DIR] [--threshold 98] [--quiet]
"""
import argparse
import calendar
import html
import json
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "feed"))
from conformance import html_tokens  # noqa: E402

TAG = re.compile(r"<[^>]*>")
SPACE = re.compile(r"\s+")


def plain(s):
    """Text as a reader sees it: tags dropped, entities decoded, whitespace collapsed."""
    if s is None:
        return None
    s = html.unescape(TAG.sub("", s))
    s = SPACE.sub(" ", s).strip()
    return s or None


def fp_date(entry):
    t = entry.get("published_parsed") or entry.get("updated_parsed")
    if not t:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(calendar.timegm(t)))


def ours_date(item):
    return item.get("published") or item.get("updated")


def is_empty_entry(e):
    """feedparser opens an entry for an <item> illegally nested in another item's text."""
    return not any(e.get(k) for k in ("title", "link", "id", "summary", "published", "updated"))


def json_reference(path, feedparser):
    """feedparser 6.0 (Debian) does not read JSON Feed: the reference for a JSON Feed is
    the document itself, read with the json module, with dates through feedparser's own
    date parser and links resolved like feedparser's XML parser does (urljoin)."""
    from urllib.parse import urljoin
    from feedparser.datetimes import _parse_date
    with open(path, encoding="utf-8-sig") as f:
        data = json.load(f)
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        return None
    base = data.get("home_page_url") or data.get("feed_url") or ""
    entries = []
    for it in data["items"]:
        if not isinstance(it, dict):
            continue
        url = it.get("url") or it.get("external_url")
        entries.append({
            "title": it.get("title"),
            "link": urljoin(base, url.strip()) if isinstance(url, str) else None,
            "published": it.get("date_published"),
            "published_parsed": _parse_date(it["date_published"]) if it.get("date_published") else None,
            "updated": it.get("date_modified"),
            "updated_parsed": _parse_date(it["date_modified"]) if it.get("date_modified") else None,
        })
    return entries


SELF_LINK = re.compile(rb"<(?:[A-Za-z0-9_]+:)?link\b[^>]*>", re.I)
REL_SELF = re.compile(rb"""\brel\s*=\s*["']self["']""", re.I)
HREF = re.compile(rb"""\bhref\s*=\s*["'](https?://[^"'<>\s]+)["']""", re.I)


def self_link(path):
    """The feed's own absolute rel="self" URL (where it was fetched from), or None."""
    with open(path, "rb") as f:
        data = f.read(256 * 1024)
    for m in SELF_LINK.finditer(data):
        tag = m.group(0)
        h = HREF.search(tag)
        if REL_SELF.search(tag) and h:
            return html.unescape(h.group(1).decode("utf-8", "replace"))
    return None


def run_brief(brief, paths, base=None):
    argv = [brief, "parse", "--json"] + (["--base", base] if base else []) + paths
    run = subprocess.run(argv, capture_output=True, text=True)
    docs = {}
    for line in run.stdout.splitlines():
        if line.strip():
            doc = json.loads(line)
            docs[doc["source"]] = doc
    return docs, run


def same_html(mine, fp_entry):
    """None when either side has no HTML field, else whether brief's sanitised HTML parses to
    the same markup as feedparser's (its content, else its summary)."""
    content = fp_entry.get("content")
    theirs = content[0].get("value") if content else fp_entry.get("summary")
    ours = mine.get("content") or mine.get("summary")
    if theirs is None or ours is None:
        return None
    try:
        return ours == theirs or html_tokens(ours) == html_tokens(theirs)
    except Exception:
        return False


def explain(field, mine, theirs, fp_entry, fp_feed):
    """Why a disagreement is feedparser's error (not brief's), or None when it is not known to be."""
    if field == "link":
        # feedparser keeps FeedBurner's redirector as the link (the post's URL is in its
        # feedburner_origlink, lost where an illegally nested item cut the entry short)
        proxied = theirs and "//feedproxy.google.com/~r/" in theirs and theirs.rstrip("/").rsplit("/", 1)[-1]
        if mine and (mine == fp_entry.get("feedburner_origlink") or (proxied and proxied in mine)):
            return "feedparser keeps FeedBurner's proxy link; brief the feedburner:origLink"
        if theirs and mine and "://" not in theirs and mine.endswith(theirs):
            return "feedparser leaves a relative link relative (no base URL for a local file)"
        if theirs and theirs == fp_entry.get("id") and mine and theirs.split(":")[0] not in ("http", "https"):
            return "feedparser took the entry id (not a URL) as the link"
        bases = (fp_entry.get("title_detail") or {}).get("base"), (fp_feed.get("title_detail") or {}).get("base")
        if mine is None and theirs and theirs in bases:
            return "feedparser resolves an empty href to the xml:base document (brief: no link)"
        if mine is None and theirs and theirs in (fp_feed.get("link"), fp_feed.get("id")):
            return "feedparser resolves an empty href to the document base"
        if mine is None and theirs and any(l.get("rel") == "self" and l.get("href") == theirs
                                           for l in fp_feed.get("links", [])):
            return "feedparser resolves an empty href to the document base"
    if field == "date":
        raw = fp_entry.get("published") or fp_entry.get("updated") or ""
        if mine and theirs.startswith("None") and raw:
            return "feedparser cannot read this date (%r)" % raw
        if mine and re.search(r"\b(AM|PM|am|pm)\b", raw):
            return "feedparser ignores AM/PM (%r)" % raw
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--brief", default=os.environ.get("BRIEF_BIN", "build/brief"))
    ap.add_argument("--shared", default=os.environ.get("BRIEF_SHARED", "../shared"))
    ap.add_argument("--threshold", type=float, default=98.0)
    ap.add_argument("--quiet", action="store_true", help="only the summary")
    args = ap.parse_args()

    corpus = os.path.join(args.shared, "corpus")
    manifest = os.path.join(corpus, "MANIFEST.tsv")
    if not os.path.isfile(manifest):
        print("no corpus at %s: skipped" % corpus)
        return 77
    try:
        import feedparser
    except ImportError:
        print("python3-feedparser not installed: skipped")
        return 77

    files = []
    with open(manifest, encoding="utf-8") as f:
        next(f)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 5 and cols[4] in ("realworld", "realworld-jsonfeed"):
                files.append(cols[0])

    paths = [os.path.join(corpus, p) for p in files]
    bases = {p: self_link(p) for p in paths}
    ours, run = run_brief(args.brief, [p for p in paths if not bases[p]])
    for p in paths:
        if bases[p]:
            one, run = run_brief(args.brief, [p], bases[p])
            ours.update(one)
    if len(ours) != len(paths):
        print("brief parse printed %d documents for %d files (exit %d): %s"
              % (len(ours), len(paths), run.returncode, run.stderr[-500:]))
        return 1

    total = agree = agree_explained = 0
    html_total = html_same = 0
    explained = []
    count_mismatch = []
    field_diffs = []
    for rel, path in zip(files, paths):
        doc = ours[path]
        fp = feedparser.parse(path, response_headers={"content-location": bases[path]} if bases[path] else None)
        mine = doc.get("items") or []
        theirs = [e for e in fp.entries if not is_empty_entry(e)]
        if len(theirs) != len(fp.entries):
            explained.append((rel, "count", "feedparser made %d empty entries from illegally nested items"
                              % (len(fp.entries) - len(theirs))))
        if not fp.get("version") and path.endswith(".json"):
            ref = json_reference(path, feedparser)
            if ref is not None:
                theirs = ref
        if len(mine) != len(theirs):
            count_mismatch.append((rel, len(mine), len(theirs), doc.get("version"), fp.get("version")))
        for i in range(max(len(mine), len(theirs))):
            total += 1
            if i >= len(mine) or i >= len(theirs):
                continue
            a, b = mine[i], theirs[i]
            if fp.get("version"):
                same = same_html(a, b)
                if same is not None:
                    html_total += 1
                    html_same += same
            diffs = []
            if plain(a.get("title")) != plain(b.get("title")):
                diffs.append(("title", a.get("title"), b.get("title")))
            if (a.get("link") or None) != (b.get("link") or None):
                diffs.append(("link", a.get("link"), b.get("link")))
            if ours_date(a) != fp_date(b):
                diffs.append(("date", ours_date(a),
                              "%s (%s)" % (fp_date(b), b.get("published") or b.get("updated"))))
            unexplained = []
            for field, x, y in diffs:
                why = explain(field, x, y or "", b, fp.feed)
                if why:
                    explained.append((rel, "[%d] %s" % (i, field), "%s: brief %r" % (why, x)))
                else:
                    unexplained.append((field, x, y))
            if not diffs:
                agree += 1
            elif not unexplained:
                agree_explained += 1
            if unexplained:
                field_diffs.append((rel, i, unexplained))

    rate = 100.0 * agree / total if total else 0.0
    rate_explained = 100.0 * (agree + agree_explained) / total if total else 0.0
    if not args.quiet:
        for rel, what, why in explained:
            print("EXPLAINED %s %s: %s" % (rel, what, why))
        for rel, n_ours, n_fp, v_ours, v_fp in count_mismatch:
            print("COUNT %s: brief %d items (%s), feedparser %d (%s)" % (rel, n_ours, v_ours, n_fp, v_fp))
        for rel, i, diffs in field_diffs:
            for field, x, y in diffs:
                print("DIFF %s [%d] %s:\n    brief:      %r\n    feedparser: %r" % (rel, i, field, x, y))
    print("%d feeds, %d items: %d agree exactly (%.2f%%); %d more differ only where feedparser is wrong "
          "(EXPLAINED) -> %.2f%% agree; %d items differ (DIFF), %d feeds differ in item count (COUNT)"
          % (len(files), total, agree, rate, agree_explained, rate_explained, len(field_diffs),
             len(count_mismatch)))
    print("sanitised HTML (informational): %d of %d items with HTML on both sides parse to the same markup "
          "as feedparser's (%.1f%%)" % (html_same, html_total, 100.0 * html_same / html_total if html_total else 0))
    return 0 if rate_explained >= args.threshold else 1


if __name__ == "__main__":
    sys.exit(main())
