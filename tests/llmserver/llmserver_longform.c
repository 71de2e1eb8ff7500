/* llmserver_longform.c: deterministic answers for the long-form tasks: an article whose
 * length fits the range the request asks for and whose citations rotate over the sources
 * sent; weekly paragraphs (one to three, marked 【周报稿】 / [weekly draft], one sentence and
 * citation per source sent); classify labels from word cues; plus the fault modes. */
#include "llmserver_longform.h"

#include "llmserver_ground.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/str.h"
#include "util/utf8.h"

#define MAX_SOURCES 32

/* A queued fault: its text (a mode, or a string the request must contain) and how many
 * requests it still applies to. */
struct fault_slot {
	pthread_mutex_t lock;
	char text[128];
	int left;
};

static struct fault_slot article_fault = {PTHREAD_MUTEX_INITIALIZER, "", 0};
static struct fault_slot weekly_fault = {PTHREAD_MUTEX_INITIALIZER, "", 0};

static void
slot_set(struct fault_slot *f, const char *text, int count)
{
	pthread_mutex_lock(&f->lock);
	snprintf(f->text, sizeof f->text, "%s", text ? text : "");
	f->left = text ? count : 0;
	pthread_mutex_unlock(&f->lock);
}

/* Consume one fault when some are left and (user is NULL or contains the slot's text); its
 * text goes to out ("" when none applies). Returns 1 when one was consumed. */
static int
slot_take(struct fault_slot *f, const char *user, char out[128])
{
	pthread_mutex_lock(&f->lock);
	out[0] = 0;
	int hit = f->left > 0 && (!user || strstr(user, f->text) != NULL);
	if (hit) {
		f->left--;
		memcpy(out, f->text, sizeof f->text);
	}
	pthread_mutex_unlock(&f->lock);
	return hit;
}

void
llmsrv_article_fault(const char *mode, int count)
{
	slot_set(&article_fault, mode, count);
}

void
llmsrv_weekly_fault(const char *match, int count)
{
	slot_set(&weekly_fault, match, count);
}

static struct fault_slot weekly_lists = {PTHREAD_MUTEX_INITIALIZER, "", 0};

void
llmsrv_weekly_lists(int count)
{
	slot_set(&weekly_lists, "", count);
}

/* The canned "weekly" answer: the paragraphs array (JSON text) answered, count times, to the
 * requests whose user message contains match. */
static pthread_mutex_t weekly_canned_lock = PTHREAD_MUTEX_INITIALIZER;
static char weekly_canned_match[128];
static char *weekly_canned_json;
static int weekly_canned_left;

void
llmsrv_weekly_answer(const char *match, int count, const char *paragraphs_json)
{
	pthread_mutex_lock(&weekly_canned_lock);
	snprintf(weekly_canned_match, sizeof weekly_canned_match, "%s", match ? match : "");
	free(weekly_canned_json);
	weekly_canned_json = match && paragraphs_json ? xstrdup(paragraphs_json) : NULL;
	weekly_canned_left = weekly_canned_json ? count : 0;
	pthread_mutex_unlock(&weekly_canned_lock);
}

