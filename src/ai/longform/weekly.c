/* weekly.c: the weekly roundup's editor: curate the week, classify and group the best stories
 * by company or topic, number the references, and write the paragraphs (extractive offline;
 * the LLM path lives in weekly_llm.c). */
#include "ai/longform/weekly.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ai/curate/cluster.h"
#include "ai/curate/curate.h"
#include "ai/offline/lang.h"
#include "ai/offline/lexicon.h"
#include "ai/offline/text.h"
#include "ai/longform/daily_check.h"
#include "ai/longform/extractive.h"
#include "ai/longform/weekly_llm.h"
#include "util/err.h"
#include "util/log.h"
#include "util/buf.h"
#include "util/str.h"
#include "util/utf8.h"

#define WEEKLY_SUMMARY_CHARS 360 /* an extractive paragraph quotes at most this much of a story */
#define WEEKLY_CAP_PER_SOURCE 5  /* one prolific feed may not fill the week */
#define WEEKLY_OTHER_MAX 4       /* stories told under 其他新闻 / 其它小道消息; the rest are only
                                  * in the references (seed 001 keeps its "other" groups short) */

/* Words that start English titles without naming anything ("How", "Show", "Introducing"). */
static const char *const title_words[] = {
	"about",  "announcing", "another", "ask",     "best",   "building", "can",    "does",   "first",
	"from",   "guide",      "here",    "how",     "inside", "into",     "introducing", "just", "last",
	"lessons", "making",    "more",    "new",     "notes",  "one",      "part",   "release", "released",
	"review", "show",       "some",    "still",   "thoughts", "today",  "two",    "update", "using",
	"week",   "weekly",     "what",    "when",    "where",  "which",    "who",    "why",    "will",
	"with",   "writing",    "year",    "your",
};

static int
is_title_word(const char *w)
{
	for (size_t i = 0; i < sizeof title_words / sizeof title_words[0]; i++)
		if (strcmp(w, title_words[i]) == 0)
			return 1;
	return text_is_stopword(w);
}

struct pick {
	struct story *story;
	enum weekly_kind kind;
	const char *entity; /* NULL = none */
	int known;          /* entity is a company or project of the built-in list or the config */
	int rank;           /* position in the ranking, 0 = best */
	int is_german;      /* the lead is in German, which capitalises every noun */
	char tokens[8][40]; /* capitalised title words (fallback topic names) */
	size_t token_count;
};

/* The capitalised words of a title that could name a topic ("Zig", "Ghostty", "PostgreSQL"). */
static void
collect_tokens(struct pick *p, const char *title)
{
	const char *s = title;
	while (*s && p->token_count < 8) {
		while (*s && !is_ascii_alpha((unsigned char)*s))
			s++;
		const char *start = s;
		while (is_ascii_alnum((unsigned char)*s) || *s == '.' || *s == '-' || *s == '+')
			s++;
		size_t len = (size_t)(s - start);
		while (len > 0 && (start[len - 1] == '.' || start[len - 1] == '-'))
			len--;
		if (len < 3 || len >= 40 || !(start[0] >= 'A' && start[0] <= 'Z'))
			continue;
		char lower[40];
		for (size_t i = 0; i < len; i++)
			lower[i] = (char)ascii_lower((unsigned char)start[i]);
		lower[len] = 0;
		if (is_title_word(lower))
			continue;
		int dup = 0;
		for (size_t i = 0; i < p->token_count; i++)
			dup |= strcmp(p->tokens[i], lower) == 0;
		if (dup)
			continue;
		memcpy(p->tokens[p->token_count], start, len);
		p->tokens[p->token_count][len] = 0;
		p->token_count++;
	}
}

/* True when s (may be NULL) contains w (lower case, ASCII) in lower case as a whole word. */
static int
has_lower_word(const char *s, const char *w)
{
	size_t wl = strlen(w);
	for (const char *p = s ? s : ""; (p = strstr(p, w)); p++)
		if ((p == s || !is_ascii_alnum((unsigned char)p[-1])) && !is_ascii_alnum((unsigned char)p[wl]))
			return 1;
	return 0;
}

/* The group name a capitalised title word may give, or NULL when it is not a name: a term the
 * lexicon knows as a name (its topic is spelled with a capital: "Firefox", "KVM"; "cloud" is a
 * topic, not a name, and so is a German-only term: "Datenschutz") under the lexicon's
 * spelling; else the word itself when titles from two or more sources write it (sources) and
 * no title or text of the week writes it in lower case (a product the lexicon lacks, not a
 * headline word such as "Launches" or "Platform"), unless a German title writes it
 * (is_german): German capitalises every noun ("Urteil"), so never seeing it in lower case says
 * nothing there. */
