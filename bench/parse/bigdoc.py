#!/usr/bin/python3
"""bench/parse/bigdoc.py: build one big, well-formed RSS 2.0 document and one big
Atom 1.0 document out of the real items of the corpus, for bench/parse/run.py.

The items are the real feeds' own bytes (the corpus' MANIFEST.tsv kinds
"realworld"): every <item> of each UTF-8 RSS 2.0 file and every <entry> of each
UTF-8 Atom 1.0 file, cut out as written, and repeated in corpus order until the
document reaches the size asked for. The new root declares the union of the
namespaces the source roots declared (a source whose prefix means something else
than in an earlier one is left out), so the result is namespace-well-formed; it
is checked with expat before it is used. Sources with a DOCTYPE (entities), a
non-UTF-8 encoding or items that do not parse on their own are left out.

The documents are written to a directory the caller owns (a temporary one): they
are generated at bench time and never committed (the items are other people's text).

usage: bench/parse/bigdoc.py OUTDIR [--shared ../shared] [--mib 32]
       prints the paths of the two documents
"""
import argparse
import os
import re
import sys
import xml.parsers.expat

ROOT_RSS = re.compile(rb"<rss\b[^>]*>", re.S)
ROOT_ATOM = re.compile(rb"<feed\b[^>]*>", re.S)
XMLNS = re.compile(rb"""\sxmlns(?::([A-Za-z_][\w.-]*))?\s*=\s*(["'])(.*?)\2""", re.S)
DECL = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']""", re.S)
ATOM_NS = b"http://www.w3.org/2005/Atom"


def is_wellformed(data):
    p = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    try:
        p.Parse(data, True)
        return True
    except xml.parsers.expat.ExpatError:
        return False


def realworld_files(shared):
    corpus = os.path.join(shared, "corpus")
    with open(os.path.join(corpus, "MANIFEST.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) >= 5 and c[4] == "realworld":
                yield os.path.join(corpus, c[0])


def items_of(data, root_re, elem):
    """(namespaces {prefix: uri}, [item bytes]) of one source, or None to leave it out."""
    m = DECL.match(data)
    if m and m.group(1).lower() not in (b"utf-8", b"utf8"):
        return None
    if b"<!DOCTYPE" in data[:4096] or b"\x00" in data[:4]:  # entities, UTF-16/32
        return None
    root = root_re.search(data)
    if not root or not is_wellformed(data):
        return None
    ns = {}
    for pm in XMLNS.finditer(root.group(0)):
        ns[pm.group(1) or b""] = pm.group(3)
    if elem == b"entry" and ns.get(b"") != ATOM_NS:
        return None
    if elem == b"item" and ns.get(b""):
        return None  # RSS with a default namespace: its items mean something else
    items = re.findall(rb"<%s\b[^>]*>.*?</%s>" % (elem, elem), data, re.S)
    return ns, items


def build(shared, root_re, elem, head, tail, size):
    namespaces, items = {}, []
    for path in realworld_files(shared):
        with open(path, "rb") as f:
            got = items_of(f.read(), root_re, elem)
        if not got or not got[1]:
            continue
        ns, its = got
        if any(p in namespaces and namespaces[p] != u for p, u in ns.items()):
            continue  # a prefix bound to another namespace by an earlier source
        # each item must be well-formed inside the new root on its own
        decl = b"".join(b' xmlns%s="%s"' % (b":" + p if p else b"", u) for p, u in ns.items())
        its = [i for i in its if is_wellformed(b"<r%s>%s</r>" % (decl, i))]
        if its:
            namespaces.update(ns)
            items.extend(its)
    if not items:
        sys.exit("bigdoc: no usable %s in the corpus under %s" % (elem.decode(), shared))
    decl = b"".join(b' xmlns%s="%s"' % (b":" + p if p else b"", u) for p, u in sorted(namespaces.items()))
    out = [head % decl]
    n = len(out[0]) + len(tail)
    i = 0
    while n < size:
        it = items[i % len(items)]
        out.append(b"\n" + it)
        n += len(it) + 1
        i += 1
    out.append(tail)
    doc = b"".join(out)
    if not is_wellformed(doc):
        sys.exit("bigdoc: the %s document is not well-formed" % elem.decode())
    return doc, i, len(items)


def make(outdir, shared, mib):
    size = mib * 1024 * 1024
    rss_head = (b'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"%s>\n<channel>\n'
                b"<title>bench: real RSS items</title>\n<link>https://example.org/</link>\n"
                b"<description>items of the corpus feeds, concatenated</description>")
    atom_head = (b'<?xml version="1.0" encoding="utf-8"?>\n<feed%s>\n'
                 b"<title>bench: real Atom entries</title>\n<id>urn:example:bench</id>\n"
                 b"<updated>2026-01-01T00:00:00Z</updated>\n"
                 b'<link rel="alternate" href="https://example.org/"/>')
    made = []
    for name, root_re, elem, head, tail in (
        ("big-rss.xml", ROOT_RSS, b"item", rss_head, b"\n</channel>\n</rss>\n"),
        ("big-atom.xml", ROOT_ATOM, b"entry", atom_head, b"\n</feed>\n"),
    ):
        doc, count, distinct = build(shared, root_re, elem, head, tail, size)
        path = os.path.join(outdir, name)
        with open(path, "wb") as f:
            f.write(doc)
        made.append((path, count, distinct))
    return made


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--shared", default=os.environ.get("BRIEF_SHARED", "../shared"))
    ap.add_argument("--mib", type=int, default=32)
    args = ap.parse_args()
    for path, count, distinct in make(args.outdir, args.shared, args.mib):
        print("%s\t%d items (%d distinct)" % (path, count, distinct))


if __name__ == "__main__":
    main()
