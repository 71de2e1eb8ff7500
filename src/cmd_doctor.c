/* cmd_doctor.c: `brief doctor`: check the configuration, the store, the LLM settings and their
 * reachability, and the delivery channels; say what is wrong in one line each. */
#include <curl/curl.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ai/llm/provider.h"
#include "app.h"
#include "cli.h"
#include "cmd.h"
#include "cmd_common.h"
#include "deliver/deliver.h"
#include "store/archive.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/fs.h"
#include "util/redact.h"
#include "util/str.h"
#include "util/timeutil.h"

const char cmd_doctor_help[] =
	"usage: brief doctor [--no-network] [--repair]\n\n"
	"Check that brief can work: the config file parses (a key brief does not read, a misspelt\n"
	"one, is a warning), the state directory (one not made yet is checked, not made) and the\n"
	"store are usable (schema version, integrity, writable with room for 1 MiB, counts), which LLM is\n"
	"configured (the API key is reported as set or not, never shown; URLs are shown without\n"
	"credentials) and whether it answers (GET {base}/models, 10 s timeout), and that each\n"
	"delivery channel in the config file is complete.\n\n"
	"  --no-network   skip the LLM reachability check\n"
	"  --repair       first rebuild the store's full-text index from its items (for an index\n"
	"                 the check finds out of step with them; holds the write lock meanwhile)\n\n"
	"Exit status: 0 when brief is usable (no LLM configured is fine: the offline engine is used),\n"
	"1 when a check failed.\n";

enum verdict { V_OK, V_INFO, V_WARN, V_FAIL };

struct doctor {
	int failures, warnings;
};

static void
report(struct doctor *d, enum verdict v, const char *what, const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void
report(struct doctor *d, enum verdict v, const char *what, const char *fmt, ...)
{
	static const char *const tags[] = {"ok", "info", "warn", "FAIL"};
	if (v == V_FAIL)
		d->failures++;
	if (v == V_WARN)
		d->warnings++;
	struct buf line = BUF_INIT, shown = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&line, fmt, ap);
	va_end(ap);
	redact_append(&shown, buf_str(&line)); /* URLs shown without their credentials */
	for (size_t i = 0; i < shown.len; i++) /* one line a check: SQLite's and servers' texts have breaks */
		if (shown.data[i] == '\n' || shown.data[i] == '\r')
			shown.data[i] = ' ';
	printf("%-5s %-9s %s\n", tags[v], what, buf_str(&shown));
	buf_free(&line);
	buf_free(&shown);
}

/* ---- store ---- */

/* Opened read-only: the doctor looks, it never migrates or repairs (unless asked: --repair). */
/* The state directory: there, or one the first run can make (checked, not made: a mistyped
 * --home is not to leave a directory behind). */
