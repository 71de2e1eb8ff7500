/* prompt.h: the tasks' fixed instructions, JSON Schemas and the data blocks sent with them.
 *
 * Layout of every request, chosen for providers' automatic prefix caching: the system message
 * holds only the task's fixed instructions (byte-identical across batches and runs for a
 * given task, version and output language); the user message starts with a fixed preamble and
 * ends with the variable data block. Article text is data, never instructions: it sits
 * between <articles> and </articles>, any look-alike delimiter inside it is neutralised, and
 * the instructions say so. Bump a task's version whenever its instructions or schema change:
 * the version is part of the cache key. */
#ifndef BRIEF_AI_LLM_PROMPT_H
#define BRIEF_AI_LLM_PROMPT_H

#include <jansson.h>
#include <stddef.h>

#include "model.h"
#include "util/buf.h"

/* PROMPT_WEEKLY, PROMPT_COMMENTARY and PROMPT_CLASSIFY (the weekly's news/rumour/open-source
 * labels) are the long-form tasks; their texts live in ai/longform/prompts.c (see below). */
enum prompt_task {
	PROMPT_SCORE,
	PROMPT_ENRICH,
	PROMPT_HIGHLIGHTS,
	PROMPT_WEEKLY,
	PROMPT_COMMENTARY,
	PROMPT_CLASSIFY,
	PROMPT_TASK_COUNT
};

/* The texts of a task owned by a higher unit: its fixed instructions for Simplified Chinese
 * and for English output (the same pointer when they do not differ) and its answer schema. */
struct prompt_text {
	const char *system_zh, *system_en;
	const char *schema;
};

/* The long-form tasks' texts, defined in ai/longform/prompts.c. Declared here, beside the task
 * table that lists them, so this unit needs no header of the long-form unit above it. */
extern const struct prompt_text prompt_weekly_text, prompt_commentary_text, prompt_classify_text;

#define PROMPT_DATA_OPEN "<articles>"
#define PROMPT_DATA_CLOSE "</articles>"

/* "score", "enrich", "highlights" (also the schema name sent in response_format). */
const char *prompt_task_name(enum prompt_task t);
/* The task's prompt version (part of the cache key). */
int prompt_version(enum prompt_task t);
/* The fixed system message for the task in the output language lang ("zh"/"en"; ignored by
 * score). with_schema_text appends the JSON Schema in words for providers that only support
 * json_object. Static storage: the same pointer and bytes every call with the same arguments. */
const char *prompt_system(enum prompt_task t, const char *lang, int with_schema_text);
/* The task's answer schema (a borrowed reference, valid for the process). */
json_t *prompt_schema(enum prompt_task t);
/* Read an entry of a batch answer of task t as the schema means it, before it is checked: a
 * score entry's category written as a section label or a synonym ("Security", "AI/ML", "工程",
 * category_parse) becomes its id, a score written as a string of digits ("8") the number, and
 * a fractional score (7.5, "7.5") the integer it rounds to, half up (8), keywords written as
 * one string ("Rust, compiler", split at , ; ， 、 ；, or a JSON list in the string) the list of
 * its parts; a classify entry's
 * kind written "Rumor", "open-source" or "News" the schema's "rumour", "open_source", "news". Anything else is left as it is, for the schema to refuse (a score of "11" among it). */
void prompt_entry_normalise(enum prompt_task t, json_t *entry);

/* Estimated tokens of s[0..len): ASCII bytes / 4 plus one per non-ASCII code point. */
long prompt_tokens(const char *s, size_t len);
/* Bytes of the longest prefix of s within max_tokens (estimated), ending at a word boundary
 * when one is near, never splitting a UTF-8 sequence. */
size_t prompt_cut(const char *s, size_t len, long max_tokens);

/* Append one article's body (title, source, text cut at text_tokens) with delimiters
 * neutralised, without its id: the exact bytes that are both sent and hashed for the cache. */
void prompt_article_body(struct buf *out, const struct article *a, long text_tokens);
/* Start a user message: the fixed preamble and PROMPT_DATA_OPEN. */
void prompt_user_begin(struct buf *out);
/* Append <article id="ID"> body </article>. */
void prompt_user_article(struct buf *out, const char *id, const char *body);
/* Close the data block. */
void prompt_user_end(struct buf *out);

#endif
