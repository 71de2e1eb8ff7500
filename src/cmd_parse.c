/* cmd_parse.c: `brief parse`: parse feed documents from files or stdin and print
 * the normalized result, one JSON object per document (or TSV items). */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd.h"
#include "feed/feed.h"
#include "feed/sanitize.h"
#include "util/buf.h"
#include "util/fs.h"
#include "util/html.h"
#include "util/json.h"
#include "util/timeutil.h"

const char cmd_parse_help[] =
	"usage: brief parse [--json|--tsv] [--raw-html] [--base URL] [--charset CS] [--content-type CT]\n"
	"                   FILE... | -\n"
	"\n"
	"Parse feed documents (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed 1.0/1.1) without\n"
	"network or store, and print what brief makes of them. \"-\" reads standard input.\n"
	"\n"
	"  --json              one JSON object per document, one per line (the default)\n"
	"  --tsv               one line per item: published(unix)\\ttitle\\tlink\\tid\\tauthor\n"
	"                      (published falls back to updated; empty when unknown)\n"
	"  --raw-html          summary, content and the feed's subtitle as published; by\n"
	"                      default their HTML is sanitised as feedparser does it (no\n"
	"                      scripts, event handlers, javascript: links or unsafe CSS)\n"
	"  --base URL          resolve relative links against URL (e.g. where it was fetched)\n"
	"  --charset CS        the document's charset as given out of band (HTTP charset);\n"
	"                      it overrides the XML declaration, not a byte order mark\n"
	"  --content-type CT   the HTTP Content-Type the document was served with; its\n"
	"                      charset parameter and RFC 3023 rules apply (text/xml without\n"
	"                      charset means us-ascii)\n"
	"\n"
	"Exit status: 0 when every document was parsed as a feed (possibly bozo), 1 when\n"
	"some could not be read or were not feeds, 2 on usage errors.\n";

struct run {
	int is_tsv;
	int is_raw_html; /* --raw-html: HTML fields as published */
	json_t *items;   /* --json: the current document's items */
	struct buf line;
	struct buf html; /* one sanitised HTML field */
};

