/* grounding.c: claim checks of whole long-form pieces (see grounding.h): the sources as sent,
 * the thin-sources rule, checking and repairing a commentary draft or a weekly group's
 * paragraphs, and the record of what was removed. */
#include "ai/longform/grounding.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "ai/llm/prompt.h"
#include "util/str.h"
#include "util/utf8.h"

struct ground_index *
grounding_sources_plus(const struct article *const *sources, size_t n, const char *const *heads, long text_tokens,
                       const struct ground_source *extra, struct arena *arena)
{
	struct ground_source *gs = arena_alloc(arena, (n + 1) * sizeof *gs);
	for (size_t i = 0; i < n; i++) {
		struct buf body = BUF_INIT;
		buf_puts(&body, heads && heads[i] ? heads[i] : "");
		prompt_article_body(&body, sources[i], text_tokens);
		char date[16] = "";
		if (sources[i]->published != FEED_NO_DATE && sources[i]->when > 0) { /* undated: no date to cite */
			time_t t = (time_t)sources[i]->when;
			struct tm tm;
			localtime_r(&t, &tm);
			strftime(date, sizeof date, "%Y-%m-%d", &tm);
		}
		gs[i] = (struct ground_source){(long)i + 1, arena_strdup(arena, buf_str(&body)),
		                               date[0] ? arena_strdup(arena, date) : NULL};
		buf_free(&body);
	}
	if (extra) {
		gs[n] = *extra;
		gs[n].id = (long)n + 1;
	}
	return ground_index_new(gs, n + (extra != NULL), arena);
}

struct ground_index *
grounding_sources(const struct article *const *sources, size_t n, const char *const *heads, long text_tokens,
                  struct arena *arena)
{
	return grounding_sources_plus(sources, n, heads, text_tokens, NULL, arena);
}

size_t
grounding_source_chars(const struct article *const *sources, size_t n, long text_tokens, int en)
{
	size_t cjk = 0, latin = 0;
	for (size_t i = 0; i < n; i++) {
		const char *t = sources[i]->text ? sources[i]->text : "";
		size_t cut = prompt_cut(t, strlen(t), text_tokens);
		for (size_t k = 0; k < cut;) {
			uint32_t cp;
			k += utf8_decode(t + k, cut - k, &cp);
			if (cp >= 0x3400 && cp < 0xA000)
				cjk++;
			else if (cp < 0x80 && is_ascii_alnum((int)cp))
				latin++;
		}
	}
	return en ? latin + 3 * cjk : cjk + latin / 3;
}

int
grounding_thin(size_t source_chars, size_t floor_chars, size_t *min_chars, size_t *max_chars)
{
	size_t supported = source_chars * GROUNDING_STRETCH;
	if (supported < floor_chars)
		supported = floor_chars;
	if (supported >= *max_chars)
		return 0;
	*max_chars = supported;
	if (*min_chars > supported / 2)
		*min_chars = supported / 2;
	return 1;
}

/* Parts of a commentary: 0 headline, 1 hook, 2 + 2i section i's heading, 3 + 2i its body,
 * then the conclusion and the question. */
static const char *
part_text(const struct commentary_draft *d, size_t p, int *any_source)
{
	size_t k = d->section_count;
	*any_source = p == 0 || (p >= 2 && p < 2 + 2 * k && p % 2 == 0);
	if (p == 0)
		return d->headline;
	if (p == 1)
		return d->hook;
	if (p < 2 + 2 * k)
		return p % 2 == 0 ? d->sections[(p - 2) / 2].heading : d->sections[(p - 2) / 2].body;
	return p == 2 + 2 * k ? d->conclusion : d->question;
}

const char *
grounding_part_name(void *ctx, size_t part)
{
	const struct commentary_draft *d = ctx;
	static _Thread_local char name[48];
	size_t k = d ? d->section_count : 0;
	if (part == 0)
		return "the headline";
	if (part == 1)
		return "the hook";
	if (part < 2 + 2 * k) {
		snprintf(name, sizeof name, part % 2 == 0 ? "section %zu's heading" : "section %zu", (part - 2) / 2 + 1);
		return name;
	}
	return part == 2 + 2 * k ? "the conclusion" : "the closing question";
}

size_t
grounding_check_commentary(const struct ground_index *ix, const struct commentary_draft *d, int en,
                           struct arena *arena, struct ground_result *r)
{
	size_t bad = 0, parts = 4 + 2 * d->section_count;
	for (size_t p = 0; p < parts; p++) {
		int any;
		const char *t = part_text(d, p, &any);
		size_t first = r->count;
		bad += ground_check(ix, t ? t : "", p, (en ? GROUND_EN : 0) | (any ? GROUND_ANY_SOURCE : 0), arena, r);
		const char *where = first < r->count ? arena_strdup(arena, grounding_part_name((void *)d, p)) : NULL;
		for (size_t i = first; i < r->count; i++)
			r->claims[i].where = where;
	}
	return bad;
}

