/* test_snippet.c: search snippets made from an item's text (store/snippet.h): words, phrases
 * only where whole, prefixes, CJK bigram runs, the window with the most terms, the "…" where
 * it cuts, marker bytes of the text dropped; and a row matched and scored from its text
 * (snippet_match). */
#include <string.h>

#include "store/snippet.h"
#include "testlib.h"

/* The snippet of text for query q (width tokens), as a string in out (freed by the caller). */
static const char *
snip(const char *q, const char *text, int width, struct buf *out, int *marked)
{
	struct snippet_query sq;
	snippet_query_parse(q, &sq);
	buf_clear(out);
	*marked = snippet_make(&sq, text, strlen(text), width, out);
	return buf_str(out);
}

/* snippet_match of a row (title, text) for query q: 1 with *score, or 0. */
static int
match(const char *q, const char *title, const char *text, double *score)
{
	struct snippet_query sq;
	snippet_query_parse(q, &sq);
	*score = -1;
	return snippet_match(&sq, title, title ? strlen(title) : 0, text, text ? strlen(text) : 0, score);
}

/* A row matched and scored as the index would match it: every term, a phrase only whole, a
 * prefix at a word's start, CJK bigrams; a title hit weighs more; no term, no match. */
static void
test_match(void)
{
	double s1, s2, s3;
	CHECK_INT(match("open source", "News", "The source is open.", &s1), 1);
	CHECK(s1 > 0);
	CHECK_INT(match("\"open source\"", "News", "The source is open.", &s1), 0);
	CHECK_INT(match("\"open source\"", "News", "An open source kernel.", &s1), 1);
	CHECK_INT(match("open zeitgeist", "News", "The source is open.", &s1), 0);
	CHECK_INT(match("comp*", NULL, "Compilers compute.", &s1), 1);
	CHECK_INT(match("comp*", NULL, "A decompiler.", &s1), 0); /* a prefix starts a word */
	CHECK_INT(match("中国", "中国的芯片", NULL, &s1), 1);
	CHECK_INT(match("国人", "中国的芯片", NULL, &s1), 0);    /* no 国人 bigram there */
	CHECK_INT(match("中*", "中国的芯片", NULL, &s1), 1);
	CHECK_INT(match("", "Anything", "at all", &s1), 0);
	CHECK_INT(match(",,,", "Anything", "at all", &s1), 0);
	/* a hit in the title counts four times; more hits score higher; a longer row lower */
	CHECK_INT(match("kernel", "Kernel news", "A kernel.", &s1), 1);
	CHECK_INT(match("kernel", "News", "A kernel.", &s2), 1);
	CHECK(s1 > s2);
	CHECK_INT(match("kernel", "News", "A kernel and a kernel, short.", &s3), 1);
	CHECK(s3 > s2);
	CHECK_INT(match("kernel", "News", "A kernel, then many words that say nothing of it at all, on and on "
	                                  "and on and on and on and on and on and on and on.", &s3), 1);
	CHECK(s3 < s2);
}

/* Odd queries and texts: stars and quotes alone, long tokens, invalid UTF-8, long CJK runs,
 * empty texts (run under ASan: no read or write out of bounds). */
static void
test_odd_inputs(void)
{
	char longw[300], cjk[400], bad[64];
	memset(longw, 'q', 299);
	longw[299] = '\0';
	for (int i = 0; i < 100; i++) /* 3 bytes a character */
		memcpy(cjk + 3 * i, i % 2 ? "国" : "中", 3);
	cjk[300] = '\0';
	snprintf(bad, sizeof bad, "ab\xff\xfe \xe4\xb8 c\xc3 \xf0\x9f\x98 d");
	const char *queries[] = {"*", "a**", "\"", "-", "\"\"", "**", "\"*\"", "-*", "a \"b", longw, cjk, bad, "中*",
	                         "\"中国 a\"", "\"a b c d e f g h i j k\"", "x* x* x* x* x* x* x* x* x*"};
	const char *texts[] = {"", " ", longw, cjk, bad, "a b c d e f g h i j k", "\x01\x02", "中国 a b"};
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < sizeof queries / sizeof *queries; i++)
		for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
			struct snippet_query sq;
			double score;
			snippet_query_parse(queries[i], &sq);
			snippet_match(&sq, texts[k], strlen(texts[k]), texts[k], strlen(texts[k]), &score);
			buf_clear(&b);
			snippet_make(&sq, texts[k], strlen(texts[k]), 24, &b);
			snippet_make(&sq, texts[k], strlen(texts[k]), 1, &b);
		}
	/* a CJK run with more after it, in one term, matches the text it was typed from */
	CHECK_INT(match("芯片AI", NULL, "芯片AI 发布", &(double){0}), 1);
	CHECK_INT(match("\"中国 人民\"", NULL, "中国 人民", &(double){0}), 1);
	CHECK_STR(snip("芯片AI", "新的芯片AI发布", 24, &b, &(int){0}), "新的\x01芯片AI\x02发布");
	buf_free(&b);
}

int
main(void)
{
	test_match();
	test_odd_inputs();
	struct buf b = BUF_INIT;
	int m;
	/* a word, case and accents folded as the index folds them */
	CHECK_STR(snip("tokio", "Structured concurrency with Tokio and the borrow checker.", 24, &b, &m),
	          "Structured concurrency with \x01Tokio\x02 and the borrow checker.");
	CHECK_INT(m, 1);
	CHECK_STR(snip("uberwachung", "Die Überwachung wächst.", 24, &b, &m), "Die \x01Überwachung\x02 wächst.");
	/* a phrase is marked only where its words stand together, as one mark */
	CHECK_STR(snip("\"open source\"", "Source code is open. An open source project.", 24, &b, &m),
	          "Source code is open. An \x01open source\x02 project.");
	CHECK_INT(m, 1);
	/* a prefix marks every word it begins */
	CHECK_STR(snip("comp*", "A compiler computes; a computer competes.", 24, &b, &m),
	          "A \x01" "compiler\x02 \x01" "computes\x02; a \x01" "computer\x02 \x01" "competes\x02.");
	CHECK_INT(m, 4);
	/* CJK: a two-character word is its bigram, a longer one its bigrams in a row, one mark */
	CHECK_STR(snip("中国", "这是中国的新闻。", 24, &b, &m), "这是\x01中国\x02的新闻。");
	CHECK_STR(snip("人工智能", "发展人工智能技术", 24, &b, &m), "发展\x01人工智能\x02技术");
	CHECK_INT(m, 1);
	CHECK_STR(snip("中", "这是中国", 24, &b, &m), "这是\x01中\x02国");
	/* the window: the one with most distinct terms, cut with "…" at both ends */
	const char *text = "alpha one two three four five six seven eight nine ten beta gamma eleven twelve thirteen "
	                   "fourteen fifteen sixteen";
	CHECK_STR(snip("beta gamma", text, 6, &b, &m), "…nine ten \x01" "beta\x02 \x01gamma\x02 eleven twelve…");
	CHECK_INT(m, 2);
	/* no term in the text: its start, unmarked */
	CHECK_STR(snip("zeitgeist", text, 3, &b, &m), "alpha one two…");
	CHECK_INT(m, 0);
	/* the text's own marker bytes never reach the page as marks */
	CHECK_STR(snip("rust", "a \x01rust\x02 b", 24, &b, &m), "a \x01rust\x02 b");
	CHECK_INT((int)b.len, (int)strlen("a \x01rust\x02 b"));
	CHECK_STR(snip("x", "\x01\x01 x", 24, &b, &m), " \x01x\x02");
	buf_free(&b);
	return test_done("test_snippet");
}
