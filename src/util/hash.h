/* hash.h: non-cryptographic hashes for dedupe keys, content change detection and cache keys. */
#ifndef BRIEF_UTIL_HASH_H
#define BRIEF_UTIL_HASH_H

#include <stddef.h>
#include <stdint.h>

/* 64-bit FNV-1a of len bytes, continuing from seed (use HASH_SEED to start). */
#define HASH_SEED 0xcbf29ce484222325ULL
uint64_t hash64(const void *p, size_t len, uint64_t seed);
/* hash64 from HASH_SEED, never 0: a key for open-addressing tables that mark empty slots with 0. */
uint64_t hash64_key(const void *p, size_t len);
/* 128-bit digest as 32 lowercase hex chars + NUL into out[33]: two independent
 * 64-bit mixes, enough that accidental collisions between cache keys or items
 * are not a practical concern (this is not a defence against an attacker). */
void hash_hex128(const void *p, size_t len, char out[33]);

#endif