static const char *
topic_name(const struct pick *picks, size_t n, const char *token, size_t sources, int is_german)
{
	char lower[40];
	size_t len = strlen(token);
	for (size_t i = 0; i <= len; i++)
		lower[i] = (char)ascii_lower((unsigned char)token[i]);
	const struct lexicon_entry *le = lexicon_topic(lower); /* category cues are no names */
	if (le) {
		/* German capitalises every noun: a German term's capital is grammar ("Datenschutz",
		 * data protection; "Datenbank"), not a name. */
		if (le->langs && strcmp(le->langs, "de") == 0)
			return NULL;
		for (const char *k = le->keyword; *k; k++)
			if (*k >= 'A' && *k <= 'Z')
				return le->keyword;
		return NULL;
	}
	if (sources < 2 || is_german)
		return NULL;
	for (size_t j = 0; j < n; j++)
		for (size_t m = 0; m < picks[j].story->member_count; m++) {
			const struct article *a = picks[j].story->members[m];
			if (has_lower_word(a->title, lower) || has_lower_word(a->text, lower))
				return NULL;
		}
	return token;
}

/* How many picks have token among their title words (case-insensitively), in *sources from
 * how many distinct sources (the first 32 counted), and in *is_german whether one of them is
 * German. */
static size_t
token_sharing(const struct pick *picks, size_t n, const char *token, size_t *sources, int *is_german)
{
	size_t count = 0;
	int64_t seen[32];
	*sources = 0;
	*is_german = 0;
	for (size_t j = 0; j < n; j++)
		for (size_t u = 0; u < picks[j].token_count; u++)
			if (str_casecmp(picks[j].tokens[u], token) == 0) {
				*is_german |= picks[j].is_german;
				int64_t src = picks[j].story->lead->source_id;
				int dup = 0;
				for (size_t k = 0; k < *sources; k++)
					dup |= seen[k] == src;
				if (!dup && *sources < sizeof seen / sizeof seen[0])
					seen[(*sources)++] = src;
				count++;
				break;
			}
	return count;
}

/* Stories naming no known company get a topic: a capitalised title word that at least one
 * other story of the week also uses (case-insensitively) and that is a name (topic_name),
 * preferring the most shared. A topic that is a company's alias in the list (or cfg's) is
 * that company: "LLaMA", the model's first spelling, misses the alias "Llama" (which keeps
 * its case, llama being an animal), and its stories would make a "Llama" group beside Meta's. */
static void
assign_topics(struct pick *picks, size_t n, const struct config *cfg, struct arena *arena)
{
	for (size_t i = 0; i < n; i++) {
		if (picks[i].entity)
			continue;
		size_t best_count = 1;
		const char *best = NULL;
		for (size_t t = 0; t < picks[i].token_count; t++) {
			size_t sources;
			int is_german;
			size_t count = token_sharing(picks, n, picks[i].tokens[t], &sources, &is_german);
			if (count <= best_count)
				continue;
			const char *name = topic_name(picks, n, picks[i].tokens[t], sources, is_german);
			if (name) {
				best_count = count;
				best = name;
			}
		}
		if (!best)
			continue;
		const char *company = weekly_entity(best, cfg, arena);
		if (company) {
			picks[i].entity = company;
			picks[i].known = 1;
			continue;
		}
		/* Use the spelling of the first story that has it, so a group has one name. */
		for (size_t j = 0; j < n; j++) {
			if (picks[j].entity && str_casecmp(picks[j].entity, best) == 0) {
				best = picks[j].entity;
				break;
			}
		}
		picks[i].entity = arena_strdup(arena, best);
	}
}

#define OTHER_AI "Other AI" /* the group of AI news no company has two stories of (weekly_entity_label) */

/* Seed 001's "其它AI": the week's AI news that makes no group of its own (a company with one
 * story, or no company named) is told together, after the companies with several stories,
 * rather than as one-story groups or among 其他新闻. Only when two or more such news stories
 * are AI by their verdict's category; other news keeps its one-story company groups. */
