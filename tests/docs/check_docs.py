#!/usr/bin/python3
"""tests/docs/check_docs.py: the manual pages say what the program does.

  1. Commands: every command `brief help` lists has a section "brief CMD" in
     docs/brief.1, and the page documents no command brief does not have.
  2. Options: for each command, the options its parser accepts (the cli_option
     table in src/cmd_CMD.c, or src/cli.c for the options every command takes),
     the options `brief help CMD` mentions and the options docs/brief.1 lists in
     that command's section (.TP tags) are the same set. So an option added to a
     parser without a line in the help, or without a man page entry, fails here;
     so does a man page entry for an option that no longer exists.
  3. Config keys (and brief doctor's list of a delivery channel's keys, which must be the
     keys the channels read): every key of the typed config table (src/util/config.h) and every
     key read outside it (config_get / config_pick with a literal section and key, or
     through a small wrapper that passes a literal key on, such as the delivery
     channels' channel_get: found by reading the sources) is documented in
     docs/brief.conf.5 under its section, and every key documented there exists.
  4. Both pages format without a warning (groff -k -man -ww) and brief.1 has the
     sections a manual page needs (FILES, ENVIRONMENT, EXIT STATUS, EXAMPLES).
  5. No document in the repository sends the reader to ../shared (SPEC.md,
     DESIGN.md, STYLE.md) for a contract: the contracts live under docs/.

usage: check_docs.py BRIEF_BINARY SOURCE_DIR
"""
import os
import re
import subprocess
import sys

failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg)


def help_text(brief, *args):
    p = subprocess.run([brief, "help", *args], capture_output=True, text=True)
    return p.stdout + p.stderr


def long_options(text):
    """The --options a text mentions (help output or roff with \\- escapes)."""
    text = text.replace("\\-", "-").replace("\\(em", " ")
    return set(re.findall(r"(?<![\w-])--([a-z][a-z0-9-]*)", text))


def short_options(text):
    text = text.replace("\\-", "-")
    return set(re.findall(r"(?<![\w-])-([a-zA-Z])\b(?!-)", text))


# ---- the parsers' option tables ----

def table_options(path, marker):
    """Long and short names of the cli_option table(s) after marker in a C file."""
    with open(path, encoding="utf-8") as f:
        src = f.read()
    longs, shorts = set(), set()
    for m in re.finditer(marker, src):
        end = src.find("{NULL, 0, 0, NULL}", m.end())
        for o in re.finditer(r"\{\"([a-z][a-z0-9-]*)\",\s*(0|'(.)')", src[m.end():end]):
            longs.add(o.group(1))
            if o.group(3):
                shorts.add(o.group(3))
    return longs, shorts


# ---- the man page ----

def roff_sections(path):
    """{(level, title): body} of a roff man page (.SH and .SS headings)."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    sections, key, body = {}, None, []
    for line in lines:
        m = re.match(r"\.(SH|SS)\s+(.*)", line)
        if m:
            if key:
                sections[key] = "\n".join(body)
            key, body = (m.group(1), m.group(2).strip().strip('"').replace("\\-", "-")), []
        else:
            body.append(line)
    if key:
        sections[key] = "\n".join(body)
    return sections


def tagged(body):
    """The tag lines of a section's .TP paragraphs (the line after each .TP)."""
    lines = body.splitlines()
    return [lines[i + 1] for i, l in enumerate(lines[:-1]) if l.strip() == ".TP"]


# ---- config keys read by the sources ----

def split_args(s):
    """Top-level comma-separated arguments of a call whose text starts after '('."""
    args, depth, cur, i, quote = [], 0, "", 0, None
    while i < len(s):
        c = s[i]
        if quote:
            cur += c
            if c == "\\":
                cur += s[i + 1]
                i += 1
            elif c == quote:
                quote = None
        elif c in "\"'":
            quote = c
            cur += c
        elif c in "([{":
            depth += 1
            cur += c
        elif c in ")]}":
            if depth == 0:
                args.append(cur.strip())
                return args
            depth -= 1
            cur += c
        elif c == "," and depth == 0:
            args.append(cur.strip())
            cur = ""
        else:
            cur += c
        i += 1
    return args


