/* test_util.c: buffers, arenas, UTF-8, JSON strings, time, hashing, file views, the config file,
 * separated lists, the category table and the kept heap. */
#include <fcntl.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <stdlib.h>
#include <unistd.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "category.h"
#include "testlib.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/config.h"
#include "util/fs.h"
#include "util/hash.h"
#include "util/heap.h"
#include "util/json.h"
#include "util/str.h"
#include "util/strlist.h"
#include "util/timeutil.h"
#include "util/utf8.h"

static void
test_buf(void)
{
	struct buf b = BUF_INIT;
	CHECK_STR(buf_str(&b), "");
	for (int i = 0; i < 1000; i++)
		buf_printf(&b, "%d,", i);
	CHECK(b.len > 3000);
	CHECK(strncmp(b.data, "0,1,2,", 6) == 0);
	buf_clear(&b);
	buf_puts(&b, "x");
	buf_putc(&b, 'y');
	CHECK_STR(buf_str(&b), "xy");
	char *s = buf_detach(&b);
	CHECK_STR(s, "xy");
	CHECK(b.data == NULL);
	free(s);
	/* Memory reserved but nothing appended reads as "" (was unterminated: utf8_sanitize of an
	 * empty string then read past the allocation in the weekly's front matter). */
	buf_reserve(&b, 0);
	CHECK(b.data != NULL);
	CHECK_STR(buf_str(&b), "");
	struct buf clean = BUF_INIT;
	utf8_sanitize(&clean, "", 0);
	CHECK_STR(buf_str(&clean), "");
	buf_free(&clean);
	buf_free(&b);
}

/* True when fn, run in a child process, ends the process with die()'s status 1 within five
 * seconds (not by returning, a signal or a hang). */
static int
dies(void (*fn)(void))
{
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		alarm(5);
		setenv("BRIEF_KEEP_TMP", "1", 1); /* die()'s exit must not remove the parent's test_tmpdir */
		if (!freopen("/dev/null", "w", stderr))
			_exit(3);
		fn();
		_exit(0);
	}
	int status = 0;
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return 0;
	return WIFEXITED(status) && WEXITSTATUS(status) == 1;
}

static void
arena_huge(void)
{
	struct arena a = ARENA_INIT;
	char *p = arena_alloc(&a, SIZE_MAX - 7);
	p[4096] = 1; /* what a caller given "SIZE_MAX - 7 bytes" may do */
}

static void
arena_huge_block(void)
{
	struct arena a = ARENA_INIT;
	arena_alloc(&a, SIZE_MAX - 40);
}

static void
buf_huge(void)
{
	struct buf b = BUF_INIT;
	buf_reserve(&b, SIZE_MAX);
}

static void
buf_half(void)
{
	struct buf b = BUF_INIT;
	buf_reserve(&b, SIZE_MAX / 2 + 2);
}

/* A size no allocation can hold aborts (the contract of arena.h and buf.h): it wrapped
 * around instead. arena_alloc(SIZE_MAX - 7) rounded up to 0 and handed out 16 bytes (a
 * write at 4096 then went past them), SIZE_MAX - 40 asked malloc for a few bytes and cleared
 * the whole size; buf_reserve(SIZE_MAX) reserved nothing, and SIZE_MAX / 2 + 2 doubled the
 * capacity to 0 and spun for ever. */
static void
test_huge_sizes(void)
{
	CHECK(dies(arena_huge));
	CHECK(dies(arena_huge_block));
	CHECK(dies(buf_huge));
	CHECK(dies(buf_half));
}

static void
test_arena(void)
{
	struct arena a = ARENA_INIT;
	char *big = arena_alloc(&a, 1 << 20);
	big[(1 << 20) - 1] = 1;
	char *s = arena_strdup(&a, "hello");
	CHECK_STR(s, "hello");
	CHECK_STR(arena_printf(&a, "%s-%d", "x", 42), "x-42");
	CHECK(arena_strdup(&a, NULL) == NULL);
	for (int i = 0; i < 10000; i++)
		arena_alloc(&a, 100);
	arena_reset(&a);
	CHECK(a.total <= 64 * 1024);
	arena_free(&a);
}

