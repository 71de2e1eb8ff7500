/* svg.c: inline SVG charts for the HTML report.
 *
 * The donut uses one circle per slice with a stroke dash pattern (circumference 100),
 * so slices are placed with integer arithmetic only: the output is byte-identical on
 * every machine, which the golden tests rely on. */
#include "report/svg.h"

#include "category.h"
#include "report/escape.h"
#include "report/render.h"
#include "util/utf8.h"

/* Hundredths as "12.34". */
static void
put_hundredths(struct buf *out, long v)
{
	buf_printf(out, "%ld.%02ld", v / 100, v % 100);
}

void
svg_category_donut(const struct report *r, const struct i18n *t, struct buf *out)
{
	long total = 0;
	for (size_t i = 0; i < r->category_count; i++)
		total += r->categories[i].count;
	if (total <= 0)
		return;
	buf_puts(out, "<div class=\"donut\">\n<svg viewBox=\"0 0 42 42\" width=\"168\" height=\"168\" role=\"img\" aria-label=\"");
	esc_html(out, t->pie_title);
	buf_puts(out, "\">\n<circle class=\"ring\" cx=\"21\" cy=\"21\" r=\"15.91549\" fill=\"none\" stroke-width=\"6\"/>\n");
	long start = 0; /* hundredths of a percent of the circumference, from 12 o'clock */
	for (size_t i = 0; i < r->category_count; i++) {
		long share = (long)r->categories[i].count * 10000 / total;
		if (i + 1 == r->category_count)
			share = 10000 - start; /* absorb rounding in the last slice */
		buf_printf(out, "<circle class=\"c%d\" cx=\"21\" cy=\"21\" r=\"15.91549\" fill=\"none\" stroke-width=\"6\" stroke-dasharray=\"",
		           (int)r->categories[i].category);
		put_hundredths(out, share);
		buf_putc(out, ' ');
		put_hundredths(out, 10000 - share);
		buf_puts(out, "\" stroke-dashoffset=\"");
		put_hundredths(out, (2500 - start + 10000) % 10000);
		buf_puts(out, "\"><title>");
		esc_html(out, category_label(r->categories[i].category, r->lang));
		buf_printf(out, ": %d</title></circle>\n", r->categories[i].count);
		start += share;
	}
	buf_printf(out, "<text x=\"21\" y=\"23.5\" text-anchor=\"middle\" class=\"donut-total\">%ld</text>\n</svg>\n<ul class=\"legend\">\n",
	           total);
	for (size_t i = 0; i < r->category_count; i++) {
		buf_printf(out, "<li><span class=\"sw c%d\"></span>%s ", (int)r->categories[i].category,
		           category_emoji(r->categories[i].category));
		esc_html(out, category_label(r->categories[i].category, r->lang));
		buf_printf(out, " <b>%d</b></li>\n", r->categories[i].count);
	}
	buf_puts(out, "</ul>\n</div>\n");
}

void
svg_keyword_bars(const struct report *r, const struct i18n *t, struct buf *out)
{
	size_t n = r->keyword_count < RENDER_CHART_KEYWORDS ? r->keyword_count : RENDER_CHART_KEYWORDS;
	if (n == 0)
		return;
	enum { ROW = 22, BAR_W = 200, COL_PX = 7, LABEL_COLS = 18 };
	struct buf label = BUF_INIT;
	size_t cols = 4;
	for (size_t i = 0; i < n; i++) {
		buf_clear(&label);
		esc_fit_width(&label, r->keywords[i].word, LABEL_COLS);
		size_t w = utf8_width(buf_str(&label), label.len);
		if (w > cols)
			cols = w;
	}
	int label_px = (int)cols * COL_PX + 8;
	int width = label_px + BAR_W + 40, height = (int)n * ROW + 4;
	int max = r->keywords[0].count;
	buf_printf(out, "<svg class=\"bars\" viewBox=\"0 0 %d %d\" width=\"100%%\" style=\"max-width:%dpx\" role=\"img\" aria-label=\"",
	           width, height, width);
	esc_html(out, t->h_keywords);
	buf_puts(out, "\">\n");
	for (size_t i = 0; i < n; i++) {
		int y = (int)i * ROW + 2;
		int bar = render_bar_cells(r->keywords[i].count, max, BAR_W);
		buf_clear(&label);
		esc_fit_width(&label, r->keywords[i].word, LABEL_COLS);
		buf_printf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", label_px - 8, y + 15);
		esc_html(out, buf_str(&label));
		buf_printf(out, "</text><rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"16\" rx=\"3\"/>"
		                "<text x=\"%d\" y=\"%d\">%d</text>\n",
		           label_px, y + 2, bar, label_px + bar + 6, y + 15, r->keywords[i].count);
	}
	buf_puts(out, "</svg>\n");
	buf_free(&label);
}
