/* longform.h: the long-form tasks' prompts and schemas (weekly paragraphs, commentary
 * articles), plugged into prompt.c's task table so they go through the one LLM client. */
#ifndef BRIEF_AI_LONGFORM_H
#define BRIEF_AI_LONGFORM_H

#include "ai/prompt.h"

/* JSON Schemas (text) of the answers. The schema fixes the shape only; what the text must
 * satisfy (sections, length, citations, language) is checked by ai/check after validation. */
extern const char longform_weekly_schema[];
extern const char longform_article_schema[];

/* The fixed system instructions of PROMPT_WEEKLY / PROMPT_ARTICLE in English (en != 0) or
 * for Simplified Chinese output. Static storage. */
const char *longform_system_base(enum prompt_task t, int en);

#endif