static json_t *
jstr(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *
jdate(int64_t t)
{
	if (t == FEED_NO_DATE)
		return json_null();
	char out[32];
	time_format_rfc3339(t, out, sizeof out);
	return json_string(out);
}

/* A summary, content or subtitle: with --raw-html as published; else as safe HTML, sanitised
 * when it was published as HTML, escaped when it was plain text (so that it shows that text);
 * null when absent. */
static json_t *
jhtml(struct run *run, const char *s, int is_plain)
{
	if (!s || run->is_raw_html)
		return jstr(s);
	buf_clear(&run->html);
	if (is_plain)
		html_escape_str(&run->html, s);
	else
		sanitize_html(s, strlen(s), &run->html);
	return json_string(buf_str(&run->html));
}

/* TSV field: tabs, newlines and backslashes escaped as sfeed does; the other control
 * characters (C0, DEL, C1 as UTF-8) dropped, as sfeed drops them: the lines often go to a
 * terminal, where a feed's escape sequence would clear, retitle or reprogram it. */
static void
tsv_field(struct buf *b, const char *s)
{
	if (!s)
		return;
	for (; *s; s++) {
		size_t run = 0; /* plain bytes go in one append */
		while ((unsigned char)s[run] >= 0x20 && s[run] != 0x7f && s[run] != '\\' && (unsigned char)s[run] != 0xc2)
			run++;
		buf_append(b, s, run);
		s += run;
		unsigned char c = (unsigned char)*s;
		if (!c)
			break;
		if (c == '\t')
			buf_puts(b, "\\t");
		else if (c == '\n')
			buf_puts(b, "\\n");
		else if (c == '\\')
			buf_puts(b, "\\\\");
		else if (c == 0xc2 && (unsigned char)s[1] >= 0x80 && (unsigned char)s[1] < 0xa0)
			s++; /* U+0080..U+009F */
		else if (c >= 0x20 && c != 0x7f)
			buf_putc(b, (char)c);
	}
}

static int
on_item(void *ctx, const struct feed_doc *doc, const struct feed_item *it)
{
	(void)doc;
	struct run *run = ctx;
	if (run->is_tsv) {
		struct buf *b = &run->line;
		b->len = 0;
		int64_t t = it->published != FEED_NO_DATE ? it->published : it->updated;
		if (t != FEED_NO_DATE)
			buf_printf(b, "%lld", (long long)t);
		buf_putc(b, '\t');
		tsv_field(b, it->title);
		buf_putc(b, '\t');
		tsv_field(b, it->link);
		buf_putc(b, '\t');
		tsv_field(b, it->id);
		buf_putc(b, '\t');
		tsv_field(b, it->author);
		buf_putc(b, '\n');
		fwrite(b->data, 1, b->len, stdout);
		return 0;
	}
	json_t *cats = json_array();
	for (size_t i = 0; i < it->category_count; i++)
		json_array_append_new(cats, json_string(it->categories[i]));
	json_t *encs = json_array();
	for (size_t i = 0; i < it->enclosure_count; i++) {
		const struct feed_enclosure *e = &it->enclosures[i];
		json_array_append_new(encs, json_pack("{s:o, s:o, s:o}", "url", jstr(e->url), "type", jstr(e->type),
		                                      "length", e->length >= 0 ? json_integer(e->length) : json_null()));
	}
	json_t *o = json_object();
	json_object_set_new(o, "id", jstr(it->id));
	json_object_set_new(o, "title", jstr(it->title));
	json_object_set_new(o, "link", jstr(it->link));
	json_object_set_new(o, "published", jdate(it->published));
	json_object_set_new(o, "updated", jdate(it->updated));
	json_object_set_new(o, "author", jstr(it->author));
	json_object_set_new(o, "summary", jhtml(run, it->summary, it->plain & FEED_PLAIN_SUMMARY));
	json_object_set_new(o, "content", jhtml(run, it->content, it->plain & FEED_PLAIN_CONTENT));
	json_object_set_new(o, "text", jstr(it->text));
	json_object_set_new(o, "categories", cats);
	json_object_set_new(o, "enclosures", encs);
	json_object_set_new(o, "comments", jstr(it->comments));
	json_array_append_new(run->items, o);
	return 0;
}

static void
print_doc(struct run *run, const char *source, const struct feed_doc *doc, json_t *items)
{
	const struct feed_info *f = &doc->feed;
	json_t *feed = json_object();
	json_object_set_new(feed, "title", jstr(f->title));
	json_object_set_new(feed, "link", jstr(f->link));
	json_object_set_new(feed, "id", jstr(f->id));
	json_object_set_new(feed, "subtitle", jhtml(run, f->subtitle, f->subtitle_is_plain));
	json_object_set_new(feed, "language", jstr(f->language));
	json_object_set_new(feed, "updated", jdate(f->updated));
	json_object_set_new(feed, "author", jstr(f->author));
	json_object_set_new(feed, "icon", jstr(f->icon));
	json_object_set_new(feed, "generator", jstr(f->generator));
	json_t *o = json_object();
	json_object_set_new(o, "source", json_text(source)); /* a file name need not be UTF-8 */
	json_object_set_new(o, "version", json_string(doc->version ? doc->version : ""));
	json_object_set_new(o, "encoding", jstr(doc->encoding));
	json_object_set_new(o, "bozo", json_boolean(doc->is_bozo));
	json_object_set_new(o, "error", jstr(doc->error));
	json_object_set_new(o, "feed", feed);
	json_object_set(o, "items", items);
	json_put_line(o);
}

int
cmd_parse(int argc, char **argv)
{
	struct cli_common common = {0};
	int is_json = 0, is_tsv = 0, is_raw_html = 0;
	const char *base = NULL, *charset = NULL, *content_type = NULL;
	const struct cli_option opts[] = {
		{"json", 0, CLI_FLAG, &is_json},
		{"tsv", 0, CLI_FLAG, &is_tsv},
		{"raw-html", 0, CLI_FLAG, &is_raw_html},
		{"base", 0, CLI_VALUE, &base},
		{"charset", 0, CLI_VALUE, &charset},
		{"content-type", 0, CLI_VALUE, &content_type},
		{NULL, 0, 0, NULL},
	};
	char **pos = NULL;
	int npos = 0;
	struct err e;
	if (cli_parse(argc, argv, opts, &common, &pos, &npos, &e) != 0) {
		free(pos);
		return cmd_usage_error("parse", e.msg);
	}
	if (common.wants_help) {
		fputs(cmd_parse_help, stdout);
		free(pos);
		return EXIT_OK;
	}
	if (is_json && is_tsv) {
		free(pos);
		return cmd_usage_error("parse", "--json and --tsv exclude each other");
	}
	if (npos == 0) {
		free(pos);
		return cmd_usage_error("parse", "no input (give files, or - for standard input)");
	}
	struct run run = {.is_tsv = is_tsv, .is_raw_html = is_raw_html};
	/* --tsv prints no HTML and no plain text: do not make them */
	struct feed_parse_opts popts = {.base_url = base, .charset_hint = charset, .content_type = content_type,
	                                .omit = is_tsv ? FEED_OMIT_HTML | FEED_OMIT_TEXT : 0};
	struct arena arena = ARENA_INIT;
	/* each document is mapped, not copied (read only from a pipe): a big one costs
	 * its size in page cache and nothing more */
	struct fs_view data = FS_VIEW_INIT;
	int status = EXIT_OK;
	for (int i = 0; i < npos; i++) {
		if (fs_view_open(pos[i], &data, &e) != 0) {
			fprintf(stderr, "brief parse: %s\n", e.msg);
			status = EXIT_FAIL;
			continue;
		}
		struct feed_doc doc;
		run.items = is_tsv ? NULL : json_array();
		if (feed_parse(data.data, data.len, &popts, &arena, on_item, &run, &doc) != 0)
			status = EXIT_FAIL;
		if (!is_tsv)
			print_doc(&run, pos[i], &doc, run.items);
		else if (doc.error && !doc.item_count)
			fprintf(stderr, "brief parse: %s: %s\n", pos[i], doc.error);
		json_decref(run.items);
		arena_reset(&arena);
	}
	fflush(stdout);
	arena_free(&arena);
	fs_view_close(&data);
	buf_free(&run.line);
	buf_free(&run.html);
	free(pos);
	return status;
}
