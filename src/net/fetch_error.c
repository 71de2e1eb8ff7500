/* fetch_error.c: the fetcher's error message forms and their classes (fetch_error.h). */
#include "net/fetch_error.h"

#include <stdlib.h>
#include <string.h>

/* The start of each message form the fetcher writes (attempt.c, ingest.c, fetch.c), and its
 * class. A new form there needs its line here, or reports call it FETCH_ERR_OTHER. */
static const struct {
	const char *prefix;
	enum fetch_error_class cls;
} forms[] = {
	{"timed out", FETCH_ERR_TIMEOUT},
	{"not finished within", FETCH_ERR_TIMEOUT},
	{"connection failed", FETCH_ERR_CONNECT},
	{"cannot resolve host", FETCH_ERR_DNS},
	{"body larger than", FETCH_ERR_TOO_BIG},
	{"refused to connect to the non-public address", FETCH_ERR_BLOCKED},
	{"served an HTML page", FETCH_ERR_NOT_FEED},
	{"not a feed", FETCH_ERR_NOT_FEED},
	{"empty response", FETCH_ERR_NOT_FEED},
	{"not asked: its server asked", FETCH_ERR_RATE_LIMITED},
	{"not asked: gone", FETCH_ERR_NOT_FOUND},
	{"redirect loop", FETCH_ERR_HTTP},
	{"too many redirects", FETCH_ERR_HTTP},
	/* libcurl's own messages (attempt.c passes them on for the codes it has no line for) */
	{"SSL", FETCH_ERR_TLS},
	{"OpenSSL", FETCH_ERR_TLS},
	{"schannel", FETCH_ERR_TLS},
	{"Recv failure", FETCH_ERR_RESET},
	{"Send failure", FETCH_ERR_RESET},
	{"Empty reply from server", FETCH_ERR_RESET},
	{"Connection died", FETCH_ERR_RESET},
	{"transfer closed", FETCH_ERR_RESET},
	{"Failed to connect", FETCH_ERR_CONNECT},
	{"Could not resolve", FETCH_ERR_DNS},
};

/* The class of an HTTP status (the fetcher's "HTTP NNN ..." lines). */
static enum fetch_error_class
status_class(long status)
{
	if (status == 404 || status == 410)
		return FETCH_ERR_NOT_FOUND;
	if (status == 401 || status == 403 || status == 451)
		return FETCH_ERR_FORBIDDEN;
	if (status == 429)
		return FETCH_ERR_RATE_LIMITED;
	if (status >= 500 && status <= 599)
		return FETCH_ERR_SERVER;
	return FETCH_ERR_HTTP;
}

enum fetch_error_class
fetch_error_classify(const char *error)
{
	if (!error || !*error)
		return FETCH_ERR_OTHER;
	/* a source not asked because it keeps failing (ingest.c ingest_resting): its last error's */
	static const char resting[] = "not asked: failing since ";
	const char *last = strstr(error, FETCH_RESTING_LAST);
	if (strncmp(error, resting, sizeof resting - 1) == 0 && last)
		return fetch_error_classify(last + strlen(FETCH_RESTING_LAST));
	if (strncmp(error, "HTTP ", 5) == 0 && error[5] >= '1' && error[5] <= '9') {
		return status_class(strtol(error + 5, NULL, 10));
	}
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
		if (strncmp(error, forms[i].prefix, strlen(forms[i].prefix)) == 0)
			return forms[i].cls;
	/* libcurl's certificate messages do not all start with "SSL" */
	if (strstr(error, "certificate") || strstr(error, "TLS"))
		return FETCH_ERR_TLS;
	return FETCH_ERR_OTHER;
}
