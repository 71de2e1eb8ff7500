/* test_site.c: brief's outputs as static sites.
 *   - `brief daily --out DIR/` on two days in two months: a complete site (digest pages, the
 *     index, one page per month, the Atom feed); the same runs again give a byte-identical
 *     tree; the feed passes the RFC 4287 checker (atomcheck.c), which is shown to catch
 *     planted violations; the feed escapes titles and summaries once per level (a unit
 *     check of report_index_atom with markup, quotes, ]]> and a control character) and, with
 *     BRIEF_BASE_URL, links absolutely and stays valid and byte-identical on a rerun;
 *   - `brief weekly --site DIR` into a Jekyll tree (_posts/DATE-weekly-WEEK.md) and a Hugo
 *     tree (content/posts/weekly-WEEK.md): reruns give the same single file, a rerun on a
 *     later day of the same week replaces the post instead of adding one; the week's en post
 *     is refused where its zh post is, under the same date or another;
 *   - `brief daily --site DIR` into the same trees (_posts/DATE-daily.md,
 *     content/posts/daily-DATE.md): front matter, no title line, <!--more--> after 今日看点,
 *     and --site alone writes nothing to stdout; a rerun gives the same single file; the en
 *     digest is refused where the day's zh post is (the two have one name). */
#include <dirent.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "atomcheck.h"
#include "report/report.h"
#include "report/site.h"
#include "testlib.h"
#include "util/fs.h"
#include "util/str.h"
#include "wfixture.h"

/* Append "relative/path\n<bytes>\n" for every file under dir (sorted), recursively. */
static void
snapshot(const char *root, const char *rel, struct buf *out)
{
	char path[4200];
	snprintf(path, sizeof path, "%s%s%s", root, *rel ? "/" : "", rel);
	struct dirent **names;
	int n = scandir(path, &names, NULL, alphasort);
	for (int i = 0; i < n; i++) {
		const char *name = names[i]->d_name;
		if (strcmp(name, ".") != 0 && strcmp(name, "..") != 0) {
			char sub[4200], full[8400];
			snprintf(sub, sizeof sub, "%s%s%s", rel, *rel ? "/" : "", name);
			snprintf(full, sizeof full, "%s/%s", root, sub);
			struct stat st;
			if (stat(full, &st) == 0 && S_ISDIR(st.st_mode)) {
				snapshot(root, sub, out);
			} else {
				buf_printf(out, "== %s\n", sub);
				test_read_file(full, out);
				buf_putc(out, '\n');
			}
		}
		free(names[i]);
	}
	free(names);
}

static int
run_env(const char *const *args, const char *const *env)
{
	struct buf out = BUF_INIT, err = BUF_INIT;
	int rc = wfx_brief(args, env, &out, &err);
	if (rc != 0)
		fprintf(stderr, "brief %s: exit %d: %s\n", args[0], rc, buf_str(&err));
	buf_free(&out);
	buf_free(&err);
	return rc;
}

static int
run(const char *const *args)
{
	return run_env(args, NULL);
}

/* The two dailies into dir/; env may set BRIEF_BASE_URL. */
static void
daily_site_env(const char *home, const char *dir, const char *const *env)
{
	char out[4300];
	snprintf(out, sizeof out, "%s/", dir);
	const char *a1[] = {"daily", "--home", home, "--no-fetch", "--offline", "--hours", "480", "--out", out,
	                    "--now", "2026-02-21T12:00:00Z", NULL};
	const char *a2[] = {"daily", "--home", home, "--no-fetch", "--offline", "--hours", "480", "--out", out,
	                    "--now", "2026-03-02T12:00:00Z", NULL};
	CHECK_INT(run_env(a1, env), 0);
	CHECK_INT(run_env(a2, env), 0);
}

static void
daily_site(const char *home, const char *dir)
{
	daily_site_env(home, dir, NULL);
}

/* Text that must be escaped once at each level: the entry title as XML text, the summary as
 * HTML inside XML; a control character dropped (not allowed in XML 1.0). */