static void
gather_other_ai(struct pick *picks, size_t n, struct arena *arena)
{
	size_t lone = 0;
	int *is_lone = arena_alloc(arena, (n + 1) * sizeof *is_lone);
	memset(is_lone, 0, (n + 1) * sizeof *is_lone);
	for (size_t i = 0; i < n; i++) {
		if (picks[i].kind != WEEKLY_NEWS || picks[i].story->verdict.category != CAT_AI_ML)
			continue;
		size_t same = 0;
		for (size_t j = 0; picks[i].entity && j < n; j++)
			same += picks[j].kind == WEEKLY_NEWS && picks[j].entity && strcmp(picks[j].entity, picks[i].entity) == 0;
		if (same <= 1) {
			is_lone[i] = 1;
			lone++;
		}
	}
	for (size_t i = 0; lone >= 2 && i < n; i++)
		if (is_lone[i]) {
			picks[i].entity = OTHER_AI;
			picks[i].known = 1;
		}
}

static enum weekly_kind
story_kind(const struct story *s)
{
	enum weekly_kind k = weekly_classify(s->lead);
	for (size_t m = 1; k == WEEKLY_NEWS && m < s->member_count; m++)
		k = weekly_classify(s->members[m]);
	return k;
}

static const char *
story_entity(const struct story *s, const struct config *cfg, struct arena *arena)
{
	const char *e = weekly_entity(s->lead->title, cfg, arena);
	for (size_t m = 1; !e && m < s->member_count; m++)
		e = weekly_entity(s->members[m]->title, cfg, arena);
	return e;
}

/* Whether a and b are one reference: one link, or one post its publisher's two feeds carry
 * (cluster_same_post: a FeedBurner copy), or one article when it has no link (a feed that
 * gives its items only a guid: two such posts are two references, not the first twice). */
static int
same_ref(const struct article *a, const struct article *b)
{
	if (a == b)
		return 1;
	if (a->link && b->link && *a->link && strcmp(a->link, b->link) == 0)
		return 1;
	return cluster_same_post(a, b);
}

/* References: numbered in order of first citation; one per distinct link (per article when
 * it has none). arts[i] is the article list[i] was made from. */
struct refs {
	struct weekly_ref *list;
	const struct article **arts;
	size_t count, cap;
};

/* The number (1-based) of a's reference, 0 when it has none yet. */
static int
ref_find(const struct refs *r, const struct article *a)
{
	for (size_t i = 0; i < r->count; i++)
		if (same_ref(r->arts[i], a))
			return (int)i + 1;
	return 0;
}

/* The number (1-based) of a's reference, added when new. */
static int
ref_add(struct refs *r, const struct article *a, struct arena *arena)
{
	const char *link = a->link ? a->link : "";
	int found = ref_find(r, a);
	if (found)
		return found;
	if (r->count == r->cap) {
		size_t ncap = r->cap ? r->cap * 2 : 32;
		struct weekly_ref *grown = arena_alloc(arena, ncap * sizeof *grown);
		const struct article **arts = arena_alloc(arena, ncap * sizeof *arts);
		if (r->count) {
			memcpy(grown, r->list, r->count * sizeof *grown);
			memcpy(arts, r->arts, r->count * sizeof *arts);
		}
		r->list = grown;
		r->arts = arts;
		r->cap = ncap;
	}
	r->arts[r->count] = a;
	/* An untitled post is listed by its first sentence (the renderers fall back to the link), a release
	 * titled by its tag alone by its project too ("widgetlib v2.1.0"), as its paragraph names it. */
	const char *title = text_display_title(a->title, a->text, a->link, TEXT_DISPLAY_TITLE_CHARS, arena);
	if (title == a->link)
		title = NULL; /* the renderers show the link; the JSON keeps no title */
	r->list[r->count++] = (struct weekly_ref){title, link, a->source_name, a->published};
	return (int)r->count;
}

/* The claims of the model-written groups for the post's JSON, their sources numbered as
 * the post's references (refs); *refused counts the groups --strict refused (reported). */
