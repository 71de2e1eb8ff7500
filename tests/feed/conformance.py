#!/usr/bin/env python3
"""conformance.py: run feedparser's own test cases against `brief parse --json`.

Every case in $BRIEF_SHARED/corpus/feedparser/tests (and the legacy date tests)
carries a Python `Expect:` expression over feedparser's result. We parse the
file with brief, map brief's JSON into feedparser's dict shape (the alias table
of the corpus README), and evaluate the expression. A case is *applicable* when
its expression only touches fields brief exposes (FEED_KEYS, ENTRY_KEYS); the others are
counted as not applicable and listed with --verbose.

Usage: conformance.py BRIEF_BIN CORPUS_DIR [--verbose] [--only SUBSTRING]
Exit: 0 when the targets are met, 1 otherwise (and when a class of cases, well-formed, ill-formed
or sanitize, has no case to measure), 77 when the corpus is absent.
"""
import ast
from html.parser import HTMLParser
import datetime
import json
import os
import re
import subprocess
import sys
import time
import urllib.parse

WELLFORMED_TARGET = 0.95
ILLFORMED_TARGET = 0.90
SANITIZE_TARGET = 0.95

# Keys of feedparser's result that brief exposes, per level.
FEED_KEYS = {'title', 'link', 'id', 'guid', 'subtitle', 'tagline', 'description', 'language',
             'updated_parsed', 'modified_parsed', 'date_parsed', 'author', 'icon', 'generator'}
ENTRY_KEYS = {'id', 'guid', 'title', 'link', 'published_parsed', 'issued_parsed', 'updated_parsed',
              'modified_parsed', 'date_parsed', 'author', 'summary', 'description', 'content', 'tags',
              'category', 'enclosures', 'comments'}
SUB_KEYS = {'content': {'value'}, 'tags': {'term'}, 'enclosures': {'href', 'url', 'type', 'length'}}
METHODS = {'get', 'keys', 'has_key', 'strip', 'startswith', 'endswith', 'lower', 'timedelta', 'count',
           'split', 'find', 'replace'}
# Names an expression may use at top level.
NAMES = {'bozo', 'feed', 'channel', 'entries', 'items', 'encoding', 'version', 'datetime',
         'len', 'ord', 'str', 'int', 'True', 'False', 'None', 'list', 'tuple', 'dict', 'set', 'u'}
# HTTP headers brief parse can be given (--content-type; Content-Location is the base URL).
HEADERS = {'content-type', 'content-location'}

HTTP_ROOT = 'http://127.0.0.1:8097/'


def decode_header(raw):
    """Decode the file the way feedparser's harness does, to find the comment."""
    if raw[:4] in (b'\x00\x00\xfe\xff', b'\xff\xfe\x00\x00', b'\x00\x00\x00<', b'<\x00\x00\x00'):
        enc = 'utf-32-be' if raw[:4] in (b'\x00\x00\xfe\xff', b'\x00\x00\x00<') else 'utf-32-le'
    elif raw[:2] in (b'\xfe\xff', b'\xff\xfe') or raw[:2] in (b'\x00<', b'<\x00'):
        enc = 'utf-16-be' if raw[:2] in (b'\xfe\xff', b'\x00<') else 'utf-16-le'
    else:
        enc = 'utf-8'
    return raw.decode(enc, errors='replace').lstrip('\ufeff')


def read_case(path):
    raw = open(path, 'rb').read()
    text = decode_header(raw)
    if path.endswith('.json'):
        m = re.search(r'Description:\s*(.*?)\s*Expect:\s*(.*?)\s*-->', text)
    else:
        m = re.search(r'Description:\s*(.*?)\s*Expect:\s*(.*)\s*-->', text)
    if not m:
        return None
    headers = dict((k.strip().lower(), v.strip()) for k, v in
                   re.findall(r'Header:\s*([^:\n]+):\s*(.*)', text[:m.start(2)]))
    skip = re.search(r'SkipUnless:\s*(.*)', text[:m.start(2)])
    return {'expect': m.group(2).strip(), 'headers': headers,
            'skip': skip.group(1).strip() if skip else None}


def chain(node):
    """(root name, [keys]) of a subscript/attribute chain like entries[0]['title'].value."""
    keys = []
    while True:
        if isinstance(node, ast.Subscript):
            sl = node.slice
            if isinstance(sl, ast.Index):  # Python < 3.9
                sl = sl.value
            if isinstance(sl, ast.Constant) and isinstance(sl.value, str):
                keys.append(sl.value)
            node = node.value
        elif isinstance(node, ast.Attribute):
            keys.append(node.attr)
            node = node.value
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in ('get', 'has_key') and node.args \
                and isinstance(node.args[0], ast.Constant):
            keys.append(node.args[0].value)
            node = node.func.value
        else:
            break
    root = node.id if isinstance(node, ast.Name) else None
    return root, list(reversed(keys))