static void
test_utf8(void)
{
	struct buf b = BUF_INIT;
	static const char dirty[] = "ok \xff\xfe caf\xc3\xa9 \xe4\xb8\xad \xed\xa0\x80 \x01";
	utf8_sanitize(&b, dirty, sizeof dirty - 1);
	CHECK(utf8_valid(b.data, b.len));
	CHECK(strstr(b.data, "caf\xc3\xa9") != NULL);
	CHECK(strstr(b.data, "\xef\xbf\xbd") != NULL);
	CHECK(strchr(b.data, '\x01') == NULL);
	buf_free(&b);
	CHECK_INT(utf8_width("abc", 3), 3);
	CHECK_INT(utf8_width("\xe4\xb8\xad\xe6\x96\x87", 6), 4);
	/* Combining marks take no column in every script brief reads as words (utf8_is_word_mark),
	 * not only U+0300-U+036F: Hindi "सुरक्षा" is 5 columns (the vowel sign u and the virama
	 * are marks), Arabic "مُحَمَّد" 4, Hebrew "שָׁלוֹם" 4; and no format character takes one
	 * (ZWNJ in Persian words, the BOM), nor a Hangul vowel jamo after its consonant, nor the
	 * kana voicing mark U+3099. They counted 1 each (the keyword chart's labels went out of line). */
	static const char hindi[] = "\xe0\xa4\xb8\xe0\xa5\x81\xe0\xa4\xb0\xe0\xa4\x95\xe0\xa5\x8d\xe0\xa4\xb7\xe0\xa4\xbe";
	CHECK_INT(utf8_width(hindi, sizeof hindi - 1), 5);
	static const char arabic[] = "\xd9\x85\xd9\x8f\xd8\xad\xd9\x8e\xd9\x85\xd9\x91\xd9\x8e\xd8\xaf";
	CHECK_INT(utf8_width(arabic, sizeof arabic - 1), 4);
	static const char hebrew[] = "\xd7\xa9\xd7\x81\xd6\xb8\xd7\x9c\xd7\x95\xd6\xb9\xd7\x9d";
	CHECK_INT(utf8_width(hebrew, sizeof hebrew - 1), 4);
	CHECK_INT(utf8_cp_width(0x200C), 0);
	CHECK_INT(utf8_cp_width(0xFEFF), 0);
	CHECK_INT(utf8_cp_width(0x1161), 0);
	CHECK_INT(utf8_cp_width(0x3099), 0);
	CHECK_INT(utf8_cp_width(0x093F), 1); /* a spacing vowel sign keeps its column */
	CHECK_INT(utf8_cp_width(0x0600), 1); /* an Arabic number sign is seen */
	CHECK_INT(utf8_cp_width(0x3042), 2);
	CHECK_INT(utf8_prefix_chars("\xe4\xb8\xad\xe6\x96\x87", 6, 1), 3);
	CHECK_INT(utf8_count("a\xe4\xb8\xad", 4), 2);
	/* A byte cap that falls inside a code point cuts before it (callers pass a byte count as
	 * both len and max_chars to cut a long text "without splitting a code point"): it was kept,
	 * its first bytes passed on as a broken sequence. */
	CHECK_INT(utf8_prefix_chars("a\xe4\xb8\xad", 2, 2), 1);
	CHECK_INT(utf8_prefix_chars("a\xe4\xb8\xad", 3, 3), 1);
	CHECK_INT(utf8_prefix_chars("ab\xf0\x9f\x98\x80", 5, 5), 2);
	CHECK_INT(utf8_prefix_chars("a\xe4\xb8\xad", 4, 4), 4);
	CHECK_INT(utf8_prefix_chars("a\xff\x80", 3, 3), 3); /* invalid bytes are one-byte characters */
	/* utf8_has: a class met anywhere, past an invalid byte, and only inside len. */
	CHECK(utf8_has("abC", 3, utf8_is_upper));
	CHECK(!utf8_has("abc", 3, utf8_is_upper));
	CHECK(utf8_has("\xff\xc3\x9c", 3, utf8_is_upper)); /* an invalid byte, then "Ü" */
	CHECK(!utf8_has("abC", 2, utf8_is_upper));
	CHECK(!utf8_has("", 0, utf8_is_lower));
	CHECK(!utf8_valid("\xc0\x80", 2)); /* overlong NUL */
	/* Case for every letter utf8_is_letter admits, not only the plain alphabets: Greek capitals
	 * with tonos (a sentence's first word: Όταν, Ήταν), Ukrainian Ґ and the other Cyrillic
	 * letters past Я, Romanian Ș and Ț, Vietnamese Ơ and Ư, pinyin Ǎ (Latin Extended-B), and
	 * Armenian Հ/հ (it was listed as a caseless alphabet). They were returned unchanged and read
	 * as lower case; ẖ (U+1E96, lower case) became ẗ. */
	static const uint32_t pairs[][2] = {
		{0x386, 0x3AC}, {0x388, 0x3AD}, {0x38C, 0x3CC}, {0x38F, 0x3CE}, {0x3D8, 0x3D9},
		{0x490, 0x491}, {0x49A, 0x49B}, {0x4E8, 0x4E9}, {0x460, 0x461}, {0x4C0, 0x4CF},
		{0x218, 0x219}, {0x21A, 0x21B}, {0x1A0, 0x1A1}, {0x1AF, 0x1B0}, {0x1CD, 0x1CE},
		{0x1C4, 0x1C6}, {0x1E9E, 0xDF}, {0xC9, 0xE9}, {0x540, 0x570}, {0x178, 0xFF},
	};
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		CHECK_INT(utf8_tolower(pairs[i][0]), pairs[i][1]);
		CHECK(utf8_is_upper(pairs[i][0]));
		CHECK(!utf8_is_lower(pairs[i][0]));
		CHECK(utf8_is_lower(pairs[i][1]));
		CHECK_INT(utf8_tolower(pairs[i][1]), pairs[i][1]);
	}
	CHECK_INT(utf8_tolower(0x1E96), 0x1E96); /* ẖ has no capital */
	CHECK(utf8_is_lower(0x1E96));
	CHECK_INT(utf8_tolower(0x130), 0x130); /* İ: left alone (its lower case is two code points) */
}

