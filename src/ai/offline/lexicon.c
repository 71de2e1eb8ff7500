/* lexicon.c: the built-in technology lexicon (data), kept sorted so lookups are bsearch. */
#include "ai/offline/lexicon.h"

#include <stdlib.h>
#include <string.h>

#define AI CAT_AI_ML
#define SEC CAT_SECURITY
#define ENG CAT_ENGINEERING
#define TOOL CAT_TOOLS
#define OPI CAT_OPINION
#define OTH CAT_OTHER

/* Sorted by term (byte order). A test checks the order. */
static const struct lexicon_entry ascii_entries[] = {
	{"agent", "agents", AI, 2},
	{"agentic", "agents", AI, 2},
	{"agents", "agents", AI, 2},
	{"ai", "ai", AI, 2},
	{"algorithm", "algorithms", ENG, 1},
	{"algorithms", "algorithms", ENG, 1},
	{"android", "android", TOOL, 1},
	{"anthropic", "anthropic", AI, 3},
	{"api", "api", ENG, 1},
	{"apis", "api", ENG, 1},
	{"apple", "apple", OTH, 1},
	{"architecture", "architecture", ENG, 1},
	{"arm64", "arm", ENG, 1},
	{"artificial intelligence", "ai", AI, 3},
	{"asic", "hardware", ENG, 2},
	{"assembly", "assembly", ENG, 2},
	{"async", "async", ENG, 2},
	{"attack", "attack", SEC, 2},
	{"attackers", "attack", SEC, 2},
	{"authentication", "authentication", SEC, 2},
	{"aws", "aws", ENG, 2},
	{"backdoor", "backdoor", SEC, 3},
	{"backend", "backend", ENG, 1},
	{"bash", "shell", TOOL, 1},
	{"benchmark", "benchmark", ENG, 2},
	{"benchmarks", "benchmark", ENG, 2},
	{"botnet", "botnet", SEC, 3},
	{"browser", "browser", TOOL, 1},
	{"bug", "bugs", ENG, 1},
	{"bugs", "bugs", ENG, 1},
	{"c", "c", ENG, 1},
	{"c++", "c++", ENG, 2},
	{"cache", "caching", ENG, 1},
	{"caching", "caching", ENG, 2},
	{"chatgpt", "chatgpt", AI, 3},
	{"chip", "hardware", ENG, 1},
	{"chips", "hardware", ENG, 1},
	{"chrome", "chrome", TOOL, 1},
	{"ci", "ci", TOOL, 1},
	{"clang", "clang", TOOL, 2},
	{"claude", "claude", AI, 3},
	{"claude code", "claude code", AI, 3},
	{"cli", "cli", TOOL, 2},
	{"cloud", "cloud", ENG, 1},
	{"cloudflare", "cloudflare", ENG, 2},
	{"code review", "code review", ENG, 2},
	{"codex", "codex", AI, 3},
	{"coding agent", "coding agents", AI, 3},
	{"coding agents", "coding agents", AI, 3},
	{"compiler", "compilers", ENG, 3},
	{"compilers", "compilers", ENG, 3},
	{"concurrency", "concurrency", ENG, 2},
	{"container", "containers", ENG, 1},
	{"containers", "containers", ENG, 1},
	{"copilot", "copilot", AI, 3},
	{"cpu", "cpu", ENG, 2},
	{"crypto", "cryptography", SEC, 1},
	{"cryptography", "cryptography", SEC, 3},
	{"css", "css", ENG, 2},
	{"cuda", "cuda", AI, 2},
	{"cursor", "cursor", AI, 1},
	{"cve", "cve", SEC, 3},
	{"cyberattack", "cyberattack", SEC, 3},
	{"cybersecurity", "cybersecurity", SEC, 3},
	{"data breach", "data breach", SEC, 3},
	{"database", "database", ENG, 3},
	{"databases", "database", ENG, 3},
	{"debian", "debian", TOOL, 2},
	{"debugger", "debugging", TOOL, 2},
	{"debugging", "debugging", ENG, 2},
	{"deep learning", "deep learning", AI, 3},
	{"deepseek", "deepseek", AI, 3},
	{"devops", "devops", ENG, 2},
	{"diffusion", "diffusion", AI, 2},
	{"distributed systems", "distributed systems", ENG, 3},
	{"docker", "docker", TOOL, 2},
	{"editor", "editor", TOOL, 1},
	{"elixir", "elixir", ENG, 2},
	{"emacs", "emacs", TOOL, 2},
	{"embedding", "embeddings", AI, 2},
	{"embeddings", "embeddings", AI, 2},
	{"encryption", "encryption", SEC, 3},
	{"exploit", "exploit", SEC, 3},
	{"exploits", "exploit", SEC, 3},
	{"fine-tuning", "fine-tuning", AI, 3},
	{"firefox", "firefox", TOOL, 2},
	{"firmware", "firmware", ENG, 2},
	{"fpga", "fpga", ENG, 2},
	{"framework", "frameworks", TOOL, 1},
	{"frontend", "frontend", ENG, 1},
	{"functional programming", "functional programming", ENG, 3},
	{"fuzzing", "fuzzing", SEC, 2},
	{"gcc", "gcc", TOOL, 2},
	{"gemini", "gemini", AI, 3},
	{"generative ai", "generative ai", AI, 3},
	{"git", "git", TOOL, 2},
	{"github", "github", TOOL, 2},
	{"go", "go", ENG, 1},
	{"golang", "go", ENG, 3},
	{"google", "google", OTH, 1},
	{"gpt", "gpt", AI, 3},
	{"gpu", "gpu", AI, 2},
	{"gpus", "gpu", AI, 2},
	{"graphql", "graphql", ENG, 2},
	{"hacker", "hacking", SEC, 1},
	{"hackers", "hacking", SEC, 2},
	{"hacking", "hacking", SEC, 2},
	{"hardware", "hardware", ENG, 2},
	{"haskell", "haskell", ENG, 3},
	{"html", "html", ENG, 1},
	{"http", "http", ENG, 1},
	{"hugging face", "hugging face", AI, 3},
	{"ide", "ide", TOOL, 2},
	{"inference", "inference", AI, 3},
	{"ios", "ios", TOOL, 1},
	{"java", "java", ENG, 2},
	{"javascript", "javascript", ENG, 2},
	{"jit", "jit", ENG, 2},
	{"kernel", "kernel", ENG, 2},
	{"kotlin", "kotlin", ENG, 2},
	{"kubernetes", "kubernetes", ENG, 3},
	{"language model", "llm", AI, 3},
	{"language models", "llm", AI, 3},
	{"latency", "performance", ENG, 1},
	{"library", "libraries", TOOL, 1},
	{"linux", "linux", TOOL, 2},
	{"lisp", "lisp", ENG, 2},
	{"llama", "llama", AI, 3},
	{"llama.cpp", "llama.cpp", AI, 3},
	{"llm", "llm", AI, 3},
	{"llms", "llm", AI, 3},
	{"machine learning", "machine learning", AI, 3},
	{"macos", "macos", TOOL, 1},
	{"malware", "malware", SEC, 3},
	{"mcp", "mcp", AI, 2},
	{"memory safety", "memory safety", SEC, 2},
	{"mfa", "mfa", SEC, 3},
	{"microservices", "microservices", ENG, 2},
	{"mistral", "mistral", AI, 3},
	{"ml", "machine learning", AI, 2},
	{"model", "models", AI, 1},
	{"models", "models", AI, 1},
	{"mysql", "mysql", ENG, 2},
	{"neural network", "neural networks", AI, 3},
	{"neural networks", "neural networks", AI, 3},
	{"nginx", "nginx", TOOL, 2},
	{"node.js", "node.js", ENG, 2},
	{"npm", "npm", TOOL, 2},
	{"nvidia", "nvidia", AI, 2},
	{"ocaml", "ocaml", ENG, 2},
	{"ollama", "ollama", AI, 3},
	{"open source", "open source", TOOL, 2},
	{"open-source", "open source", TOOL, 2},
	{"openai", "openai", AI, 3},
	{"openbsd", "openbsd", TOOL, 2},
	{"operating system", "operating systems", ENG, 2},
	{"optimization", "optimization", ENG, 1},
	{"password", "passwords", SEC, 2},
	{"passwords", "passwords", SEC, 2},
	{"patch", "patch", SEC, 1},
	{"performance", "performance", ENG, 2},
	{"phishing", "phishing", SEC, 3},
	{"php", "php", ENG, 2},
	{"postgres", "postgresql", ENG, 3},
	{"postgresql", "postgresql", ENG, 3},
	{"privacy", "privacy", SEC, 2},
	{"programming", "programming", ENG, 2},
	{"programming language", "programming languages", ENG, 3},
	{"programming languages", "programming languages", ENG, 3},
	{"prompt", "prompts", AI, 2},
	{"prompt injection", "prompt injection", SEC, 3},
	{"prompts", "prompts", AI, 2},
	{"protocol", "protocols", ENG, 1},
	{"python", "python", ENG, 2},
	{"pytorch", "pytorch", AI, 3},
	{"qwen", "qwen", AI, 3},
	{"rag", "rag", AI, 2},
	{"ransomware", "ransomware", SEC, 3},
	{"react", "react", ENG, 2},
	{"redis", "redis", ENG, 2},
	{"refactoring", "refactoring", ENG, 2},
	{"reinforcement learning", "reinforcement learning", AI, 3},
	{"release", "release", TOOL, 1},
	{"released", "release", TOOL, 1},
	{"reverse engineering", "reverse engineering", SEC, 2},
	{"risc-v", "risc-v", ENG, 2},
	{"ruby", "ruby", ENG, 2},
	{"rust", "rust", ENG, 3},
	{"scaling", "scaling", ENG, 1},
	{"scam", "scams", SEC, 2},
	{"security", "security", SEC, 2},
	{"semiconductor", "semiconductors", ENG, 2},
	{"server", "servers", ENG, 1},
	{"shell", "shell", TOOL, 1},
	{"software", "software", ENG, 1},
	{"software engineering", "software engineering", ENG, 3},
	{"spam", "spam", SEC, 1},
	{"sql", "sql", ENG, 2},
	{"sqlite", "sqlite", ENG, 3},
	{"ssd", "storage", ENG, 1},
	{"startup", "startups", OPI, 1},
	{"startups", "startups", OPI, 1},
	{"supply chain attack", "supply chain attack", SEC, 3},
	{"swift", "swift", ENG, 2},
	{"terminal", "terminal", TOOL, 2},
	{"testing", "testing", ENG, 2},
	{"tls", "tls", SEC, 2},
	{"token", "tokens", AI, 1},
	{"tokens", "tokens", AI, 1},
	{"tool", "tools", TOOL, 1},
	{"tooling", "tooling", TOOL, 2},
	{"training", "training", AI, 1},
	{"transformer", "transformers", AI, 3},
	{"transformers", "transformers", AI, 3},
	{"typescript", "typescript", ENG, 2},
	{"ubuntu", "ubuntu", TOOL, 2},
	{"unicode", "unicode", ENG, 2},
	{"unix", "unix", ENG, 2},
	{"vim", "vim", TOOL, 2},
	{"virtual machine", "virtual machines", ENG, 2},
	{"vs code", "vs code", TOOL, 2},
	{"vscode", "vs code", TOOL, 2},
	{"vulnerabilities", "vulnerabilities", SEC, 3},
	{"vulnerability", "vulnerabilities", SEC, 3},
	{"wasm", "webassembly", ENG, 2},
	{"web", "web", ENG, 1},
	{"webassembly", "webassembly", ENG, 3},
	{"win32", "win32", ENG, 2},
	{"windows", "windows", ENG, 1},
	{"zero-day", "zero-day", SEC, 3},
	{"zig", "zig", ENG, 3},
};

