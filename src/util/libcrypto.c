/* libcrypto.c: the OpenSSL libcrypto functions brief calls (HMAC-SHA256 and base64 for signed
 * webhooks and SMTP, SHA-256 of a 公众号 cover), forwarded to libcrypto.so.3, opened the first
 * time one of them is called (util/dynlib.h says why). Without the library each fails as
 * OpenSSL fails: NULL, 0 or -1. */
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/opensslv.h>
#include <stddef.h>

#include "util/dynlib.h"

#if OPENSSL_VERSION_MAJOR != 3
#error "libcrypto.so.3 is the library of OpenSSL 3: check the soname below"
#endif

#define CRYPTO_CALLS(X)                                                                                      \
	X(const EVP_MD *, EVP_sha256, (void), (), NULL)                                                      \
	X(unsigned char *, HMAC,                                                                             \
	  (const EVP_MD *md, const void *key, int key_len, const unsigned char *data, size_t data_len,       \
	   unsigned char *out, unsigned int *out_len),                                                       \
	  (md, key, key_len, data, data_len, out, out_len), NULL)                                            \
	X(int, EVP_Digest,                                                                                   \
	  (const void *data, size_t count, unsigned char *out, unsigned int *size, const EVP_MD *type,       \
	   ENGINE *impl),                                                                                    \
	  (data, count, out, size, type, impl), 0)                                                           \
	X(int, EVP_EncodeBlock, (unsigned char *t, const unsigned char *f, int n), (t, f, n), -1)

DYNLIB_TABLE(CRYPTO_CALLS, DYNLIB_NONE, DYNLIB_NONE, CRYPTO_NSYMS)

DYNLIB_LOADER("libcrypto.so.3", "libssl3", CRYPTO_NSYMS)

CRYPTO_CALLS(DYNLIB_WRAP)
