/* page.c: the one page head and its Content-Security-Policy (page.h). */
#include "report/page.h"

#include "report/escape.h"

void
page_csp(struct buf *out, enum page_kind kind, const char *cover)
{
	buf_puts(out, "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
	if (cover) {
		buf_putc(out, ' ');
		buf_puts(out, cover);
	}
	buf_puts(out, "; base-uri 'none'");
	buf_puts(out, kind == PAGE_SERVED ? "; form-action 'self'" : "; form-action 'none'");
	/* allow-same-origin and nothing else: no script may run either way (no allow-scripts,
	 * default-src 'none'), but a page sandboxed to an opaque origin makes every link a
	 * cross-site navigation, so with `serve --token` the SameSite=Strict token cookie was not
	 * sent and the navigation bar's links (the archive, the report before and after) gave 401. */
	if (kind == PAGE_SERVED_REPORT)
		buf_puts(out, "; sandbox allow-same-origin");
}

void
page_head(struct buf *out, enum page_kind kind, const char *lang, const char *title, const char *cover,
          const char *extra_head, const char *css)
{
	buf_puts(out, "<!DOCTYPE html>\n<html lang=\"");
	esc_html(out, lang);
	buf_puts(out, "\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"");
	page_csp(out, kind, cover);
	buf_puts(out, "\">\n<meta name=\"referrer\" content=\"no-referrer\">\n"
	              "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	              "<meta name=\"color-scheme\" content=\"light dark\">\n<link rel=\"icon\" href=\"data:,\">\n");
	if (extra_head)
		buf_puts(out, extra_head);
	buf_puts(out, "<title>");
	esc_html(out, title);
	buf_puts(out, "</title>\n<style>\n");
	buf_puts(out, css);
	buf_puts(out, "</style>\n</head>\n<body>\n");
}
