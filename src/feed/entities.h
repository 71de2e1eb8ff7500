/* entities.h: the HTML 4 / XHTML 1.0 named character entities (&nbsp;, &mdash;, ...). */
#ifndef BRIEF_FEED_ENTITIES_H
#define BRIEF_FEED_ENTITIES_H

#include <stddef.h>
#include <stdint.h>

/* Look up the entity called name[0..len) (case-sensitive, without '&' and ';').
 * Returns its code point, or 0 when the name is not an HTML 4 / XHTML entity.
 * The five XML entities (amp, lt, gt, quot, apos) are included. */
uint32_t entity_lookup(const char *name, size_t len);

/* The character windows-1252 has at byte c: c itself outside 0x80-0x9F, 0 for
 * the five bytes it leaves unassigned. */
uint32_t entity_cp1252(unsigned char c);

/* True when name[0..len) is one of the five entities XML predefines. */
int entity_is_xml_predefined(const char *name, size_t len);

/* Decode one character reference at s[0..len), where s[0] == '&': "&name;",
 * "&#123;" or "&#x7B;". Returns the number of bytes consumed and sets *cp, or 0
 * when s does not start with a reference we understand (the '&' is then literal).
 * Numeric references to 0, surrogates or beyond U+10FFFF give U+FFFD; the
 * windows-1252 range 0x80-0x9F is mapped the way browsers do. */
size_t entity_decode_ref(const char *s, size_t len, uint32_t *cp);

#endif
