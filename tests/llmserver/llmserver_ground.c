/* llmserver_ground.c: the stand-in's fabricating and faithful modes (llmserver_ground.h). */
#include "llmserver_ground.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "util/hash.h"
#include "util/str.h"
#include "util/utf8.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static enum llmsrv_ground mode = LLMSRV_PLAIN;
static int rate = 50;
static long fabricated;

void
llmsrv_grounding(const char *m, int rate_percent)
{
	pthread_mutex_lock(&lock);
	mode = !m ? LLMSRV_PLAIN : strcmp(m, "fabricate") == 0 ? LLMSRV_FABRICATE
	                         : strcmp(m, "faithful") == 0  ? LLMSRV_FAITHFUL
	                                                       : LLMSRV_PLAIN;
	rate = rate_percent;
	fabricated = 0;
	pthread_mutex_unlock(&lock);
}

enum llmsrv_ground
llmsrv_grounding_mode(void)
{
	pthread_mutex_lock(&lock);
	enum llmsrv_ground m = mode;
	pthread_mutex_unlock(&lock);
	return m;
}

static uint64_t
user_hash(const char *user)
{
	return hash64(user, strlen(user), HASH_SEED);
}

int
llmsrv_fabricates(const char *user)
{
	pthread_mutex_lock(&lock);
	int yes = mode == LLMSRV_FABRICATE && (int)(user_hash(user) % 100) < rate;
	fabricated += yes;
	pthread_mutex_unlock(&lock);
	return yes;
}

long
llmsrv_fabricated_answers(void)
{
	pthread_mutex_lock(&lock);
	long n = fabricated;
	pthread_mutex_unlock(&lock);
	return n;
}

/* Figures, quotations and names made up for the purpose (none is in the test fixtures). */
static const char *const figures[] = {"437.5%", "8,888万", "$3.7 billion", "61.3%"};
static const char *const quotes_zh[] = {"这将彻底改写整个行业的游戏规则", "我们已经领先所有竞争对手至少三年",
                                        "这是公司历史上最重要的一次战略转型"};
static const char *const quotes_en[] = {"This will rewrite the rules of the whole industry",
                                        "We are at least three years ahead of every competitor",
                                        "This is the most important strategic shift in our history"};
static const char *const names[] = {"John Carter", "Maria Keller", "Zentrix Labs"};

const char *const llmsrv_fabrications[] = {
	"437.5%", "8,888万", "$3.7 billion", "61.3%", "这将彻底改写整个行业的游戏规则", "我们已经领先所有竞争对手至少三年",
	"这是公司历史上最重要的一次战略转型", "This will rewrite the rules of the whole industry",
	"We are at least three years ahead of every competitor",
	"This is the most important strategic shift in our history", "John Carter", "Maria Keller", "Zentrix Labs",
	NULL,
};

void
llmsrv_fabricate(struct buf *b, const char *user, int zh, size_t source_count)
{
	uint64_t h = user_hash(user) >> 8;
	const char *fig = figures[h % 4];
	const char *q = (zh ? quotes_zh : quotes_en)[(h >> 4) % 3];
	const char *name = names[(h >> 8) % 3];
	int cited = (h >> 12) & 1, split = (h >> 13) & 1;
	char cite[24] = "";
	if (cited)
		snprintf(cite, sizeof cite, "[%zu]", (size_t)((h >> 16) % (source_count ? source_count : 1)) + 1);
	if (zh && split)
		buf_printf(b, "据知情人士透露，其用户规模同比增长 %s%s。%s 表示：“%s”。%s", fig, cite, name, q, cite);
	else if (zh)
		buf_printf(b, "据知情人士透露，其用户规模同比增长 %s，%s 表示：“%s”。%s", fig, name, q, cite);
	else if (split)
		buf_printf(b, "People familiar with the matter say its user base grew %s year on year%s. %s said: \"%s.\"%s",
		           fig, cite[0] ? " " : "", name, q, cite);
	else
		buf_printf(b, "According to %s, its user base grew %s year on year, and an executive said: \"%s\"%s%s.",
		           name, fig, q, cite[0] ? " " : "", cite);
}

/* Whether s is mostly in the output's script. */
static int
in_script(const char *s, int zh)
{
	size_t cjk = 0, latin = 0;
	for (const char *p = s; *p;) {
		uint32_t cp;
		p += utf8_decode(p, strlen(p), &cp);
		cjk += cp >= 0x3400 && cp < 0xA000;
		latin += cp < 0x80 && is_ascii_alpha((int)cp);
	}
	return zh ? cjk * 3 >= latin : cjk == 0;
}

size_t
llmsrv_sentences(const struct llmsrv_article *src, size_t n, int zh, struct llmsrv_sentence **out)
{
	size_t cap = 16, count = 0;
	struct llmsrv_sentence *s = xmalloc(cap * sizeof *s);
	for (size_t i = 0; i < n; i++) {
		const char *t = src[i].text ? src[i].text : "";
		long id = strtol(src[i].id, NULL, 10);
		while (*t) {
			/* A sentence ends at 。！？ or at ". " / "! " / "? " (or the mark before a line
			 * break: an extracted page's paragraphs) or the end. */
			const char *e = t;
			size_t len = 0;
			for (;;) {
				if (!*e) {
					len = (size_t)(e - t);
					break;
				}
				if (strncmp(e, "。", 3) == 0 || strncmp(e, "！", 3) == 0 || strncmp(e, "？", 3) == 0) {
					len = (size_t)(e - t) + 3;
					break;
				}
				if ((*e == '.' || *e == '!' || *e == '?') && (e[1] == ' ' || e[1] == '\n' || !e[1])) {
					len = (size_t)(e - t) + 1;
					break;
				}
				e++;
			}
			char *one = xstrndup(t, len);
			t += len;
			while (*t == ' ' || *t == '\n')
				t++;
			const char *p = one;
			size_t l = strlen(one);
			str_trim(&p, &l);
			if (utf8_count(p, l) >= 12 && in_script(one, zh) && !strstr(one, "[…]")) {
				if (count == cap)
					s = xrealloc(s, (cap *= 2) * sizeof *s);
				s[count].text = xstrndup(p, l);
				s[count].id = id;
				count++;
			}
			free(one);
		}
	}
	*out = s;
	return count;
}

void
llmsrv_sentences_free(struct llmsrv_sentence *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(s[i].text);
	free(s);
}