static void
check_home(struct doctor *d, const char *home)
{
	struct stat st;
	if (stat(home, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			report(d, V_OK, "home", "%s", home);
		else
			report(d, V_FAIL, "home", "%s exists and is not a directory", home);
		return;
	}
	char up[4096];
	str_copy(up, home, sizeof up);
	for (;;) { /* the nearest part of the path that exists decides */
		char *slash = strrchr(up, '/');
		if (!slash) {
			str_copy(up, ".", sizeof up);
			break;
		}
		*(slash == up ? slash + 1 : slash) = '\0';
		if (stat(up, &st) == 0 || slash == up)
			break;
	}
	if (stat(up, &st) == 0 && S_ISDIR(st.st_mode) && access(up, W_OK | X_OK) == 0)
		report(d, V_INFO, "home", "%s does not exist yet (the first brief run makes it)", home);
	else
		report(d, V_FAIL, "home", "%s cannot be made: %s is not a directory brief can write in", home, up);
}

static void
check_store(struct doctor *d, const char *path)
{
	if (!fs_exists(path)) {
		report(d, V_INFO, "store", "%s does not exist yet (the first brief fetch creates it)", path);
		return;
	}
	struct archive_health h;
	struct err e;
	enum archive_health_status rc = archive_health(path, &h, &e);
	if (rc == ARCHIVE_HEALTH_CANNOT_OPEN) {
		report(d, V_FAIL, "store", "cannot open %s: %s", path, e.msg);
		return;
	}
	if (rc == ARCHIVE_HEALTH_UNREADABLE) {
		report(d, V_FAIL, "store", "%s is not a readable SQLite database: %s", path, e.msg);
		return;
	}
	long version = h.version;
	int target = store_schema_version();
	if (strcmp(h.integrity, "ok") != 0)
		report(d, V_FAIL, "store", "%s fails its integrity check: %s", path, h.integrity);
	else if (version > target)
		report(d, V_FAIL, "store", "%s has schema version %ld, newer than this brief (%d): upgrade brief", path,
		       version, target);
	else if (version < target)
		report(d, V_OK, "store", "%s: schema %ld (the next write migrates it to %d), integrity ok", path, version,
		       target);
	else
		report(d, V_OK, "store", "%s: schema %ld, integrity ok", path, version);
	if (store_check_writable(path, &e) < 0)
		report(d, V_FAIL, "store", "%s cannot be written: %s", path, e.msg);
	else
		report(d, V_OK, "store", "%s is writable", path);
	if (h.index_missing > 0 || h.index_orphans > 0)
		report(d, V_FAIL, "store",
		       "%s: the full-text index is out of step with the items (%ld not in it, %ld entries without an "
		       "item): searches miss or mis-find them; brief doctor --repair rebuilds it",
		       path, h.index_missing, h.index_orphans);
	int damaged = strcmp(h.integrity, "ok") != 0;
	if (h.has_counts && (damaged || h.sources < 0 || h.failing < 0 || h.items < 0 || h.reports < 0)) {
		/* a damaged table counts as empty or not at all: "0 items" would read as data lost */
		report(d, V_INFO, "store", "counts not shown: %s", damaged ? "the store is damaged" : "they could not be read");
	} else if (h.has_counts) {
		char when[32] = "never";
		if (h.last_success > 0)
			time_format_rfc3339(h.last_success, when, sizeof when);
		report(d, V_INFO, "store", "%ld sources (%ld failing), %ld items, %ld reports; last fetch %s", h.sources,
		       h.failing, h.items, h.reports, when);
		if (h.own_sources == 0) /* the built-in list is stored once fetched: count the user's own */
			report(d, V_INFO, "store", "no sources of your own: brief fetch uses the built-in list of 92 blogs");
	}
	char index[48] = "unknown";
	if (h.index_bytes >= 0)
		snprintf(index, sizeof index, "%.1f MB", (double)h.index_bytes / 1e6);
	char pruned[96] = "never pruned ([store] keep_days or brief prune)";
	if (h.pruned_at > 0) {
		char when[32];
		time_format_rfc3339(h.pruned_at, when, sizeof when);
		snprintf(pruned, sizeof pruned, "last prune %s: %ld items older than %ld days", when, h.pruned_items,
		         h.pruned_keep_days);
	}
	report(d, V_INFO, "store", "size %.1f MB (full-text index %s); %s", (double)h.file_bytes / 1e6, index, pruned);
}

/* --repair: rebuild the full-text index of the store at path (opened as every command opens
 * it, so an older schema is migrated first). */
static void
repair_store(struct doctor *d, const char *path)
{
	if (!fs_exists(path))
		return;
	struct store st;
	struct err e;
	if (store_open(&st, path, &e) < 0 || store_fts_rebuild(&st, &e) < 0)
		report(d, V_FAIL, "repair", "%s", e.msg);
	else
		report(d, V_OK, "repair", "%s: full-text index rebuilt from the items", path);
	store_close(&st);
}

/* ---- LLM ---- */

static size_t
on_body(char *p, size_t size, size_t n, void *ctx)
{
	struct buf *b = ctx;
	if (b->len < 256 * 1024)
		buf_append(b, p, size * n);
	return size * n;
}

/* GET {base}/models: the cheapest request every OpenAI-compatible server answers. */
static void
check_llm_reach(struct doctor *d, const struct llm_config *lc)
{
	struct buf url = BUF_INIT, body = BUF_INIT, auth = BUF_INIT;
	buf_printf(&url, "%s/models", lc->base_url);
	struct curl_slist *headers = NULL;
	if (lc->api_key[0]) {
		buf_printf(&auth, "Authorization: Bearer %s", lc->api_key);
		headers = curl_slist_append(headers, buf_str(&auth));
	}
	char errbuf[CURL_ERROR_SIZE] = "";
	CURL *c = curl_easy_init();
	curl_easy_setopt(c, CURLOPT_URL, buf_str(&url));
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 10L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 5L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_USERAGENT, "brief/" BRIEF_VERSION);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &body);
	int64_t t0 = time_mono_ms();
	CURLcode rc = curl_easy_perform(c);
	long status = 0;
	curl_off_t got = 0;
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
	curl_easy_getinfo(c, CURLINFO_SIZE_DOWNLOAD_T, &got);
	curl_easy_cleanup(c);
	curl_slist_free_all(headers);
	long ms = (long)(time_mono_ms() - t0);
	json_t *root = rc == CURLE_OK ? json_loadb(buf_str(&body), body.len, 0, NULL) : NULL;
	/* a long model list (hundreds of models) is read only in part: not judged by its syntax */
	int cut = got > (curl_off_t)body.len;
	const char *first = buf_str(&body) + strspn(buf_str(&body), " \t\r\n");
	if (rc != CURLE_OK) {
		char msg[CURL_ERROR_SIZE + 64];
		snprintf(msg, sizeof msg, "%s", errbuf[0] ? errbuf : curl_easy_strerror(rc));
		redact_secret(msg, lc->api_key);
		report(d, V_FAIL, "llm", "cannot reach %s: %s", lc->base_url, msg);
	} else if (status == 401 || status == 403) {
		report(d, V_FAIL, "llm", "%s answered HTTP %ld: the API key is missing or rejected", lc->base_url, status);
	} else if (status == 404 || status == 405) {
		/* Some servers have no model list; they may still answer chat requests. */
		report(d, V_WARN, "llm", "%s answered HTTP %ld to GET /models (reachable; no model list)", lc->base_url,
		       status);
	} else if (status < 200 || status >= 300) {
		report(d, V_FAIL, "llm", "%s answered HTTP %ld to GET /models", lc->base_url, status);
	} else if (*first != '{' || (!root && !cut)) {
		/* A web page (a chat UI, a proxy's login page, a base URL without /v1) answers 200 to
		 * any path; chat requests there fail the same way, so this is no reachable API. */
		report(d, V_FAIL, "llm",
		       "%s answered GET /models with HTTP %ld but not a JSON object (a web page?): check the base URL "
		       "(an OpenAI-compatible API, usually ending in /v1)",
		       lc->base_url, status);
	} else {
		json_t *data = json_object_get(root, "data");
		size_t i, models = json_array_size(data);
		int listed = 0;
		json_t *m;
		json_array_foreach(data, i, m)
		{
			const char *id = json_string_value(json_object_get(m, "id"));
			/* Gemini lists "models/gemini-…"; accept the bare name too. */
			if (id && (strcmp(id, lc->model) == 0 || (str_starts(id, "models/") && strcmp(id + 7, lc->model) == 0)))
				listed = 1;
		}
		if (models > 0 && !listed)
			report(d, V_WARN, "llm", "reachable (%ld ms), but model %s is not among the %zu it lists", ms, lc->model,
			       models);
		else
			report(d, V_OK, "llm", "reachable: GET /models answered in %ld ms%s", ms,
			       listed ? ", model listed" : "");
	}
	json_decref(root);
	buf_free(&url);
	buf_free(&body);
	buf_free(&auth);
}