def unexposed(expr):
    """Keys and names of an Expect expression that brief does not expose."""
    try:
        tree = ast.parse(expr, mode='eval')
    except SyntaxError:
        return ['<syntax>']
    bad = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id not in NAMES:
            bad.append(node.id)
        if not isinstance(node, (ast.Subscript, ast.Attribute, ast.Call)):
            continue
        root, keys = chain(node)
        keys = [k for k in keys if k not in METHODS]
        if root in ('feed', 'channel'):
            allowed = [FEED_KEYS]
        elif root in ('entries', 'items'):
            allowed = [ENTRY_KEYS]
        else:
            continue
        for k in keys:
            if k not in allowed[-1]:
                bad.append(k)
                break
            allowed.append(SUB_KEYS.get(k, set()))
    return bad


def not_applicable(case):
    """The reason a case does not concern brief's fields, or None."""
    if case['skip'] and 'chardet' in case['skip']:
        return 'needs statistical charset detection (chardet)'
    if case['skip']:
        try:
            if not eval(case['skip']):
                return 'SkipUnless false'
        except Exception:
            return 'SkipUnless false'
    extra = sorted(set(case['headers']) - HEADERS)
    if extra:
        return 'needs HTTP headers: ' + ', '.join(extra)
    bad = sorted(set(unexposed(case['expect'])))
    if bad:
        return 'not exposed: ' + ', '.join(bad)
    return None


class Result(dict):
    """feedparser's FeedParserDict: attribute access and the alias table."""

    def __getitem__(self, key):
        if key == 'channel':
            key = 'feed'
        elif key == 'items':
            key = 'entries'
        elif key == 'guid':
            key = 'id'
        elif key == 'tagline':
            key = 'subtitle'
        elif key == 'url':
            key = 'href'
        elif key in ('issued_parsed',):
            key = 'published_parsed'
        elif key in ('date_parsed', 'modified_parsed'):
            if dict.__contains__(self, 'updated_parsed'):
                key = 'updated_parsed'
            else:
                key = 'published_parsed'
        elif key == 'description':
            key = 'summary' if dict.__contains__(self, 'summary') else 'subtitle'
        elif key == 'category':
            tags = dict.get(self, 'tags')
            if not tags:
                raise KeyError(key)
            return tags[0]['term']
        return dict.__getitem__(self, key)

    def __contains__(self, key):
        try:
            self[key]
            return True
        except (KeyError, IndexError):
            return False

    has_key = __contains__

    def get(self, key, default=None):
        try:
            return self[key]
        except (KeyError, IndexError):
            return default

    def __getattr__(self, key):
        try:
            return self[key]
        except KeyError:
            raise AttributeError(key)


class Encoding(str):
    """Encoding names compare case-insensitively (brief reports them lower-case)."""

    def __eq__(self, other):
        return isinstance(other, str) and self.lower() == other.lower()

    def __hash__(self):
        return hash(self.lower())


class _Tokens(HTMLParser):
    VOID = {'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param',
            'source', 'track', 'wbr'}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []

    def handle_starttag(self, tag, attrs):
        self.out.append(('<', tag, tuple(sorted((k, v or '') for k, v in attrs))))

    # End tags are left out: "<x/>", "<x></x>" and an omitted end tag compare equal.
    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        if self.out and self.out[-1][0] == 'd':
            self.out[-1] = ('d', self.out[-1][1] + data)
        else:
            self.out.append(('d', data))


def html_tokens(s):
    t = _Tokens()
    t.feed(s)
    t.close()
    return t.out


def plain(s):
    text = ''.join(tok[1] for tok in html_tokens(s) if tok[0] == 'd')
    return ' '.join(text.split())


COMPARISONS = {'html': 0, 'title': 0}


class Html(str):
    """HTML as brief prints it (sanitised by default, src/feed/sanitize.c) equals
    feedparser's sanitised, re-serialized HTML when both parse to the same markup: same
    start tags with the same attributes (in any order), same text after character
    references are decoded. Serialisation details (quotes, "<br />" or "<br>", escaping
    of text, attribute order) differ between the two writers and carry no meaning; what
    the sanitisers keep or drop (elements, attributes, values, text) does, and is compared."""

    def __eq__(self, other):
        if not isinstance(other, str):
            return False
        if str.__eq__(self, other):
            return True
        try:
            if html_tokens(self) == html_tokens(other):
                COMPARISONS['html'] += 1
                return True
        except Exception:
            pass
        return False

    def __ne__(self, other):
        return not self.__eq__(other)

    __hash__ = str.__hash__


