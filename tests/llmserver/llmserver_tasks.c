/* llmserver_tasks.c: the stand-in's task handlers: deterministic answers from the request's
 * data block. Add a task by adding a handler and a row to llmsrv_tasks. */
#include <stdlib.h>
#include <string.h>

#include "llmserver.h"
#include "llmserver_ground.h"
#include "llmserver_longform.h"
#include "util/buf.h"
#include "util/hash.h"
#include "util/str.h"
#include "util/utf8.h"

static char *
field(const char *block, const char *name, const char *next)
{
	const char *p = strstr(block, name);
	if (!p)
		return xstrdup("");
	p += strlen(name);
	const char *end = next ? strstr(p, next) : NULL;
	if (!end)
		end = p + strlen(p);
	while (end > p && (end[-1] == '\n'))
		end--;
	return xstrndup(p, (size_t)(end - p));
}

size_t
llmsrv_articles(const char *user, struct llmsrv_article *out, size_t max)
{
	size_t n = 0;
	const char *p = user;
	while (n < max && (p = strstr(p, "<article id=\""))) {
		p += 13;
		size_t idl = strcspn(p, "\"");
		const char *body = strchr(p, '\n');
		const char *end = body ? strstr(body, "</article>") : NULL;
		if (!body || !end)
			break;
		char *block = xstrndup(body + 1, (size_t)(end - body - 1));
		out[n].id = xstrndup(p, idl);
		out[n].title = field(block, "title: ", "\nsource: ");
		out[n].source = field(block, "\nsource: ", "\ntext: ");
		out[n].text = field(block, "\ntext: ", NULL);
		free(block);
		n++;
		p = end;
	}
	return n;
}

void
llmsrv_articles_free(struct llmsrv_article *a, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(a[i].id);
		free(a[i].title);
		free(a[i].source);
		free(a[i].text);
	}
}

#define MAX_ITEMS 64

static const char *
guess_category(const char *title, const char *text)
{
	static const struct {
		const char *word, *cat;
	} rules[] = {{"phishing", "security"}, {"secur", "security"}, {"vulnerab", "security"}, {"llm", "ai-ml"},
	             {"model", "ai-ml"},       {"gpu", "ai-ml"},      {"inference", "ai-ml"},   {"tool", "tools"},
	             {"release", "tools"},     {"compiler", "engineering"}, {"database", "engineering"},
	             {"i think", "opinion"}};
	for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++)
		if (str_icasestr(title, strlen(title), rules[i].word) || str_icasestr(text, strlen(text), rules[i].word))
			return rules[i].cat;
	return "other";
}

static json_t *
title_keywords(const char *title)
{
	json_t *kw = json_array();
	const char *p = title;
	while (*p && json_array_size(kw) < 3) {
		while (*p && !is_ascii_alnum((unsigned char)*p))
			p++;
		size_t n = 0;
		while (is_ascii_alnum((unsigned char)p[n]))
			n++;
		if (n >= 4) {
			char *w = str_lower(xstrndup(p, n));
			json_array_append_new(kw, json_string(w));
			free(w);
		}
		p += n;
	}
	while (json_array_size(kw) < 2)
		json_array_append_new(kw, json_string(json_array_size(kw) ? "blog" : "tech"));
	return kw;
}

/* Whether the request asks for the long property names ("relevance", ...) rather than the
 * short ones (i, r, q, t, c, k): its schema, else its instructions before the data block. */
static int
wants_long_keys(const struct llmsrv_call *call)
{
	json_t *schema = json_object_get(
		json_object_get(json_object_get(call->request, "response_format"), "json_schema"), "schema");
	if (schema) {
		char *s = json_dumps(schema, JSON_COMPACT);
		int is_long = s && strstr(s, "\"relevance\"") != NULL;
		free(s);
		return is_long;
	}
	const char *data = strstr(call->user, "<articles>");
	size_t head = data ? (size_t)(data - call->user) : strlen(call->user);
	return strstr(call->system, "\"relevance\"") || str_icasestr(call->user, head, "\"relevance\"");
}

static int
score(const struct llmsrv_call *call, json_t **answer)
{
	struct llmsrv_article a[MAX_ITEMS];
	size_t n = llmsrv_articles(call->user, a, MAX_ITEMS);
	int is_long = wants_long_keys(call);
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++) {
		uint64_t h = hash64(a[i].title, strlen(a[i].title), HASH_SEED);
		json_t *it = json_pack("{s:s,s:i,s:i,s:i,s:s,s:o}", is_long ? "id" : "i", a[i].id,
		                       is_long ? "relevance" : "r", (int)(3 + h % 8), is_long ? "quality" : "q",
		                       (int)(2 + (h >> 8) % 9), is_long ? "timeliness" : "t", (int)(2 + (h >> 16) % 9),
		                       is_long ? "category" : "c", guess_category(a[i].title, a[i].text),
		                       is_long ? "keywords" : "k", title_keywords(a[i].title));
		json_array_append_new(items, it);
	}
	llmsrv_articles_free(a, n);
	*answer = json_pack("{s:o}", "items", items);
	return 0;
}

