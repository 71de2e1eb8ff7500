/* site.c: the weekly post and the daily digest in a Jekyll or Hugo site tree (site.h). */
#include "report/site.h"

#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "util/fs.h"
#include "util/str.h"

/* The posts directory of the site at dir (created): DIR/_posts for Jekyll, DIR/content/posts for
 * Hugo, into sub (size bytes), without the temporaries a killed run left half-written there
 * (Jekyll takes any DATE-NAME.EXT in _posts for a post). Returns 0, or -1 with e set. */
static int
posts_dir(const char *dir, int jekyll, char *sub, size_t size, struct err *e)
{
	snprintf(sub, size, "%s/%s", dir, jekyll ? "_posts" : "content/posts");
	if (fs_mkdirs(sub, 0, e) < 0)
		return -1;
	fs_remove_stale_tmp(sub);
	return 0;
}

/* The language of the post at path: "zh" when it holds the line zh, "en" when it holds en
 * (lines brief writes into every post of that kind, one per language). NULL when there is no
 * such file or it holds neither. */
static const char *
post_lang(const char *path, const char *zh, const char *en)
{
	struct buf old = BUF_INIT;
	struct err ignored;
	const char *lang = NULL;
	if (fs_exists(path) && fs_read_all(path, &old, &ignored) == 0)
		lang = strstr(buf_str(&old), zh) ? "zh" : strstr(buf_str(&old), en) ? "en" : NULL;
	buf_free(&old);
	return lang;
}

/* 0 when the post at path is absent or in lang (or lang is NULL); else -1 with e set: the zh and
 * en posts of a day or week have one name, and one must not replace the other. */
static int
same_lang(const char *path, const char *lang, const char *zh, const char *en, const char *what, struct err *e)
{
	const char *had = lang ? post_lang(path, zh, en) : NULL;
	if (had && strcmp(had, lang) != 0)
		return err_set(e,
		               "%s holds the %s's %s post: the %s one would overwrite it; give each language its own "
		               "site (--site DIR)",
		               path, what, had, lang);
	return 0;
}

int
site_write_daily(const char *dir, enum weekly_front_matter fm, const char *date, const char *lang, const char *md,
                 char *path, size_t size, struct err *e)
{
	if (fm == WEEKLY_FM_NONE)
		return err_set(e, "--site needs Jekyll or Hugo front matter (--front-matter jekyll|hugo)");
	char sub[4200];
	int jekyll = fm == WEEKLY_FM_JEKYLL;
	if (posts_dir(dir, jekyll, sub, sizeof sub, e) < 0)
		return -1;
	if (jekyll)
		snprintf(path, size, "%s/%s-daily.md", sub, date);
	else
		snprintf(path, size, "%s/daily-%s.md", sub, date);
	/* The zh and en posts of a day have one name: never one over the other (as --out DIR/). The
	 * first tag is the kind, in the post's language (report_daily_post_md). */
	if (same_lang(path, lang, "\ntags:\n  - 日报\n", "\ntags:\n  - daily\n", "day", e) < 0)
		return -1;
	return fs_write_atomic(path, md, strlen(md), e);
}

int
site_write_weekly(const char *dir, const struct weekly_post *p, const char *md, char *path, size_t size,
                  struct err *e)
{
	if (p->front_matter == WEEKLY_FM_NONE)
		return err_set(e, "--site needs Jekyll or Hugo front matter (--front-matter jekyll|hugo)");
	char week[32], slug[64], sub[4200];
	str_copy(week, p->week, sizeof week);
	str_lower(week);
	snprintf(slug, sizeof slug, "weekly-%s.md", week); /* "weekly-2026-w08.md" */
	int jekyll = p->front_matter == WEEKLY_FM_JEKYLL;
	if (posts_dir(dir, jekyll, sub, sizeof sub, e) < 0)
		return -1;
	/* Every post has the news section's heading, in its language: the marker of a zh or en post */
	char zh[128], en[128];
	snprintf(zh, sizeof zh, "\n# %s\n", weekly_section_title(WEEKLY_NEWS, "zh"));
	snprintf(en, sizeof en, "\n# %s\n", weekly_section_title(WEEKLY_NEWS, "en"));
	if (!jekyll) {
		snprintf(path, size, "%s/%s", sub, slug);
		if (same_lang(path, p->lang, zh, en, "week", e) < 0)
			return -1;
		return fs_write_atomic(path, md, strlen(md), e);
	}
	snprintf(path, size, "%s/%s-%s", sub, p->date, slug);
	/* The week's post in the other language, under this date or another (which would be
	 * removed below), is refused before anything is written. */
	DIR *check = opendir(sub);
	struct dirent *ce;
	while (check && (ce = readdir(check)) != NULL) {
		if (strlen(ce->d_name) == 11 + strlen(slug) && strcmp(ce->d_name + 11, slug) == 0) {
			char other[8400];
			snprintf(other, sizeof other, "%s/%s", sub, ce->d_name);
			if (same_lang(other, p->lang, zh, en, "week", e) < 0) {
				closedir(check);
				return -1;
			}
		}
	}
	if (check)
		closedir(check);
	/* The new post first: a write that fails (a full disk) or a run killed here leaves the
	 * week's post that is there; removed first, the site lost it. */
	if (fs_write_atomic(path, md, strlen(md), e) < 0)
		return -1;
	/* The same week posted under another date: remove it (Jekyll names are DATE-slug). */
	DIR *dp = opendir(sub);
	if (!dp)
		return err_set(e, "cannot read directory %s", sub);
	struct dirent *de;
	while ((de = readdir(dp)) != NULL) {
		if (strlen(de->d_name) == 11 + strlen(slug) && strcmp(de->d_name + 11, slug) == 0 &&
		    strncmp(de->d_name, p->date, 10) != 0) {
			char old[8400];
			snprintf(old, sizeof old, "%s/%s", sub, de->d_name);
			if (unlink(old) < 0) {
				closedir(dp);
				return err_set(e, "cannot remove %s (an older copy of this week's post)", old);
			}
		}
	}
	closedir(dp);
	return 0;
}
