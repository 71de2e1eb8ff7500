/* test_daily_story_id.c: `brief help article` sends the reader to the daily JSON for a story
 * id; the JSON has it. Every item of `brief daily --format json` carries an "id" of the form
 * the help names (s + 12 hex digits), distinct per item, and `brief article ID` (with the
 * LLM stand-in) writes the commentary on exactly that story: its JSON names the same id and
 * cites the item's link. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "llmserver.h"
#include "testlib.h"
#include "util/str.h"
#include "wfixture.h"

static int
is_story_id(const char *s)
{
	if (!s || s[0] != 's' || strlen(s) != 13)
		return 0;
	for (size_t i = 1; i < 13; i++)
		if (!is_ascii_xdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

int
main(void)
{
	char home[4200];
	snprintf(home, sizeof home, "%s/home", test_tmpdir());
	wfx_make_home(home);
	struct buf out = BUF_INIT, err = BUF_INIT;

	/* The help names the daily JSON's "id". */
	const char *help[] = {"help", "article", NULL};
	CHECK_INT(wfx_brief(help, NULL, &out, &err), 0);
	CHECK(strstr(buf_str(&out), "\"id\" in the daily JSON") != NULL);

	const char *daily[] = {"daily", "--home", home, "--now", WFX_NOW, "--no-fetch", "--offline",
	                       "--hours", "168", "--format", "json", NULL};
	buf_clear(&out);
	CHECK_INT(wfx_brief(daily, NULL, &out, &err), 0);
	json_error_t je;
	json_t *j = json_loads(buf_str(&out), 0, &je);
	json_t *items = json_object_get(j, "items");
	CHECK(json_array_size(items) >= 2);
	for (size_t i = 0; i < json_array_size(items); i++) {
		const char *id = json_string_value(json_object_get(json_array_get(items, i), "id"));
		CHECK(is_story_id(id));
		for (size_t k = 0; k < i; k++) {
			const char *other = json_string_value(json_object_get(json_array_get(items, k), "id"));
			CHECK(id && other && strcmp(id, other) != 0);
		}
	}

	struct llmsrv_opts so = {0};
	struct llmsrv *srv = llmsrv_start(&so);
	CHECK(srv != NULL);
	/* The DeepSeek story (its sources are long enough for the stand-in's article; test_article
	 * writes it by URL), found in the JSON by its link and asked for by its id alone. */
	const char *link = "https://techwire.example/2026/02/deepseek-off-peak-prices";
	const char *id = NULL;
	for (size_t i = 0; i < json_array_size(items); i++) {
		json_t *it = json_array_get(items, i);
		const char *l = json_string_value(json_object_get(it, "link"));
		if (l && strcmp(l, link) == 0)
			id = json_string_value(json_object_get(it, "id"));
	}
	CHECK(id != NULL);
	if (srv && id) {
		const char *article[] = {"article", id ? id : "", "--home", home, "--now", WFX_NOW, "--format", "json", NULL};
		buf_clear(&out);
		buf_clear(&err);
		int rc = wfx_brief(article, llmsrv_brief_env(srv), &out, &err);
		if (rc != 0)
			fprintf(stderr, "brief article %s: exit %d\n%s", id, rc, buf_str(&err));
		CHECK_INT(rc, 0);
		json_t *a = json_loads(buf_str(&out), 0, &je);
		CHECK_STR(json_string_value(json_object_get(a, "story")), id);
		CHECK(strstr(buf_str(&out), link) != NULL);
		json_decref(a);
	}
	/* Another wire's earlier write-up of the story, read on a later run, joins it and leads
	 * it now: the id taken from the digest still names the story (it said "no story"). */
	char home2[4200];
	snprintf(home2, sizeof home2, "%s/home-late", test_tmpdir());
	wfx_make_home_with(home2, "latewire.xml");
	if (id) {
		const char *again[] = {"article", id, "--home", home2, "--now", WFX_NOW, "--offline", "--format", "json", NULL};
		buf_clear(&out);
		buf_clear(&err);
		int rc = wfx_brief(again, NULL, &out, &err);
		if (rc != 0)
			fprintf(stderr, "brief article %s (late source): exit %d\n%s", id, rc, buf_str(&err));
		CHECK_INT(rc, 0);
		CHECK(strstr(buf_str(&out), link) != NULL);
		CHECK(strstr(buf_str(&out), "https://latewire.example/news/deepseek-night-discount") != NULL);
	}
	if (srv)
		llmsrv_stop(srv);
	json_decref(j);
	buf_free(&out);
	buf_free(&err);
	return test_done("test_daily_story_id");
}
