/* libcurl.c: the libcurl functions brief calls, forwarded to libcurl.so.4, which is opened the
 * first time one of them is called (util/dynlib.h says why). Each wrapper has libcurl's own
 * prototype; with the library missing each returns what libcurl returns on failure (an error
 * code, NULL, or nothing), after dynlib_open's one line on stderr.
 *
 * A function brief starts calling must be added to one of the lists below: the link fails
 * otherwise, since the program no longer links libcurl itself. */
#include <curl/curl.h>
#include <stdarg.h>
#include <stddef.h>

#include "util/dynlib.h"

#if LIBCURL_VERSION_MAJOR < 7 || LIBCURL_VERSION_MAJOR > 8
#error "libcurl.so.4 is the library of libcurl 7.16 to 8.x: check the soname below"
#endif

/* X(return type, name, parameters, arguments, value when libcurl is missing) */
#define CURL_CALLS(X)                                                                                        \
	X(CURLcode, curl_global_init, (long flags), (flags), CURLE_FAILED_INIT)                              \
	X(CURL *, curl_easy_init, (void), (), NULL)                                                          \
	X(CURLcode, curl_easy_perform, (CURL * h), (h), CURLE_FAILED_INIT)                                   \
	X(const char *, curl_easy_strerror, (CURLcode rc), (rc), "libcurl could not be loaded")              \
	X(struct curl_slist *, curl_slist_append, (struct curl_slist * l, const char *s), (l, s), NULL)      \
	X(time_t, curl_getdate, (const char *p, const time_t *unused), (p, unused), -1)                      \
	X(curl_mime *, curl_mime_init, (CURL * h), (h), NULL)                                                \
	X(curl_mimepart *, curl_mime_addpart, (curl_mime * m), (m), NULL)                                    \
	X(CURLcode, curl_mime_name, (curl_mimepart * p, const char *s), (p, s), CURLE_FAILED_INIT)           \
	X(CURLcode, curl_mime_type, (curl_mimepart * p, const char *s), (p, s), CURLE_FAILED_INIT)           \
	X(CURLcode, curl_mime_encoder, (curl_mimepart * p, const char *s), (p, s), CURLE_FAILED_INIT)        \
	X(CURLcode, curl_mime_data, (curl_mimepart * p, const char *s, size_t n), (p, s, n),                 \
	  CURLE_FAILED_INIT)                                                                                 \
	X(CURLcode, curl_mime_filedata, (curl_mimepart * p, const char *s), (p, s), CURLE_FAILED_INIT)       \
	X(CURLcode, curl_mime_filename, (curl_mimepart * p, const char *s), (p, s), CURLE_FAILED_INIT)       \
	X(CURLcode, curl_mime_subparts, (curl_mimepart * p, curl_mime * m), (p, m), CURLE_FAILED_INIT)       \
	X(CURLcode, curl_mime_headers, (curl_mimepart * p, struct curl_slist * l, int own), (p, l, own),     \
	  CURLE_FAILED_INIT)                                                                                 \
	X(CURLM *, curl_multi_init, (void), (), NULL)                                                        \
	X(CURLMcode, curl_multi_add_handle, (CURLM * m, CURL * h), (m, h), CURLM_BAD_HANDLE)                 \
	X(CURLMcode, curl_multi_remove_handle, (CURLM * m, CURL * h), (m, h), CURLM_BAD_HANDLE)              \
	X(CURLMcode, curl_multi_perform, (CURLM * m, int *running), (m, running), CURLM_BAD_HANDLE)          \
	X(CURLMcode, curl_multi_poll,                                                                        \
	  (CURLM * m, struct curl_waitfd * fds, unsigned nfds, int ms, int *ret), (m, fds, nfds, ms, ret),   \
	  CURLM_BAD_HANDLE)                                                                                  \
	X(CURLMcode, curl_multi_wakeup, (CURLM * m), (m), CURLM_BAD_HANDLE)                                  \
	X(CURLMcode, curl_multi_cleanup, (CURLM * m), (m), CURLM_BAD_HANDLE)                                 \
	X(CURLMsg *, curl_multi_info_read, (CURLM * m, int *left), (m, left), NULL)                          \
	X(CURLU *, curl_url, (void), (), NULL)                                                               \
	X(CURLUcode, curl_url_get, (CURLU * u, CURLUPart what, char **part, unsigned flags),                 \
	  (u, what, part, flags), CURLUE_BAD_HANDLE)                                                         \
	X(CURLUcode, curl_url_set, (CURLU * u, CURLUPart what, const char *part, unsigned flags),            \
	  (u, what, part, flags), CURLUE_BAD_HANDLE)

