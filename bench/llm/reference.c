/* reference.c: the original tool's request pattern (see reference.h). The instructions are
 * our own Chinese rendering of the same rubric (seed 000's), about as long as the original's. */
#include "reference.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/str.h"
#include "util/utf8.h"

static const char score_zh[] =
	"你是一个技术内容策展人，正在为一份面向技术爱好者的每日精选摘要筛选文章。\n"
	"请对以下文章进行三个维度的评分（1-10 整数，10 分最高），并为每篇文章分配一个分类标签，提取 2-4 个关键词。\n"
	"## 评分维度\n"
	"### 1. 相关性 (relevance)：对技术、编程、AI、互联网从业者的价值\n"
	"- 10：所有技术人都应该知道的重大事件或突破\n- 7-9：对大部分技术从业者有价值\n"
	"- 4-6：对特定技术领域有价值\n- 1-3：与技术行业关联不大\n"
	"### 2. 质量 (quality)：文章本身的深度和写作质量\n"
	"- 10：深度分析，原创洞见，引用丰富\n- 7-9：有深度，观点独到\n- 4-6：信息准确，表达清晰\n- 1-3：浅尝辄止或纯转述\n"
	"### 3. 时效性 (timeliness)：当前是否值得阅读\n"
	"- 10：正在发生的重大事件或刚发布的重要工具\n- 7-9：近期热点相关\n- 4-6：常青内容，不过时\n- 1-3：过时或无时效价值\n"
	"## 分类标签（必须从以下选一个）\n"
	"- ai-ml：AI、机器学习、LLM、深度学习\n- security：安全、隐私、漏洞、加密\n"
	"- engineering：软件工程、架构、编程语言、系统设计\n- tools：开发工具、开源项目、新发布的库或框架\n"
	"- opinion：行业观点、个人思考、职业发展、文化评论\n- other：以上都不太适合的\n"
	"## 关键词提取\n提取 2-4 个最能代表文章主题的关键词（用英文，简短，如 \"Rust\"、\"LLM\"、\"database\"）。\n"
	"请严格按 JSON 格式返回，不要包含 markdown 代码块或其他文字：\n"
	"{\"items\": [{\"id\": \"a1\", \"relevance\": 8, \"quality\": 7, \"timeliness\": 9, \"category\": \"engineering\", "
	"\"keywords\": [\"Rust\", \"compiler\"]}]}\n\n## 待评分文章\n\n";

static const char enrich_zh[] =
	"你是一个务实的技术内容编辑。请为以下文章完成三件事：\n"
	"1. 中文标题 (title)：将英文标题翻译成自然的中文；原标题已是中文则保持不变。\n"
	"2. 摘要 (summary)：4-6 句话：文章解决的具体问题；作者给出的核心方法、工具或数据（保留具体名称和关键数字）；结论。\n"
	"3. 推荐理由 (reason)：1 句话说明为什么值得读。\n"
	"请用中文撰写摘要和推荐理由。语气平实、具体，不要空话，不要以「本文讨论了」开头。\n"
	"请严格按 JSON 格式返回：{\"items\": [{\"id\": \"a1\", \"title\": \"中文标题\", \"summary\": \"摘要\", \"reason\": \"推荐理由\"}]}\n\n"
	"## 待摘要文章\n\n";

static const char highlights_zh[] =
	"根据以下今日精选技术文章列表，写一段「今日看点」（3-5 句话）。归纳出 2-3 个主要趋势，以具体文章为依据，"
	"不要列表，不要空话。用中文回答。请按 JSON 返回：{\"highlights\": \"...\"}\n\n文章列表：\n";

/* The original's answer shape: long property names. */
static const char score_schema_long[] =
	"{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"items\"],\"properties\":{"
	"\"items\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"additionalProperties\":false,"
	"\"required\":[\"id\",\"relevance\",\"quality\",\"timeliness\",\"category\",\"keywords\"],"
	"\"properties\":{\"id\":{\"type\":\"string\"},"
	"\"relevance\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":10},"
	"\"quality\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":10},"
	"\"timeliness\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":10},"
	"\"category\":{\"type\":\"string\"},"
	"\"keywords\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}}}}}}";

struct scored {
	size_t index;
	int total;
};

