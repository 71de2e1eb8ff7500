/* provider.c: provider presets and the LLM configuration rules of docs/cli.md. */
#include "ai/llm/provider.h"

#include <stdlib.h>
#include <string.h>

#include "util/str.h"

static const struct llm_preset presets[] = {
	{"openai", "https://api.openai.com/v1", "gpt-4o-mini", 1, 0},
	{"gemini", "https://generativelanguage.googleapis.com/v1beta/openai", "gemini-2.5-flash", 1, 0},
	{"deepseek", "https://api.deepseek.com/v1", "deepseek-chat", 0, 0},
	{"qwen", "https://dashscope.aliyuncs.com/compatible-mode/v1", "qwen-plus", 0, 0},
	{"moonshot", "https://api.moonshot.cn/v1", "moonshot-v1-32k", 0, 0},
	{"ollama", "http://localhost:11434/v1", "llama3.1", 1, 1},
	{"llamacpp", "http://localhost:8080/v1", "default", 1, 1},
	{"vllm", "http://localhost:8000/v1", "default", 1, 1},
};

/* Host fragments that identify a provider when only a base URL is given. */
static const struct {
	const char *host_part, *provider;
} hosts[] = {
	{"api.openai.com", "openai"}, {"generativelanguage.googleapis.com", "gemini"},
	{"deepseek.com", "deepseek"}, {"dashscope", "qwen"}, {"moonshot", "moonshot"},
	{":11434", "ollama"},
};

const struct llm_preset *
provider_presets(size_t *count)
{
	*count = sizeof presets / sizeof presets[0];
	return presets;
}

const struct llm_preset *
provider_preset(const char *name)
{
	if (!name)
		return NULL;
	for (size_t i = 0; i < sizeof presets / sizeof presets[0]; i++)
		if (str_casecmp(presets[i].name, name) == 0)
			return &presets[i];
	if (str_casecmp(name, "llama.cpp") == 0 || str_casecmp(name, "llama-server") == 0)
		return provider_preset("llamacpp");
	if (str_casecmp(name, "dashscope") == 0 || str_casecmp(name, "kimi") == 0)
		return provider_preset(str_casecmp(name, "kimi") == 0 ? "moonshot" : "qwen");
	return NULL;
}

static const char *
env(const char *name)
{
	const char *v = getenv(name);
	return v && *v ? v : NULL;
}

static const char *
first(const char *a, const char *b, const char *c)
{
	return a ? a : b ? b : c;
}

int
provider_resolve(const struct config *cfg, struct llm_config *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	const struct config_values *v = config_values(cfg);
	const char *base = first(env("BRIEF_LLM_BASE_URL"), env("OPENAI_API_BASE"),
	                         first(env("OPENAI_BASE_URL"), v->llm_base_url, NULL));
	const char *env_name = env("BRIEF_LLM_PROVIDER");
	const char *name = first(env_name, v->llm_provider, NULL);
	const char *gemini_key = env("GEMINI_API_KEY");
	if (!name && base)
		for (size_t i = 0; i < sizeof hosts / sizeof hosts[0]; i++)
			if (str_icasestr(base, strlen(base), hosts[i].host_part)) {
				name = hosts[i].provider;
				break;
			}
	if (!name)
		name = gemini_key && !env("OPENAI_API_KEY") && !env("BRIEF_LLM_API_KEY") ? "gemini" : "openai";
	const struct llm_preset *p = provider_preset(name);
	if (!p) { /* named where it was set: the variable, or the file's line */
		char at[1100];
		int is_env = env_name != NULL;
		const char *where = is_env ? "BRIEF_LLM_PROVIDER: " : config_where(cfg, "llm", "provider", at, sizeof at);
		return err_set(e, "%s%sunknown LLM provider \"%s\" (known: openai, gemini, deepseek, qwen, moonshot, "
		                  "ollama, llamacpp, vllm)", where, !is_env && *where ? "config [llm] provider: " : "", name);
	}
	const char *key = first(env("BRIEF_LLM_API_KEY"),
	                        strcmp(p->name, "gemini") == 0 ? first(gemini_key, env("OPENAI_API_KEY"), NULL)
	                                                       : env("OPENAI_API_KEY"),
	                        v->llm_api_key);
	const char *model = first(env("BRIEF_LLM_MODEL"), env("OPENAI_MODEL"), v->llm_model);
	str_copy(out->provider, p->name, sizeof out->provider);
	str_copy(out->base_url, base ? base : p->base_url, sizeof out->base_url);
	size_t bl = strlen(out->base_url);
	while (bl > 0 && out->base_url[bl - 1] == '/')
		out->base_url[--bl] = '\0';
	/* "/chat/completions" pasted in by mistake: keep the /v1 base. */
	if (str_ends(out->base_url, "/chat/completions"))
		out->base_url[bl - strlen("/chat/completions")] = '\0';
	str_copy(out->api_key, key ? key : "", sizeof out->api_key);
	str_copy(out->model, model ? model : p->model, sizeof out->model);
	out->supports_schema = p->supports_schema;
	if (v->llm_json_schema >= 0)
		out->supports_schema = v->llm_json_schema;
	out->concurrency = (int)v->llm_concurrency;
	out->timeout_s = (int)v->llm_timeout;
	out->max_attempts = (int)v->llm_retries;
	out->deadline_s = (int)v->llm_deadline;
	return key || base || p->is_local ? 1 : 0;
}
