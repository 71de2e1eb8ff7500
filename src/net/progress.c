/* progress.c: fetch progress on stderr: a live line redrawn in place on a terminal, one
 * plain line per finished feed otherwise. */
#include <stdio.h>
#include <string.h>

#include "net/fetch_internal.h"
#include "util/redact.h"
#include "util/timeutil.h"

void
progress_start(struct fetch_progress *p, int mode, int total)
{
	memset(p, 0, sizeof *p);
	p->mode = mode;
	p->total = total;
}

static void
human_bytes(int64_t n, char *out, size_t size)
{
	if (n >= 10 << 20)
		snprintf(out, size, "%.0f MB", (double)n / (1 << 20));
	else if (n >= 1 << 20)
		snprintf(out, size, "%.1f MB", (double)n / (1 << 20));
	else if (n >= 1 << 10)
		snprintf(out, size, "%.0f KB", (double)n / (1 << 10));
	else
		snprintf(out, size, "%lld B", (long long)n);
}

void
progress_draw(struct fetch_progress *p, int force)
{
	if (p->mode != 2)
		return;
	int64_t now = time_mono_ms();
	if (!force && p->is_drawn && now - p->last_draw_ms < 100)
		return;
	p->last_draw_ms = now;
	char bytes[32];
	human_bytes(p->bytes, bytes, sizeof bytes);
	char pages[64] = "";
	if (p->pages_total)
		snprintf(pages, sizeof pages, ", %d/%d pages", p->pages_done, p->pages_total);
	fprintf(stderr, "\r\033[Kfetching: %d/%d feeds done%s, %d in flight, %d failed, %s", p->done, p->total,
	        pages, p->in_flight, p->failed, bytes);
	fflush(stderr);
	p->is_drawn = 1;
}

/* A finished feed's or page's line: "fetch [3/92]" or "page [2/40]" (mode 1). */
static void
finished(struct fetch_progress *p, const char *what, int done, int total, const char *url, const char *error,
         const char *detail)
{
	if (p->mode == 0 || (p->mode == 2 && !error)) {
		progress_draw(p, 0);
		return;
	}
	struct buf shown = BUF_INIT; /* URL and error as shown: credentials redacted (util/redact.h) */
	redact_append(&shown, url);
	if (error || detail) {
		buf_puts(&shown, ": ");
		redact_append(&shown, error ? error : detail);
	}
	/* An item link is the feed's text: an escape sequence or a line break in it would
	 * retitle or clear the terminal, or forge a line of its own; shown as '?'. */
	for (size_t i = 0; i < shown.len; i++)
		if ((unsigned char)shown.data[i] < 0x20 || shown.data[i] == 0x7f)
			shown.data[i] = '?';
	if (p->mode == 1) {
		fprintf(stderr, "%s [%d/%d] %s %s\n", what, done, total, error ? "FAILED" : "ok", buf_str(&shown));
	} else { /* failures stay on screen above the live line */
		fprintf(stderr, "\r\033[Kfailed %s\n", buf_str(&shown));
		p->is_drawn = 0;
		progress_draw(p, 1);
	}
	buf_free(&shown);
}

void
progress_feed(struct fetch_progress *p, const char *url, const char *error, const char *detail)
{
	finished(p, "fetch", p->done, p->total, url, error, detail);
}

void
progress_page(struct fetch_progress *p, const char *url, const char *error, const char *detail)
{
	finished(p, "page", p->pages_done, p->pages_total, url, error, detail);
}

void
progress_end(struct fetch_progress *p)
{
	if (p->mode == 2 && p->is_drawn) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
	}
	p->is_drawn = 0;
}
