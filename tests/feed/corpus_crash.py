#!/usr/bin/env python3
"""corpus_crash.py: parse every file of $BRIEF_SHARED/corpus with `brief parse`
and fail on any crash, sanitizer report or timeout (run it in the ASan build).

Files are parsed in batches; a batch that fails is re-run file by file so the
culprit is named. Exit 0 = clean, 1 = problems (or no file at all), 77 = no corpus.
Usage: corpus_crash.py BRIEF_BIN CORPUS_DIR
"""
import os
import subprocess
import sys

BATCH = 150
TIMEOUT = 120  # seconds per batch: generous for the sanitizer build
ENV = dict(os.environ, ASAN_OPTIONS='exitcode=99:detect_leaks=1',
           UBSAN_OPTIONS='print_stacktrace=1:halt_on_error=1:exitcode=98')
MARKERS = (b'AddressSanitizer', b'LeakSanitizer', b'runtime error:', b'UndefinedBehaviorSanitizer')


def run(brief, files, timeout):
    """None when clean, else a reason."""
    try:
        out = subprocess.run([brief, 'parse', '--json', '--'] + files, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, env=ENV, timeout=timeout)
    except subprocess.TimeoutExpired:
        return 'timeout'
    if out.returncode not in (0, 1):
        return 'exit status %d: %s' % (out.returncode, out.stderr.decode(errors='replace')[-600:])
    if any(m in out.stderr for m in MARKERS):
        return 'sanitizer report: %s' % out.stderr.decode(errors='replace')[-600:]
    return None


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    brief, corpus = sys.argv[1], sys.argv[2]
    if not os.path.isdir(corpus):
        print('corpus not found: skipped')
        return 77
    files = []
    for dirpath, _, names in os.walk(corpus):
        files += [os.path.join(dirpath, n) for n in sorted(names)]
    files.sort()
    if not files:
        print('no file under %s: nothing parsed' % corpus)
        return 1
    problems = []
    for i in range(0, len(files), BATCH):
        batch = files[i:i + BATCH]
        if run(brief, batch, TIMEOUT) is None:
            continue
        for f in batch:
            why = run(brief, [f], TIMEOUT / 4)
            if why:
                problems.append((f, why))
                print('PROBLEM %s: %s' % (f, why))
    print('%d files parsed, %d problems' % (len(files), len(problems)))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