/* The canned paragraphs for user (a new reference), or NULL. */
static json_t *
weekly_canned(const char *user)
{
	json_t *out = NULL;
	pthread_mutex_lock(&weekly_canned_lock);
	if (weekly_canned_left > 0 && strstr(user, weekly_canned_match)) {
		weekly_canned_left--;
		out = json_loads(weekly_canned_json, JSON_DECODE_ANY, NULL);
	}
	pthread_mutex_unlock(&weekly_canned_lock);
	return out;
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
	char fault[128];
	slot_take(&article_fault, NULL, fault);
	int zh = call->is_zh && strcmp(fault, "wrong_lang") != 0;
	const char *const *lines = zh ? zh_lines : en_lines;
	/* The faithful mode writes the sources' own sentences instead of the stock lines. */
	struct llmsrv_sentence *ss = NULL;
	size_t ns = llmsrv_grounding_mode() == LLMSRV_FAITHFUL ? llmsrv_sentences(src, n, zh, &ss) : 0;
	/* A short article (thin sources shorten it) gets the fewest sections allowed. */
	size_t sections = strcmp(fault, "miss_section") == 0 ? 3 : max < (zh ? 800 : 1600) ? 4 : 5;
	long target = strcmp(fault, "too_short") == 0 ? min / 4 : (min + max) / 2;
	/* Fixed parts first, then the section bodies grow until the whole reaches target. */
	struct buf headline = BUF_INIT, hook = BUF_INIT, conclusion = BUF_INIT, question = BUF_INIT;
	if (ns) {
		buf_printf(&headline, "%s%s", zh ? "深度评论：" : "Commentary: ", src[0].title);
		buf_printf(&hook, "%s[%ld]", ss[0].text, ss[0].id);
		buf_printf(&conclusion, "%s[%ld]", ss[ns - 1].text, ss[ns - 1].id);
		if (strcmp(fault, "miss_section") != 0)
			buf_puts(&question, zh ? "你怎么看这件事？欢迎在评论区分享你的观点。" : "What do you think? Share your view in the comments.");
	} else if (zh) {
		/* seed 002's shape: 主题：副题, a scene that ends on a question, two closing paragraphs,
		 * and 今日互动 with positions to take. */
		buf_printf(&headline, "%s：变化来得更快", src[0].title);
		buf_printf(&hook, "消息传出那天，%s 报道了「%s」[1]。它到底意味着什么？",
		           src[0].source, src[0].title);
		buf_printf(&conclusion, "归根结底，「%s」是一个信号[1]。\n\n接下来要看各方如何回应[1]。",
		           src[0].title);
		if (strcmp(fault, "miss_section") != 0)
			buf_puts(&question, "你认为这是主动转型，还是被环境推着走？欢迎在评论区分享你的观点。");
	} else {
		buf_printf(&headline, "%s: a change that came sooner than expected", src[0].title);
		buf_printf(&hook, "On the morning the news broke, %s reported \"%s\" [1]. What does it really mean?",
		           src[0].source, src[0].title);
		buf_printf(&conclusion, "In the end, \"%s\" is a signal [1].\n\nWhat to watch next is how the others "
		           "respond [1].", src[0].title);
		if (strcmp(fault, "miss_section") != 0)
			buf_puts(&question, "Is this a deliberate shift, or a move forced by circumstances? Share your view "
			                    "in the comments.");
	}
	if (strcmp(fault, "heading_cites") == 0) /* and in the headline */
		buf_puts(&headline, zh ? "[1]" : " [1]");
	if (strcmp(fault, "blank_parts") == 0) { /* parts that show nothing, though not empty */
		buf_clear(&headline);
		buf_puts(&headline, "\xe3\x80\x80\xe2\x80\x8b"); /* U+3000 U+200B */
		buf_clear(&question);
		buf_puts(&question, "\xe2\x80\x8b\xef\xbc\x9f"); /* U+200B ？ */
	}
	long used = (long)(chars(buf_str(&headline)) + chars(buf_str(&hook)) + chars(buf_str(&conclusion)) +
	                   chars(buf_str(&question)));
	struct buf body[6] = {BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT};
	struct buf heading[6] = {BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT};
	for (size_t s = 0; s < sections; s++) {
		/* Headings that claim, not label (seed 002). */
		/* heading_markup: Markdown heading marks and the model's own numbering, as models write
		 * them although told not to ("### 一、…", "## **2. …**", "###三、…") */
		static const char *const marks[] = {"### ", "## **", "###"};
		int markup = strcmp(fault, "heading_markup") == 0 && s < 3;
		if (markup) {
			buf_puts(&heading[s], marks[s]);
			if (zh)
				buf_puts(&heading[s], s == 0 ? "一、" : s == 1 ? "二、" : "三、");
			else
				buf_printf(&heading[s], "%zu. ", s + 1);
		}
		/* Each section its own claim; same_headings: every one the first's (a heading the
		 * checker refuses), label_headings: topics instead of claims ("背景", "Background"). */
		static const char *const zh_claims[] = {"变化已经发生", "成本结构正在改写", "速度成为胜负手",
		                                        "竞争格局随之重排", "用户最先感受到变化", "下一步取决于执行"};
		static const char *const en_claims[] = {"shows the change has begun", "rewrites the cost structure",
		                                        "makes speed the deciding factor", "reshuffles the competition",
		                                        "puts users first in line", "leaves the next step to execution"};
		static const char *const zh_labels[] = {"背景", "影响分析", "未来展望", "行业影响", "结语", "总结"};
		static const char *const en_labels[] = {"Background", "Analysis", "Why it matters", "Impact",
		                                        "Conclusion", "Outlook"};
		size_t claim = strcmp(fault, "same_headings") == 0 ? 0 : s;
		if (strcmp(fault, "label_headings") == 0)
			buf_puts(&heading[s], zh ? zh_labels[s] : en_labels[s]);
		else if (zh)
			buf_printf(&heading[s], "%s：%s", s < n ? src[s].source : src[0].source, zh_claims[claim]);
		else
			buf_printf(&heading[s], "%s %s", s < n ? src[s].source : src[0].source, en_claims[claim]);
		if (markup && s == 1)
			buf_puts(&heading[s], "**");
		if (strcmp(fault, "heading_cites") == 0 && s == 0) /* a citation in a heading */
			buf_puts(&heading[s], zh ? "[1]" : " [1]");
		used += (long)chars(buf_str(&heading[s]));
	}
	/* Where the content is a list: numbered points that start in bold (seed 002); not in a short
	 * piece on thin sources. */
	struct buf list = BUF_INIT;
	if (!ns && sections > 1 && !fault[0] && max >= 400) {
		if (zh)
			buf_puts(&list, "\n\n1. **成本**：计入运营支出[1]。\n2. **速度**：决定用户体验[1]。");
		else
			buf_puts(&list, "\n\n1. **Cost**: every call is an operating expense [1].\n2. **Speed**: response "
			                "time shapes the experience [1].\n3. **Ecosystem**: developers amplify an early lead [1].");
		used += (long)chars(buf_str(&list)) - 9;
	}
	size_t k = 0;
	while (used < target || k < sections) { /* every section gets a line */
		size_t s = k % sections;
		size_t cite = (k % n) + 1;
		if (strcmp(fault, "cite_missing") == 0 && k == 3)
			cite = n + 7;
		struct buf line = BUF_INIT;
		if (ns && strcmp(fault, "cite_missing") != 0)
			cite = (size_t)ss[k % ns].id;
		/* The first line of a section is its key sentence, in bold (seed 002). */
		int key = !body[s].len && !ns;
		char mark[32];
		snprintf(mark, sizeof mark, "[%zu]", cite);
		/* cite_list: every other line cites all sources in one list, as models write them */
		static const char *const lists[] = {"[1, 2]", "[1，2]", "[1-2]", "\u30101\u3011"}; /* 【1】 */
		if (strcmp(fault, "cite_list") == 0 && n >= 2 && k % 2 == 1)
			snprintf(mark, sizeof mark, "%s", lists[(k / 2) % 4]);
		buf_printf(&line, "%s%s%s%s%s", body[s].len ? (k % 3 == 0 ? "\n\n" : " ") : "", key ? "**" : "",
		           ns ? ss[k % ns].text : lines[(k / sections + s) % 5], key ? "**" : "", mark);
		used += (long)chars(buf_str(&line)) - 3 + (cite > 9 ? -1 : 0);
		buf_puts(&body[s], buf_str(&line));
		buf_free(&line);
		k++;
	}
	buf_puts(&body[1], buf_str(&list));
	buf_free(&list);
	if (llmsrv_fabricates(call->user)) {
		struct buf *b = &body[strlen(call->user) % sections];
		buf_puts(b, "\n\n");
		llmsrv_fabricate(b, call->user, zh, n);
	}
	if (strcmp(fault, "controls") == 0) /* a sentence no source supports, behind escape sequences */
		buf_puts(&body[0], zh ? "\n\n\x1b]0;\x07\x1b[2J据称97%的读者会续订[1]。"
		                      : "\n\n\x1b]0;\x07\x1b[2JReportedly 97% of readers renew [1].");
	llmsrv_sentences_free(ss, ns);
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

/* The "date: " line of source id in the user message ("" when absent). */
static void
source_date(const char *user, const char *id, char out[16])
{
	char open[64];
	snprintf(open, sizeof open, "<article id=\"%s\">\ndate: ", id);
	const char *p = strstr(user, open);
	out[0] = 0;
	if (p) /* a date, or "unknown" for an undated source: the line up to its end */
		snprintf(out, 16, "%.*s", (int)strcspn(p + strlen(open), "\n"), p + strlen(open));
}

int
llmsrv_weekly(const struct llmsrv_call *call, json_t **answer)
{
	struct llmsrv_article src[MAX_SOURCES];
	size_t n = llmsrv_articles(call->user, src, MAX_SOURCES);
	if (n == 0)
		return -1;
	json_t *canned = weekly_canned(call->user);
	if (canned) {
		*answer = json_pack("{s:o}", "paragraphs", canned);
		llmsrv_articles_free(src, n);
		return 0;
	}
	char match[128];
	int bad = slot_take(&weekly_fault, call->user, match);
	char unused[128];
	int listed = slot_take(&weekly_lists, NULL, unused);
	size_t np = n < 3 ? n : 3;
	struct buf para[3] = {BUF_INIT, BUF_INIT, BUF_INIT};
	struct llmsrv_sentence *ss = NULL;
	size_t ns = llmsrv_grounding_mode() == LLMSRV_FAITHFUL ? llmsrv_sentences(src, n, call->is_zh, &ss) : 0;
	for (size_t i = 0; i < n; i++) {
		struct buf *b = &para[i * np / n];
		char date[16];
		source_date(call->user, src[i].id, date);
		long id = strtol(src[i].id, NULL, 10);
		if (bad && i == 0)
			id = (long)n + 5;
		if (!b->len && listed) /* "- …", "2. …", "3. …" */
			buf_printf(b, i == 0 ? "- " : "%zu. ", i * np / n + 1);
		if (!b->len || (listed && b->len <= 3))
			buf_puts(b, call->is_zh ? "【周报稿】" : "[weekly draft] ");
		if (call->is_zh)
			buf_printf(b, "%s，%s 报道「%s」[%ld]。", date, src[i].source, src[i].title, id);
		else
			buf_printf(b, "%sOn %s, %s reported \"%s\" [%ld].", b->len > 15 ? " " : "", date, src[i].source,
			           src[i].title, id);
		/* Faithful: the source's first sentence in the post's script, cited. */
		for (size_t k = 0; k < ns; k++)
			if (ss[k].id == strtol(src[i].id, NULL, 10)) {
				buf_printf(b, "%s%s[%ld]", call->is_zh ? "" : " ", ss[k].text, ss[k].id);
				break;
			}
	}
	llmsrv_sentences_free(ss, ns);
	if (llmsrv_fabricates(call->user)) {
		buf_puts(&para[0], call->is_zh ? "" : " ");
		llmsrv_fabricate(&para[0], call->user, call->is_zh, n);
	}
	json_t *paras = json_array();
	for (size_t i = 0; i < np; i++) {
		json_array_append_new(paras, json_string(buf_str(&para[i])));
		buf_free(&para[i]);
	}
	*answer = json_pack("{s:o}", "paragraphs", paras);
	llmsrv_articles_free(src, n);
	return 0;
}

/* Whether any of cues[] occurs in s (case-insensitively). */
static int
has_cue(const char *s, const char *const *cues, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (str_icasestr(s, strlen(s), cues[i]))
			return 1;
	return 0;
}

/* Whether a title announces a versioned release the way the classify prompt describes one:
 * digits.digits with "release" in it ("QEMU version 10.1.0 released"), or a bare tag
 * ("v3.9.0"). Company products ("iOS 18.4 released") are told apart by a model, not here:
 * the stand-in only needs the fixtures' and the real-feed week's cases. */
static int
is_release_title(const char *t)
{
	int version = 0, letters = 0;
	for (const char *p = t; *p; p++) {
		version |= is_ascii_digit((unsigned char)p[0]) && p[1] == '.' && is_ascii_digit((unsigned char)p[2]);
		letters += is_ascii_alpha((unsigned char)*p) && !(*p == 'v' && is_ascii_digit((unsigned char)p[1]));
	}
	return version && (letters == 0 || str_icasestr(t, strlen(t), " released"));
}

int
llmsrv_classify(const struct llmsrv_call *call, json_t **answer)
{
	static const char *const rumour[] = {"unverified", "rumor", "rumour", "reportedly", "people familiar",
	                                     "leaked", "据悉", "传闻", "爆料", "网传"};
	static const char *const oss[] = {"open-source", "open source", "open weights", "开源", "github.com"};
	struct llmsrv_article a[MAX_SOURCES * 2];
	size_t n = llmsrv_articles(call->user, a, MAX_SOURCES * 2);
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++) {
		int r = has_cue(a[i].title, rumour, 10) || has_cue(a[i].text, rumour, 10);
		int o = has_cue(a[i].title, oss, 5) || has_cue(a[i].text, oss, 5) || is_release_title(a[i].title);
		json_array_append_new(items, json_pack("{s:s,s:s}", "id", a[i].id, "kind",
		                                       r ? "rumour" : o ? "open_source" : "news"));
	}
	llmsrv_articles_free(a, n);
	*answer = json_pack("{s:o}", "items", items);
	return 0;
}
