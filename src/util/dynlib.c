/* dynlib.c: shared libraries opened on first use (see dynlib.h). */
#include "util/dynlib.h"

#include <dlfcn.h>

#include "util/log.h"

int
dynlib_open(const char *soname, const char *package, const char *const *names, void **syms, size_t n)
{
	void *h = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		log_error("%s (install the Debian package %s)", dlerror(), package);
		return -1;
	}
	for (size_t k = 0; k < n; k++) {
		dlerror();
		void *p = dlsym(h, names[k]);
		if (!p) {
			log_error("%s has no %s: brief needs a newer %s", soname, names[k], package);
			/* h stays open: closing a library that may already run threads is not safe */
			return -1;
		}
		syms[k] = p;
	}
	return 0;
}