/* utf8_valid by its definition: every code point decodes (utf8_decode) and none is NUL. */
static int
valid_by_decode(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (cp == 0 || (n == 1 && cp == UTF8_REPLACEMENT && (unsigned char)s[i] >= 0x80))
			return 0;
		i += n;
	}
	return 1;
}

/* The fast validator (32/8 bytes at a time over ASCII, a table over multi-byte runs)
 * against the definition: every 2-byte string followed by a byte of each class that
 * matters, every 4-byte string with lead byte F0-F4 and such a last byte, each placed
 * at every offset of an ASCII run (so the vector, word and byte loops all see it, and
 * a sequence cut by the end of the input). */
static void
test_utf8_valid_exhaustive(void)
{
	char s[64];
	size_t bad = 0;
	/* bytes from every class that matters (ASCII, NUL, continuation ranges' edges, leads) */
	static const unsigned char last[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0,
	                                     0xBF, 0xC0, 0xC2, 0xE0, 0xF0, 0xFF};
	for (uint32_t v = 0; v < (1u << 16) * sizeof last; v++) {
		uint32_t hi = v / (uint32_t)sizeof last;
		const char seq[3] = {(char)(hi >> 8), (char)hi, (char)last[v % sizeof last]};
		for (size_t len = 1; len <= 3; len++) {
			size_t at = v % 41; /* offsets 0..40 of a 64-byte ASCII run */
			memset(s, 'a', sizeof s);
			memcpy(s + at, seq, len);
			size_t total = at + len + (v % 3 == 0 ? 0 : 3); /* sometimes the sequence ends the input */
			if (utf8_valid(s, total) != valid_by_decode(s, total))
				bad++;
		}
	}
	for (uint32_t v = 0; v < (5u << 16) * sizeof last; v++) {
		uint32_t hi = v / (uint32_t)sizeof last;
		unsigned char seq[4] = {(unsigned char)(0xF0 + (hi >> 16)), (unsigned char)(hi >> 8), (unsigned char)hi,
		                        last[v % sizeof last]};
		size_t at = v % 37;
		memset(s, 'a', sizeof s);
		memcpy(s + at, seq, 4);
		if (utf8_valid(s, at + 4) != valid_by_decode(s, at + 4))
			bad++;
	}
	CHECK_INT(bad, 0);
}

static void
test_time(void)
{
	char out[32];
	time_format_rfc3339(0, out, sizeof out);
	CHECK_STR(out, "1970-01-01T00:00:00Z");
	int64_t t = time_from_utc(2026, 2, 21, 1, 56, 0);
	time_format_rfc3339(t, out, sizeof out);
	CHECK_STR(out, "2026-02-21T01:56:00Z");
	time_format_rfc3339(time_from_utc(1900, 3, 1, 0, 0, 0), out, sizeof out);
	CHECK_STR(out, "1900-03-01T00:00:00Z");
	/* Fields past their range carry into the next (as timegm does), in 64 bits: an hour count
	 * read from a file ("T1000000:00:00Z" in an archive's generated_at) overflowed int. */
	CHECK(time_from_utc(1970, 1, 1, 1000000, 0, 0) == 3600000000LL);
	CHECK(time_from_utc(2026, 1, 1, 0, 0, 2147483647) == time_from_utc(2026, 1, 1, 0, 0, 0) + 2147483647LL);
	CHECK(time_from_utc(2026, 1, 1, 0, 40000000, 0) == time_from_utc(2026, 1, 1, 0, 0, 0) + 2400000000LL);
	time_set_now(12345);
	CHECK_INT(time_now(), 12345);
}

static void
test_hash(void)
{
	char a[33], b[33];
	hash_hex128("abc", 3, a);
	hash_hex128("abd", 3, b);
	CHECK_INT(strlen(a), 32);
	CHECK(strcmp(a, b) != 0);
	hash_hex128("abc", 3, b);
	CHECK_STR(a, b);
	/* FNV-1a's published test vector; the table key is that hash, never 0 (0 marks empty) */
	CHECK(hash64("a", 1, HASH_SEED) == 0xaf63dc4c8601ec8cULL);
	CHECK(hash64_key("a", 1) == hash64("a", 1, HASH_SEED));
	CHECK(hash64_key("", 0) == HASH_SEED);
}

/* fs_write_atomic: a FIFO (as a device such as /dev/null) is written in place, not replaced
 * by a regular file; through a symlink the target is replaced and the link stays. */
