/* schema.c: JSON extraction from model answers and a small JSON Schema validator. */
#include "ai/llm/schema.h"

#include <stdio.h>
#include <string.h>

#include "util/buf.h"
#include "util/str.h"

/* How many times its length an answer's search for an object in prose may scan. */
#define SCAN_BUDGET_FACTOR 8

/* s[0..len) parsed as JSON when it is an object (open '{') or an array (open '['), else NULL. */
static json_t *
parse_value(const char *s, size_t len, char open)
{
	json_t *v = json_loadb(s, len, JSON_REJECT_DUPLICATES, NULL);
	if (v && !(open == '{' ? json_is_object(v) : json_is_array(v))) {
		json_decref(v);
		return NULL;
	}
	return v;
}

/* The end of the JSON value that starts with open ('{' or '[') at s (exclusive), honouring
 * strings, or NULL when it is never closed or the scan would pass *budget bytes (each byte
 * scanned is taken from *budget). */
static const char *
match_brace(const char *s, const char *end, size_t *budget, char open)
{
	char close = open == '{' ? '}' : ']';
	int depth = 0, in_string = 0;
	for (const char *p = s; p < end; p++) {
		if (*budget == 0)
			return NULL;
		--*budget;
		if (in_string) {
			if (*p == '\\')
				p++;
			else if (*p == '"')
				in_string = 0;
			continue;
		}
		if (*p == '"')
			in_string = 1;
		else if (*p == open)
			depth++;
		else if (*p == close && --depth == 0)
			return p + 1;
	}
	return NULL;
}

