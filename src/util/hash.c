/* hash.c: FNV-1a and a 128-bit hex digest built from two mixed 64-bit lanes. */
#include "util/hash.h"

#include <stdio.h>

uint64_t
hash64(const void *p, size_t len, uint64_t seed)
{
	const unsigned char *s = p;
	uint64_t h = seed;
	for (size_t i = 0; i < len; i++) {
		h ^= s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

uint64_t
hash64_key(const void *p, size_t len)
{
	uint64_t h = hash64(p, len, HASH_SEED);
	return h ? h : 1;
}

static uint64_t
mix64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	x ^= x >> 33;
	return x;
}

void
hash_hex128(const void *p, size_t len, char out[33])
{
	uint64_t a = mix64(hash64(p, len, HASH_SEED) ^ len);
	uint64_t b = mix64(hash64(p, len, 0x84222325cbf29ce4ULL) + 0x9e3779b97f4a7c15ULL * (len + 1));
	snprintf(out, 33, "%016llx%016llx", (unsigned long long)a, (unsigned long long)b);
}
