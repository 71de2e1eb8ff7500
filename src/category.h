/* category.h: the six digest categories: ids (as the LLM and JSON use them), labels, emoji. */
#ifndef BRIEF_CATEGORY_H
#define BRIEF_CATEGORY_H

#include "model.h"

/* "ai-ml", "security", "engineering", "tools", "opinion", "other". */
const char *category_id(enum category c);
/* Label in the reader's language ("zh" or "en"), without emoji: "AI / ML", "安全", ... */
const char *category_label(enum category c, const char *lang);
/* The emoji seed 000 uses: 🤖 🔒 ⚙️ 🛠 💡 📝 */
const char *category_emoji(enum category c);
/* Parse an id (case-insensitive; also accepts the section labels in either language, "安全",
 * "Tools / Open Source", and a few obvious synonyms such as "ai", "ml", "tooling",
 * "open-source", "工具"). Returns 0 and sets *out, or -1 when unknown. */
int category_parse(const char *id, enum category *out);

#endif