/* The first len bytes of s at a UTF-8 boundary, and not inside a Latin word: a model quotes
 * whole words ("Claude O" of "Claude Opus" would be a name no source has). */
static size_t
prefix(const char *s, size_t len)
{
	size_t n = strlen(s);
	if (n <= len)
		return n;
	while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
		len--;
	size_t cut = len;
	while (cut > 0 && is_ascii_alnum((unsigned char)s[cut]) &&
	       is_ascii_alnum((unsigned char)s[cut - 1]))
		cut--;
	return cut > 0 ? cut : len;
}

/* A Chinese headline for title into b, as a model translating it writes one: a title with
 * Chinese in it as it is, else its names and figures (the words that do not start in lower
 * case, at most five) and 的最新进展; "【译】" before either. */
static void
zh_title(struct buf *b, const char *title)
{
	buf_puts(b, "【译】");
	int has_cjk = 0;
	for (size_t i = 0, n = strlen(title); i < n && !has_cjk;) {
		uint32_t cp;
		i += utf8_decode(title + i, n - i, &cp);
		has_cjk = cp >= 0x4E00 && cp <= 0x9FFF;
	}
	if (has_cjk) {
		buf_puts(b, title);
		return;
	}
	size_t kept = 0;
	for (const char *p = title; *p && kept < 5;) {
		size_t n = strcspn(p, " ");
		size_t w = n;
		while (w > 0 && strchr(",:;.!?", p[w - 1]))
			w--; /* "Pages," is the name Pages */
		if (w > 0 && !(*p >= 'a' && *p <= 'z')) {
			buf_printf(b, "%.*s ", (int)w, p);
			kept++;
		}
		p += n;
		p += strspn(p, " ");
	}
	buf_puts(b, kept ? "的最新进展" : "一篇文章的要点");
}

static int
enrich(const struct llmsrv_call *call, json_t **answer)
{
	struct llmsrv_article a[MAX_ITEMS];
	size_t n = llmsrv_articles(call->user, a, MAX_ITEMS);
	json_t *items = json_array();
	int fabricating = llmsrv_grounding_mode() == LLMSRV_FABRICATE && llmsrv_fabricates(call->user);
	for (size_t i = 0; i < n; i++) {
		struct buf title = BUF_INIT, summary = BUF_INIT, reason = BUF_INIT;
		if (call->is_zh) {
			zh_title(&title, a[i].title);
			buf_printf(&summary, "这篇来自 %s 的文章讨论了「%s」。要点：%.*s。作者给出了具体的做法和数据。结论是值得关注。",
			           a[i].source, a[i].title, (int)prefix(a[i].text, 160), a[i].text);
			buf_printf(&reason, "想了解「%s」的读者值得一读。", a[i].title);
		} else {
			buf_puts(&title, a[i].title);
			buf_printf(&summary, "This piece from %s covers \"%s\". Key points: %.*s. It gives concrete methods "
			                     "and figures. The conclusion is worth noting.",
			           a[i].source, a[i].title, (int)prefix(a[i].text, 160), a[i].text);
			buf_printf(&reason, "Worth reading for anyone following \"%s\".", a[i].title);
		}
		if (fabricating) { /* a made-up figure, quotation and name in the summary (llmserver_ground.h) */
			if (!call->is_zh)
				buf_putc(&summary, ' ');
			llmsrv_fabricate(&summary, a[i].title, call->is_zh, 0);
		}
		json_array_append_new(items, json_pack("{s:s,s:s,s:s,s:s}", "id", a[i].id, "title", buf_str(&title),
		                                       "summary", buf_str(&summary), "reason", buf_str(&reason)));
		buf_free(&title);
		buf_free(&summary);
		buf_free(&reason);
	}
	llmsrv_articles_free(a, n);
	*answer = json_pack("{s:o}", "items", items);
	return 0;
}

static int
highlights(const struct llmsrv_call *call, json_t **answer)
{
	struct llmsrv_article a[MAX_ITEMS];
	size_t n = llmsrv_articles(call->user, a, MAX_ITEMS);
	struct buf b = BUF_INIT;
	if (call->is_zh)
		buf_printf(&b, "今日看点：第一个趋势来自「%s」。第二个趋势来自「%s」。共有 %zu 篇精选。", n ? a[0].title : "",
		           n > 1 ? a[1].title : "", n);
	else
		buf_printf(&b, "Today's trends: first, \"%s\". Second, \"%s\". %zu stories in all.", n ? a[0].title : "",
		           n > 1 ? a[1].title : "", n);
	if (llmsrv_grounding_mode() == LLMSRV_FABRICATE && llmsrv_fabricates(call->user)) {
		if (!call->is_zh)
			buf_putc(&b, ' ');
		llmsrv_fabricate(&b, call->user, call->is_zh, 0);
	}
	*answer = json_pack("{s:s}", "highlights", buf_str(&b));
	buf_free(&b);
	llmsrv_articles_free(a, n);
	return 0;
}

const struct llmsrv_task llmsrv_tasks[] = {
	{"score", score},
	{"enrich", enrich},
	{"highlights", highlights},
	{"weekly", llmsrv_weekly},
	{"article", llmsrv_article},
	{"classify", llmsrv_classify},
	{NULL, NULL},
};
