/* fuzz_check.h: what several fuzz targets check of their inputs and outputs, in one place:
 * splitting an input into text fields as a parser would store them, and the invariants every
 * rendering of feed text keeps. A violated invariant prints where and calls abort(). */
#ifndef BRIEF_FUZZ_CHECK_H
#define BRIEF_FUZZ_CHECK_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "util/arena.h"
#include "util/buf.h"

/* Split data[0..size) at 0x1f into count fields (missing ones ""), each made valid UTF-8 as
 * the parser stores text. The split comes first: utf8_sanitize drops control characters, the
 * separator among them. Strings in arena. */
void fuzz_fields(const uint8_t *data, size_t size, size_t count, struct arena *arena, const char **fields);

/* The head of a daily or weekly input (size > 0): data[0]'s bit 0 picks the language ("en",
 * else "zh"), its other bits the window's size 1..max (*count); the rest of the input fills
 * *count * per fields (fuzz_fields; fields has room for max * per). Returns the language. */
const char *fuzz_window_input(const uint8_t *data, size_t size, size_t max, size_t per, struct arena *arena,
                              const char **fields, size_t *count);

/* Abort unless s is NULL or valid UTF-8 (strict: non-NULL too). */
void fuzz_check_text(const char *s, int strict);

/* A window of n articles (arena), ids 1..n, from `sources` feeds in turn (source_id i % sources
 * + 1), every undated_every-th one undated, the others published step seconds apart back
 * from now; first seen just before now. Texts are the caller's to set. */
struct article *fuzz_window(size_t n, size_t sources, size_t undated_every, int64_t step, int64_t now,
                            struct arena *arena);

/* A Markdown (is_md) or HTML rendering: not empty, valid UTF-8, no bidi embedding or override
 * and isolates only balanced within a line (as the renderers put them around right-to-left
 * text), no "<script" in any case (in Markdown, none whose '<' is not escaped). who names the
 * target in the message. */
void fuzz_check_rendering(const struct buf *out, int is_md, const char *who);

/* A JSON rendering: valid UTF-8 that parses to an object (its strings may say "<script>",
 * as the feed did: JSON is data). */
void fuzz_check_json_object(const struct buf *out);

/* Telegram HTML: valid UTF-8, and every '<' opens or closes a tag Telegram accepts (b, i,
 * a href, code, pre). */
void fuzz_check_telegram(const struct buf *out, const char *who);

#endif