static int
is_word_byte(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* Whether s[i..n) starts the bare word w (not part of a longer identifier). */
static int
bare_word(const char *s, size_t n, size_t i, const char *w)
{
	size_t wl = strlen(w);
	if (n - i < wl || memcmp(s + i, w, wl) != 0)
		return 0;
	if (i > 0 && is_word_byte(s[i - 1]))
		return 0;
	return i + wl == n || !is_word_byte(s[i + wl]);
}

/* s with every bare NaN, Infinity, -Infinity and +Infinity outside strings written as null
 * into out (a model's "score" of NaN, which JSON has no word for). Returns how many. */
static int
nonfinite_as_null(const char *s, size_t n, struct buf *out)
{
	static const char *const words[] = {"-Infinity", "+Infinity", "Infinity", "NaN"};
	int in_string = 0, count = 0;
	for (size_t i = 0; i < n;) {
		if (in_string) {
			if (s[i] == '\\' && i + 1 < n) {
				buf_append(out, s + i, 2);
				i += 2;
				continue;
			}
			in_string = s[i] != '"';
		} else if (s[i] == '"') {
			in_string = 1;
		} else {
			size_t k = 0;
			while (k < sizeof words / sizeof *words && !bare_word(s, n, i, words[k]))
				k++;
			if (k < sizeof words / sizeof *words) {
				buf_puts(out, "null");
				i += strlen(words[k]);
				count++;
				continue;
			}
		}
		buf_append(out, s + i, 1);
		i++;
	}
	return count;
}

static json_t *extract(const char *content, size_t len, char open);
static json_t *extract_readable(const char *content, size_t len, char open);

/* The tags of a reasoning model's thoughts block (after_thoughts, schema_extract_cut_list). */
static const struct {
	const char *open, *close;
} thought_tags[] = {{"<think>", "</think>"}, {"<thinking>", "</thinking>"}, {"<reasoning>", "</reasoning>"}};

/* The answer after a reasoning model's thoughts: content[0..len) past the first close tag of a
 * <think>, <thinking> or <reasoning> block (the open tag may be missing: some chat templates
 * write it into the prompt), or NULL when the answer has no such block or starts as JSON does
 * (a close tag quoted inside the answer's strings is no end of thoughts). */
static const char *
after_thoughts(const char *content, size_t len)
{
	const char *s = content;
	size_t n = len;
	str_trim(&s, &n);
	if (n == 0 || *s == '{' || *s == '[' || *s == '`')
		return NULL;
	const char *first = NULL;
	for (size_t k = 0; k < sizeof thought_tags / sizeof *thought_tags; k++) {
		const char *c = str_icasestr(s, n, thought_tags[k].close);
		if (c && (!first || c < first))
			first = c + strlen(thought_tags[k].close);
	}
	return first;
}

/* The object (open '{') or array (open '[') in content, as schema_extract finds it. */
static json_t *
find_value(const char *content, size_t len, char open)
{
	if (!content)
		return NULL;
	/* A reasoning model (DeepSeek-R1, Qwen3, QwQ served without a reasoning parser) writes its
	 * thoughts before the answer, and they often hold a draft or an example of the object
	 * ({"i": "a1"}): the search through prose took that for the answer, which failed the schema
	 * on every attempt, so every batch went to the offline engine. The answer after the
	 * thoughts is read first, the whole text when nothing is there. */
	const char *rest = after_thoughts(content, len);
	json_t *v = rest ? extract_readable(rest, len - (size_t)(rest - content), open) : NULL;
	return v ? v : extract_readable(content, len, open);
}

json_t *
schema_extract(const char *content, size_t len)
{
	return find_value(content, len, '{');
}

json_t *
schema_extract_list(const char *content, size_t len)
{
	return find_value(content, len, '[');
}

/* s advanced past JSON whitespace, never beyond end. */
static const char *
skip_space(const char *s, const char *end)
{
	while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'))
		s++;
	return s;
}

/* The objects of the list that opens at list ('[') in s..end, appended to out, up to the
 * first that is not closed before end or does not parse. */
static void
whole_entries(const char *list, const char *end, json_t *out)
{
	size_t budget = (size_t)(end - list) + 1; /* one pass: the entries follow each other */
	for (const char *p = skip_space(list + 1, end); p < end && *p == '{';) {
		const char *q = match_brace(p, end, &budget, '{');
		json_t *entry = q ? parse_value(p, (size_t)(q - p), '{') : NULL;
		if (!entry)
			return;
		json_array_append_new(out, entry);
		p = skip_space(q, end);
		if (p >= end || *p != ',')
			return;
		p = skip_space(p + 1, end);
	}
}

json_t *
schema_extract_cut_list(const char *content, size_t len)
{
	if (!content)
		return NULL;
	/* Past the thoughts: a reasoning model drafts entries there too, so an answer cut while it
	 * was still thinking (an open tag never closed) has no entry yet. */
	const char *from = after_thoughts(content, len);
	for (size_t k = 0; !from && k < sizeof thought_tags / sizeof *thought_tags; k++)
		if (str_icasestr(content, len, thought_tags[k].open))
			return NULL;
	const char *s = from ? from : content, *end = content + len;
	struct buf clean = BUF_INIT; /* bare NaN as null, as schema_extract reads it */
	if (nonfinite_as_null(s, (size_t)(end - s), &clean) > 0) {
		s = buf_str(&clean);
		end = s + clean.len;
	}
	json_t *out = json_array();
	for (const char *p = memchr(s, '[', (size_t)(end - s)); p; p = memchr(p + 1, '[', (size_t)(end - p - 1))) {
		if (p + 1 >= end)
			break;
		const char *first = skip_space(p + 1, end);
		if (first < end && *first == '{') { /* the first list of objects: the entries */
			whole_entries(p, end, out);
			break;
		}
	}
	buf_free(&clean);
	if (json_array_size(out) == 0) {
		json_decref(out);
		return NULL;
	}
	return out;
}

/* extract on content[0..len) with its bare non-finite numbers read as null. */
static json_t *
extract_readable(const char *content, size_t len, char open)
{
	/* One entry's NaN made the whole answer unparseable (or the search in prose took the
	 * next entry for the answer), so the whole batch was asked again: read as null, it fails
	 * that entry's schema alone (llm.c asks again for that article). */
	struct buf clean = BUF_INIT;
	json_t *v = nonfinite_as_null(content, len, &clean) > 0 ? extract(buf_str(&clean), clean.len, open)
	                                                         : extract(content, len, open);
	buf_free(&clean);
	return v;
}

/* find_value on the answer as it came, its thoughts included. */
static json_t *
extract(const char *content, size_t len, char open)
{
	const char *s = content;
	size_t n = len;
	str_trim(&s, &n);
	json_t *v = parse_value(s, n, open);
	if (v)
		return v;
	const char *end = s + n;
	/* A fenced block: ```json ... ``` */
	const char *fence = str_icasestr(s, n, "```");
	if (fence) {
		const char *body = fence + 3;
		while (body < end && *body != '\n')
			body++;
		const char *close = body < end ? str_icasestr(body, (size_t)(end - body), "```") : NULL;
		if (close) {
			const char *b = body;
			size_t bl = (size_t)(close - body);
			str_trim(&b, &bl);
			if ((v = parse_value(b, bl, open)))
				return v;
		}
	}
	/* Prose around the object: try each '{' in turn. Each try scans to its matching '}' and
	 * parses that much, so an answer of many unclosed or nested braces would cost time
	 * quadratic in its length (a 60 KB run of '{' took minutes in fuzz_answer); the tries
	 * together may scan and parse SCAN_BUDGET_FACTOR times the answer plus 1 MiB, after
	 * which the answer has no object. */
	size_t budget = SCAN_BUDGET_FACTOR * n + ((size_t)1 << 20);
	for (const char *p = memchr(s, open, n); p && budget > 0; p = memchr(p + 1, open, (size_t)(end - p - 1))) {
		const char *q = match_brace(p, end, &budget, open);
		if (q) {
			size_t span = (size_t)(q - p);
			budget = budget > span ? budget - span : 0;
			if ((v = parse_value(p, span, open)))
				return v;
		}
		if (p + 1 >= end)
			break;
	}
	return NULL;
}

static int
fail(char *why, size_t size, const char *path, const char *what)
{
	snprintf(why, size, "%s: %s", *path ? path : "(root)", what);
	return -1;
}

int
schema_integer(const json_t *v, long long *out)
{
	if (json_is_integer(v)) {
		*out = (long long)json_integer_value(v);
		return 1;
	}
	if (!json_is_real(v))
		return 0;
	/* The range first: converting a double outside long long's range is undefined. */
	double d = json_real_value(v);
	if (!(d >= -9007199254740992.0 && d <= 9007199254740992.0) || d != (double)(long long)d)
		return 0;
	*out = (long long)d;
	return 1;
}

static int
type_ok(const char *type, const json_t *v)
{
	if (strcmp(type, "object") == 0)
		return json_is_object(v);
	if (strcmp(type, "array") == 0)
		return json_is_array(v);
	if (strcmp(type, "string") == 0)
		return json_is_string(v);
	if (strcmp(type, "integer") == 0)
		return schema_integer(v, &(long long){0});
	if (strcmp(type, "number") == 0)
		return json_is_number(v);
	if (strcmp(type, "boolean") == 0)
		return json_is_boolean(v);
	if (strcmp(type, "null") == 0)
		return json_is_null(v);
	return 0;
}

static int
validate(const json_t *schema, const json_t *v, const char *path, char *why, size_t size)
{
	if (!json_is_object(schema))
		return 0;
	const json_t *type = json_object_get(schema, "type");
	if (json_is_string(type) && !type_ok(json_string_value(type), v))
		return fail(why, size, path, "wrong type");
	if (json_is_array(type)) {
		size_t i;
		const json_t *t;
		int ok = 0;
		json_array_foreach(type, i, t) ok |= json_is_string(t) && type_ok(json_string_value(t), v);
		if (!ok)
			return fail(why, size, path, "wrong type");
	}
	const json_t *en = json_object_get(schema, "enum");
	if (json_is_array(en)) {
		size_t i;
		const json_t *opt;
		int ok = 0;
		json_array_foreach(en, i, opt) ok |= json_equal((json_t *)opt, (json_t *)v) ||
		                                   (json_is_number(opt) && json_is_number(v) &&
		                                    json_number_value(opt) == json_number_value(v));
		if (!ok)
			return fail(why, size, path, "not one of the allowed values");
	}
	if (json_is_number(v)) {
		const json_t *min = json_object_get(schema, "minimum"), *max = json_object_get(schema, "maximum");
		if (json_is_number(min) && json_number_value(v) < json_number_value(min))
			return fail(why, size, path, "below minimum");
		if (json_is_number(max) && json_number_value(v) > json_number_value(max))
			return fail(why, size, path, "above maximum");
	}
	if (json_is_string(v)) {
		const json_t *minl = json_object_get(schema, "minLength");
		if (json_is_integer(minl) && (json_int_t)json_string_length(v) < json_integer_value(minl))
			return fail(why, size, path, "string too short");
	}
	char sub[256];
	if (json_is_object(v)) {
		const json_t *props = json_object_get(schema, "properties");
		const json_t *req = json_object_get(schema, "required");
		size_t i;
		const json_t *r;
		json_array_foreach(req, i, r) if (json_is_string(r) && !json_object_get(v, json_string_value(r)))
		{
			snprintf(sub, sizeof sub, "missing \"%s\"", json_string_value(r));
			return fail(why, size, path, sub);
		}
		const char *key;
		const json_t *val;
		const json_t *addl = json_object_get(schema, "additionalProperties");
		json_object_foreach((json_t *)v, key, val)
		{
			const json_t *ps = props ? json_object_get(props, key) : NULL;
			snprintf(sub, sizeof sub, "%s.%s", path, key);
			if (!ps) {
				if (json_is_false(addl))
					return fail(why, size, sub, "unexpected property");
				continue;
			}
			if (validate(ps, val, sub, why, size) < 0)
				return -1;
		}
	}
	if (json_is_array(v)) {
		const json_t *mi = json_object_get(schema, "minItems"), *ma = json_object_get(schema, "maxItems");
		if (json_is_integer(mi) && (json_int_t)json_array_size(v) < json_integer_value(mi))
			return fail(why, size, path, "too few items");
		if (json_is_integer(ma) && (json_int_t)json_array_size(v) > json_integer_value(ma))
			return fail(why, size, path, "too many items");
		const json_t *items = json_object_get(schema, "items");
		size_t i;
		const json_t *el;
		json_array_foreach(v, i, el)
		{
			snprintf(sub, sizeof sub, "%s[%zu]", path, i);
			if (validate(items, el, sub, why, size) < 0)
				return -1;
		}
	}
	return 0;
}

int
schema_validate(const json_t *schema, const json_t *value, char *why, size_t why_size)
{
	return validate(schema, value, "", why, why_size);
}