static struct grounding_report *
post_claims(const struct weekly_job *jobs, size_t n, const struct refs *refs, struct arena *arena, size_t *refused)
{
	struct grounding_report *g = arena_alloc(arena, sizeof *g);
	memset(g, 0, sizeof *g);
	struct buf removed = BUF_INIT;
	for (size_t j = 0; j < n; j++) {
		const struct weekly_job *job = &jobs[j];
		if (job->is_refused) {
			(*refused)++;
			log_error("weekly %s: unsupported claims after the re-ask (--strict):\n%s",
			          job->name ? job->name : "open source", job->findings ? job->findings : "");
		}
		if (!job->is_ok)
			continue;
		g->removed += job->ground.removed;
		g->cited += job->ground.cited;
		buf_puts(&removed, job->ground.removed_text ? job->ground.removed_text : "");
		const struct ground_result *r = &job->ground.claims;
		if (g->claims.count + r->count > g->claims.cap) {
			size_t cap = (g->claims.count + r->count) * 2;
			struct ground_claim *nc = arena_alloc(arena, cap * sizeof *nc);
			if (g->claims.count)
				memcpy(nc, g->claims.claims, g->claims.count * sizeof *nc);
			g->claims.claims = nc;
			g->claims.cap = cap;
		}
		for (size_t i = 0; i < r->count; i++) {
			struct ground_claim c = r->claims[i];
			long local = c.source;
			c.source = 0;
			if (local >= 1 && (size_t)local <= job->source_count)
				c.source = ref_find(refs, job->sources[local - 1]);
			g->claims.claims[g->claims.count++] = c;
			g->claims.bad += c.status != GROUND_OK;
		}
	}
	g->removed_text = arena_strdup(arena, buf_str(&removed));
	buf_free(&removed);
	return g;
}

/* When a's title is a bare tag ("v3.9.0") and its link a forge's ".../owner/repo/releases/tag/..."
 * page, the repository's name in out (NUL-terminated) and 1; else 0. */
static int
tag_project(const struct article *a, char *out, size_t cap)
{
	const char *title = a->title ? a->title : "", *link = a->link ? a->link : "";
	const char *tag = strstr(link, "/releases/tag/");
	if (!tag || !text_is_bare_version(title))
		return 0;
	const char *start = tag;
	while (start > link && start[-1] != '/')
		start--;
	size_t len = (size_t)(tag - start);
	if (len == 0 || len >= cap)
		return 0;
	memcpy(out, start, len);
	out[len] = 0;
	return 1;
}

/* When the summary s[0..*len) opens with the date the paragraph has just given (date, as
 * extractive_date() wrote it: "2月19日，"), drop it there: said twice in a row it reads as a stutter. Only for a summary in the post's
 * language, which is not set off as a quote. */
static void
skip_date_again(const char *date, size_t date_len, const char **s, size_t *len)
{
	if (date_len && *len > date_len && memcmp(*s, date, date_len) == 0) {
		size_t n = date_len; /* only a date set off as its own clause ("2月19日起售" keeps it) */
		if (*len - n > 3 && memcmp(*s + n, "\xef\xbc\x8c", 3) == 0) /* ， */
			n += 3;
		else if ((*s)[n] == ',')
			n++;
		else
			n = 0;
		while (n && n < *len && (*s)[n] == ' ')
			n++;
		if (n && n < *len) {
			*s += n;
			*len -= n;
		}
	}
}

/* One extractive paragraph for a story: its date (or that it has none), source and title, the
 * best sentences of the lead (figures included), and the other sources that carried it. The
 * feeds' words are data: titles, names and quotes can neither embolden nor cite. */
