/* dynlib.h: shared libraries opened on first use instead of at start-up.
 *
 * libcurl, libmicrohttpd and libcrypto are needed by fetching, the LLM client, delivery and
 * `brief serve`, not by `brief parse`, `extract` or the offline reports. Linked the usual way,
 * the dynamic loader maps them and their ~30 dependencies (GnuTLS, Kerberos, LDAP, SSH, nghttp2…)
 * at every start: 15 ms of a 20 ms start-up on the 2-core machine, most of it page faults,
 * and a third of `brief parse`'s time over the whole real-world corpus (docs/parse.md). So
 * each has a file beside this one (libcurl.c, libmhd.c, libcrypto.c) that defines the
 * functions brief calls and forwards them to the library, opened by dynlib_open the first
 * time one is called. Callers include the libraries' own headers and call them as always. */
#ifndef BRIEF_UTIL_DYNLIB_H
#define BRIEF_UTIL_DYNLIB_H

#include <pthread.h>
#include <stddef.h>

/* Open soname (RTLD_NOW, local) and fill syms[k] with the address of names[k] for k < n.
 * Returns 0; or -1 after printing one line on stderr that says which library or symbol is
 * missing and which Debian package provides it (package); syms is then not to be used. Call
 * it once per library (pthread_once: the shims can be first called from any thread). */
int dynlib_open(const char *soname, const char *package, const char *const *names, void **syms, size_t n);

/* What a shim file builds from its lists of functions, each an X-macro list of
 *   X(return type, name, parameters, arguments, value when the library is missing)
 * or, for functions returning nothing (which then do nothing),
 *   V(name, parameters, arguments):
 * an enum of indices (I_name), the names for dynlib_open (`names`), the loader
 * (DYNLIB_LOADER: `syms` and `ready()`, which opens the library once, from whichever thread
 * calls first, and says whether it is open) and the wrappers themselves. The wrappers' names
 * are in parentheses so that a header's macros of the same names (curl.h's type checks) are
 * not expanded. */
#define DYNLIB_INDEX(ret, name, ...) I_##name,
#define DYNLIB_VINDEX(name, ...) I_##name,
#define DYNLIB_NAME(ret, name, ...) #name,
#define DYNLIB_VNAME(name, ...) #name,
/* The indices (I_name, then n, their count) and `names` of three lists: X-style functions,
 * V-style ones, and the names of those the file writes out by hand (A(name)); DYNLIB_NONE
 * stands for a list a file does not have. */
#define DYNLIB_NONE(X)
#define DYNLIB_TABLE(xs, vs, as, n)                                                                          \
	enum { xs(DYNLIB_INDEX) vs(DYNLIB_VINDEX) as(DYNLIB_VINDEX) n };                                     \
	static const char *const names[n] = {xs(DYNLIB_NAME) vs(DYNLIB_VNAME) as(DYNLIB_VNAME)};
#define DYNLIB_LOADER(soname, package, n)                                                                    \
	static void *syms[n];                                                                                \
	static pthread_once_t dynlib_once = PTHREAD_ONCE_INIT;                                               \
	static int dynlib_loaded;                                                                            \
	static void dynlib_load(void)                                                                        \
	{                                                                                                    \
		dynlib_loaded = dynlib_open(soname, package, names, syms, n) == 0;                           \
	}                                                                                                    \
	static int ready(void)                                                                               \
	{                                                                                                    \
		pthread_once(&dynlib_once, dynlib_load);                                                     \
		return dynlib_loaded;                                                                        \
	}
#define DYNLIB_WRAP(ret, name, params, args, fail)                                                           \
	ret(name) params                                                                                     \
	{                                                                                                    \
		return ready() ? ((ret(*) params)syms[I_##name])args : (fail);                               \
	}
#define DYNLIB_VWRAP(name, params, args)                                                                     \
	void(name) params                                                                                    \
	{                                                                                                    \
		if (ready())                                                                                 \
			((void(*) params)syms[I_##name]) args;                                               \
	}

#endif