static void
test_fs_write_atomic(void)
{
	char fifo[512], target[512], link[512], got[64];
	struct err e;
	snprintf(fifo, sizeof fifo, "%s/out.fifo", test_tmpdir());
	CHECK(mkfifo(fifo, 0600) == 0);
	int rd = open(fifo, O_RDONLY | O_NONBLOCK); /* a reader, so the writer's open does not wait */
	CHECK(rd >= 0);
	CHECK_INT(fs_write_atomic(fifo, "digest\n", 7, &e), 0);
	CHECK_INT((int)read(rd, got, sizeof got), 7);
	CHECK(memcmp(got, "digest\n", 7) == 0);
	close(rd);
	struct stat st;
	CHECK(stat(fifo, &st) == 0 && S_ISFIFO(st.st_mode));
	snprintf(target, sizeof target, "%s/latest-target.md", test_tmpdir());
	snprintf(link, sizeof link, "%s/latest.md", test_tmpdir());
	test_write_file(target, "old", 3);
	CHECK(symlink(target, link) == 0);
	CHECK_INT(fs_write_atomic(link, "new", 3, &e), 0);
	CHECK(lstat(link, &st) == 0 && S_ISLNK(st.st_mode));
	struct buf b = BUF_INIT;
	CHECK(fs_read_all(target, &b, &e) == 0);
	CHECK_STR(buf_str(&b), "new");
	/* A file replaced keeps its mode: a digest a user made private (0600) or group-writable
	 * (0664, a shared site directory) stayed so only until the next run rewrote it 0644. */
	char kept[512];
	snprintf(kept, sizeof kept, "%s/private.md", test_tmpdir());
	test_write_file(kept, "old", 3);
	CHECK(chmod(kept, 0600) == 0);
	CHECK_INT(fs_write_atomic(kept, "new", 3, &e), 0);
	CHECK(stat(kept, &st) == 0);
	CHECK_INT((int)(st.st_mode & 07777), 0600);
	CHECK(chmod(kept, 0664) == 0);
	CHECK_INT(fs_write_atomic(kept, "newer", 5, &e), 0);
	CHECK(stat(kept, &st) == 0);
	CHECK_INT((int)(st.st_mode & 07777), 0664);
	/* A new file takes 0666 less the umask, as a shell's `>` makes it. */
	char fresh[512];
	snprintf(fresh, sizeof fresh, "%s/fresh.md", test_tmpdir());
	mode_t old_mask = umask(002);
	CHECK_INT(fs_write_atomic(fresh, "x", 1, &e), 0);
	umask(old_mask);
	CHECK(stat(fresh, &st) == 0);
	CHECK_INT((int)(st.st_mode & 07777), 0664);
	buf_free(&b);
}

/* Leave non-zero bytes where the next calls' locals will lie (what a long run leaves on the
 * stack), so a read of one that was never written is seen by ASan. */
static __attribute__((noinline)) void
dirty_stack(void)
{
	volatile char junk[32768];
	memset((char *)junk, 'x', sizeof junk);
}

/* fs_mkdirs called a frame deeper than dirty_stack's start, so all of its locals lie in
 * the bytes dirty_stack left. */
static __attribute__((noinline)) int
mkdirs_deeper(const char *path, struct err *e)
{
	volatile char pad[2048];
	pad[0] = 0;
	return fs_mkdirs(path, 0, e) + pad[0];
}

/* fs_mkdirs of an empty path ("--out ''" with several outputs, an empty --archive) is an
 * error: it read its copy of the path from the byte after the terminator on, bytes it never
 * wrote (ASan: stack-buffer-overflow, the scan ran past the 4 KiB copy). */
static void
test_fs_mkdirs_empty(void)
{
	struct err e = {{0}};
	dirty_stack();
	CHECK_INT(mkdirs_deeper("", &e), -1);
	CHECK(strstr(e.msg, "empty") != NULL);
	char dir[512];
	snprintf(dir, sizeof dir, "%s/a/b/", test_tmpdir());
	CHECK_INT(fs_mkdirs(dir, 0, &e), 0);
	CHECK(fs_is_dir(dir));
}

/* fs_view: a regular file is mapped (also as redirected stdin, from where it stands),
 * anything else is read; an empty file and a missing one are handled. */
static void
test_fs_view(void)
{
	char path[512], empty[512];
	snprintf(path, sizeof path, "%s/view", test_tmpdir());
	snprintf(empty, sizeof empty, "%s/view-empty", test_tmpdir());
	const char *text = "<rss>mapped</rss>\n";
	test_write_file(path, text, strlen(text));
	test_write_file(empty, "", 0);
	struct fs_view v = FS_VIEW_INIT;
	struct err e;
	CHECK(fs_view_open(path, &v, &e) == 0);
	CHECK(v.map != NULL);
	CHECK_INT(v.len, strlen(text));
	CHECK(memcmp(v.data, text, v.len) == 0);
	CHECK(fs_view_open(empty, &v, &e) == 0); /* releases the mapping first */
	CHECK(v.map == NULL && v.len == 0 && v.data != NULL);
	CHECK(fs_view_open("/dev/null", &v, &e) == 0); /* not a regular file: read */
	CHECK(v.map == NULL && v.len == 0);
	CHECK(fs_view_open("/nonexistent/brief/view", &v, &e) < 0);
	CHECK(strstr(e.msg, "/nonexistent/brief/view") != NULL);
	/* stdin redirected from the file, 6 bytes already consumed */
	int saved = dup(STDIN_FILENO), fd = open(path, O_RDONLY);
	CHECK(saved >= 0 && fd >= 0);
	CHECK(lseek(fd, 5, SEEK_SET) == 5 && dup2(fd, STDIN_FILENO) == STDIN_FILENO);
	close(fd);
	CHECK(fs_view_open("-", &v, &e) == 0);
	CHECK(v.map != NULL);
	CHECK_INT(v.len, strlen(text) - 5);
	CHECK(memcmp(v.data, text + 5, v.len) == 0);
	CHECK(lseek(STDIN_FILENO, 0, SEEK_CUR) == (off_t)strlen(text)); /* consumed, as a read leaves it */
	dup2(saved, STDIN_FILENO);
	close(saved);
	fs_view_close(&v);
	CHECK(v.map == NULL && v.len == 0);
}

