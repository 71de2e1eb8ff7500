/* category.c: the six digest categories. */
#include "category.h"

#include <string.h>

#include "util/str.h"

static const struct {
	const char *id;
	const char *zh;
	const char *en;
	const char *emoji;
} categories[CAT_COUNT] = {
	[CAT_AI_ML] = {"ai-ml", "AI / ML", "AI / ML", "🤖"},
	[CAT_SECURITY] = {"security", "安全", "Security", "🔒"},
	[CAT_ENGINEERING] = {"engineering", "工程", "Engineering", "⚙️"},
	[CAT_TOOLS] = {"tools", "工具 / 开源", "Tools / Open Source", "🛠"},
	[CAT_OPINION] = {"opinion", "观点 / 杂谈", "Opinion / Essays", "💡"},
	[CAT_OTHER] = {"other", "其他", "Other", "📝"},
};

const char *
category_id(enum category c)
{
	return (unsigned)c < CAT_COUNT ? categories[c].id : "other";
}

const char *
category_label(enum category c, const char *lang)
{
	if ((unsigned)c >= CAT_COUNT)
		c = CAT_OTHER;
	return lang && strcmp(lang, "en") == 0 ? categories[c].en : categories[c].zh;
}

const char *
category_emoji(enum category c)
{
	return (unsigned)c < CAT_COUNT ? categories[c].emoji : categories[CAT_OTHER].emoji;
}

int
category_parse(const char *id, enum category *out)
{
	static const struct {
		const char *name;
		enum category c;
	} synonyms[] = {
		{"ai", CAT_AI_ML}, {"ml", CAT_AI_ML}, {"ai/ml", CAT_AI_ML}, {"ai_ml", CAT_AI_ML},
		{"sec", CAT_SECURITY}, {"tool", CAT_TOOLS}, {"tooling", CAT_TOOLS},
		{"open-source", CAT_TOOLS}, {"opensource", CAT_TOOLS}, {"essay", CAT_OPINION},
		{"opinions", CAT_OPINION}, {"人工智能", CAT_AI_ML}, {"工具", CAT_TOOLS}, {"开源", CAT_TOOLS},
		{"观点", CAT_OPINION}, {"杂谈", CAT_OPINION}, {"其它", CAT_OTHER},
	};
	if (!id)
		return -1;
	for (int c = 0; c < CAT_COUNT; c++)
		if (str_casecmp(id, categories[c].id) == 0 || str_casecmp(id, categories[c].zh) == 0 ||
		    str_casecmp(id, categories[c].en) == 0) {
			*out = (enum category)c;
			return 0;
		}
	for (size_t i = 0; i < sizeof synonyms / sizeof synonyms[0]; i++)
		if (str_casecmp(id, synonyms[i].name) == 0) {
			*out = synonyms[i].c;
			return 0;
		}
	return -1;
}