static void
offline_para(const struct story *s, const char *lang, struct arena *arena, struct weekly_para *out, struct refs *refs)
{
	int is_zh = strcmp(lang, "en") != 0;
	const struct article *lead = s->lead;
	struct buf b = BUF_INIT;
	size_t date_at = 0, date_len = 0; /* the paragraph's date in b (none when undated) */
	const char *lead_name = extractive_quoted(lead->source_name, arena), *title = extractive_quoted(lead->title, arena);
	char project[64] = "";
	int is_tag = tag_project(lead, project, sizeof project); /* a release titled by its tag alone */
	int untitled = text_is_blank(lead->title);
	const char *project_name = extractive_quoted(project, arena);
	/* A column or an essay is written, not reported: "X 撰文《T》" / "X wrote “T”". */
	int essay = s->verdict.category == CAT_OPINION;
	const char *verb = is_zh ? (essay ? "撰文" : "报道") : (essay ? "wrote" : "reported");
	if (lead->published == FEED_NO_DATE) { /* said so, never the first-seen date as its date */
		if (is_tag)
			buf_printf(&b, is_zh ? "%s 发布 %s（日期不详）。" : "%s released %s (undated).", project_name, title);
		else if (untitled) /* a microblog's post: what it says follows */
			buf_printf(&b, is_zh ? "%s 发表短文（日期不详）。" : "%s posted (undated).", lead_name);
		else if (is_zh)
			buf_printf(&b, "%s %s《%s》（日期不详）。", lead_name, verb, title);
		else
			buf_printf(&b, "%s %s \u201c%s\u201d (undated).", lead_name, verb, title);
	} else {
		/* "2月24日，X 报道《T》。" / "On Feb 24, X reported “T”."; a release feed's entry is
		 * titled by its tag alone, so it names the project: "X 发布 v1.2" / "X released v1.2". */
		if (!is_zh)
			buf_puts(&b, "On ");
		date_at = b.len;
		extractive_date(&b, lead->when, is_zh);
		date_len = b.len - date_at;
		const char *who = is_tag ? project_name : lead_name;
		if (untitled && !is_tag)
			buf_printf(&b, is_zh ? "，%s 发表短文。" : ", %s posted.", who);
		else if (is_tag)
			buf_printf(&b, is_zh ? "，%s 发布 %s。" : ", %s released %s.", who, title);
		else
			buf_printf(&b, is_zh ? "，%s %s《%s》。" : ", %s %s \u201c%s\u201d.", who, verb, title);
	}
	const char *summary = s->has_enrichment ? s->enrichment.summary : NULL;
	int add_stop = 0;
	size_t keep = summary && strcmp(summary, lead->title) != 0 ? extractive_quote_len(summary, WEEKLY_SUMMARY_CHARS, &add_stop) : 0;
	if (keep) {
		if (!is_zh)
			buf_putc(&b, ' '); /* no space after a full-width stop */
		/* Offline summaries are quoted, never translated: say so when the quote is not in the
		 * post's language (zh: not mostly CJK; en: not English, e.g. Golem's German), so the
		 * labels stay in the reader's. A summary the model wrote (a fallback group's) is no
		 * excerpt of the original and is not called one. */
		double cjk = extractive_cjk_share(summary, keep);
		int quoted = s->enrichment.is_quoted &&
		             (is_zh ? cjk < 0.5 : (cjk > 0.5 || lang_detect(NULL, summary) != LANG_EN));
		if (quoted)
			buf_puts(&b, is_zh ? "原文摘录：" : "Excerpt in the original language: ");
		else /* "2月19日，X 报道《…》。2月19日，…" */
			skip_date_again(b.data + date_at, date_len, &summary, &keep);
		extractive_put_quote(&b, summary, keep);
		if (add_stop)
			buf_puts(&b, cjk > 0.5 ? "。" : ".");
	}
	if (s->member_count > 1) {
		buf_puts(&b, is_zh ? "（另见：" : " (Also covered by ");
		size_t shown = 0;
		for (size_t m = 1; m < s->member_count; m++) {
			const char *name = s->members[m]->source_name;
			if (!name || (lead->source_name && strcmp(name, lead->source_name) == 0))
				continue;
			/* each source once: a site read through its RSS and its Atom feed is one name */
			int named = 0;
			for (size_t k = 1; k < m && !named; k++)
				named = s->members[k]->source_name && strcmp(s->members[k]->source_name, name) == 0;
			if (named)
				continue;
			if (shown++)
				buf_puts(&b, is_zh ? "、" : ", ");
			extractive_put_quote(&b, name, strlen(name));
		}
		if (!shown)
			b.len -= strlen(is_zh ? "（另见：" : " (Also covered by "), b.data[b.len] = 0;
		else
			buf_puts(&b, is_zh ? "）" : ".)");
	}
	out->text = arena_strdup(arena, buf_str(&b));
	buf_free(&b);
	out->refs = arena_alloc(arena, s->member_count * sizeof *out->refs);
	out->ref_count = 0;
	for (size_t m = 0; m < s->member_count; m++) {
		int id = ref_add(refs, s->members[m], arena);
		int dup = 0;
		for (size_t k = 0; k < out->ref_count; k++)
			dup |= out->refs[k] == id;
		if (!dup)
			out->refs[out->ref_count++] = id;
	}
}

static int
by_date(const void *a, const void *b)
{
	const struct pick *x = *(const struct pick *const *)a, *y = *(const struct pick *const *)b;
	if (x->story->lead->when != y->story->lead->when)
		return x->story->lead->when < y->story->lead->when ? -1 : 1;
	return x->rank - y->rank;
}

/* The stories of one group, in the order they are told. */
struct members {
	struct pick **list;
	size_t count;
};

static const char *
other_name(enum weekly_kind k, const char *lang)
{
	int is_zh = strcmp(lang, "en") != 0;
	if (k == WEEKLY_RUMOR)
		return is_zh ? "其它小道消息" : "Other rumours";
	return is_zh ? "其他新闻" : "Other news";
}

/* qsort order of pick pointers: best ranked first. */
static int
by_rank(const void *a, const void *b)
{
	const struct pick *x = *(const struct pick *const *)a, *y = *(const struct pick *const *)b;
	return x->rank - y->rank;
}

