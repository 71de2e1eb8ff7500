/* commentary.h: rendering a checked commentary article (seed 002's shape): headline, hook,
 * numbered bold sections (一、二、… in zh), 结语, the closing reader question (今日互动),
 * then the numbered references the [n] citations point at. Pure renderers. */
#ifndef BRIEF_REPORT_COMMENTARY_H
#define BRIEF_REPORT_COMMENTARY_H

#include <stddef.h>

#include "draft.h"
#include "report/brand.h"
#include "util/buf.h"

struct grounding_report;

struct commentary_doc {
	const struct commentary_draft *draft;
	const char *lang;          /* "zh" or "en" */
	const char *story_id;
	const char *model;
	const char *date;          /* YYYY-MM-DD, local */
	const char *generated_at;  /* RFC 3339 */
	const struct weekly_ref *refs; /* the story's sources: ref i+1 = refs[i] */
	size_t ref_count;
	const struct report_brand *brand; /* cover, intro, outro, disclaimer, line; NULL = none */
	const struct grounding_report *ground; /* the claim list for JSON (NULL: not checked) */
};

/* Render d as Markdown, a self-contained HTML page, or a JSON object, appended to out.
 * Long-form texts (hook, bodies, conclusion, question) are in the safe Markdown subset
 * (mdsubset.h): bold, lists and [n] citations are rendered, everything else escaped; JSON
 * carries them normalised to the subset. Headings lose the model's bold markers. */
void commentary_render_md(const struct commentary_doc *d, struct buf *out);
void commentary_render_html(const struct commentary_doc *d, struct buf *out);
void commentary_render_json(const struct commentary_doc *d, struct buf *out);

/* The fixed words of an article in lang: the conclusion heading, the 今日互动 label, the
 * references heading, and the provenance notes (note: $1 = the model; note_offline: written
 * by the offline engine). */
struct article_words {
	const char *conclusion, *interact, *refs, *note, *note_offline;
};
const struct article_words *article_words(const char *lang);
/* Append the provenance note of d (the model's, or the offline engine's when d->model is NULL). */
void article_note(const struct commentary_doc *d, struct buf *out);
/* The renderer's own section number: "一、" (zh) or "1. " (en) for section i (0-based). */
void article_section_number(const char *lang, size_t i, struct buf *out);
/* A heading as shown: the model's bold markers, Markdown heading marks ("## "), own number
 * and citation markers ("[1]") removed. */
void article_heading_text(const char *heading, struct buf *out);

#endif