static void
test_config(void)
{
	char path[512];
	snprintf(path, sizeof path, "%s/config", test_tmpdir());
	const char *text = "# comment\ntop = 1\n[llm]\nprovider = deepseek\nAPI_KEY = \"${BRIEF_TEST_SECRET}\"\n"
	                   "[deliver \"team\"]\ntype = slack\n[llm]\nprovider = openai\n";
	test_write_file(path, text, strlen(text));
	setenv("BRIEF_TEST_SECRET", "s3cret", 1);
	struct config cfg;
	struct err e;
	CHECK(config_load(&cfg, path, &e) == 0);
	CHECK_STR(config_get(&cfg, "", "top"), "1");
	CHECK_STR(config_get(&cfg, "llm", "provider"), "openai");
	CHECK_STR(config_get(&cfg, "llm", "api_key"), "s3cret");
	CHECK_STR(config_get(&cfg, "deliver.team", "type"), "slack");
	/* The typed values: the file's where set, the table's defaults elsewhere. */
	const struct config_values *v = config_values(&cfg);
	CHECK_STR(v->llm_provider, "openai");
	CHECK_STR(v->llm_api_key, "s3cret");
	CHECK(v->llm_model == NULL);
	CHECK_INT(v->fetch_concurrency, 64);
	CHECK_STR(v->serve_listen, "127.0.0.1:8080");
	CHECK_INT(v->daily_score_while_fetching, 1);
	CHECK_INT(v->llm_json_schema, -1);
	CHECK_INT(config_values(NULL)->fetch_per_host, 3);
	CHECK_STR(config_first("flag", NULL, v->llm_provider), "flag");
	setenv("BRIEF_TEST_PROVIDER", "env", 1);
	CHECK_STR(config_first(NULL, "BRIEF_TEST_PROVIDER", v->llm_provider), "env");
	CHECK_STR(config_first(NULL, "BRIEF_TEST_UNSET", v->llm_provider), "openai");
	config_free(&cfg);

	/* Values are checked once, at load: a number in range, a boolean, else an error naming the key. */
	const char *typed = "[fetch]\nconcurrency = 8\nallow_private = ON\n[daily]\nscore_while_fetching = No\n";
	test_write_file(path, typed, strlen(typed));
	CHECK(config_load(&cfg, path, &e) == 0);
	CHECK_INT(config_values(&cfg)->fetch_concurrency, 8);
	CHECK_INT(config_values(&cfg)->fetch_allow_private, 1);
	CHECK_INT(config_values(&cfg)->daily_score_while_fetching, 0);
	config_free(&cfg);
	const char *range = "[fetch]\nper_host = 65\n";
	test_write_file(path, range, strlen(range));
	CHECK(config_load(&cfg, path, &e) < 0);
	char want[4400]; /* the file and the line of the bad value, then the key */
	snprintf(want, sizeof want, "%s:2: config [fetch] per_host: want a number in 1..64, not \"65\"", path);
	CHECK_STR(e.msg, want);
	config_free(&cfg);
	const char *notbool = "[fetch]\nallow_private = maybe\n";
	test_write_file(path, notbool, strlen(notbool));
	CHECK(config_load(&cfg, path, &e) < 0);
	snprintf(want, sizeof want, "%s:2: config [fetch] allow_private: want true or false, not \"maybe\"", path);
	CHECK_STR(e.msg, want);
	config_free(&cfg);

	/* config_bool: the eight words in any case, nothing else. */
	static const char *const truthy[] = {"true", "TRUE", "Yes", "on", "1"}, *const falsy[] = {"false", "no", "OFF", "0"};
	static const char *const neither[] = {"", "2", "y", "n", "enable", "true ", "null"};
	int b = -1;
	for (size_t i = 0; i < sizeof truthy / sizeof truthy[0]; i++)
		CHECK(config_bool(truthy[i], &b) == 0 && b == 1);
	for (size_t i = 0; i < sizeof falsy / sizeof falsy[0]; i++)
		CHECK(config_bool(falsy[i], &b) == 0 && b == 0);
	for (size_t i = 0; i < sizeof neither / sizeof neither[0]; i++)
		CHECK(config_bool(neither[i], &b) < 0);
	CHECK(config_bool(NULL, &b) < 0);
	const char *bad = "[llm\n";
	test_write_file(path, bad, strlen(bad));
	CHECK(config_load(&cfg, path, &e) < 0);
	CHECK(strstr(e.msg, ":1:") != NULL);
	config_free(&cfg);
	CHECK(config_load(&cfg, "/nonexistent/brief/config", &e) < 0);
	/* ... saying why (it used to be "cannot open config file PATH" whatever the cause) */
	CHECK_STR(e.msg, "cannot read the config file: /nonexistent/brief/config: No such file or directory");
	config_free(&cfg);
	CHECK(config_load(&cfg, test_tmpdir(), &e) < 0);
	CHECK(strstr(e.msg, ": Is a directory") != NULL);
	config_free(&cfg);

	/* Found while writing fuzz_config: a line longer than the old 4 KiB line buffer was split in two
	 * (the value cut short, its tail read as another line); now lines have no limit. */
	struct buf big = BUF_INIT;
	buf_puts(&big, "[weekly]\nepigraphs = ");
	for (int i = 0; i < 1000; i++)
		buf_puts(&big, "abc=|");
	buf_puts(&big, "\nauthor = me\n");
	test_write_file(path, big.data, big.len);
	CHECK(config_load(&cfg, path, &e) == 0);
	CHECK_INT(strlen(config_values(&cfg)->weekly_epigraphs), 5000);
	CHECK_STR(config_values(&cfg)->weekly_author, "me");
	CHECK_INT(cfg.count, 2);
	config_free(&cfg);
	buf_free(&big);
	/* A NUL byte would cut a value short without a word: an error with the line. */
	CHECK(config_parse(&cfg, "[llm]\nmodel = a\0b\n", 18, "mem", &e) < 0);
	CHECK_STR(e.msg, "mem:2: NUL byte in the line");
	config_free(&cfg);
	/* A section name that does not fit, or text after a quoted sub-name, is an error,
	 * not a silently different section. */
	char longsec[400];
	memset(longsec, 'a', sizeof longsec);
	longsec[0] = '[';
	memcpy(longsec + sizeof longsec - 9, "]\nk = v\n", 8);
	CHECK(config_parse(&cfg, longsec, sizeof longsec - 1, "mem", &e) < 0);
	CHECK_STR(e.msg, "mem:1: section name longer than 255 bytes");
	config_free(&cfg);
	const char *after = "[deliver \"a\" b]\ntype = slack\n";
	CHECK(config_parse(&cfg, after, strlen(after), "mem", &e) < 0);
	CHECK_STR(e.msg, "mem:1: text after the quoted name in section header");
	config_free(&cfg);
	const char *named = "[deliver \"team\"]\ntype = slack\n";
	CHECK(config_parse(&cfg, named, strlen(named), "mem", &e) == 0);
	CHECK_STR(config_get(&cfg, "deliver.team", "type"), "slack");
	config_free(&cfg);
}