static void
check_escaping(void)
{
	const char *tops[] = {"AT&T <script>alert(1)</script>"};
	struct report_digest d = {"2026-02-21", "en", 1771675200, "Tom & Jerry <b>\"x\"</b> ]]> \x01'q'",
	                          "A & B <i>", tops, 1, 12};
	struct buf atom = BUF_INIT, p = BUF_INIT;
	report_index_atom(&d, 1, "en", "https://news.example/a&b", &atom);
	int n = atom_check(atom.data, atom.len, &p);
	if (n)
		fprintf(stderr, "escaping feed:\n%s\n%s", buf_str(&p), buf_str(&atom));
	CHECK_INT(n, 0);
	const char *x = buf_str(&atom);
	CHECK(strstr(x, "<title>Tom &amp; Jerry &lt;b&gt;&quot;x&quot;&lt;/b&gt; ]]&gt; &#39;q&#39;</title>") != NULL);
	CHECK(strstr(x, "&lt;li&gt;AT&amp;amp;T &amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;&lt;/li&gt;") != NULL);
	CHECK(strstr(x, "A &amp;amp; B &amp;lt;i&amp;gt;") != NULL);
	CHECK(strstr(x, "href=\"https://news.example/a&amp;b/2026-02-21.html\"") != NULL);
	CHECK(strstr(x, "<script") == NULL && strchr(x, '\x01') == NULL);
	buf_free(&atom);
	buf_free(&p);
}

static void
check_planted(void)
{
	const char *good = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
	                   "<title>t</title><id>urn:x:1</id><updated>2026-02-21T12:00:00Z</updated>"
	                   "<entry><title>e</title><id>urn:x:2</id><updated>2026-02-21T12:00:00+08:00</updated>"
	                   "<author><name>a</name></author><link href=\"a.html\"/></entry></feed>";
	struct buf p = BUF_INIT;
	CHECK_INT(atom_check(good, strlen(good), &p), 0);
	static const char *const plants[][2] = {
		{"<id>urn:x:1</id>", ""},                                   /* feed without id */
		{"2026-02-21T12:00:00Z", "2026-02-21t12:00:00z"},           /* lower-case t and z */
		{"<author><name>a</name></author>", ""},                    /* no author anywhere */
		{"<title>e</title>", "<title>e</title><title>f</title>"},   /* two titles */
		{"urn:x:2", "relative/id"},                                 /* id not absolute */
		{"<title>t</title>", "<title type=\"bogus\">t</title>"},    /* bad text type */
		{"<link href=\"a.html\"/>", ""},                            /* no content, no alternate */
		{"<link href=\"a.html\"/>", "<link href=\"a.html\"/><link href=\"b.html\"/>"}, /* two alternates */
		{"</feed>", ""},                                            /* not well-formed */
	};
	for (size_t i = 0; i < sizeof plants / sizeof plants[0]; i++) {
		struct buf bad = BUF_INIT;
		const char *at = strstr(good, plants[i][0]);
		buf_append(&bad, good, (size_t)(at - good));
		buf_puts(&bad, plants[i][1]);
		buf_puts(&bad, at + strlen(plants[i][0]));
		buf_clear(&p);
		int n = atom_check(bad.data, bad.len, &p);
		if (n == 0)
			fprintf(stderr, "planted violation %zu not caught\n", i);
		CHECK(n > 0);
		buf_free(&bad);
	}
	buf_free(&p);
}

/* A weekly post written again on a later day of its week into a Jekyll site when the new file
 * cannot be written (a full disk: RLIMIT_FSIZE below the post's size, as test_store_fail
 * does): the write fails and the week's post already in the site stays. Removing the older
 * copy first left the site without the week's post. */
