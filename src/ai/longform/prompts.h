/* prompts.h: the long-form tasks' prompts and schemas (weekly paragraphs, commentary
 * articles), plugged into ai/llm/prompt.c's task table so they go through the one LLM client. */
#ifndef BRIEF_AI_LONGFORM_PROMPTS_H
#define BRIEF_AI_LONGFORM_PROMPTS_H

#include "ai/llm/prompt.h"
#include "model.h"
#include "util/buf.h"

/* The tasks' instructions and JSON Schemas are the prompt_*_text of ai/llm/prompt.h, defined in
 * prompts.c. A schema fixes the shape only; what the text must satisfy (sections, length,
 * citations, language) is checked by ai/longform/check.c after validation. */

/* Append source a to a long-form request's data block as <article id="ID"> (head, e.g. a
 * "date: ..." line, then prompt_article_body with text cut at text_tokens), and the same
 * body plus a newline to terms (the text the language check accepts names from). */
void longform_source(struct buf *user, struct buf *terms, size_t id, const char *head, const struct article *a,
                     long text_tokens);

#endif