/* A comment after a value or a section header: white space, '#', then white space or the end
 * of the line, outside quotes (as the docs' examples write them). A '#' without white space on
 * both sides is text: a colour, a link's fragment, a hashtag, an issue number. */
static void
test_config_comments(void)
{
	struct config cfg;
	struct err e;
	setenv("BRIEF_TEST_HASH", "k # v", 1);
	const char *text = "[llm]   # the model\n"
	                   "provider = deepseek            # openai gemini deepseek\n"
	                   "model = m\t#\n"
	                   "api_key = \"${BRIEF_TEST_HASH}\"  # from the environment, never cut\n"
	                   "[deliver \"team\"]            # generic JSON webhook\n"
	                   "type = slack                   # webhook slack discord\n"
	                   "url = https://h.example/x#frag # the hook\n"
	                   "[wechat]\naccent = #1a7f37\n"
	                   "[weekly]\ntitle = Weekly #$2\nsubtitle = \"a # b\"  # quoted\nauthor = ' # '\n"
	                   "intro = 欢迎关注 #懂点儿AI#\n";
	CHECK(config_parse(&cfg, text, strlen(text), "mem", &e) == 0);
	CHECK_STR(config_get(&cfg, "llm", "provider"), "deepseek");
	CHECK_STR(config_get(&cfg, "llm", "model"), "m");
	CHECK_STR(config_get(&cfg, "llm", "api_key"), "k # v");
	CHECK_STR(config_get(&cfg, "deliver.team", "type"), "slack");
	CHECK_STR(config_get(&cfg, "deliver.team", "url"), "https://h.example/x#frag");
	CHECK_STR(config_get(&cfg, "wechat", "accent"), "#1a7f37");
	CHECK_STR(config_get(&cfg, "weekly", "title"), "Weekly #$2");
	CHECK_STR(config_get(&cfg, "weekly", "subtitle"), "a # b");
	CHECK_STR(config_get(&cfg, "weekly", "author"), " # ");
	CHECK_STR(config_get(&cfg, "weekly", "intro"), "欢迎关注 #懂点儿AI#");
	config_free(&cfg);
}

/* A file saved with a UTF-8 byte order mark (Notepad does) reads as without one: it used to fail
 * on line 1 with "expected key = value", or make the first key another one. */
static void
test_config_bom(void)
{
	struct config cfg;
	struct err e = {{0}};
	const char *text = "\xef\xbb\xbf[fetch]\r\ntimeout = 20\r\n";
	CHECK(config_parse(&cfg, text, strlen(text), "mem", &e) == 0);
	CHECK_STR(e.msg, "");
	CHECK_INT(config_values(&cfg)->fetch_timeout, 20);
	config_free(&cfg);
	text = "\xef\xbb\xbf# brief\n[llm]\nmodel = m\n";
	CHECK(config_parse(&cfg, text, strlen(text), "mem", &e) == 0);
	CHECK_STR(config_get(&cfg, "llm", "model"), "m");
	config_free(&cfg);
	text = "\xef\xbb\xbfkey = v\n";
	CHECK(config_parse(&cfg, text, strlen(text), "mem", &e) == 0);
	CHECK_STR(config_get(&cfg, "", "key"), "v");
	config_free(&cfg);
}