static const struct lexicon_entry cjk_entries[] = {
	{"人工智能", "ai", AI, 3},     {"大模型", "llm", AI, 3},        {"大语言模型", "llm", AI, 3},
	{"机器学习", "machine learning", AI, 3}, {"深度学习", "deep learning", AI, 3},
	{"智能体", "agents", AI, 2},   {"推理", "inference", AI, 1},    {"安全", "security", SEC, 2},
	{"漏洞", "vulnerabilities", SEC, 3}, {"攻击", "attack", SEC, 2}, {"加密", "encryption", SEC, 2},
	{"隐私", "privacy", SEC, 2},   {"数据库", "database", ENG, 3},  {"编译器", "compilers", ENG, 3},
	{"编程", "programming", ENG, 2}, {"架构", "architecture", ENG, 1}, {"性能", "performance", ENG, 2},
	{"开源", "open source", TOOL, 2}, {"工具", "tools", TOOL, 1},   {"芯片", "hardware", ENG, 2},
	{"操作系统", "operating systems", ENG, 2},
};

static const char *const opinion_cues[] = {
	"believe", "career", "culture", "essay", "feel", "felt", "i", "i'm", "life", "me", "my", "myself",
	"opinion", "personal", "reflections", "society", "thoughts", "why", "writing",
};

