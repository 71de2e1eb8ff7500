/* pack.c: deflated TEXT columns (see pack.h). */
#include "store/pack.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "store/store.h"

/* Below this, the zlib header and length cost more than they save. */
#define PACK_MIN 96

/* Deflate in[0..n) into out (4 + compressBound(n) bytes) after a 4-byte length, with dict as
 * the preset dictionary when given. Returns the packed size, or 0 when packing failed. */
static size_t
pack(const char *in, size_t n, const char *dict, unsigned char *out, size_t cap)
{
	z_stream z;
	memset(&z, 0, sizeof z);
	size_t dl = dict ? strlen(dict) : 0;
	const char *d = dl > 32768 ? dict + dl - 32768 : dict; /* the window's worth: the tail */
	/* The smallest window that holds the dictionary and the text, and a hash table to match:
	 * zlib's default state is ~256 KiB allocated and its 64 KiB hash cleared per stream, which
	 * cost more than deflating a 1 KiB item. Inflate (window 15) reads any smaller window. */
	int wbits = 9;
	while (wbits < 15 && ((size_t)1 << wbits) < n + (dl > 32768 ? 32768 : dl))
		wbits++;
	int mem_level = wbits - 6 < 2 ? 2 : wbits - 6 > 8 ? 8 : wbits - 6;
	/* Level 1: most of the gain of level 6 on prose for a third of the CPU (fetch writes). */
	if (deflateInit2(&z, 1, Z_DEFLATED, wbits, mem_level, Z_DEFAULT_STRATEGY) != Z_OK)
		return 0;
	if (dl && deflateSetDictionary(&z, (const Bytef *)d, (uInt)(dl > 32768 ? 32768 : dl)) != Z_OK) {
		deflateEnd(&z);
		return 0;
	}
	z.next_in = (Bytef *)in;
	z.avail_in = (uInt)n;
	z.next_out = out + 4;
	z.avail_out = (uInt)(cap - 4);
	int rc = deflate(&z, Z_FINISH);
	size_t got = cap - 4 - z.avail_out;
	deflateEnd(&z);
	if (rc != Z_STREAM_END)
		return 0;
	out[0] = (unsigned char)(n & 0xff);
	out[1] = (unsigned char)(n >> 8 & 0xff);
	out[2] = (unsigned char)(n >> 16 & 0xff);
	out[3] = (unsigned char)(n >> 24 & 0xff);
	return got + 4;
}

/* Inflate a packed value into a new NUL-terminated buffer from alloc. NULL when damaged. */
static char *
unpack(const unsigned char *in, size_t len, const char *dict, void *(*alloc)(void *, size_t), void *actx)
{
	if (len < 4)
		return NULL;
	size_t n = (size_t)in[0] | (size_t)in[1] << 8 | (size_t)in[2] << 16 | (size_t)in[3] << 24;
	char *out = alloc(actx, n + 1);
	if (!out)
		return NULL;
	z_stream z;
	memset(&z, 0, sizeof z);
	if (inflateInit(&z) != Z_OK)
		return NULL;
	z.next_in = (Bytef *)in + 4;
	z.avail_in = (uInt)(len - 4);
	z.next_out = (Bytef *)out;
	z.avail_out = (uInt)n;
	int rc = inflate(&z, Z_FINISH);
	if (rc == Z_NEED_DICT && dict) {
		size_t dl = strlen(dict);
		const char *d = dl > 32768 ? dict + dl - 32768 : dict;
		rc = inflateSetDictionary(&z, (const Bytef *)d, (uInt)(dl > 32768 ? 32768 : dl));
		if (rc == Z_OK)
			rc = inflate(&z, Z_FINISH);
	}
	size_t got = n - z.avail_out;
	inflateEnd(&z);
	if (rc != Z_STREAM_END || got != n)
		return NULL;
	out[n] = '\0';
	return out;
}

/* Deflate text into a new buffer *out (free() it) when that saves at least 10 %;
 * returns the packed size, 0 when the text stays as it is (short, huge or incompressible). */
static size_t
pack_new(const char *text, size_t n, const char *dict, unsigned char **out)
{
	*out = NULL;
	if (n < PACK_MIN || n > 0x7fffffff)
		return 0;
	size_t cap = 4 + compressBound((uLong)n);
	*out = malloc(cap);
	size_t got = *out ? pack(text, n, dict && *dict ? dict : NULL, *out, cap) : 0;
	if (!got || got >= n * 9 / 10) {
		free(*out);
		*out = NULL;
		return 0;
	}
	return got;
}

void
store_bind_packed(sqlite3_stmt *s, int idx, const char *text, const char *dict)
{
	unsigned char *out;
	size_t got = text ? pack_new(text, strlen(text), dict, &out) : 0;
	if (!got) {
		store_bind_text(s, idx, text);
		return;
	}
	sqlite3_bind_blob(s, idx, out, (int)got, free);
}

void
store_pack(const char *text, const char *dict, struct arena *arena, struct store_packed *out)
{
	memset(out, 0, sizeof *out);
	if (!text)
		return;
	size_t n = strlen(text);
	unsigned char *packed;
	size_t got = pack_new(text, n, dict, &packed);
	if (!got) {
		out->data = arena_strndup(arena, text, n);
		out->len = n;
		return;
	}
	void *copy = arena_alloc(arena, got);
	memcpy(copy, packed, got);
	free(packed);
	out->data = copy;
	out->len = got;
	out->is_blob = 1;
}

void
store_bind_packed_value(sqlite3_stmt *s, int idx, const struct store_packed *v)
{
	if (!v->data)
		sqlite3_bind_null(s, idx);
	else if (v->is_blob)
		sqlite3_bind_blob(s, idx, v->data, (int)v->len, SQLITE_STATIC);
	else
		sqlite3_bind_text(s, idx, v->data, (int)v->len, SQLITE_STATIC);
}

static void *
arena_alloc_cb(void *a, size_t n)
{
	return arena_alloc(a, n);
}

const char *
store_col_unpacked(sqlite3_stmt *s, int col, const char *dict, struct arena *arena)
{
	if (sqlite3_column_type(s, col) != SQLITE_BLOB)
		return arena_strdup(arena, store_col_text(s, col));
	const unsigned char *in = sqlite3_column_blob(s, col);
	return unpack(in, (size_t)sqlite3_column_bytes(s, col), dict, arena_alloc_cb, arena);
}

static void *
sqlite_alloc_cb(void *unused, size_t n)
{
	(void)unused;
	return sqlite3_malloc64(n);
}

/* unpacked(x [, dict]): x as text, inflated if packed (NULL when damaged). */
static void
unpacked_fn(sqlite3_context *c, int argc, sqlite3_value **argv)
{
	if (sqlite3_value_type(argv[0]) != SQLITE_BLOB) {
		sqlite3_result_value(c, argv[0]);
		return;
	}
	const char *dict = argc > 1 ? (const char *)sqlite3_value_text(argv[1]) : NULL;
	char *out = unpack(sqlite3_value_blob(argv[0]), (size_t)sqlite3_value_bytes(argv[0]), dict,
	                   sqlite_alloc_cb, NULL);
	if (out)
		sqlite3_result_text(c, out, -1, sqlite3_free);
	else
		sqlite3_result_null(c);
}

int
store_pack_register(sqlite3 *db)
{
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	return sqlite3_create_function(db, "unpacked", 1, flags, NULL, unpacked_fn, NULL, NULL) == SQLITE_OK &&
	               sqlite3_create_function(db, "unpacked", 2, flags, NULL, unpacked_fn, NULL, NULL) == SQLITE_OK
	           ? 0
	           : -1;
}