/* Every config example of the README, docs/deliver.md and docs/publish.md (```ini blocks
 * that are not systemd units) parses, and no value keeps one of its comments. */
static void
test_config_doc_examples(void)
{
	static const char *const docs[] = {"README.md", "docs/deliver.md", "docs/publish.md"};
	const char *src = getenv("BRIEF_SRC") ? getenv("BRIEF_SRC") : ".";
	int blocks = 0;
	for (size_t d = 0; d < sizeof docs / sizeof docs[0]; d++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", src, docs[d]);
		struct buf text = BUF_INIT;
		test_read_file(path, &text);
		for (const char *p = buf_str(&text); (p = strstr(p, "\n```ini\n")) != NULL;) {
			p += 8;
			const char *end = strstr(p, "\n```");
			if (!end)
				break;
			size_t len = (size_t)(end - p) + 1;
			char *block = xstrndup(p, len);
			p = end;
			if (strstr(block, "[Unit]") || strstr(block, "[Timer]")) { /* a systemd unit */
				free(block);
				continue;
			}
			blocks++;
			struct config cfg;
			struct err e = {{0}};
			int rc = config_parse(&cfg, block, len, docs[d], &e);
			if (rc < 0)
				fprintf(stderr, "%s: %s\n", docs[d], e.msg);
			CHECK_INT(rc, 0);
			for (size_t i = 0; i < cfg.count; i++) {
				const char *v = cfg.entries[i].value;
				int kept = strstr(v, " #") != NULL || strstr(v, "\t#") != NULL;
				if (kept)
					fprintf(stderr, "%s: [%s] %s = \"%s\"\n", docs[d],
					        cfg.entries[i].section, cfg.entries[i].key, v);
				CHECK(!kept);
			}
			config_free(&cfg);
			free(block);
		}
		buf_free(&text);
	}
	CHECK(blocks >= 6);
}

static void
test_str(void)
{
	long v;
	CHECK(str_to_long(" 42 ", 0, 100, &v) == 0 && v == 42);
	CHECK(str_to_long("42x", 0, 100, &v) < 0);
	CHECK(str_to_long("101", 0, 100, &v) < 0);
	CHECK(str_casecmp("AbC", "aBc") == 0);
	CHECK(str_icasestr("hello World", 11, "WORLD") != NULL);
}

/* The list reader behind every hand-written list (tags, topics, hosts, addresses, channel
 * names, languages): trimmed entries, empty ones skipped, any of several separators. */
static void
test_strlist(void)
{
	const char *p = " a ,, b\t,c,  ,", *item;
	size_t len;
	const char *want[] = {"a", "b", "c"};
	size_t n = 0;
	while (strlist_next(&p, ",", &item, &len)) {
		CHECK(n < 3 && len == strlen(want[n]) && memcmp(item, want[n], len) == 0);
		n++;
	}
	CHECK_INT(n, 3);
	CHECK_INT(*p, '\0'); /* the cursor stops at the end, never past it */
	CHECK_INT(strlist_next(&p, ",", &item, &len), 0);
	p = NULL; /* an absent value is an empty list */
	CHECK_INT(strlist_next(&p, ",", &item, &len), 0);
	p = "  , ,";
	CHECK_INT(strlist_next(&p, ",", &item, &len), 0);
	/* Several separators; the text is not written to. */
	const char *to = "a@x.org; B <b@y.org>,c@z.org";
	p = to;
	CHECK_INT(strlist_next(&p, ",;", &item, &len), 1);
	CHECK(len == 7 && memcmp(item, "a@x.org", 7) == 0);
	CHECK_INT(strlist_next(&p, ",;", &item, &len), 1);
	CHECK(len == 11 && memcmp(item, "B <b@y.org>", 11) == 0);
	CHECK_INT(strlist_next(&p, ",;", &item, &len), 1);
	CHECK(len == 7 && memcmp(item, "c@z.org", 7) == 0 && item + len == to + strlen(to));
	/* Into an arena: terminated copies, in order; none for an empty list. */
	struct arena a = ARENA_INIT;
	const char **out;
	CHECK_INT(strlist_split("周报, 科技 ,,AI", ",", &a, &out), 3);
	CHECK_STR(out[0], "周报");
	CHECK_STR(out[1], "科技");
	CHECK_STR(out[2], "AI");
	CHECK_INT(strlist_split("one | two", "|", &a, &out), 2);
	CHECK_STR(out[1], "two");
	CHECK_INT(strlist_split(NULL, ",", &a, &out), 0);
	CHECK(out == NULL);
	CHECK_INT(strlist_split(" , ", ",", &a, &out), 0);
	arena_free(&a);
}

/* json_text: brief's strings into JSON, where jansson refuses invalid UTF-8 (json_string gives
 * NULL): such bytes become U+FFFD, valid text is kept as it is, NULL is null. */
static void
test_json_text(void)
{
	json_t *ok = json_text("caf\xc3\xa9"), *bad = json_text("a\xff" "b"), *none = json_text(NULL);
	CHECK(ok && json_is_string(ok) && strcmp(json_string_value(ok), "caf\xc3\xa9") == 0);
	CHECK(bad && json_is_string(bad));
	if (bad)
		CHECK_STR(json_string_value(bad), "a\xef\xbf\xbd" "b");
	CHECK(none && json_is_null(none));
	json_decref(ok);
	json_decref(bad);
	json_decref(none);
}

