/* llmserver_longform.c: deterministic answers for the long-form tasks: an article whose
 * length fits the range the request asks for and whose citations rotate over the sources
 * sent, and weekly paragraphs, one per source; plus the article fault modes. */
#include "llmserver_longform.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/utf8.h"

#define MAX_SOURCES 32

static pthread_mutex_t fault_lock = PTHREAD_MUTEX_INITIALIZER;
static char fault_mode[32];
static int fault_left;

void
llmsrv_article_fault(const char *mode, int count)
{
	pthread_mutex_lock(&fault_lock);
	snprintf(fault_mode, sizeof fault_mode, "%s", mode ? mode : "");
	fault_left = mode ? count : 0;
	pthread_mutex_unlock(&fault_lock);
}

/* The fault for this request ("" = none), consuming one. */
static void
take_fault(char out[32])
{
	pthread_mutex_lock(&fault_lock);
	out[0] = 0;
	if (fault_left > 0) {
		fault_left--;
		memcpy(out, fault_mode, 32);
	}
	pthread_mutex_unlock(&fault_lock);
}

/* Non-space code points of s. */
static size_t
chars(const char *s)
{
	size_t n = 0;
	for (const char *p = s; *p;) {
		uint32_t cp;
		p += utf8_decode(p, strlen(p), &cp);
		n += cp != ' ' && cp != '\n';
	}
	return n;
}

static const char *const zh_lines[] = {
	"这件事的意义不止于新闻本身，它折射出整个行业正在发生的变化。",
	"从公开信息看，相关各方的选择都有清晰的商业逻辑，也有难以回避的代价。",
	"值得注意的是，数字背后往往隐藏着更长的时间线和更复杂的博弈。",
	"对普通用户而言，真正的影响会在未来几个月里逐步显现。",
	"行业观察者普遍认为，这一步既是主动出击，也是被环境推着向前。",
};
static const char *const en_lines[] = {
	"The significance goes beyond the news itself and reflects a wider shift in the industry.",
	"Each party's choice follows a clear business logic, and each carries a cost it cannot avoid.",
	"Behind the figures lies a longer timeline and a more complicated contest.",
	"For ordinary users the real effects will show over the coming months.",
	"Observers see the move as both a bold step and a response to pressure.",
};

int
llmsrv_article(const struct llmsrv_call *call, json_t **answer)
{
	struct llmsrv_article src[MAX_SOURCES];
	size_t n = llmsrv_articles(call->user, src, MAX_SOURCES);
	if (n == 0)
		return -1;
	long min = 1500, max = 3000;
	const char *len = strstr(call->user, "Length: ");
	if (len)
		sscanf(len, "Length: %ld to %ld", &min, &max);
	char fault[32];
	take_fault(fault);
	int zh = call->is_zh && strcmp(fault, "wrong_lang") != 0;
	const char *const *lines = zh ? zh_lines : en_lines;
	size_t sections = strcmp(fault, "miss_section") == 0 ? 3 : 5;
	long target = strcmp(fault, "too_short") == 0 ? min / 4 : (min + max) / 2;
	/* Fixed parts first, then the section bodies grow until the whole reaches target. */
	struct buf headline = BUF_INIT, hook = BUF_INIT, conclusion = BUF_INIT, question = BUF_INIT;
	if (zh) {
		buf_printf(&headline, "深度评论：%s", src[0].title);
		buf_printf(&hook, "近日，%s 报道了「%s」[1]。这条消息引发了广泛讨论：它到底意味着什么？", src[0].source,
		           src[0].title);
		buf_printf(&conclusion, "归根结底，「%s」是一个信号[1]。它提醒我们，变化往往比预期来得更快。", src[0].title);
		if (strcmp(fault, "miss_section") != 0)
			buf_puts(&question, "你怎么看这件事？欢迎在评论区分享你的观点。");
	} else {
		buf_printf(&headline, "Commentary: %s", src[0].title);
		buf_printf(&hook, "This week %s reported \"%s\" [1]. What does it really mean?", src[0].source, src[0].title);
		buf_printf(&conclusion, "In the end, \"%s\" is a signal [1]. Change tends to come faster than expected.",
		           src[0].title);
		if (strcmp(fault, "miss_section") != 0)
			buf_puts(&question, "What do you think? Share your view in the comments.");
	}
	long used = (long)(chars(buf_str(&headline)) + chars(buf_str(&hook)) + chars(buf_str(&conclusion)) +
	                   chars(buf_str(&question)));
	struct buf body[6] = {BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT};
	struct buf heading[6] = {BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT};
	for (size_t s = 0; s < sections; s++) {
		if (zh)
			buf_printf(&heading[s], "第%zu个观察：%s", s + 1, s < n ? src[s].source : src[0].source);
		else
			buf_printf(&heading[s], "Observation %zu: %s", s + 1, s < n ? src[s].source : src[0].source);
		used += (long)chars(buf_str(&heading[s]));
	}
	size_t k = 0;
	while (used < target) {
		size_t s = k % sections;
		size_t cite = (k % n) + 1;
		if (strcmp(fault, "cite_missing") == 0 && k == 3)
			cite = n + 7;
		struct buf line = BUF_INIT;
		buf_printf(&line, "%s%s[%zu]", body[s].len ? (k % 3 == 0 ? "\n\n" : " ") : "", lines[(k / sections + s) % 5], cite);
		used += (long)chars(buf_str(&line)) - 3 + (cite > 9 ? -1 : 0);
		buf_puts(&body[s], buf_str(&line));
		buf_free(&line);
		k++;
	}
	json_t *secs = json_array();
	for (size_t s = 0; s < sections; s++) {
		json_array_append_new(secs, json_pack("{s:s,s:s}", "heading", buf_str(&heading[s]), "body", buf_str(&body[s])));
		buf_free(&heading[s]);
		buf_free(&body[s]);
	}
	*answer = json_pack("{s:s,s:s,s:o,s:s,s:s}", "headline", buf_str(&headline), "hook", buf_str(&hook), "sections",
	                    secs, "conclusion", buf_str(&conclusion), "question", buf_str(&question));
	buf_free(&headline);
	buf_free(&hook);
	buf_free(&conclusion);
	buf_free(&question);
	llmsrv_articles_free(src, n);
	return 0;
}

int
llmsrv_weekly(const struct llmsrv_call *call, json_t **answer)
{
	struct llmsrv_article src[MAX_SOURCES];
	size_t n = llmsrv_articles(call->user, src, MAX_SOURCES);
	if (n == 0)
		return -1;
	json_t *paras = json_array();
	for (size_t i = 0; i < n && i < 6; i++) {
		struct buf b = BUF_INIT;
		size_t cut = utf8_prefix_chars(src[i].text, strlen(src[i].text), 60);
		if (call->is_zh)
			buf_printf(&b, "据 %s 报道，「%s」。要点：%.*s", src[i].source, src[i].title, (int)cut, src[i].text);
		else
			buf_printf(&b, "%s reported \"%s\". In short: %.*s", src[i].source, src[i].title, (int)cut, src[i].text);
		json_array_append_new(paras, json_pack("{s:s,s:[I]}", "text", buf_str(&b), "refs", (json_int_t)strtol(src[i].id, NULL, 10)));
		buf_free(&b);
	}
	*answer = json_pack("{s:o}", "paragraphs", paras);
	llmsrv_articles_free(src, n);
	return 0;
}
