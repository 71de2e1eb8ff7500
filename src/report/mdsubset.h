/* mdsubset.h: the safe Markdown subset of long-form text (article bodies, weekly
 * paragraphs, configured intro/outro blocks), parsed once and rendered as Markdown, HTML
 * (plain or with inline styles, for the 公众号 editor) and normalised text (JSON).
 *
 * The subset, and nothing else (every other character is text and is escaped):
 *   - paragraphs: each non-blank line is one paragraph (seed 002 writes one per line;
 *     blank lines between them are optional);
 *   - bulleted lists: lines starting "- ", "* " or "• " (any ASCII space after "-" / "*");
 *   - numbered lists: lines starting "N. ", "N、", "N) " or "N）" (N = 1..999, any ASCII
 *     space after "." / ")"); the list keeps the first item's number and ends at 999 (the
 *     next item starts a new list with its own number);
 *   - bold: "**text**" inside one line, text not starting or ending with a space; an
 *     unpaired "**" is literal text;
 *   - citations: "[n]" with 1 <= n <= ref_count becomes a link to reference n (Markdown:
 *     its URL; HTML: "#ref-n"; styled HTML: a superscript); other brackets are text.
 * Headings, links, images, code, HTML tags and entities in the text are never
 * interpreted: they come out as the literal characters.
 *
 * Limits: Markdown renderers that follow CommonMark's flanking rules do not embolden
 * "**“引号”**后文" (a run that starts or ends with punctuation next to a letter); the HTML
 * renderings do. */
#ifndef BRIEF_REPORT_MDSUBSET_H
#define BRIEF_REPORT_MDSUBSET_H

#include <stddef.h>

#include "util/buf.h"

/* Where citations point. ref_links[i] is reference i+1's URL (Markdown links to it when
 * it is http(s)); ref_links may be NULL (citations then print as "[n]" unlinked). */
struct mds_refs {
	size_t count;
	const char *const *links;
};

/* Inline styles for the HTML rendering; NULL members mean the plain page's markup
 * (<p dir="auto">, <strong>, <ul>/<ol>, <li>, <a class="ref" href="#ref-n">). A non-NULL
 * member is the value of a style="" attribute (trusted text, not escaped) and a citation
 * becomes <sup style="...">[n]</sup>. */
struct mds_style {
	const char *p, *strong, *list, *li, *cite;
};

/* Append text (NULL = nothing) as Markdown blocks: paragraphs separated by a blank line,
 * lists one item per line; ends with a blank line when anything was written. */
void mds_md(struct buf *out, const char *text, const struct mds_refs *refs);

/* Append text as HTML block elements, one per line; style NULL = the plain page's markup. */
void mds_html(struct buf *out, const char *text, const struct mds_refs *refs, const struct mds_style *style);

/* Append text as one line of inline HTML/Markdown (a heading, a one-paragraph weekly text):
 * bold and citations rendered, line structure collapsed to spaces. The Markdown line is
 * taken to begin a line: a leading list marker ("- ", "2. ") is escaped, text as in HTML. */
void mds_html_inline(struct buf *out, const char *text, const struct mds_refs *refs,
                     const struct mds_style *style);
void mds_md_inline(struct buf *out, const char *text, const struct mds_refs *refs);

/* Append text normalised to the subset (JSON): blocks separated by "\n\n" (list items by
 * "\n"), a list's markers as "- " / "N. ", unpaired "**" kept as written, no escaping
 * (the consumer escapes for its medium). */
void mds_text(struct buf *out, const char *text);

/* Append the one-line text mds_html_inline/mds_md_inline render, normalised (JSON of a
 * weekly paragraph): trimmed, line breaks as spaces, bold as "**", citations as "[n]", no
 * escaping. */
void mds_text_inline(struct buf *out, const char *text);

/* Append text with the bold markers of paired "**" runs removed, lines joined by a
 * space: a heading the model wrapped in "**" is shown once, not double-bold. */
void mds_strip(struct buf *out, const char *text);

#endif
