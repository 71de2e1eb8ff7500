/* provider.h: which OpenAI-compatible endpoint to talk to, and how.
 *
 * Resolution (flags > environment > config file > defaults, docs/cli.md):
 *   provider: BRIEF_LLM_PROVIDER, [llm] provider, else inferred from the base URL's host, else
 *             "gemini" when only GEMINI_API_KEY is set, else "openai".
 *   base URL: BRIEF_LLM_BASE_URL, OPENAI_API_BASE, OPENAI_BASE_URL, [llm] base_url, the preset.
 *   API key:  BRIEF_LLM_API_KEY, OPENAI_API_KEY (GEMINI_API_KEY for gemini), [llm] api_key.
 *   model:    BRIEF_LLM_MODEL, OPENAI_MODEL, [llm] model, the preset's default.
 * Also [llm] concurrency (default 4), timeout (seconds per request, default 60), retries
 * (attempts per request, default 4), deadline (seconds for the run's requests, default 1800),
 * json_schema (true/false: override the preset's support
 * for response_format json_schema).
 * An LLM counts as configured when a key is known, or a base URL was given explicitly, or the
 * provider is a local server (ollama, llamacpp, vllm). Keys are never logged or printed. */
#ifndef BRIEF_AI_LLM_PROVIDER_H
#define BRIEF_AI_LLM_PROVIDER_H

#include "util/config.h"
#include "util/err.h"

struct llm_config {
	char provider[32];
	char base_url[512];  /* without trailing slash, e.g. https://api.openai.com/v1 */
	char api_key[512];   /* may be empty (local servers) */
	char model[128];
	int supports_schema; /* response_format json_schema (else json_object + local validation) */
	int concurrency;     /* requests in flight (default 4) */
	int timeout_s;       /* per request (default 60; more for long answers: llm_timeout_ms) */
	int max_attempts;    /* per request, including the first (default 4) */
	int deadline_s;      /* the run's requests to this endpoint and key, from its first client
	                      * of the process; 0 = none ([llm] deadline, default 1800) */
};

struct llm_preset {
	const char *name;
	const char *base_url;
	const char *model;
	int supports_schema;
	int is_local;
};

/* The preset called name (case-insensitive), or NULL. */
const struct llm_preset *provider_preset(const char *name);
/* All presets; *count set. */
const struct llm_preset *provider_presets(size_t *count);
/* Resolve the configuration. Returns 1 when an LLM is configured, 0 when not (out still holds
 * the defaults), -1 with e set for an invalid setting (unknown provider, bad number). */
int provider_resolve(const struct config *cfg, struct llm_config *out, struct err *e);

#endif