/* A candidate group name with how many of the section's stories it holds. */
struct named {
	const char *name;
	size_t count;
	int best_rank, known;
	int is_other_ai; /* the 其它AI group (gather_other_ai) */
};

/* qsort order of group candidates: the groups of two stories or more, then 其它AI, then the
 * one-story groups; within each, the most stories first, then the best story's rank. */
static int
by_size(const void *a, const void *b)
{
	const struct named *x = a, *y = b;
	/* 其它AI follows every group of two stories or more, however many it gathers, and comes
	 * before the one-story groups. */
	int xs = x->is_other_ai ? 1 : x->count >= 2 ? 0 : 2, ys = y->is_other_ai ? 1 : y->count >= 2 ? 0 : 2;
	if (xs != ys)
		return xs - ys;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return x->best_rank - y->best_rank;
}

/* Group the picks of kind k: named groups in order of how many stories they hold (then of
 * their best story), 其它AI after every group of two stories or more, at most max_groups, a
 * one-story group only for a known company or project (OSS has one unnamed group); then the
 * rest under "其他…" (no heading when the section has no other group). 其它AI and "其他…" tell
 * their best WEEKLY_OTHER_MAX stories each, the others go to *dropped (references only). Fills
 * sec->groups (names only) and *out with each group's stories in date order. */
static void
group_section(struct pick *picks, size_t n, enum weekly_kind k, int max_groups, const char *lang,
              struct arena *arena, struct weekly_section *sec, struct members **out, struct members *dropped)
{
	struct named *cand = arena_alloc(arena, (n + 1) * sizeof *cand);
	size_t cand_count = 0;
	for (size_t i = 0; i < n; i++) {
		if (picks[i].kind != k || k == WEEKLY_OPEN_SOURCE || !picks[i].entity)
			continue;
		size_t g = 0;
		while (g < cand_count && strcmp(cand[g].name, picks[i].entity) != 0)
			g++;
		if (g == cand_count)
			cand[cand_count++] = (struct named){picks[i].entity, 0, picks[i].rank, 0,
			                                    strcmp(picks[i].entity, OTHER_AI) == 0};
		cand[g].count++;
		cand[g].known |= picks[i].known;
		if (picks[i].rank < cand[g].best_rank)
			cand[g].best_rank = picks[i].rank;
	}
	qsort(cand, cand_count, sizeof *cand, by_size);
	const char **names = arena_alloc(arena, (n + 1) * sizeof *names);
	size_t name_count = 0;
	for (size_t g = 0; g < cand_count && (int)name_count < max_groups; g++)
		if (cand[g].count >= 2 || cand[g].known)
			names[name_count++] = cand[g].name;
	size_t group_cap = name_count + 1;
	sec->kind = k;
	sec->groups = arena_alloc(arena, group_cap * sizeof *sec->groups);
	*out = arena_alloc(arena, group_cap * sizeof **out);
	sec->group_count = 0;
	*dropped = (struct members){NULL, 0};
	for (size_t g = 0; g <= name_count; g++) {
		struct pick **list = arena_alloc(arena, (n + 1) * sizeof *list);
		size_t count = 0;
		for (size_t i = 0; i < n; i++) {
			if (picks[i].kind != k)
				continue;
			int in_named = -1;
			for (size_t h = 0; picks[i].entity && h < name_count; h++)
				if (strcmp(names[h], picks[i].entity) == 0)
					in_named = (int)h;
			if ((g < name_count && in_named == (int)g) || (g == name_count && in_named < 0))
				list[count++] = &picks[i];
		}
		if (!count)
			continue;
		/* The "other" groups (其他新闻, 其它AI) tell their best WEEKLY_OTHER_MAX stories. */
		int other = g == name_count || strcmp(names[g], OTHER_AI) == 0;
		if (other && k != WEEKLY_OPEN_SOURCE && count > WEEKLY_OTHER_MAX) {
			qsort(list, count, sizeof *list, by_rank);
			struct pick **all = arena_alloc(arena, (dropped->count + count - WEEKLY_OTHER_MAX + 1) * sizeof *all);
			if (dropped->count)
				memcpy(all, dropped->list, dropped->count * sizeof *all);
			memcpy(all + dropped->count, list + WEEKLY_OTHER_MAX, (count - WEEKLY_OTHER_MAX) * sizeof *all);
			*dropped = (struct members){all, dropped->count + count - WEEKLY_OTHER_MAX};
			count = WEEKLY_OTHER_MAX;
		}
		qsort(list, count, sizeof *list, by_date);
		struct weekly_group *grp = &sec->groups[sec->group_count];
		grp->name = k == WEEKLY_OPEN_SOURCE ? NULL
		            : g < name_count       ? weekly_entity_label(names[g], lang)
		                                   : other_name(k, lang);
		(*out)[sec->group_count] = (struct members){list, count};
		sec->group_count++;
	}
	/* "其他新闻" / "其它小道消息" alone would head "other" stories under a section with nothing
	 * before them: like 开源项目, the section's one group then has no heading. */
	if (k != WEEKLY_OPEN_SOURCE && name_count == 0 && sec->group_count == 1)
		sec->groups[0].name = NULL;
}

