/* render.c: helpers shared by the daily report renderers. */
#include "report/render.h"

#include <stdio.h>
#include <string.h>

#include "feed/feed.h"
#include "net/fetch_error.h"

void
render_long(struct buf *out, long v)
{
	buf_printf(out, "%ld", v);
}

static const char *
long_str(char *s, size_t size, long v)
{
	snprintf(s, size, "%ld", v);
	return s;
}

void
report_daily_title(const struct report *r, struct buf *out)
{
	const struct i18n *t = i18n_get(r->lang);
	buf_puts(out, t->title);
	buf_puts(out, " — ");
	buf_puts(out, r->date ? r->date : "");
}

void
render_header_line(const struct report *r, const struct i18n *t, struct buf *out)
{
	char a[32], b[32];
	const char *feeds[] = {long_str(a, sizeof a, r->stats.feeds_total)};
	i18n_fill(out, r->is_default_list ? t->src_default : t->src_custom, feeds, 1);
	buf_puts(out, t->sep);
	const char *top[] = {long_str(b, sizeof b, (long)r->item_count)};
	int offline = !r->engine || strcmp(r->engine, "llm") != 0;
	i18n_fill(out, offline ? t->pick_offline : t->pick_llm, top, 1);
}

const char *
render_item_title(const struct report_item *it)
{
	if (it->title_translated && *it->title_translated)
		return it->title_translated;
	return it->title ? it->title : "";
}

int
render_has_translation(const struct report_item *it)
{
	return it->title_translated && *it->title_translated &&
	       (!it->title || strcmp(it->title, it->title_translated) != 0);
}

void
render_ago(const struct report *r, const struct i18n *t, const struct report_item *it, struct buf *out)
{
	if (it->published == FEED_NO_DATE)
		buf_puts(out, t->undated);
	else
		i18n_ago(out, t, it->when, r->generated_at);
}

void
render_footer_line(const struct report *r, const struct i18n *t, struct buf *out)
{
	struct buf when = BUF_INIT;
	char a[32], b[32], c[32];
	i18n_local(&when, r->generated_at, I18N_DATETIME);
	const char *args[] = {buf_str(&when), long_str(a, sizeof a, r->stats.feeds_ok),
	                      long_str(b, sizeof b, r->stats.articles_total),
	                      long_str(c, sizeof c, r->stats.selected)};
	i18n_fill(out, t->footer_generated, args, 4);
	buf_free(&when);
}

int
render_same_article(const struct report_item *it, const struct report_source *src)
{
	return !src->link || !*src->link || (it->link && strcmp(src->link, it->link) == 0);
}

void
render_health_more(const struct i18n *t, size_t n, struct buf *out)
{
	char more[32];
	const char *args[] = {long_str(more, sizeof more, (long)n)};
	i18n_fill(out, t->health_more, args, 1);
}

void
render_health_summary(const struct report *r, const struct i18n *t, struct buf *out)
{
	char a[32];
	const struct report_health *h = &r->health;
	const size_t counts[4] = {h->failed_count, h->stale_count, h->undated_count, h->future_count};
	size_t from = out->len;
	for (size_t i = 0; i < 4; i++) {
		if (counts[i] == 0) /* "0 条缺少日期" tells the reader nothing */
			continue;
		if (out->len > from)
			buf_puts(out, " · ");
		const char *args[] = {long_str(a, sizeof a, (long)counts[i])};
		i18n_fill(out, t->health_parts[i], args, 1);
	}
	if (r->stats.full_text) {
		if (out->len > from)
			buf_puts(out, " · ");
		const char *pages[] = {long_str(a, sizeof a, r->stats.pages_fetched)};
		i18n_fill(out, t->full_text_summary, pages, 1);
		if (r->stats.pages_failed > 0) {
			const char *failed[] = {long_str(a, sizeof a, r->stats.pages_failed)};
			i18n_fill(out, t->full_text_failed, failed, 1);
		}
	}
}

size_t
render_items_of(const struct report *r, enum category c, size_t *idx)
{
	size_t n = 0;
	for (size_t i = 0; i < r->item_count; i++)
		if (r->items[i].category == c)
			idx[n++] = i;
	return n;
}

int
render_bar_cells(int count, int max, int cells)
{
	if (count <= 0 || max <= 0)
		return 0;
	int n = (count * cells * 2 + max) / (max * 2);
	return n < 1 ? 1 : n > cells ? cells : n;
}

int
render_axis_max(int max)
{
	return max <= 0 ? 1 : max + (max + 3) / 4;
}

void
render_stat_cells(const struct report *r, const struct i18n *t, struct buf cells[4])
{
	char a[32], b[32];
	buf_printf(&cells[0], "%d/%d", r->stats.feeds_ok, r->stats.feeds_total);
	const char *flow[] = {long_str(a, sizeof a, r->stats.articles_total),
	                      long_str(b, sizeof b, r->stats.articles_in_window)};
	i18n_fill(&cells[1], t->articles_flow, flow, 2);
	const char *hours[] = {long_str(a, sizeof a, r->stats.hours)};
	i18n_fill(&cells[2], t->hours_value, hours, 1);
	const char *sel[] = {long_str(a, sizeof a, r->stats.selected)};
	i18n_fill(&cells[3], t->selected_value, sel, 1);
}

void
render_stale_heading(const struct report *r, const struct i18n *t, struct buf *out)
{
	char days[32];
	const char *args[] = {long_str(days, sizeof days, r->health.stale_days)};
	i18n_fill(out, t->h_stale, args, 1);
}

void
render_fetch_error(const struct i18n *t, const char *error, void (*code)(struct buf *, const char *),
                   struct buf *out)
{
	const char *reason = t->fetch_reason[fetch_error_classify(error)];
	if (!reason) {
		code(out, error ? error : "");
		return;
	}
	buf_puts(out, reason);
	buf_puts(out, "（");
	code(out, error ? error : "");
	buf_puts(out, "）");
}

void
render_stale_detail(const struct i18n *t, const struct report_problem *p, struct buf *out)
{
	if (p->when == FEED_NO_DATE) {
		buf_puts(out, t->stale_never);
		return;
	}
	struct buf d = BUF_INIT;
	i18n_local(&d, p->when, I18N_DATE);
	const char *args[] = {buf_str(&d)};
	i18n_fill(out, t->stale_since, args, 1);
	buf_free(&d);
}

void
render_engine_line(const struct report *r, const struct i18n *t, void (*esc)(struct buf *, const char *),
                   struct buf *out)
{
	if (!r->engine || strcmp(r->engine, "llm") != 0) {
		buf_puts(out, t->footer_engine_offline);
		return;
	}
	struct buf model = BUF_INIT;
	esc(&model, r->model ? r->model : "LLM");
	const char *args[] = {buf_str(&model)};
	i18n_fill(out, t->footer_engine_llm, args, 1);
	buf_free(&model);
	if (r->stats.is_checked && r->stats.sentences_removed) {
		char n[24];
		snprintf(n, sizeof n, "%d", r->stats.sentences_removed);
		const char *removed[] = {n};
		i18n_fill(out, t->footer_checked_removed, removed, 1);
	} else if (r->stats.is_checked) {
		buf_puts(out, t->footer_checked);
	}
}
