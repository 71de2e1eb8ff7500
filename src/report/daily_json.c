/* daily_json.c: the daily digest as the `brief daily --format json` object of docs/cli.md:
 * exactly the specified keys, in the order docs/cli.md lists them (scripts may compare key
 * sets). Feed health and the further sources of a story are in the Markdown and HTML. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "category.h"
#include "feed/feed.h"
#include "report/render.h"
#include "report/report.h"
#include "util/json.h"
#include "util/timeutil.h"
#include "util/utf8.h"

static json_t *
jtime(int64_t t)
{
	if (t == FEED_NO_DATE)
		return json_null();
	char s[32];
	time_format_rfc3339(t, s, sizeof s);
	return json_string(s);
}

static json_t *
jitem(const struct report_item *it)
{
	json_t *o = json_object();
	json_object_set_new(o, "rank", json_integer(it->rank));
	json_object_set_new(o, "id", json_text(it->id)); /* what `brief article` takes */
	json_object_set_new(o, "title", json_text(it->title));
	/* null unless there is one: the offline engine's "translation" is the title itself, which
	 * the Markdown and HTML show once, as the original */
	json_object_set_new(o, "title_translated", json_text(render_has_translation(it) ? it->title_translated : NULL));
	json_object_set_new(o, "link", json_text(it->link));
	json_object_set_new(o, "source", json_text(it->source_count ? it->sources[0].name : NULL));
	json_object_set_new(o, "published", jtime(it->published));
	json_object_set_new(o, "category", json_string(category_id(it->category)));
	json_t *sc = json_object();
	json_object_set_new(sc, "relevance", json_integer(it->relevance));
	json_object_set_new(sc, "quality", json_integer(it->quality));
	json_object_set_new(sc, "timeliness", json_integer(it->timeliness));
	json_object_set_new(sc, "total", json_integer(it->total));
	json_object_set_new(o, "scores", sc);
	json_object_set_new(o, "summary", json_text(it->summary));
	json_object_set_new(o, "reason", json_text(it->reason));
	json_t *kw = json_array();
	for (size_t k = 0; k < it->keyword_count; k++)
		json_array_append_new(kw, json_text(it->keywords[k]));
	json_object_set_new(o, "keywords", kw);
	return o;
}

void
report_daily_json(const struct report *r, struct buf *out)
{
	json_t *o = json_object();
	json_object_set_new(o, "date", json_text(r->date));
	json_object_set_new(o, "generated_at", jtime(r->generated_at));
	json_object_set_new(o, "lang", json_text(r->lang));
	json_object_set_new(o, "engine", json_text(r->engine));
	json_object_set_new(o, "model", json_text(r->model));
	json_t *st = json_object();
	json_object_set_new(st, "feeds_total", json_integer(r->stats.feeds_total));
	json_object_set_new(st, "feeds_ok", json_integer(r->stats.feeds_ok));
	json_object_set_new(st, "articles_total", json_integer(r->stats.articles_total));
	json_object_set_new(st, "articles_in_window", json_integer(r->stats.articles_in_window));
	json_object_set_new(st, "selected", json_integer(r->stats.selected));
	json_object_set_new(st, "hours", json_integer(r->stats.hours));
	if (r->stats.full_text) { /* only when asked for: the object stays as docs/cli.md has it otherwise */
		json_object_set_new(st, "full_text_pages", json_integer(r->stats.pages_fetched));
		json_object_set_new(st, "full_text_failed", json_integer(r->stats.pages_failed));
	}
	if (r->stats.is_checked) { /* a model wrote: what the claim check found (docs/grounding.md) */
		json_object_set_new(st, "claims_checked", json_integer(r->stats.claims));
		json_object_set_new(st, "claims_unsupported", json_integer(r->stats.claims_unsupported));
		json_object_set_new(st, "sentences_removed", json_integer(r->stats.sentences_removed));
	}
	json_object_set_new(o, "stats", st);
	json_object_set_new(o, "highlights", json_text(r->highlights));
	json_t *items = json_array();
	for (size_t i = 0; i < r->item_count; i++)
		json_array_append_new(items, jitem(&r->items[i]));
	json_object_set_new(o, "items", items);
	json_t *kw = json_array();
	for (size_t i = 0; i < r->keyword_count; i++) {
		json_t *k = json_object();
		json_object_set_new(k, "word", json_text(r->keywords[i].word));
		json_object_set_new(k, "count", json_integer(r->keywords[i].count));
		json_array_append_new(kw, k);
	}
	json_object_set_new(o, "keywords", kw);
	json_t *cats = json_array();
	for (size_t i = 0; i < r->category_count; i++) {
		json_t *c = json_object();
		enum category cat = r->categories[i].category;
		json_object_set_new(c, "id", json_string(category_id(cat)));
		json_object_set_new(c, "label", json_string(category_label(cat, r->lang)));
		json_object_set_new(c, "emoji", json_string(category_emoji(cat)));
		json_object_set_new(c, "count", json_integer(r->categories[i].count));
		json_array_append_new(cats, c);
	}
	json_object_set_new(o, "categories", cats);
	char *s = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	if (!s) {
		/* Only on allocation failure; brief aborts on OOM everywhere else too. */
		abort();
	}
	buf_puts(out, s);
	buf_putc(out, '\n');
	free(s);
	json_decref(o);
}
