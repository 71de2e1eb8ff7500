/* retry.h: the pieces of HTTP retry policy the fetcher and the LLM client share: reading a
 * Retry-After header and the random draws behind backoff jitter. Each caller keeps its own
 * schedule (attempts, base, caps); this is only what they must not disagree on. */
#ifndef BRIEF_NET_RETRY_H
#define BRIEF_NET_RETRY_H

#include <stdint.h>

/* Milliseconds a Retry-After value asks to wait: delta-seconds (a fraction is accepted) or an
 * HTTP date, measured against the wall clock (never the frozen --now, which has nothing to do
 * with the server's clock). 0 for a date in the past; -1 when value is empty or unreadable.
 * Capped at one week. */
int64_t retry_after_ms(const char *value);

/* Next value of a xorshift64 generator (state must be non-zero): cheap jitter, not crypto. */
uint64_t retry_rand(uint64_t *state);

#endif