static const char *const news_cues[] = {
	"acquires", "acquisition", "announced", "announces", "breach", "cve", "launch", "launched", "launches",
	"release", "released", "releases", "today", "unveils",
};

const struct lexicon_entry *
lexicon_ascii(size_t *count)
{
	*count = sizeof ascii_entries / sizeof ascii_entries[0];
	return ascii_entries;
}

const struct lexicon_entry *
lexicon_cjk(size_t *count)
{
	*count = sizeof cjk_entries / sizeof cjk_entries[0];
	return cjk_entries;
}

static int
cmp_entry(const void *key, const void *elem)
{
	return strcmp((const char *)key, ((const struct lexicon_entry *)elem)->term);
}

const struct lexicon_entry *
lexicon_find(const char *term)
{
	return bsearch(term, ascii_entries, sizeof ascii_entries / sizeof ascii_entries[0], sizeof ascii_entries[0],
	               cmp_entry);
}

static int
cmp_str(const void *key, const void *elem)
{
	return strcmp((const char *)key, *(const char *const *)elem);
}

int
lexicon_is_opinion_cue(const char *w)
{
	return bsearch(w, opinion_cues, sizeof opinion_cues / sizeof opinion_cues[0], sizeof opinion_cues[0],
	               cmp_str) != NULL;
}

int
lexicon_is_news_cue(const char *w)
{
	return bsearch(w, news_cues, sizeof news_cues / sizeof news_cues[0], sizeof news_cues[0], cmp_str) != NULL;
}