/* The request of one group: its stories' sources in the order told (one per link, or per
 * article when it has none: same_ref). */
static void
make_job(const char *name, const struct members *m, struct arena *arena, struct weekly_job *job)
{
	size_t cap = 0;
	for (size_t i = 0; i < m->count; i++)
		cap += m->list[i]->story->member_count;
	const struct article **sources = arena_alloc(arena, (cap + 1) * sizeof *sources);
	size_t *story_of = arena_alloc(arena, (cap + 1) * sizeof *story_of);
	size_t n = 0;
	for (size_t i = 0; i < m->count; i++) {
		const struct story *s = m->list[i]->story;
		for (size_t k = 0; k < s->member_count; k++) {
			int dup = 0;
			for (size_t d = 0; d < n; d++)
				dup |= same_ref(sources[d], s->members[k]);
			if (dup)
				continue;
			story_of[n] = i;
			sources[n++] = s->members[k];
		}
	}
	*job = (struct weekly_job){.name = name, .sources = sources, .source_count = n, .story_of = story_of,
	                           .story_count = m->count};
}

/* The model's paragraphs of a job, their local citations mapped onto the post's references. */
static void
model_paras(const struct weekly_job *job, struct arena *arena, struct weekly_group *grp, struct refs *refs)
{
	grp->para_count = job->para_count;
	grp->paras = arena_alloc(arena, (job->para_count + 1) * sizeof *grp->paras);
	for (size_t i = 0; i < job->para_count; i++) {
		struct weekly_para *p = &grp->paras[i];
		p->text = job->paras[i];
		p->refs = arena_alloc(arena, (job->cite_count[i] + 1) * sizeof *p->refs);
		p->ref_count = 0;
		for (size_t c = 0; c < job->cite_count[i]; c++) {
			int id = ref_add(refs, job->sources[job->cites[i][c] - 1], arena);
			int dup = 0;
			for (size_t k = 0; k < p->ref_count; k++)
				dup |= p->refs[k] == id;
			if (!dup)
				p->refs[p->ref_count++] = id;
		}
	}
}

int
weekly_build(struct store *st, struct article *articles, size_t count, const struct weekly_opts *opts,
             struct arena *arena, struct weekly_post *post, struct err *e)
{
	const char *lang = opts->lang ? opts->lang : "zh";
	int max_stories = opts->max_stories > 0 ? opts->max_stories : (int)config_values(opts->cfg)->weekly_max_stories;
	int max_groups = opts->max_groups > 0 ? opts->max_groups : (int)config_values(opts->cfg)->weekly_max_groups;
	struct curate_opts co = {
		.now = opts->now, .hours = opts->days * 24, .top_n = max_stories, .lang = lang,
		.force_offline = opts->force_offline, .per_source_cap = WEEKLY_CAP_PER_SOURCE, .cfg = opts->cfg,
	};
	struct curate_result cur;
	if (curate_run(st, articles, count, &co, arena, &cur, e) < 0)
		return -1;
	/* With a model, the picks' summaries are the model's, and the post tells them where it
	 * quotes a story (其他新闻, the groups the model did not write): they are checked against
	 * their articles as the daily's are, before anything quotes them. */
	struct daily_check_report chk = {0};
	if (strcmp(cur.engine, "llm") == 0) {
		daily_check(cur.top, cur.top_count, NULL, 0, NULL, lang, config_values(opts->cfg)->llm_enrich_text_tokens,
		            arena, &chk);
		if (chk.removed)
			log_warn("weekly: removed %zu sentence(s) of the model's summaries with claims their article does not "
			         "have:\n%s",
			         chk.removed, chk.removed_text);
	}
	post->engine = cur.engine;
	post->model = cur.model;
	post->articles_in_window = (long)count;