class Title(str):
    """brief's titles are plain text: a title equals feedparser's HTML title when
    it is that title's text (tags stripped, references decoded, spaces collapsed)."""

    def __eq__(self, other):
        if not isinstance(other, str):
            return False
        if str.__eq__(self, other):
            return True
        if ' '.join(self.split()) == plain(other):
            COMPARISONS['title'] += 1
            return True
        return False

    def __ne__(self, other):
        return not self.__eq__(other)

    __hash__ = str.__hash__


def parsed_date(s):
    t = datetime.datetime.strptime(s, '%Y-%m-%dT%H:%M:%SZ')
    return time.gmtime(t.replace(tzinfo=datetime.timezone.utc).timestamp())


def put(d, key, value):
    if value is not None:
        d[key] = value


def to_feedparser(doc):
    feed = Result()
    f = doc.get('feed') or {}
    for k in ('link', 'id', 'language', 'author', 'icon', 'generator'):
        put(feed, k, f.get(k))
    if f.get('title') is not None:
        feed['title'] = Title(f['title'])
    if f.get('subtitle') is not None:
        feed['subtitle'] = Html(f['subtitle'])
    if f.get('updated'):
        feed['updated_parsed'] = parsed_date(f['updated'])
    entries = []
    for it in doc.get('items') or []:
        e = Result()
        for k in ('id', 'link', 'author', 'comments'):
            put(e, k, it.get(k))
        if it.get('title') is not None:
            e['title'] = Title(it['title'])
        if it.get('summary') is not None:
            e['summary'] = Html(it['summary'])
        if it.get('content') is not None:
            e['content'] = [Result(value=Html(it['content']))]
            if 'summary' not in e:
                e['summary'] = Html(it['content'])  # feedparser copies content to summary
        if it.get('published'):
            e['published_parsed'] = parsed_date(it['published'])
        if it.get('updated'):
            e['updated_parsed'] = parsed_date(it['updated'])
        if it.get('categories'):
            e['tags'] = [Result(term=c, scheme=None, label=None) for c in it['categories']]
        if it.get('enclosures'):
            e['enclosures'] = [Result((k, v) for k, v in
                                      (('href', x.get('url')), ('type', x.get('type')),
                                       ('length', None if x.get('length') is None else str(x['length'])))
                                      if v is not None)
                               for x in it['enclosures']]
        entries.append(e)
    return {'bozo': 1 if doc.get('bozo') else 0, 'feed': feed, 'channel': feed, 'entries': entries,
            'items': entries, 'encoding': Encoding(doc.get('encoding') or ''),
            'version': doc.get('version') or '', 'datetime': datetime}


def run_brief(brief, paths, extra):
    out = subprocess.run([brief, 'parse', '--json'] + extra + ['--'] + paths, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, timeout=300)
    if out.returncode not in (0, 1):
        raise RuntimeError('brief parse died (%d): %s' % (out.returncode, out.stderr.decode()[:300]))
    docs = {}
    for line in out.stdout.decode('utf-8').splitlines():
        d = json.loads(line)
        docs[d['source']] = d
    return docs


def group_of(rel):
    parts = rel.split('/')
    if parts[0] == 'feedparser-legacy':
        return 'legacy-wellformed'
    folder = parts[2]
    if folder == 'wellformed' and parts[3] == 'sanitize':
        return 'sanitize'
    return folder