static void
check_llm(struct doctor *d, const struct config *cfg, int use_network)
{
	struct llm_config lc;
	struct err e = {""};
	int rc = provider_resolve(cfg, &lc, &e);
	if (rc < 0) {
		report(d, V_FAIL, "llm", "%s", e.msg);
		return;
	}
	if (rc == 0) {
		report(d, V_INFO, "llm", "no LLM configured: the built-in offline engine is used "
		                         "(set BRIEF_LLM_API_KEY, or [llm] in the config file)");
		return;
	}
	report(d, V_OK, "llm", "provider %s, model %s, base %s, API key %s", lc.provider, lc.model, lc.base_url,
	       lc.api_key[0] ? "set" : "not set");
	if (use_network)
		check_llm_reach(d, &lc);
	else
		report(d, V_INFO, "llm", "reachability not checked (--no-network)");
}


/* ---- config ---- */

/* A warning for each key of cfg that brief does not read: a misspelt key ("concurency",
 * "api-key") is ignored where it stands, so the setting silently keeps its default. */
static void
check_config_keys(struct doctor *d, const struct config *cfg)
{
	for (size_t i = 0; i < cfg->count; i++) {
		const struct config_entry *en = &cfg->entries[i];
		if (app_config_key_is_known(en))
			continue;
		const char *dot = strchr(en->section, '.'); /* a named section: [deliver "NAME"] */
		if (dot)
			report(d, V_WARN, "config", "[%.*s \"%s\"] %s: not a key brief reads (misspelt?); ignored",
			       (int)(dot - en->section), en->section, dot + 1, en->key);
		else if (*en->section)
			report(d, V_WARN, "config", "[%s] %s: not a key brief reads (misspelt?); ignored", en->section,
			       en->key);
		else
			report(d, V_WARN, "config", "%s: a key before any [section] is not read; ignored", en->key);
	}
}

