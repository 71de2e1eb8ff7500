/* pack.h: compressed storage of an item's HTML (summary, content).
 *
 * An item's plain text and its feed's HTML (summary, content) are stored deflated: a BLOB of a
 * 4-byte little-endian length and a zlib stream. The HTML is deflated with the plain text as
 * preset dictionary (it is mostly the same words), so keeping the original costs little.
 * Short or incompressible values stay TEXT, as do rows written before this existed: readers
 * go through store_col_unpacked, SQL through unpacked(x [, dict]). */
#ifndef BRIEF_STORE_PACK_H
#define BRIEF_STORE_PACK_H

#include <sqlite3.h>

#include "util/arena.h"

/* Bind text (NULL binds NULL) to s at idx, deflated when that saves space. dict (may be NULL):
 * a text the reader will have at hand, used as the preset dictionary, so an item's HTML costs
 * little beside its plain text. */
void store_bind_packed(sqlite3_stmt *s, int idx, const char *text, const char *dict);

/* A value as it will be stored: deflated bytes (is_blob), the text itself, or NULL (data NULL). */
struct store_packed {
	const void *data;
	size_t len;
	int is_blob;
};
/* The packing of store_bind_packed done ahead, without a statement (any thread: it touches no
 * database): out points into arena, where the packed bytes or a copy of the text go. */
void store_pack(const char *text, const char *dict, struct arena *arena, struct store_packed *out);
/* Bind a value made by store_pack to s at idx; the arena must outlive the statement's step. */
void store_bind_packed_value(sqlite3_stmt *s, int idx, const struct store_packed *v);
/* Column col as text in arena (NULL for SQL NULL or a damaged BLOB), inflating it if packed
 * (with the dict it was packed with). */
const char *store_col_unpacked(sqlite3_stmt *s, int col, const char *dict, struct arena *arena);
/* Register the SQL function unpacked(x) (x as text, inflated if packed) on db, for tools
 * and tests that read these columns in SQL. Returns 0 or -1. */
int store_pack_register(sqlite3 *db);

#endif