/* category_parse reads what a model answers: the six ids in any case, the section labels and
 * the synonyms models write instead ("ML", "sec", "open-source", "essay", "工程", "人工智能");
 * anything else is refused. */
static void
test_category(void)
{
	static const struct {
		const char *answer;
		enum category c;
	} read[] = {{"security", CAT_SECURITY}, {"AI-ML", CAT_AI_ML},    {"ML", CAT_AI_ML},
	            {"ai/ml", CAT_AI_ML},       {"sec", CAT_SECURITY},   {"Open-Source", CAT_TOOLS},
	            {"essay", CAT_OPINION},     {"工程", CAT_ENGINEERING}, {"Tools / Open Source", CAT_TOOLS},
	            {"观点 / 杂谈", CAT_OPINION}, {"人工智能", CAT_AI_ML}};
	enum category c = CAT_OTHER;
	for (size_t i = 0; i < sizeof read / sizeof read[0]; i++) {
		CHECK_INT(category_parse(read[i].answer, &c), 0);
		CHECK_INT(c, read[i].c);
	}
	c = CAT_TOOLS;
	CHECK_INT(category_parse("sports", &c), -1);
	CHECK_INT(category_parse("", &c), -1);
	CHECK_INT(category_parse(NULL, &c), -1);
	CHECK_INT(c, CAT_TOOLS); /* untouched when refused */
	/* every id reads back as itself; an out-of-range value is shown as other */
	for (int k = 0; k < CAT_COUNT; k++) {
		CHECK_INT(category_parse(category_id((enum category)k), &c), 0);
		CHECK_INT(c, k);
	}
	CHECK_STR(category_id((enum category)CAT_COUNT), "other");
	CHECK_STR(category_label((enum category)-1, "en"), category_label(CAT_OTHER, "en"));
	CHECK_STR(category_label(CAT_SECURITY, "zh"), "安全");
	CHECK_STR(category_emoji((enum category)CAT_COUNT), category_emoji(CAT_OTHER));
}

/* Under a sanitizer malloc is the sanitizer's, which glibc's settings do not reach. */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define MALLOC_IS_GLIBC 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define MALLOC_IS_GLIBC 0
#endif
#endif
#if !defined(MALLOC_IS_GLIBC) && defined(__GLIBC__)
#define MALLOC_IS_GLIBC 1
#endif

/* heap_keep: the reserve is touched and stays free in the process, and what a later request
 * frees stays too (glibc would hand back all but 128 KiB at the heap's top). Last in main:
 * the settings hold for the rest of the process. */
static void
test_heap_keep(void)
{
#if MALLOC_IS_GLIBC
	CHECK_INT(heap_keep((size_t)8 << 20), 0);
	struct mallinfo2 mi = mallinfo2();
	CHECK(mi.fordblks >= (size_t)8 << 20);
	/* a request's memory: 6 MiB in small and large blocks, freed again */
	void *blocks[96];
	for (int k = 0; k < 96; k++)
		blocks[k] = malloc(k % 2 ? 96 * 1024 : 4096);
	void *big = malloc((size_t)4 << 20);
	CHECK(big != NULL);
	for (int k = 0; k < 96; k++)
		free(blocks[k]);
	free(big);
	mi = mallinfo2();
	CHECK(mi.fordblks >= (size_t)8 << 20);
#else
	fprintf(stderr, "test_util: heap_keep not checked: malloc here is not glibc's (a sanitizer build)\n");
#endif
}

/* A reason quoting a model's or a feed's text ("the model refused: ...") is printed by every
 * command as "brief X: REASON": an escape sequence in it reached the terminal raw. */
static void
test_err_controls(void)
{
	struct err e;
	CHECK_INT(err_set(&e, "the model refused: %s", "no\x1b]0;owned\x07\x1b[2J\rbrief: forged\x7f"), -1);
	CHECK_STR(e.msg, "the model refused: no?]0;owned??[2J?brief: forged?");
	CHECK_INT(err_set(&e, "line one\n\tline two"), -1); /* line breaks and tabs stay */
	CHECK_STR(e.msg, "line one\n\tline two");
	err_set(&e, "%s", "\x1b[31mred");
	CHECK_INT(err_wrap(&e, "feed %s", "\x1b"), -1);
	CHECK_STR(e.msg, "feed ?: ?[31mred");
	CHECK_STR((err_set(&e, "%s", "技术日报 ✓"), e.msg), "技术日报 ✓"); /* UTF-8 untouched */
}

int
main(void)
{
	test_err_controls();
	test_buf();
	test_arena();
	test_huge_sizes();
	test_utf8();
	test_utf8_valid_exhaustive();
	test_time();
	test_hash();
	test_config();
	test_config_comments();
	test_config_bom();
	test_config_doc_examples();
	test_fs_view();
	test_fs_write_atomic();
	test_fs_mkdirs_empty();
	test_str();
	test_strlist();
	test_category();
	test_json_text();
	test_heap_keep();
	return test_done("test_util");
}