static void
check_weekly_rewrite_fails(const char *tmp)
{
	char site[4200], posts[4300], old[4400], path[4400];
	snprintf(site, sizeof site, "%s/jekyll-full", tmp);
	snprintf(posts, sizeof posts, "%s/_posts", site);
	snprintf(old, sizeof old, "%s/2026-02-21-weekly-2026-w08.md", posts);
	struct weekly_post p = {.front_matter = WEEKLY_FM_JEKYLL, .date = "2026-02-21", .week = "2026-W08"};
	struct err e;
	const char *post = "---\nlayout: post\n---\nThe week's post, as published.\n";
	CHECK(site_write_weekly(site, &p, post, path, sizeof path, &e) == 0);
	CHECK_STR(path, old);
	char bigger[4096];
	memset(bigger, 'x', sizeof bigger - 1);
	bigger[sizeof bigger - 1] = '\0';
	p.date = "2026-02-22";
	signal(SIGXFSZ, SIG_IGN); /* a write past the limit fails with EFBIG */
	struct rlimit was, lim;
	getrlimit(RLIMIT_FSIZE, &was);
	lim.rlim_cur = 1024;
	lim.rlim_max = was.rlim_max;
	CHECK(setrlimit(RLIMIT_FSIZE, &lim) == 0);
	int rc = site_write_weekly(site, &p, bigger, path, sizeof path, &e);
	setrlimit(RLIMIT_FSIZE, &was);
	signal(SIGXFSZ, SIG_DFL);
	CHECK(rc < 0);
	if (!fs_exists(old))
		fprintf(stderr, "the failed rewrite removed the week's post %s\n", old);
	CHECK(fs_exists(old));
	struct buf b = BUF_INIT;
	if (fs_exists(old))
		test_read_file(old, &b);
	CHECK_STR(buf_str(&b), post);
	buf_free(&b);
	/* with room again the rewrite replaces it: one post for the week */
	CHECK(site_write_weekly(site, &p, post, path, sizeof path, &e) == 0);
	CHECK(!fs_exists(old));
	snprintf(old, sizeof old, "%s/2026-02-22-weekly-2026-w08.md", posts);
	CHECK(fs_exists(old));
}

/* Copy dir/FROM.{md,html,json} to dir/TO.{md,html,json}. */
static void
copy_digest(const char *dir, const char *from, const char *to)
{
	static const char *const exts[] = {"md", "html", "json"};
	for (size_t i = 0; i < 3; i++) {
		char src[4400], dst[4400];
		struct buf b = BUF_INIT;
		snprintf(src, sizeof src, "%s/%s.%s", dir, from, exts[i]);
		snprintf(dst, sizeof dst, "%s/%s.%s", dir, to, exts[i]);
		test_read_file(src, &b);
		test_write_file(dst, b.data, b.len);
		buf_free(&b);
	}
}

/* Files in the archive named by a date that is not a day of the calendar (2026-02-30, a month
 * 13) are no digests: they were listed on the index and in the feed, counted in February and
 * given a month page 2026-13 of their own. Nor is a JSON file of another tool. */
static void
check_not_real_dates(const char *home, const char *tmp)
{
	char dir[4300], out[4400], path[4500];
	snprintf(dir, sizeof dir, "%s/odd-names", tmp);
	snprintf(out, sizeof out, "%s/", dir);
	const char *a[] = {"daily", "--home", home, "--no-fetch", "--offline", "--hours", "480", "--out", out,
	                   "--now", "2026-02-21T12:00:00Z", NULL};
	CHECK_INT(run(a), 0);
	copy_digest(dir, "2026-02-21", "2026-02-30");
	copy_digest(dir, "2026-02-21", "2026-13-45");
	copy_digest(dir, "2026-02-21", "2026-00-10");
	CHECK_INT(run(a), 0);
	struct buf idx = BUF_INIT, atom = BUF_INIT;
	snprintf(path, sizeof path, "%s/index.md", dir);
	test_read_file(path, &idx);
	snprintf(path, sizeof path, "%s/index.atom", dir);
	test_read_file(path, &atom);
	const char *odd[] = {"2026-02-30", "2026-13", "2026-00"};
	for (size_t i = 0; i < 3; i++) {
		if (strstr(buf_str(&idx), odd[i]) || strstr(buf_str(&atom), odd[i]))
			fprintf(stderr, "%s is listed as a digest\n", odd[i]);
		CHECK(strstr(buf_str(&idx), odd[i]) == NULL && strstr(buf_str(&atom), odd[i]) == NULL);
	}
	CHECK(strstr(buf_str(&idx), "- [2026-02](2026-02.md) (1)\n") != NULL);
	/* Another tool's JSON under a digest's name (with an .md and an .html beside it) is no
	 * digest either: it was listed as a day of 0 stories whose feed entry was updated in 1970. */
	static const char *const exts[] = {"json", "md", "html"};
	for (size_t i = 0; i < 3; i++) {
		snprintf(path, sizeof path, "%s/2026-02-05.%s", dir, exts[i]);
		test_write_file(path, i ? "x\n" : "{\"name\": \"fixture\", \"rows\": []}\n", i ? 2 : 32);
	}
	CHECK_INT(run(a), 0);
	buf_clear(&idx);
	buf_clear(&atom);
	snprintf(path, sizeof path, "%s/index.md", dir);
	test_read_file(path, &idx);
	snprintf(path, sizeof path, "%s/index.atom", dir);
	test_read_file(path, &atom);
	CHECK(strstr(buf_str(&idx), "2026-02-05") == NULL && strstr(buf_str(&atom), "2026-02-05") == NULL);
	CHECK(strstr(buf_str(&atom), "1970-") == NULL);
	CHECK(strstr(buf_str(&idx), "- [2026-02](2026-02.md) (1)\n") != NULL);
	snprintf(path, sizeof path, "%s/2026-13.md", dir);
	CHECK(!fs_exists(path));
	snprintf(path, sizeof path, "%s/2026-00.md", dir);
	CHECK(!fs_exists(path));
	buf_free(&idx);
	buf_free(&atom);
}

