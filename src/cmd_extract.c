/* cmd_extract.c: `brief extract`: the main content of saved web pages (files or stdin), as
 * plain text, clean HTML or JSON Lines. No network, no store. */
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd.h"
#include "cmd_common.h"
#include "extract/extract.h"
#include "util/buf.h"
#include "util/fs.h"
#include "util/json.h"

const char cmd_extract_help[] =
	"usage: brief extract [--url URL] [--format text|html|json] [--charset CS] FILE... | -\n"
	"\n"
	"Extract the article (the main content) of saved HTML pages, without network or store,\n"
	"the way brief does for feeds whose items carry only a summary. \"-\" reads standard input.\n"
	"\n"
	"  --url URL           where the page came from: relative links and images are\n"
	"                      resolved against it (HTML output)\n"
	"  --format FMT        text: the article as plain text, paragraphs separated by a\n"
	"                      blank line (the default); html: the article as clean HTML\n"
	"                      (structural tags only, no scripts, styles, event handlers or\n"
	"                      javascript: links); json: one object per file, one per line,\n"
	"                      with file, url, title, byline, published, lang, excerpt, text\n"
	"                      and html\n"
	"  --charset CS        the page's charset as the HTTP header gave it (it beats the\n"
	"                      page's <meta charset>, not a byte order mark)\n"
	"\n"
	"With several files, text and html output put a \"==> FILE <==\" line before each.\n"
	"A page without an article prints nothing (json: empty text), says so on standard\n"
	"error, and is no failure.\n"
	"\n"
	"Exit status: 0 when every file was read, 1 when some could not be, 2 on usage errors.\n";

enum fmt { FMT_TEXT, FMT_HTML, FMT_JSON };

static void
print_json(const char *file, const char *url, const struct extract_result *r)
{
	json_t *o = json_object();
	json_object_set_new(o, "file", json_text(file));
	json_object_set_new(o, "url", json_text(url));
	json_object_set_new(o, "title", json_text(r->title));
	json_object_set_new(o, "byline", json_text(r->byline));
	json_object_set_new(o, "published", json_text(r->published));
	json_object_set_new(o, "lang", json_text(r->lang));
	json_object_set_new(o, "excerpt", json_text(r->excerpt));
	json_object_set_new(o, "text", json_text(r->text));
	json_object_set_new(o, "html", json_text(r->html));
	json_put_line(o);
}

int
cmd_extract(int argc, char **argv)
{
	struct cli_common common = {0};
	const char *url = NULL, *format = NULL, *charset = NULL;
	const struct cli_option opts[] = {
		{"url", 0, CLI_VALUE, &url},
		{"format", 0, CLI_VALUE, &format},
		{"charset", 0, CLI_VALUE, &charset},
		{NULL, 0, 0, NULL},
	};
	char **pos = NULL;
	int npos = 0;
	int rc = cmd_args("extract", cmd_extract_help, argc, argv, opts, &common, INT_MAX, &pos, &npos);
	if (rc != CMD_CONTINUE)
		return rc;
	enum fmt fmt = FMT_TEXT;
	if (format && strcmp(format, "html") == 0) {
		fmt = FMT_HTML;
	} else if (format && strcmp(format, "json") == 0) {
		fmt = FMT_JSON;
	} else if (format && strcmp(format, "text") != 0) {
		free(pos);
		return cmd_usage_error("extract", "--format must be text, html or json");
	}
	if (npos == 0) {
		free(pos);
		return cmd_usage_error("extract", "no input (give files, or - for standard input)");
	}
	struct extract_opts eo = {.url = url, .http_charset = charset, .want_html = fmt != FMT_TEXT};
	struct arena arena = ARENA_INIT;
	struct buf data = BUF_INIT;
	int status = EXIT_OK;
	for (int i = 0; i < npos; i++) {
		struct err e = {{0}};
		struct extract_result r;
		buf_clear(&data);
		if (fs_read_all(pos[i], &data, &e) != 0 ||
		    extract_page(buf_str(&data), data.len, &eo, &arena, &r, &e) != 0) {
			fprintf(stderr, "brief: %s: %s\n", pos[i], e.msg);
			status = EXIT_FAIL;
			continue;
		}
		if (!r.found && !common.is_quiet)
			fprintf(stderr, "brief: %s: no article found\n", pos[i]);
		if (fmt == FMT_JSON) {
			print_json(pos[i], url, &r);
		} else {
			if (npos > 1)
				printf("%s==> %s <==\n", i ? "\n" : "", pos[i]);
			const char *s = fmt == FMT_HTML ? r.html : r.text;
			if (s && *s) {
				fputs(s, stdout);
				fputc('\n', stdout);
			}
		}
		arena_reset(&arena);
	}
	if (fflush(stdout) != 0 && status == EXIT_OK) {
		fprintf(stderr, "brief: cannot write the output\n");
		status = EXIT_FAIL;
	}
	buf_free(&data);
	arena_free(&arena);
	free(pos);
	return status;
}