static int
cmp_scored(const void *a, const void *b)
{
	const struct scored *x = a, *y = b;
	if (x->total != y->total)
		return y->total - x->total;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* An article with its text cut to max_chars characters (the reference's snippets). */
static struct article
snippet(const struct article *a, size_t max_chars, struct arena *arena)
{
	struct article s = *a;
	const char *t = a->text ? a->text : "";
	s.text = arena_strndup(arena, t, utf8_prefix_chars(t, strlen(t), max_chars));
	return s;
}

/* Build one request per batch of `size` articles (indexes idx[0..n)) with instructions
 * `head` first, all in the user message. */
static size_t
build(const struct article *articles, const size_t *idx, size_t n, size_t size, size_t chars, const char *head,
      enum prompt_task task, json_t *schema, struct llm_request *reqs, struct buf *users, struct arena *arena)
{
	size_t nb = 0;
	for (size_t i = 0; i < n; i += size, nb++) {
		buf_puts(&users[nb], head);
		prompt_user_begin(&users[nb]);
		for (size_t k = i; k < n && k < i + size; k++) {
			struct article s = snippet(&articles[idx[k]], chars, arena);
			struct buf body = BUF_INIT;
			prompt_article_body(&body, &s, 100000);
			char id[16];
			snprintf(id, sizeof id, "a%zu", k - i + 1);
			prompt_user_article(&users[nb], id, buf_str(&body));
			buf_free(&body);
		}
		prompt_user_end(&users[nb]);
		memset(&reqs[nb], 0, sizeof reqs[nb]);
		reqs[nb].task = task;
		reqs[nb].lang = "zh";
		reqs[nb].system = "";
		reqs[nb].user = buf_str(&users[nb]);
		reqs[nb].schema = schema;
		reqs[nb].max_tokens = task == PROMPT_SCORE ? 1024 : 4096;
	}
	return nb;
}

static void
run_all(struct llm_client *c, struct llm_request *reqs, size_t n)
{
	struct llm_request **p = calloc(n ? n : 1, sizeof *p);
	for (size_t i = 0; i < n; i++)
		p[i] = &reqs[i];
	llm_run(c, p, n);
	free(p);
}

size_t
reference_run(struct llm_client *c, const struct article *articles, size_t n)
{
	c->cfg.concurrency = 2;
	struct arena arena = ARENA_INIT;
	size_t *idx = calloc(n ? n : 1, sizeof *idx);
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	size_t nb = (n + 9) / 10;
	struct llm_request *reqs = calloc(nb ? nb : 1, sizeof *reqs);
	struct buf *users = calloc(nb ? nb : 1, sizeof *users);
	json_t *long_schema = json_loads(score_schema_long, 0, NULL);
	build(articles, idx, n, 10, 300, score_zh, PROMPT_SCORE, long_schema, reqs, users, &arena);
	run_all(c, reqs, nb);
	/* Rank: the model's totals; a failed batch scores 5/5/5 as the original does. */
	struct scored *sc = calloc(n ? n : 1, sizeof *sc);
	size_t scored = 0;
	for (size_t i = 0; i < n; i++)
		sc[i] = (struct scored){i, 15};
	for (size_t b = 0; b < nb; b++) {
		size_t k;
		json_t *e;
		json_array_foreach(json_object_get(reqs[b].answer, "items"), k, e)
		{
			long pos;
			const char *id = json_string_value(json_object_get(e, "id"));
			if (!id || str_to_long(id + 1, 1, 10, &pos) < 0 || b * 10 + (size_t)pos - 1 >= n)
				continue;
			sc[b * 10 + (size_t)pos - 1].total = (int)(json_integer_value(json_object_get(e, "relevance")) +
			                                           json_integer_value(json_object_get(e, "quality")) +
			                                           json_integer_value(json_object_get(e, "timeliness")));
			scored++;
		}
		llm_request_clear(&reqs[b]);
		buf_free(&users[b]);
	}
	json_decref(long_schema);
	qsort(sc, n, sizeof *sc, cmp_scored);
	size_t top = n < 15 ? n : 15;
	for (size_t i = 0; i < top; i++)
		idx[i] = sc[i].index;
	size_t eb = build(articles, idx, top, 10, 800, enrich_zh, PROMPT_ENRICH, NULL, reqs, users, &arena);
	run_all(c, reqs, eb);
	/* The highlights come from the summaries, so they wait for the enrichment. */
	struct buf hl = BUF_INIT;
	buf_puts(&hl, highlights_zh);
	prompt_user_begin(&hl);
	size_t listed = 0;
	for (size_t b = 0; b < eb; b++) {
		size_t k;
		json_t *e;
		json_array_foreach(json_object_get(reqs[b].answer, "items"), k, e)
		{
			if (listed >= 10)
				break;
			const char *t = json_string_value(json_object_get(e, "title"));
			const char *s = json_string_value(json_object_get(e, "summary"));
			if (!t || !s)
				continue;
			buf_printf(&hl, "<article id=\"a%zu\">\ntitle: %s\nsource: -\ntext: %.*s\n</article>\n", ++listed, t,
			           (int)utf8_prefix_chars(s, strlen(s), 100), s);
		}
		llm_request_clear(&reqs[b]);
		buf_free(&users[b]);
	}
	prompt_user_end(&hl);
	struct llm_request h = {.task = PROMPT_HIGHLIGHTS, .lang = "zh", .system = "", .user = buf_str(&hl),
	                        .max_tokens = 1024};
	run_all(c, &h, 1);
	llm_request_clear(&h);
	buf_free(&hl);
	free(sc);
	free(reqs);
	free(users);
	free(idx);
	arena_free(&arena);
	return scored;
}