int
main(void)
{
	const char *tmp = test_tmpdir();
	char home[4200], dir[4200], site[4200], hugo[4200], path[8400];
	snprintf(home, sizeof home, "%s/home", tmp);
	wfx_make_home(home);
	check_weekly_rewrite_fails(tmp);

	/* The daily archive as a site. */
	snprintf(dir, sizeof dir, "%s/daily", tmp);
	daily_site(home, dir);
	static const char *const files[] = {"index.html", "index.md", "index.atom", "2026-02.html", "2026-02.md",
	                                    "2026-03.html", "2026-03.md", "2026-02-21.html", "2026-03-02.html"};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, files[i]);
		CHECK(fs_exists(path));
	}
	struct buf idx = BUF_INIT;
	snprintf(path, sizeof path, "%s/index.html", dir);
	test_read_file(path, &idx);
	CHECK(strstr(buf_str(&idx), "<a href=\"2026-02.html\">2026-02</a>") != NULL);
	CHECK(strstr(buf_str(&idx), "<a href=\"2026-03.html\">2026-03</a>") != NULL);
	buf_clear(&idx);
	snprintf(path, sizeof path, "%s/2026-02.html", dir);
	test_read_file(path, &idx);
	CHECK(strstr(buf_str(&idx), "2026-02-21.html") != NULL);
	CHECK(strstr(buf_str(&idx), "2026-03-02.html") == NULL);
	buf_free(&idx);

	struct buf before = BUF_INIT, after = BUF_INIT, atom = BUF_INIT, problems = BUF_INIT;
	snapshot(dir, "", &before);
	daily_site(home, dir);
	snapshot(dir, "", &after);
	CHECK(before.len > 1000);
	CHECK(before.len == after.len && memcmp(before.data, after.data, before.len) == 0);

	snprintf(path, sizeof path, "%s/index.atom", dir);
	test_read_file(path, &atom);
	int n = atom_check(atom.data, atom.len, &problems);
	if (n)
		fprintf(stderr, "index.atom:\n%s", buf_str(&problems));
	CHECK_INT(n, 0);
	CHECK(strstr(buf_str(&atom), "<entry>") != NULL);
	check_planted();
	check_escaping();
	check_not_real_dates(home, tmp);

	/* An archive whose language changes (a zh digest, then --lang en the next days): the zh
	 * day's entry keeps its id, urn:brief:daily:zh:DATE. It took the id of the run's language,
	 * so every --lang switch gave the last 60 digests new ids and a reader showed them again
	 * as new entries. */
	char mixed[4300], mixed_out[4400];
	snprintf(mixed, sizeof mixed, "%s/mixed", tmp);
	snprintf(mixed_out, sizeof mixed_out, "%s/", mixed);
	const char *z1[] = {"daily", "--home", home, "--no-fetch", "--offline", "--hours", "480", "--out", mixed_out,
	                    "--now", "2026-02-21T12:00:00Z", NULL};
	const char *e2[] = {"daily", "--home", home, "--no-fetch", "--offline", "--hours", "480", "--lang", "en",
	                    "--out", mixed_out, "--now", "2026-02-22T12:00:00Z", NULL};
	CHECK_INT(run(z1), 0);
	CHECK_INT(run(e2), 0);
	buf_clear(&atom);
	snprintf(path, sizeof path, "%s/index.atom", mixed);
	test_read_file(path, &atom);
	CHECK(strstr(buf_str(&atom), "<id>urn:brief:daily:zh:2026-02-21</id>") != NULL);
	CHECK(strstr(buf_str(&atom), "<id>urn:brief:daily:en:2026-02-22</id>") != NULL);
	buf_clear(&problems);
	CHECK_INT(atom_check(atom.data, atom.len, &problems), 0);

	/* With [daily] base_url (here BRIEF_BASE_URL): absolute links, still valid, and a rerun
	 * gives the same tree. */
	char based[4300];
	snprintf(based, sizeof based, "%s/based", tmp);
	const char *base_env[] = {"BRIEF_BASE_URL=https://news.example/digest", NULL};
	daily_site_env(home, based, base_env);
	buf_clear(&before);
	snapshot(based, "", &before);
	daily_site_env(home, based, base_env);
	buf_clear(&after);
	snapshot(based, "", &after);
	CHECK(before.len > 1000 && before.len == after.len && memcmp(before.data, after.data, before.len) == 0);
	buf_clear(&atom);
	snprintf(path, sizeof path, "%s/index.atom", based);
	test_read_file(path, &atom);
	buf_clear(&problems);
	n = atom_check(atom.data, atom.len, &problems);
	if (n)
		fprintf(stderr, "based index.atom:\n%s", buf_str(&problems));
	CHECK_INT(n, 0);
	CHECK(strstr(buf_str(&atom), "<link rel=\"self\" href=\"https://news.example/digest/index.atom\"/>") != NULL);
	CHECK(strstr(buf_str(&atom), "href=\"https://news.example/digest/2026-03-02.html\"") != NULL);

	/* The weekly into a Jekyll site, twice, then on the next day of the same ISO week. */
	snprintf(site, sizeof site, "%s/jekyll", tmp);
	const char *w1[] = {"weekly", "--home", home, "--no-fetch", "--offline", "--site", site, "--now", WFX_NOW, NULL};
	CHECK_INT(run(w1), 0);
	buf_clear(&before);
	buf_clear(&after);
	snapshot(site, "", &before);
	CHECK(strncmp(buf_str(&before), "== _posts/2026-02-21-weekly-2026-w08.md\n---\nlayout:", 50) == 0);
	CHECK_INT(run(w1), 0);
	snapshot(site, "", &after);
	CHECK(before.len == after.len && memcmp(before.data, after.data, before.len) == 0);
	const char *w2[] = {"weekly", "--home", home, "--no-fetch", "--offline", "--site", site,
	                    "--now", "2026-02-22T12:00:00Z", NULL};
	CHECK_INT(run(w2), 0);
	buf_clear(&after);
	snapshot(site, "", &after);
	CHECK(strstr(buf_str(&after), "== _posts/2026-02-22-weekly-2026-w08.md\n") != NULL);
	CHECK(strstr(buf_str(&after), "2026-02-21-weekly-2026-w08.md") == NULL);
	/* The en post of that week, on its last day, where the zh one is: refused (exit 1), and the
	 * zh post neither replaced nor removed as "an older copy of this week's post". */
	const char *w3[] = {"weekly", "--home", home, "--no-fetch", "--offline", "--site", site, "--lang", "en",
	                    "--now", "2026-02-22T13:00:00Z", NULL};
	struct buf wo = BUF_INIT, we = BUF_INIT;
	CHECK_INT(wfx_brief(w3, NULL, &wo, &we), 1);
	CHECK(strstr(buf_str(&we), "2026-02-22-weekly-2026-w08.md holds the week's zh post") != NULL);
	buf_clear(&before);
	snapshot(site, "", &before);
	CHECK(before.len == after.len && memcmp(before.data, after.data, before.len) == 0);

	/* Hugo. */
	snprintf(hugo, sizeof hugo, "%s/hugo", tmp);
	const char *h1[] = {"weekly", "--home", home, "--no-fetch", "--offline", "--front-matter", "hugo",
	                    "--site", hugo, "--now", WFX_NOW, NULL};
	CHECK_INT(run(h1), 0);
	buf_clear(&before);
	snapshot(hugo, "", &before);
	CHECK(strncmp(buf_str(&before), "== content/posts/weekly-2026-w08.md\n---\ntitle:", 45) == 0);
	CHECK_INT(run(h1), 0);
	buf_clear(&after);
	snapshot(hugo, "", &after);
	CHECK(before.len == after.len && memcmp(before.data, after.data, before.len) == 0);
	const char *h_en[] = {"weekly", "--home", home, "--no-fetch", "--offline", "--front-matter", "hugo", "--lang",
	                    "en", "--site", hugo, "--now", WFX_NOW, NULL};
	buf_clear(&we);
	CHECK_INT(wfx_brief(h_en, NULL, &wo, &we), 1);
	CHECK(strstr(buf_str(&we), "weekly-2026-w08.md holds the week's zh post") != NULL);
	buf_clear(&after);
	snapshot(hugo, "", &after);
	CHECK(before.len == after.len && memcmp(before.data, after.data, before.len) == 0);
	buf_free(&wo);
	buf_free(&we);
	/* A Hugo post is dated with the local offset: at 07:00 in Shanghai (23:00 UTC the day
	 * before) the weekly of Saturday 21 February is dated the 21st, not "2026-02-20T23:00:00Z"
	 * (Hugo showed and filed it under the 20th), and so is the daily of that morning. */
	char hugo_tz[4300];
	snprintf(hugo_tz, sizeof hugo_tz, "%s/hugo-tz", tmp);
	const char *shanghai[] = {"TZ=Asia/Shanghai", NULL};
	const char *h3[] = {"weekly", "--home", home, "--no-fetch", "--offline", "--front-matter", "hugo",
	                    "--site", hugo_tz, "--now", "2026-02-20T23:00:00Z", NULL};
	const char *h4[] = {"daily", "--home", home, "--no-fetch", "--offline", "--front-matter", "hugo",
	                    "--site", hugo_tz, "--now", "2026-02-20T23:00:00Z", NULL};
	CHECK_INT(run_env(h3, shanghai), 0);
	CHECK_INT(run_env(h4, shanghai), 0);
	buf_clear(&before);
	snapshot(hugo_tz, "", &before);
	CHECK(strstr(buf_str(&before), "== content/posts/daily-2026-02-21.md\n") != NULL);
	CHECK(strstr(buf_str(&before), "== content/posts/weekly-2026-w08.md\n") != NULL);
	const char *dated = strstr(buf_str(&before), "\ndate: 2026-02-21T07:00:00+08:00\n");
	CHECK(dated != NULL && strstr(dated + 1, "\ndate: 2026-02-21T07:00:00+08:00\n") != NULL);
	if (!dated)
		fprintf(stderr, "hugo-tz:\n%.600s\n", buf_str(&before));
	/* A Jekyll weekly is dated with the moment and its offset: Jekyll reads a bare "2026-02-21"
	 * as midnight in the zone it builds in and skips a post dated in its future, so the post
	 * made at 07:00 in Shanghai (23:00 UTC the day before) and built at once in UTC or further
	 * west was not published. The file keeps the local day. */
	char jekyll_tz[4300];
	snprintf(jekyll_tz, sizeof jekyll_tz, "%s/jekyll-tz", tmp);
	const char *j3[] = {"weekly", "--home", home, "--no-fetch", "--offline", "--site", jekyll_tz, "--now",
	                    "2026-02-20T23:00:00Z", NULL};
	const char *j4[] = {"daily", "--home", home, "--no-fetch", "--offline", "--site", jekyll_tz, "--now",
	                    "2026-02-20T23:00:00Z", NULL};
	CHECK_INT(run_env(j3, shanghai), 0);
	CHECK_INT(run_env(j4, shanghai), 0); /* the daily post was dated with the bare day too */
	buf_clear(&before);
	snapshot(jekyll_tz, "", &before);
	CHECK(strstr(buf_str(&before), "== _posts/2026-02-21-weekly-2026-w08.md\n---\nlayout:") != NULL);
	CHECK(strstr(buf_str(&before), "\ndate:       2026-02-21T07:00:00+08:00\n") != NULL);
	CHECK(strstr(buf_str(&before), "== _posts/2026-02-21-daily.md\n---\nlayout:") != NULL);
	CHECK(strstr(buf_str(&before), "\ndate: 2026-02-21T07:00:00+08:00\ntags:\n") != NULL);
	/* The daily digest as a post of both sites. */
	const char *d1[] = {"daily", "--home", home, "--no-fetch", "--offline", "--site", site, "--now", WFX_NOW, NULL};
	struct buf o1 = BUF_INIT, e1 = BUF_INIT, post = BUF_INIT;
	CHECK_INT(wfx_brief(d1, NULL, &o1, &e1), 0);
	CHECK_INT((long)o1.len, 0); /* --site alone took the digest */
	snprintf(path, sizeof path, "%s/_posts/2026-02-21-daily.md", site);
	test_read_file(path, &post);
	const char *pm = buf_str(&post), *more = strstr(pm, "\n<!--more-->\n"), *look = strstr(pm, "## 📝 ");
	CHECK(str_starts(pm, "---\nlayout: post\ntitle: ") && strstr(pm, "\ndate: 2026-02-21T") != NULL &&
	      strstr(pm, "\ntags:\n  - 日报\n") != NULL);
	CHECK(strstr(pm, "\n# 📰") == NULL && strstr(pm, "\n---\n\n> ") != NULL);
	CHECK(look != NULL && more != NULL && look < more && strstr(look, "## 🏆") > more);
	buf_clear(&before);
	snapshot(site, "", &before);
	CHECK_INT(run(d1), 0);
	buf_clear(&after);
	snapshot(site, "", &after);
	CHECK(before.len == after.len && memcmp(before.data, after.data, before.len) == 0);
	const char *d2[] = {"daily", "--home", home, "--no-fetch", "--offline", "--site", hugo, "--front-matter", "hugo",
	                    "--now", WFX_NOW, NULL};
	CHECK_INT(run(d2), 0);
	buf_clear(&post);
	snprintf(path, sizeof path, "%s/content/posts/daily-2026-02-21.md", hugo);
	test_read_file(path, &post);
	pm = buf_str(&post);
	CHECK(str_starts(pm, "---\ntitle: ") && strstr(pm, "\ndate: ") != NULL);
	CHECK(strstr(pm, "\ncategories:\n  - 日报\nsummary: ") != NULL && strstr(pm, "\ndraft: false\n---\n\n") != NULL);
	const char *d3[] = {"daily", "--home", home, "--no-fetch", "--offline", "--site", hugo, "--front-matter", "blog",
	                    "--now", WFX_NOW, NULL};
	buf_clear(&o1);
	buf_clear(&e1);
	CHECK_INT(wfx_brief(d3, NULL, &o1, &e1), 2);
	CHECK(strstr(buf_str(&e1), "--front-matter wants jekyll, hugo or none") != NULL);
	/* The zh and en posts of a day have one name: the en digest into the site that has the
	 * day's zh post is refused (exit 1, naming the post) and the zh post stays, as --out DIR/
	 * refuses; a site of its own takes it. */
	const char *d4[] = {"daily", "--home", home, "--no-fetch", "--offline", "--site", site, "--lang", "en",
	                    "--now", WFX_NOW, NULL};
	buf_clear(&before);
	snapshot(site, "", &before);
	buf_clear(&e1);
	CHECK_INT(wfx_brief(d4, NULL, &o1, &e1), 1);
	CHECK(strstr(buf_str(&e1), "2026-02-21-daily.md holds the day's zh post") != NULL);
	buf_clear(&after);
	snapshot(site, "", &after);
	CHECK(before.len == after.len && memcmp(before.data, after.data, before.len) == 0);
	char site_en[4200];
	snprintf(site_en, sizeof site_en, "%s/en", site);
	d4[6] = site_en;
	CHECK_INT(run(d4), 0);
	buf_clear(&post);
	snprintf(path, sizeof path, "%s/_posts/2026-02-21-daily.md", site_en);
	test_read_file(path, &post);
	CHECK(strstr(buf_str(&post), "\ntags:\n  - daily\n") != NULL);
	buf_free(&o1);
	buf_free(&e1);
	buf_free(&post);
	/* No front matter, no site: a usage error when the flags say so (exit 2, before any work). */
	const char *h2[] = {"weekly", "--home", home, "--no-fetch", "--offline", "--front-matter", "none",
	                    "--site", hugo, "--now", WFX_NOW, NULL};
	struct buf o = BUF_INIT, err = BUF_INIT;
	CHECK_INT(wfx_brief(h2, NULL, &o, &err), 2);
	CHECK(strstr(buf_str(&err), "--site needs Jekyll or Hugo front matter") != NULL);
	buf_free(&o);
	buf_free(&err);
	buf_free(&before);
	buf_free(&after);
	buf_free(&atom);
	buf_free(&problems);
	return test_done("test_site");
}