/* V(name, parameters, arguments): functions returning nothing, which do nothing without
 * libcurl (nothing they would free or reset can exist then). */
#define CURL_VOID_CALLS(V)                                                                                   \
	V(curl_global_cleanup, (void), ())                                                                   \
	V(curl_easy_cleanup, (CURL * h), (h))                                                                \
	V(curl_easy_reset, (CURL * h), (h))                                                                  \
	V(curl_slist_free_all, (struct curl_slist * l), (l))                                                 \
	V(curl_free, (void *p), (p))                                                                         \
	V(curl_mime_free, (curl_mime * m), (m))                                                              \
	V(curl_url_cleanup, (CURLU * u), (u))

/* The variadic ones, written out below. */
#define CURL_VARARG_CALLS(A) A(curl_easy_setopt) A(curl_easy_getinfo) A(curl_multi_setopt)

DYNLIB_TABLE(CURL_CALLS, CURL_VOID_CALLS, CURL_VARARG_CALLS, CURL_NSYMS)
DYNLIB_LOADER("libcurl.so.4", "libcurl4", CURL_NSYMS)
CURL_CALLS(DYNLIB_WRAP)
CURL_VOID_CALLS(DYNLIB_VWRAP)

/* curl_easy_setopt and curl_multi_setopt: an option's one argument is read as libcurl reads
 * it, by the range the option is numbered in (CURLOPTTYPE_*, the same for easy and multi
 * options): long, object or function pointer, curl_off_t, or a blob pointer. */
typedef void (*any_fn)(void);

#define SETOPT_WRAP(code, name, handle_type, option_type, fail)                                              \
	code(name)(handle_type * h, option_type option, ...)                                                 \
	{                                                                                                    \
		if (!ready())                                                                                \
			return fail;                                                                         \
		code (*real)(handle_type *, option_type, ...) =                                              \
		    (code(*)(handle_type *, option_type, ...))syms[I_##name];                                \
		code rc;                                                                                     \
		va_list ap;                                                                                  \
		va_start(ap, option);                                                                        \
		if (option < CURLOPTTYPE_OBJECTPOINT)                                                        \
			rc = real(h, option, va_arg(ap, long));                                              \
		else if (option < CURLOPTTYPE_FUNCTIONPOINT)                                                 \
			rc = real(h, option, va_arg(ap, void *));                                            \
		else if (option < CURLOPTTYPE_OFF_T)                                                         \
			rc = real(h, option, va_arg(ap, any_fn));                                            \
		else if (option < CURLOPTTYPE_BLOB)                                                          \
			rc = real(h, option, va_arg(ap, curl_off_t));                                        \
		else                                                                                         \
			rc = real(h, option, va_arg(ap, void *));                                            \
		va_end(ap);                                                                                  \
		return rc;                                                                                   \
	}
SETOPT_WRAP(CURLcode, curl_easy_setopt, CURL, CURLoption, CURLE_FAILED_INIT)
SETOPT_WRAP(CURLMcode, curl_multi_setopt, CURLM, CURLMoption, CURLM_BAD_HANDLE)

/* Every CURLINFO_* takes one pointer to where the answer goes. */
CURLcode(curl_easy_getinfo)(CURL *h, CURLINFO info, ...)
{
	if (!ready())
		return CURLE_FAILED_INIT;
	CURLcode (*real)(CURL *, CURLINFO, ...) =
	    (CURLcode(*)(CURL *, CURLINFO, ...))syms[I_curl_easy_getinfo];
	va_list ap;
	va_start(ap, info);
	void *out = va_arg(ap, void *);
	va_end(ap);
	return real(h, info, out);
}
