/* schema.h: structured answers: tolerant JSON extraction and validation against the JSON Schema
 * subset the tasks use (type, properties, required, additionalProperties: false, items, enum,
 * minItems, maxItems, minimum, maximum, minLength). The same schema is sent to the provider
 * (response_format json_schema, strict) and checked here, so both sides agree by construction. */
#ifndef BRIEF_AI_LLM_SCHEMA_H
#define BRIEF_AI_LLM_SCHEMA_H

#include <jansson.h>
#include <stddef.h>

/* Find the JSON object in a model's answer: the whole text, else the inside of a ``` fence
 * (```json or plain), else the first '{' to its matching '}' (string-aware) when prose
 * surrounds it. Returns a new reference, or NULL when no parseable object is there. The
 * search through prose is bounded (scanning and parsing at most 8 times the answer's length
 * plus 1 MiB), so a hostile answer of many stray braces costs linear time and is rejected.
 * A bare NaN or (±)Infinity outside strings, which JSON lacks, is read as null first, so
 * the entry that holds one fails its schema alone. A reasoning model's thoughts before the
 * answer (a <think>, <thinking> or <reasoning> block, its open tag possibly missing) are
 * passed over: the object is looked for after them first, then in the whole text. */
json_t *schema_extract(const char *content, size_t len);
/* Find a JSON array in a model's answer the same way (a model asked for {"items": [...]} that
 * answered the list alone). Returns a new reference, or NULL. */
json_t *schema_extract_list(const char *content, size_t len);
/* The whole entries of a list of objects that an answer cut at the token cap opens but never
 * closes ({"items":[{...},{...},{"i":"a3","r": ...): the objects of the first list that starts
 * with one (after a reasoning model's thoughts when there are some), in order, up to the first
 * that is cut or does not parse. Returns a new array with at least one entry, or NULL. */
json_t *schema_extract_cut_list(const char *content, size_t len);
/* Check value against schema. Returns 0, or -1 with a one-line reason (a JSON path and what
 * was wrong) in why. */
int schema_validate(const json_t *schema, const json_t *value, char *why, size_t why_size);
/* The value of a JSON Schema "integer": a JSON integer, or a real with no fractional part
 * (8.0: some models write integers so) within ±2^53, where every such double is exact. Returns
 * 1 with *out set, or 0 for anything else (a fraction, a real out of that range, no number). */
int schema_integer(const json_t *v, long long *out);

#endif
