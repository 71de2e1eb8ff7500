/* atomcheck.h: a checker of Atom 1.0 documents against the rules of RFC 4287, for the
 * archive's feed. No Atom validator is packaged in Debian, so this one checks, with libxml2:
 * well-formedness and the Atom namespace; atom:feed (4.1.1) and atom:entry (4.1.2): exactly
 * one id, title, updated; at most one of each single-valued element; authors (feed, or
 * every entry); an entry without content needs a rel="alternate" link; at most one
 * alternate link per type and hreflang; a summary when content has src; id an absolute IRI
 * (4.2.6); dates RFC 3339 date-time with upper-case T and Z (3.3); text constructs of type
 * text, html or xhtml, text without child elements, xhtml a single xhtml:div (3.1); person
 * constructs with exactly one name (3.2); links with an href (4.2.7); content with src empty
 * (4.1.3); generator without child elements (4.2.4). */
#ifndef BRIEF_TESTS_ATOMCHECK_H
#define BRIEF_TESTS_ATOMCHECK_H

#include <stddef.h>

#include "util/buf.h"

/* Check the document xml[0..len); each violation is appended to problems as one line naming
 * the RFC section. Returns the number of violations (0 = valid). */
int atom_check(const char *xml, size_t len, struct buf *problems);

#endif