def literal(a):
    m = re.fullmatch(r'"([^"]*)"', a)
    return m.group(1) if m else None


def functions(src):
    """(name, parameter names, body) of each function definition (brief's style: the
    name at the start of a line, the body's braces at the start of lines)."""
    for m in re.finditer(r"^([a-z_][a-z0-9_]*)\(([^)]*)\)\n\{\n(.*?)^\}", src, re.S | re.M):
        params = [re.sub(r".*?([A-Za-z_]\w*)\s*(\[\])?$", r"\1", p.strip()) for p in m.group(2).split(",")]
        yield m.group(1), params, m.group(3)


def config_table(srcdir):
    """{(section, key)} of the typed config table: the X(section, key, ...) rows of
    CONFIG_INTS, CONFIG_BOOLS and CONFIG_STRS in src/util/config.h."""
    with open(os.path.join(srcdir, "src", "util", "config.h"), encoding="utf-8") as f:
        src = f.read()
    keys = set()
    for m in re.finditer(r"#define CONFIG_(INTS|BOOLS|STRS)\(X\)(.*?)(?:\n\n|\n#)", src, re.S):
        keys |= {(s, k) for s, k in re.findall(r"\bX\(\s*([a-z_]+)\s*,\s*([a-z_0-9]+)\s*,", m.group(2))}
    return keys


def config_reads(srcdir):
    """{(section, key)} the sources read outside the table (config_get / config_pick and
    their wrappers: the [deliver "NAME"] channels' keys). section "*" = a report kind's
    own section ([daily], [weekly], [article]), "deliver" = a [deliver "NAME"] section."""
    files = {}
    for root, _, names in os.walk(os.path.join(srcdir, "src")):
        for n in names:
            if n.endswith(".c") and not (n == "config.c" and root.endswith("util")):
                with open(os.path.join(root, n), encoding="utf-8") as f:
                    files[os.path.join(root, n)] = f.read()
    keys = set()
    # wrappers: name -> [(section literal or ("param", i) or "deliver", key param index)]
    wrappers = {"config_get": [(("param", 1), 2)], "config_pick": [(("param", 3), 4)]}
    changed = True
    while changed:  # wrappers of wrappers
        changed = False
        for src in files.values():
            for name, params, body in functions(src):
                for callee, uses in list(wrappers.items()):
                    for call in re.finditer(r"(?<![\w.>])%s\(" % callee, body):
                        args = split_args(body[call.end():])
                        for sec_spec, key_i in uses:
                            if key_i >= len(args) or literal(args[key_i]) is not None:
                                continue
                            key_arg = args[key_i]
                            if key_arg not in params:
                                continue
                            sec = sec_of(sec_spec, args, params)
                            use = (sec, params.index(key_arg))
                            if name not in wrappers:
                                wrappers[name] = []
                            if use not in wrappers[name] and name != callee:
                                wrappers[name].append(use)
                                changed = True
    for src in files.values():
        for callee, uses in wrappers.items():
            for call in re.finditer(r"(?<![\w.>])%s\(" % callee, src):
                args = split_args(src[call.end():])
                for sec_spec, key_i in uses:
                    if key_i >= len(args):
                        continue
                    key = literal(args[key_i])
                    if key is None:
                        continue
                    sec = sec_of(sec_spec, args, None)
                    if sec is None:
                        continue
                    keys.add((sec, key.lower()))
    return keys