/* ---- delivery ---- */

static void
check_delivery(struct doctor *d, const struct config *cfg)
{
	const char **names;
	size_t n = deliver_list(cfg, &names);
	if (n == 0)
		report(d, V_INFO, "deliver", "no delivery channels configured ([deliver \"NAME\"] in the config file)");
	for (size_t i = 0; i < n; i++) {
		struct err e = {""};
		char section[300];
		snprintf(section, sizeof section, "deliver.%s", names[i]);
		if (deliver_check(cfg, names[i], &e) < 0)
			report(d, V_FAIL, "deliver", "%s", e.msg);
		else
			report(d, V_OK, "deliver", "%s (%s)", names[i], config_get(cfg, section, "type"));
	}
	free(names);
}

int
cmd_doctor(int argc, char **argv)
{
	int no_network = 0, repair = 0;
	struct cli_option opts[] = {
		{"no-network", 0, CLI_FLAG, &no_network},
		{"repair", 0, CLI_FLAG, &repair},
		{NULL, 0, CLI_FLAG, NULL},
	};
	struct cli_common common = {0};
	int arc = cmd_args("doctor", cmd_doctor_help, argc, argv, opts, &common, 0, NULL, NULL);
	if (arc != CMD_CONTINUE)
		return arc;
	struct err e = {""};
	struct doctor d = {0, 0};
	printf("brief %s doctor\n", BRIEF_VERSION);

	/* The config file first, on its own, so a broken one is reported rather than fatal. */
	struct config probe;
	int config_ok = config_load(&probe, common.config, &e) == 0;
	if (!config_ok) {
		report(&d, V_FAIL, "config", "%s", e.msg);
		common.config = "/dev/null"; /* carry on with the defaults to check the rest */
	} else if (probe.path) {
		report(&d, V_OK, "config", "%s (%zu settings)", probe.path, probe.count);
		check_config_keys(&d, &probe);
	} else {
		/* the file brief looked for ($XDG_CONFIG_HOME honoured): where the user is to write one */
		char def[4200];
		if (config_default_path(def, sizeof def) < 0)
			str_copy(def, "~/.config/brief/config", sizeof def);
		report(&d, V_INFO, "config", "no config file (defaults; $BRIEF_CONFIG or %s)", def);
	}
	config_free(&probe);

	struct app app;
	if (app_open_home(&app, &common, 0, &e) < 0) {
		report(&d, V_FAIL, "home", "%s", e.msg);
		printf("result: not usable (%d problem%s)\n", d.failures, d.failures == 1 ? "" : "s");
		return EXIT_FAIL;
	}
	check_home(&d, app.home);
	if (repair)
		repair_store(&d, app.db_path);
	check_store(&d, app.db_path);
	check_llm(&d, &app.cfg, !no_network);
	check_delivery(&d, &app.cfg);
	app_close(&app);
	if (d.failures)
		printf("result: not usable (%d problem%s)\n", d.failures, d.failures == 1 ? "" : "s");
	else
		printf("result: usable%s\n", d.warnings ? " (with warnings)" : "");
	fflush(stdout);
	return d.failures ? EXIT_FAIL : EXIT_OK;
}
