/* pubcache.h: values a publishing channel keeps between runs (table publish_cache): the
 * WeChat access token until it expires, the permanent media id of an uploaded cover. */
#ifndef BRIEF_STORE_PUBCACHE_H
#define BRIEF_STORE_PUBCACHE_H

#include <stdint.h>

#include "store/store.h"
#include "util/buf.h"
#include "util/err.h"

/* The value of (channel, key) unless it expires at or before now: appended to out, returns 1;
 * 0 when there is none (or it expired); -1 with e set on a database error. */
int store_pubcache_get(struct store *st, const char *channel, const char *key, int64_t now, struct buf *out,
                       struct err *e);
/* Set (channel, key) to value, expiring at expires_at (0 = never). Returns 0 or -1. */
int store_pubcache_put(struct store *st, const char *channel, const char *key, const char *value,
                       int64_t expires_at, struct err *e);
/* Forget (channel, key) (a token the API declared invalid). Returns 0 or -1. */
int store_pubcache_drop(struct store *st, const char *channel, const char *key, struct err *e);

#endif