def sec_of(spec, args, params):
    """The section a wrapper use names: a literal, a parameter (("param", i) kept
    for the caller when it is one of params), "deliver" for a channel's section."""
    if isinstance(spec, str):
        return spec
    a = args[spec[1]] if spec[1] < len(args) else ""
    lit = literal(a)
    if lit is not None:
        return "deliver" if lit.startswith("deliver.") else lit
    if params is not None and a in params:
        return ("param", params.index(a))
    if "section" in a:
        return "deliver"  # ch->section, "deliver.NAME" built at run time
    if a in ("kind",):
        return "*"
    return None


def documented_keys(conf5):
    """{(section, key)} of brief.conf.5: .SS "[section]" headings, .TP tags "key"."""
    keys = set()
    for (level, title), body in roff_sections(conf5).items():
        m = re.fullmatch(r"\[([a-z]+)(?: \"?NAME\"?| \\?\"NAME\\?\")?\]", title.replace('\\"', '"'))
        if level != "SS" or not m:
            continue
        sec = m.group(1)
        for tag in tagged(body):
            for k in re.findall(r"^\.B[IR]?\s+\"?([a-z_][a-z0-9_]*)", tag):
                keys.add((sec, k))
    return keys


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    brief, srcdir = sys.argv[1], sys.argv[2]
    man1 = os.path.join(srcdir, "docs", "brief.1")
    man5 = os.path.join(srcdir, "docs", "brief.conf.5")
    sections = roff_sections(man1)

    # 1. commands
    top = help_text(brief)
    block = top.split("commands:", 1)[1].split("\n\n", 1)[0]
    commands = re.findall(r"^\s+([a-z]+)\s", block, re.M)
    if len(commands) < 5:
        fail("brief help lists %d commands: %r" % (len(commands), commands))
    man_commands = [t[len("brief "):] for (lvl, t) in sections if lvl == "SS" and t.startswith("brief ")]
    for c in commands:
        if c not in man_commands:
            fail("command %s: no section \"brief %s\" in docs/brief.1" % (c, c))
    for c in man_commands:
        if c not in commands:
            fail("docs/brief.1 documents \"brief %s\", which brief help does not list" % c)

    # 2. options
    common_long, common_short = table_options(os.path.join(srcdir, "src", "cli.c"), r"common_opts\[\]\s*=")
    common_help = long_options(top.split("options every command accepts:", 1)[-1])
    common_man = set()
    for tag in tagged(sections.get(("SH", "COMMON OPTIONS"), "")):
        common_man |= long_options(tag)
    check_sets("common options", {"table in src/cli.c": common_long, "brief help": common_help,
                                 "docs/brief.1 COMMON OPTIONS": common_man}, ignore={"version"})
    # brief --version is main's, not a parser's: the synopsis shows it
    if "--version" not in top or "--version" not in "\n".join(b for b in sections.values()).replace("\\-", "-"):
        fail("--version: not in brief help or not in docs/brief.1")
    checked = 0
    for c in commands:
        path = os.path.join(srcdir, "src", "cmd_%s.c" % c)
        if not os.path.exists(path):
            fail("command %s: no %s" % (c, path))
            continue
        t_long, t_short = table_options(path, r"struct cli_option\s+\w+\[\]\s*=")
        h = long_options(help_text(brief, c)) - common_long
        body = sections.get(("SS", "brief " + c), "")
        m_long, m_short = set(), set()
        for tag in tagged(body):
            m_long |= long_options(tag)
            m_short |= short_options(tag)
        m_long -= common_long
        check_sets("brief %s" % c, {"its option table": t_long, "brief help %s" % c: h,
                                    "docs/brief.1 \"brief %s\"" % c: m_long})
        for s in t_short - m_short:
            fail("brief %s: short option -%s is not in docs/brief.1" % (c, s))
        checked += len(t_long)
    print("%d commands, %d command options, %d common options compared" % (len(commands), checked,
                                                                         len(common_long)))

    # 3. config keys
    table = config_table(srcdir)
    if len(table) < 30:
        fail("only %d keys in the config table of src/util/config.h: the reader is broken" % len(table))
    read = config_reads(srcdir) | table
    doc = documented_keys(man5) if os.path.exists(man5) else set()
    if not os.path.exists(man5):
        fail("docs/brief.conf.5 is missing")
    kinds = {"daily", "weekly", "article"}
    for sec, key in sorted(read, key=str):
        if sec == "*":
            if not any((k, key) in doc for k in kinds):
                fail("config key %s (any of [daily], [weekly], [article]) is not in docs/brief.conf.5" % key)
        elif (sec, key) not in doc:
            fail("config key [%s] %s is read by the sources but not in docs/brief.conf.5" % (sec, key))
    plain_read = {(s, k) for s, k in read if s != "*"}
    star_read = {k for s, k in read if s == "*"}
    for sec, key in sorted(doc):
        if (sec, key) not in plain_read and not (sec in kinds and key in star_read):
            fail("docs/brief.conf.5 documents [%s] %s, which no source reads" % (sec, key))
    # brief doctor names the keys brief does not read: its list of a channel's keys
    # (channel_keys in src/deliver/deliver.c) is the set the channels read.
    with open(os.path.join(srcdir, "src/deliver/deliver.c"), encoding="utf-8") as f:
        m = re.search(r"channel_keys\[\]\s*=\s*\{(.*?)\};", f.read(), re.S)
    listed = set(re.findall(r'"([a-z_]+)"', m.group(1))) if m else set()
    channel_read = {k for s, k in read if s == "deliver"}
    for key in sorted(channel_read - listed):
        fail("[deliver NAME] %s is read by a channel but not in channel_keys (src/deliver/deliver.c): "
             "brief doctor would call it misspelt" % key)
    for key in sorted(listed - channel_read):
        fail("channel_keys (src/deliver/deliver.c) lists %s, which no channel reads" % key)
    print("%d config keys (%d in the config table, the rest read by the delivery channels), %d documented"
          % (len(read), len(table), len(doc)))

    # 4. the pages format cleanly and have the sections a manual needs
    for page in (man1, man5):
        if not os.path.exists(page):
            continue
        p = subprocess.run(["groff", "-k", "-man", "-Tutf8", "-ww", "-z", page], capture_output=True, text=True)
        if p.returncode != 0 or p.stderr.strip():
            fail("%s: groff warns: %s" % (page, p.stderr.strip()[:400]))
    for want in ("NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "COMMON OPTIONS", "FILES", "ENVIRONMENT",
                 "EXIT STATUS", "EXAMPLES", "SEE ALSO"):
        if ("SH", want) not in sections:
            fail("docs/brief.1 has no %s section" % want)

    # 5. no contract left in ../shared
    for root, dirs, names in os.walk(srcdir):
        dirs[:] = [d for d in dirs if d not in (".git", "shared") and not d.startswith("build")]
        for n in names:
            if not (re.search(r"\.(md|[ch]|1|5|py|sh|txt)$", n) or n == "run") or n == "check_docs.py":
                continue
            path = os.path.join(root, n)
            with open(path, encoding="utf-8", errors="replace") as f:
                for i, line in enumerate(f, 1):
                    if re.search(r"\b(SPEC|DESIGN|STYLE)\.md\b|\.\./shared/(SPEC|DESIGN|STYLE)", line):
                        fail("%s:%d cites a contract outside the repository: %s" % (
                            os.path.relpath(path, srcdir), i, line.strip()[:100]))

    if failures:
        print("%d problem(s)" % len(failures))
        sys.exit(1)
    print("docs agree with the program")


def check_sets(what, sets, ignore=()):
    names = list(sets)
    union = set().union(*sets.values()) - set(ignore)
    for o in sorted(union):
        missing = [n for n in names if o not in sets[n]]
        if missing:
            have = [n for n in names if o in sets[n]]
            fail("%s: --%s is in %s but not in %s" % (what, o, ", ".join(have), ", ".join(missing)))


if __name__ == "__main__":
    main()