def main():
    args = sys.argv[1:]
    verbose = '--verbose' in args
    only = None
    if '--only' in args:
        only = args[args.index('--only') + 1]
    args = [a for a in args if not a.startswith('--') and a != only]
    if len(args) < 2:
        print(__doc__)
        return 2
    brief, corpus = args[0], args[1]
    roots = [os.path.join(corpus, 'feedparser', 'tests'),
             os.path.join(corpus, 'feedparser-legacy', 'feedparser', 'tests')]
    if not os.path.isdir(roots[0]):
        print('corpus not found: skipped')
        return 77
    cases = []
    for root in roots:
        for dirpath, _, files in os.walk(root):
            for name in sorted(files):
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, corpus)
                if only and only not in rel:
                    continue
                case = read_case(path)
                if case is None:
                    continue
                case['path'] = path
                case['rel'] = rel
                case['group'] = group_of(rel)
                case['na'] = not_applicable(case)
                cases.append(case)
    # Parse: one brief run for all plain cases, one per HTTP case (own base and headers).
    plain = [c['path'] for c in cases if not c['na'] and 'http' not in c['rel']]
    docs = {}
    for i in range(0, len(plain), 400):
        docs.update(run_brief(brief, plain[i:i + 400], []))
    for c in cases:
        if c['na'] or 'http' not in c['rel']:
            continue
        url = HTTP_ROOT + os.path.relpath(c['path'], os.path.join(corpus, 'feedparser'))
        if 'content-location' in c['headers']:
            url = urllib.parse.urljoin(url, c['headers']['content-location'])
        ctype = c['headers'].get('content-type', 'text/xml')
        docs.update(run_brief(brief, [c['path']], ['--base', url, '--content-type', ctype]))
    stats = {}
    failures = {}
    for c in sorted(cases, key=lambda c: c['rel']):
        g = c['group']
        st = stats.setdefault(g, [0, 0, 0])
        if c['na']:
            st[2] += 1
            if verbose:
                print('N/A  %s: %s' % (c['rel'], c['na']))
            continue
        doc = docs.get(c['path'])
        ok = False
        why = ''
        if doc is None:
            why = 'no output'
        else:
            ns = to_feedparser(doc)
            try:
                ok = bool(eval(c['expect'], {'__builtins__': __builtins__}, ns))
            except Exception as exc:
                why = '%s: %s' % (type(exc).__name__, exc)
            if ok and g in ('wellformed', 'legacy-wellformed') and ns['bozo']:
                ok, why = False, 'bozo: %s' % doc.get('error')
        if ok:
            st[0] += 1
        else:
            st[1] += 1
            failures.setdefault(g, []).append((c['rel'], c['expect'], why, doc))
    print('feedparser conformance of brief parse (N passed, M failed; not applicable)')
    for g in sorted(stats):
        p, f, na = stats[g]
        print('  %-18s %4d passed, %3d failed  (%d not applicable)' % (g, p, f, na))
    for g in sorted(failures):
        print('\nfailures in %s:' % g)
        for rel, expect, why, doc in failures[g]:
            print('  %s\n      expect: %s' % (rel, expect[:200]))
            if why:
                print('      error:  %s' % why[:200])
            if verbose and doc is not None:
                short = dict(doc)
                print('      got:    %s' % json.dumps(short, ensure_ascii=False)[:600])
    wf_groups = ('wellformed', 'entities', 'encoding', 'json', 'legacy-wellformed')
    wp = sum(stats.get(g, [0, 0, 0])[0] for g in wf_groups)
    wf = sum(stats.get(g, [0, 0, 0])[1] for g in wf_groups)
    ip, ifail, _ = stats.get('illformed', [0, 0, 0])
    sp, sfail, _ = stats.get('sanitize', [0, 0, 0])
    if not only and (wp + wf == 0 or ip + ifail == 0 or sp + sfail == 0):
        # a rate over no case is no measurement: the corpus is there but its cases were not read
        print('no case measured in a class (well-formed %d, ill-formed %d, sanitize %d): the corpus at %s '
              'yields nothing to check' % (wp + wf, ip + ifail, sp + sfail, corpus))
        return 1
    wrate = wp / (wp + wf) if wp + wf else 1.0
    irate = ip / (ip + ifail) if ip + ifail else 1.0
    print('\nwell-formed (wellformed, entities, encoding, json, legacy): %d passed, %d failed = %.1f%% '
          '(target %.0f%%)' % (wp, wf, 100 * wrate, 100 * WELLFORMED_TARGET))
    print('ill-formed: %d passed, %d failed = %.1f%% (target %.0f%%)' %
          (ip, ifail, 100 * irate, 100 * ILLFORMED_TARGET))
    srate = sp / (sp + sfail) if sp + sfail else 1.0
    print('sanitize: %d passed, %d failed = %.1f%% (target %.0f%%)' % (sp, sfail, 100 * srate,
                                                                     100 * SANITIZE_TARGET))
    print('passes that needed the documented comparisons: %d plain-text titles, %d HTML as parsed markup'
          % (COMPARISONS['title'], COMPARISONS['html']))
    if only:
        return 0
    return 0 if wrate >= WELLFORMED_TARGET and irate >= ILLFORMED_TARGET and srate >= SANITIZE_TARGET else 1


if __name__ == '__main__':
    sys.exit(main())
