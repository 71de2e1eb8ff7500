/* fuzz_article.c: libFuzzer target for the offline article (ai/longform/commentary_offline.c)
 * and its renderings: source titles and texts are the input, as a feed would give them.
 * The first byte picks the language, the category and how many sources (1..4); the rest is
 * split at 0x1f into title, text, title, text, ... Invariants (abort() on violation):
 *   - every citation "[n]" in the draft's long-form parts is one of the story's sources
 *     (a source's own "[7]" never survives as a citation);
 *   - every part is valid UTF-8 and the headline is one line;
 *   - the HTML rendering has no "<script" and the Markdown no unescaped '<'.
 * The claim check runs too (commentary_offline with a report), for its memory safety. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ai/longform/commentary.h"
#include "ai/longform/grounding.h"
#include "fuzz_check.h"
#include "report/commentary.h"
#include "util/arena.h"
#include "util/str.h"
#include "util/utf8.h"

#define MAX_SOURCES 4

static void
check_citations(const char *s, size_t sources)
{
	for (const char *p = s; (p = strchr(p, '[')) != NULL; p++) {
		long id;
		if (check_citation(p, &id) && (id < 1 || (size_t)id > sources))
			abort();
	}
}

static void
check_part(const char *s, size_t sources)
{
	if (!s || !utf8_valid(s, strlen(s)))
		abort();
	check_citations(s, sources);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	const char *lang = (data[0] & 1u) ? "en" : "zh";
	enum category cat = (enum category)((data[0] >> 1) % CAT_COUNT);
	size_t sources = 1 + ((data[0] >> 4) % MAX_SOURCES);

	struct arena a = {0};
	const char *fields[2 * MAX_SOURCES];
	fuzz_fields(data + 1, size - 1, 2 * MAX_SOURCES, &a, fields);

	struct article arts[MAX_SOURCES];
	struct article *members[MAX_SOURCES];
	static const char *const names[] = {"Tech Wire", "AI Daily", "Evil [9] **Feed**", "源"};
	memset(arts, 0, sizeof arts);
	for (size_t i = 0; i < sources; i++) {
		arts[i] = (struct article){.id = (int64_t)i + 1, .source_name = names[i], .title = fields[2 * i],
		                           .link = "https://example.com/x", .text = fields[2 * i + 1],
		                           .published = (i & 1) ? FEED_NO_DATE : 1771500000, .when = 1771500000};
		members[i] = &arts[i];
	}
	struct story st = {.id = "s0123456789ab", .lead = &arts[0], .members = members, .member_count = sources};
	const char *kws[] = {fields[1][0] ? "Widget" : "LLM", "security"};
	struct verdict v = {.relevance = 5, .quality = 5, .timeliness = 5, .category = cat, .keywords = kws,
	                    .keyword_count = 2, .is_offline = 1};

	struct commentary_draft d;
	struct grounding_report g;
	commentary_offline(&st, &v, lang, &a, &d, &g);
	check_part(d.headline, sources);
	if (strchr(d.headline, '\n'))
		abort();
	check_part(d.hook, sources);
	for (size_t i = 0; i < d.section_count; i++) {
		check_part(d.sections[i].heading, sources);
		check_part(d.sections[i].body, sources);
	}
	check_part(d.conclusion, sources);
	check_part(d.question, sources);

	struct weekly_ref refs[MAX_SOURCES];
	for (size_t i = 0; i < sources; i++)
		refs[i] = (struct weekly_ref){arts[i].title, arts[i].link, arts[i].source_name, arts[i].published};
	struct commentary_doc doc = {&d, lang, st.id, NULL, "2026-02-19", "2026-02-19T12:00:00Z", refs, sources,
	                             NULL, &g};
	struct buf out = BUF_INIT;
	commentary_render_html(&doc, &out);
	fuzz_check_rendering(&out, 0, "fuzz_article");
	buf_free(&out);
	commentary_render_md(&doc, &out);
	for (size_t i = 0; i < out.len; i++) {
		if (out.data[i] == '\\')
			i++;
		else if (out.data[i] == '<')
			abort();
	}
	buf_free(&out);
	commentary_render_json(&doc, &out);
	buf_free(&out);

	arena_free(&a);
	return 0;
}