/* Repair the paragraphs of text (separated by blank lines); "" when none stands. */
static const char *
repair_paragraphs(const struct ground_index *ix, const char *text, int flags, struct arena *arena, struct buf *removed,
                  size_t *n_removed, size_t *n_cited)
{
	struct buf out = BUF_INIT;
	*n_removed = *n_cited = 0;
	for (const char *p = text ? text : ""; *p;) {
		const char *end = strstr(p, "\n\n");
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char *para = arena_strndup(arena, p, len);
		size_t r, c;
		const char *kept = ground_repair(ix, para, flags, arena, removed, &r, &c);
		*n_removed += r;
		*n_cited += c;
		if (*kept) {
			if (out.len)
				buf_puts(&out, "\n\n");
			buf_puts(&out, kept);
		}
		p += len;
		while (*p == '\n')
			p++;
	}
	const char *res = arena_strdup(arena, buf_str(&out));
	buf_free(&out);
	return res;
}

int
grounding_repair_commentary(const struct ground_index *ix, struct commentary_draft *d, int en,
                            struct arena *arena, struct grounding_report *rep)
{
	struct buf removed = BUF_INIT;
	int flags = en ? GROUND_EN : 0, ok = 0;
	size_t r, c;
	/* The headline has no sentence to spare. */
	struct ground_result h = {0};
	if (ground_check(ix, d->headline, 0, flags | GROUND_ANY_SOURCE, arena, &h)) {
		for (size_t i = 0; i < h.count; i++)
			if (h.claims[i].status == GROUND_UNSUPPORTED)
				ok = -1;
	}
	d->hook = repair_paragraphs(ix, d->hook, flags, arena, &removed, &r, &c);
	rep->removed += r;
	rep->cited += c;
	size_t kept = 0;
	for (size_t i = 0; i < d->section_count; i++) {
		struct commentary_section s = d->sections[i];
		struct ground_result hr = {0};
		int heading_bad = 0;
		ground_check(ix, s.heading, 0, flags | GROUND_ANY_SOURCE, arena, &hr);
		for (size_t k = 0; k < hr.count; k++)
			heading_bad |= hr.claims[k].status == GROUND_UNSUPPORTED;
		s.body = repair_paragraphs(ix, s.body, flags, arena, &removed, &r, &c);
		rep->removed += r;
		rep->cited += c;
		if (heading_bad || !*s.body) {
			buf_printf(&removed, "- (section \"%s\" dropped: %s)\n", s.heading,
			           heading_bad ? "its heading has an unsupported claim" : "nothing of it stands");
			continue;
		}
		d->sections[kept++] = s;
	}
	d->section_count = kept;
	d->conclusion = repair_paragraphs(ix, d->conclusion, flags, arena, &removed, &r, &c);
	rep->removed += r;
	rep->cited += c;
	d->question = repair_paragraphs(ix, d->question, flags, arena, &removed, &r, &c);
	rep->removed += r;
	rep->cited += c;
	if (!*d->hook || !*d->conclusion)
		ok = -1;
	rep->removed_text = arena_strdup(arena, buf_str(&removed));
	buf_free(&removed);
	return ok;
}

void
grounding_repair_paragraphs(const struct ground_index *ix, const char **texts, size_t *n, int en,
                            struct arena *arena, struct grounding_report *rep)
{
	struct buf removed = BUF_INIT;
	buf_puts(&removed, rep->removed_text ? rep->removed_text : "");
	size_t kept = 0;
	for (size_t i = 0; i < *n; i++) {
		size_t r, c;
		const char *t = ground_repair(ix, texts[i], en ? GROUND_EN : 0, arena, &removed, &r, &c);
		rep->removed += r;
		rep->cited += c;
		if (*t)
			texts[kept++] = t;
	}
	*n = kept;
	rep->removed_text = arena_strdup(arena, buf_str(&removed));
	buf_free(&removed);
}

void
grounding_add_removed(struct grounding_report *rep, const struct ground_result *before, struct arena *arena)
{
	for (size_t i = 0; i < before->count; i++) {
		int gone = 0;
		for (size_t k = 0; k < before->count && !gone; k++)
			gone = before->claims[k].status == GROUND_UNSUPPORTED && before->claims[k].part == before->claims[i].part &&
			       before->claims[k].sentence == before->claims[i].sentence;
		if (!gone)
			continue;
		struct ground_result *r = &rep->claims;
		if (r->count == r->cap) {
			size_t cap = r->cap ? r->cap * 2 : 32;
			struct ground_claim *nc = arena_alloc(arena, cap * sizeof *nc);
			if (r->count)
				memcpy(nc, r->claims, r->count * sizeof *nc);
			r->claims = nc;
			r->cap = cap;
		}
		r->claims[r->count] = before->claims[i];
		r->claims[r->count].removed = 1;
		r->bad += before->claims[i].status != GROUND_OK;
		r->count++;
	}
}