	struct weekly_llm w;
	if (weekly_llm_open(&w, st, opts, arena, e) < 0)
		return -1;
	size_t n = cur.top_count;
	struct pick *picks = arena_alloc(arena, (n + 1) * sizeof *picks);
	enum weekly_kind *kinds = arena_alloc(arena, (n + 1) * sizeof *kinds);
	int *labelled = arena_alloc(arena, (n + 1) * sizeof *labelled);
	memset(labelled, 0, (n + 1) * sizeof *labelled);
	size_t model_labels = weekly_llm_classify(&w, cur.top, n, kinds, labelled);
	if (w.is_on && !w.client.halted[0] && model_labels < n) /* a stopped provider has said why, once */
		log_warn("weekly: the model labelled %zu of %zu stories; the word cues labelled the rest", model_labels, n);
	for (size_t i = 0; i < n; i++) {
		picks[i].story = cur.top[i];
		picks[i].rank = (int)i;
		picks[i].kind = labelled[i] ? kinds[i] : story_kind(cur.top[i]);
		picks[i].entity = story_entity(cur.top[i], opts->cfg, arena);
		picks[i].known = picks[i].entity != NULL;
		picks[i].is_german = lang_detect(cur.top[i]->lead->title, cur.top[i]->lead->text) == LANG_DE;
		collect_tokens(&picks[i], cur.top[i]->lead->title);
	}
	assign_topics(picks, n, opts->cfg, arena);
	gather_other_ai(picks, n, arena);

	struct members *groups[WEEKLY_KIND_COUNT], dropped[WEEKLY_KIND_COUNT];
	size_t job_count = 0;
	for (int k = 0; k < WEEKLY_KIND_COUNT; k++) {
		group_section(picks, n, (enum weekly_kind)k, max_groups, lang, arena, &post->sections[k], &groups[k],
		              &dropped[k]);
		job_count += post->sections[k].group_count;
	}
	struct weekly_job *jobs = arena_alloc(arena, (job_count + 1) * sizeof *jobs);
	memset(jobs, 0, (job_count + 1) * sizeof *jobs);
	size_t j = 0;
	for (int k = 0; k < WEEKLY_KIND_COUNT; k++)
		for (size_t g = 0; g < post->sections[k].group_count; g++) {
			/* The model is told the group's name; an unheaded one of news or rumours is "other". */
			const char *name = post->sections[k].groups[g].name;
			if (!name && k != WEEKLY_OPEN_SOURCE)
				name = other_name((enum weekly_kind)k, lang);
			make_job(name, &groups[k][g], arena, &jobs[j]);
			jobs[j++].is_rumour = k == WEEKLY_RUMOR;
		}
	weekly_llm_write(&w, jobs, job_count, lang, arena);

	struct refs refs = {0};
	j = 0;
	size_t model_groups = 0;
	for (int k = 0; k < WEEKLY_KIND_COUNT; k++) {
		struct weekly_section *sec = &post->sections[k];
		for (size_t g = 0; g < sec->group_count; g++, j++) {
			struct weekly_group *grp = &sec->groups[g];
			if (jobs[j].is_ok) {
				model_paras(&jobs[j], arena, grp, &refs);
				model_groups++;
				continue;
			}
			grp->is_extractive = w.is_on;
			grp->paras = arena_alloc(arena, groups[k][g].count * sizeof *grp->paras);
			grp->para_count = groups[k][g].count;
			for (size_t i = 0; i < groups[k][g].count; i++)
				offline_para(groups[k][g].list[i]->story, lang, arena, &grp->paras[i], &refs);
		}
	}
	/* The stories past the "other" groups' cap: listed in the references, not told. */
	for (int k = 0; k < WEEKLY_KIND_COUNT; k++)
		for (size_t i = 0; i < dropped[k].count; i++) {
			const struct story *ds = dropped[k].list[i]->story;
			for (size_t m = 0; m < ds->member_count; m++)
				ref_add(&refs, ds->members[m], arena);
		}
	if (model_groups > 0) {
		post->engine = "llm";
		post->model = w.model;
	}
	size_t refused = 0;
	if (w.is_on) {
		struct grounding_report *g = post_claims(jobs, job_count, &refs, arena, &refused);
		g->removed += chk.removed; /* the summaries' removed sentences count too */
		if (chk.removed)
			g->removed_text = arena_printf(arena, "%s%s", g->removed_text, chk.removed_text);
		post->ground = g;
	}
	weekly_llm_close(&w);
	if (refused)
		return err_set(e, "refused (--strict): %zu group(s) kept claims no source supports after the re-ask (see above)",
		               refused),
		       -1;
	post->refs = refs.list;
	post->ref_count = refs.count;
	return 0;
}
