/* fuzz_ground.c: libFuzzer target for the claim check of long-form pieces (ai/longform/
 * grounding.c, ground.c, claims.c): sources as feeds give them and a commentary draft as a
 * model might write it (with citations, figures, quotations, names and dates of its own) go
 * through the check, and when it finds unsupported or uncited claims, through the repair that
 * `brief article` applies after its one re-ask. The first byte picks the language (bit 0), the
 * number of sources (1-3, bits 1-2) and of sections (1-3, bits 3-4); the rest is split at 0x1f
 * into each source's title and text, then the headline, the hook, each section's heading and
 * body, the conclusion and the closing question. Invariants (abort() on violation):
 *   - every claim the check reports has its text, one of the draft's parts and a status, and
 *     the count of claims not OK is the one the check returned;
 *   - a draft the repair keeps has, checked again, no claim that is not OK: what is published
 *     is grounded, whatever the model wrote. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ai/longform/grounding.h"
#include "fuzz_check.h"

#define MAX_SOURCES 3
#define MAX_SECTIONS 3
#define TEXT_TOKENS 2000

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	int en = data[0] & 1u;
	size_t sources = 1 + ((data[0] >> 1) % MAX_SOURCES);
	size_t sections = 1 + ((data[0] >> 3) % MAX_SECTIONS);
	size_t nfields = 2 * sources + 2 + 2 * sections + 2;

	struct arena a = ARENA_INIT;
	const char *f[2 * MAX_SOURCES + 2 + 2 * MAX_SECTIONS + 2];
	fuzz_fields(data + 1, size - 1, nfields, &a, f);
	struct article arts[MAX_SOURCES];
	const struct article *members[MAX_SOURCES];
	memset(arts, 0, sizeof arts);
	for (size_t i = 0; i < sources; i++) {
		arts[i] = (struct article){.id = (int64_t)i + 1, .source_name = "Source", .title = f[2 * i],
		                           .text = f[2 * i + 1], .link = "https://example.com/a",
		                           .published = 1771500000 + (int64_t)i * 86400, .when = 1771500000};
		members[i] = &arts[i];
	}
	const char **d_f = &f[2 * sources];
	struct commentary_section secs[MAX_SECTIONS];
	for (size_t i = 0; i < sections; i++)
		secs[i] = (struct commentary_section){d_f[2 + 2 * i], d_f[3 + 2 * i]};
	struct commentary_draft d = {d_f[0], d_f[1], secs, sections, d_f[2 + 2 * sections], d_f[3 + 2 * sections]};

	struct ground_index *ix = grounding_sources(members, sources, NULL, TEXT_TOKENS, &a);
	struct ground_result gr = {0};
	size_t bad = grounding_check_commentary(ix, &d, en, &a, &gr);
	for (size_t i = 0; i < gr.count; i++) {
		const struct ground_claim *c = &gr.claims[i];
		if (!c->c.text || c->part > 3 + 2 * sections || (unsigned)c->status > GROUND_UNSUPPORTED)
			abort();
	}
	if (gr.bad != bad)
		abort();
	if (bad) {
		struct grounding_report rep;
		memset(&rep, 0, sizeof rep);
		if (grounding_repair_commentary(ix, &d, en, &a, &rep) == 0) {
			struct ground_result again = {0};
			size_t left = grounding_check_commentary(ix, &d, en, &a, &again);
			if (left) {
				fprintf(stderr, "after the repair: headline %s\nhook %s\n", d.headline, d.hook);
				for (size_t k = 0; k < d.section_count; k++)
					fprintf(stderr, "section %zu: %s\n  %s\n", k + 1, d.sections[k].heading, d.sections[k].body);
				fprintf(stderr, "conclusion %s\nquestion %s\n", d.conclusion, d.question);
				for (size_t k = 0; k < again.count; k++)
					fprintf(stderr, "claim %zu part %zu sentence %zu '%s' status %d source %ld\n", k, again.claims[k].part,
					        again.claims[k].sentence, again.claims[k].c.text, (int)again.claims[k].status,
					        again.claims[k].source);
				for (size_t i = 0; i < again.count; i++)
					if (again.claims[i].status != GROUND_OK)
						fprintf(stderr, "fuzz_ground: claim %zu left after the repair (status %d, part %zu)\n",
						        i, (int)again.claims[i].status, again.claims[i].part);
				abort();
			}
		}
	}
	arena_free(&a);
	return 0;
}
