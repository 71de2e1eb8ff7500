/* versions.c: a model family's tag named with its version, as the story names the model. An
 * editor tags a story about GPT-4.5 "GPT-4.5" and one about Claude 3.7 Sonnet "Claude 3.7
 * Sonnet": the family alone ("GPT", "Claude") is every story about any of its models, and the
 * lexicon's family term had pushed the model's own name out (a keyword overlapping a better one
 * is dropped). */
#include "ai/offline/versions.h"

#include <string.h>

#include "ai/offline/lexicon.h"
#include "util/str.h"

#define VERSIONED_MAX 64 /* "Claude 3.7 Sonnet", "GPT-5.3-codex": a name, not a clause */

/* The length of the version at p: a digit, then letters, digits and inner dots or hyphens
 * ("4.5", "4o", "3.1-70b"); 0 when p holds no digit first. A trailing dot ends a sentence. */
static size_t
version_len(const char *p)
{
	if (!is_ascii_digit((unsigned char)*p))
		return 0;
	size_t i = 0;
	while (is_ascii_alnum((unsigned char)p[i]) || ((p[i] == '.' || p[i] == '-') && is_ascii_alnum((unsigned char)p[i + 1])))
		i++;
	return i;
}

/* The length of the variant word at p that the lexicon knows after the family ("Sonnet" of
 * "Claude Sonnet"); 0 when the word after the version is none. fam: the family in lower case. */
static size_t
variant_len(const char *p, const char *fam)
{
	size_t i = 0;
	char term[VERSIONED_MAX];
	while (is_ascii_alpha((unsigned char)p[i]))
		i++;
	size_t fl = strlen(fam);
	if (i < 2 || fl + 1 + i + 1 > sizeof term)
		return 0;
	memcpy(term, fam, fl);
	term[fl] = ' ';
	for (size_t k = 0; k < i; k++)
		term[fl + 1 + k] = (char)ascii_lower((unsigned char)p[k]);
	term[fl + 1 + i] = '\0';
	return lexicon_topic(term) ? i : 0;
}

/* The length of the versioned name at p, where s writes the family fam (fl bytes, any case)
 * as a whole word: "GPT-4.5" (a hyphen and the version), "Claude 3.7" (a space and the
 * version) with the lexicon's variant after it ("Claude 3.7 Sonnet"); 0 when p is none. */
static size_t
versioned_at(const char *s, const char *p, const char *fam, size_t fl)
{
	if (str_ncasecmp(p, fam, fl) != 0 || (p > s && is_ascii_alnum((unsigned char)p[-1])))
		return 0;
	const char *q = p + fl;
	if (*q != '-' && *q != ' ')
		return 0;
	size_t v = version_len(q + 1);
	if (v == 0)
		return 0;
	size_t len = fl + 1 + v;
	if (*q == ' ' && p[len] == ' ') {
		size_t w = variant_len(p + len + 1, fam);
		if (w > 0)
			len += 1 + w;
	}
	return is_ascii_alnum((unsigned char)p[len]) || len >= VERSIONED_MAX ? 0 : len;
}

/* The versioned name of fam that s gives into out (VERSIONED_MAX bytes): its first one, or with
 * only_one the one it gives whenever it gives one (several distinct: none). 1 when found. */
static int
versioned_in(const char *s, const char *fam, int only_one, char *out)
{
	size_t fl = strlen(fam);
	int found = 0;
	for (const char *p = s ? s : ""; *p; p++) {
		size_t len = versioned_at(s, p, fam, fl);
		if (len == 0)
			continue;
		if (!found) {
			memcpy(out, p, len);
			out[len] = '\0';
			found = 1;
			if (!only_one)
				return 1;
		} else if (strlen(out) != len || str_ncasecmp(out, p, len) != 0) {
			return 0;
		}
		p += len - 1;
	}
	return found;
}

size_t
kw_name_versions(const struct article *a, struct arena *arena, const char **kws, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char fam[VERSIONED_MAX], name[VERSIONED_MAX];
		size_t fl = strlen(kws[i]);
		if (fl + 1 > sizeof fam || strchr(kws[i], ' '))
			continue;
		str_lower(memcpy(fam, kws[i], fl + 1));
		const struct lexicon_entry *e = lexicon_topic(fam);
		if (!e || e->category != CAT_AI_ML || strcmp(e->keyword, kws[i]) != 0)
			continue;
		if (!versioned_in(a->title, fam, 0, name) && !versioned_in(a->text, fam, 1, name))
			continue;
		memcpy(name, kws[i], fl); /* the family as the lexicon spells it: "DALL-E 2" of "Dall-E 2" */
		kws[i] = arena_strdup(arena, name);
		/* A later keyword the name holds ("Sonnet" of "Claude 3.7 Sonnet") says it twice. */
		for (size_t j = 0; j < n; j++) {
			size_t jl = strlen(kws[j]);
			const char *at = j == i ? NULL : strstr(name, kws[j]);
			if (at && (at == name || at[-1] == ' ' || at[-1] == '-') && (!at[jl] || at[jl] == ' ')) {
				memmove(kws + j, kws + j + 1, (n - j - 1) * sizeof *kws);
				n--;
				i -= j < i;
				j--;
			}
		}
	}
	return n;
}
