/* test_weekly_llm.c: `brief weekly` with the LLM stand-in: the model scores the stories and
 * writes the per-story summaries the paragraphs quote (golden), a rerun is served from the
 * cache, and the post keeps seed 001's sections and its reference list. */
#include <stdio.h>
#include <string.h>

#include "llmserver.h"
#include "testlib.h"
#include "wfixture.h"

int
main(void)
{
	char home[4096], base[600];
	snprintf(home, sizeof home, "%s/home", test_tmpdir());
	wfx_make_home(home);
	struct llmsrv_opts so = {0};
	struct llmsrv *srv = llmsrv_start(&so);
	CHECK(srv != NULL);
	if (!srv)
		return test_done("test_weekly_llm");
	snprintf(base, sizeof base, "BRIEF_LLM_BASE_URL=%s", llmsrv_base_url(srv));
	const char *env[] = {base, "BRIEF_LLM_API_KEY=test-key", "BRIEF_LLM_MODEL=stand-in", NULL};
	const char *args[] = {"weekly", "--home", home, "--no-fetch", "--now", WFX_NOW, "--config",
	                      wfx_path("weekly", "weekly.conf"), NULL};
	struct buf out = BUF_INIT, err = BUF_INIT, again = BUF_INIT;
	CHECK_INT(wfx_brief(args, env, &out, &err), 0);
	wfx_golden("weekly", "llm-zh.md", buf_str(&out));
	CHECK(strstr(buf_str(&out), "调用模型 stand-in") != NULL);
	static const char *const order[] = {"\n# 一、科技新闻\n", "\n### 1. ", "\n# 二、小道消息\n", "\n# 三、开源项目\n",
	                                    "\n# 参考资料\n", "(https://openai.example/blog/gpt-4-5)"};
	const char *p = buf_str(&out);
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		const char *hit = strstr(p, order[i]);
		CHECK(hit != NULL);
		if (hit)
			p = hit;
	}
	struct llmsrv_stats before, after;
	llmsrv_get_stats(srv, &before);
	CHECK(before.requests > 0);
	CHECK_INT(wfx_brief(args, env, &again, &err), 0);
	llmsrv_get_stats(srv, &after);
	CHECK_INT(after.requests, before.requests);
	CHECK_STR(buf_str(&again), buf_str(&out));
	llmsrv_stop(srv);
	buf_free(&out);
	buf_free(&err);
	buf_free(&again);
	return test_done("test_weekly_llm");
}
