/* i18n.h: every word the daily report prints, in Chinese and English, plus relative
 * times ("3 小时前" / "3 hours ago") and local-time formatting. `--lang` picks one
 * table, so headings switch with the text. Templates use $1, $2 ... placeholders
 * (filled by i18n_fill) instead of printf formats, so translations may reorder them, and
 * English plurals as "{one|other}" after the count. */
#ifndef BRIEF_REPORT_I18N_H
#define BRIEF_REPORT_I18N_H

#include <stddef.h>
#include <stdint.h>

#include "net/fetch_error.h"
#include "util/buf.h"

struct i18n {
	const char *code;           /* "zh" / "en" (html lang attribute) */
	const char *title;          /* "AI 博客每日精选" */
	const char *src_default;    /* $1 = feed count */
	const char *src_custom;     /* $1 = feed count */
	const char *pick_llm;       /* $1 = top N */
	const char *pick_offline;   /* $1 = top N */
	const char *sep;            /* between the source and pick parts of the header line */
	const char *colon;          /* after a label: "：" / ": " */
	const char *h_highlights, *no_highlights;
	const char *h_must_read, *why_read;
	const char *h_overview;
	const char *col_feeds, *col_articles, *col_hours, *col_selected;
	const char *articles_flow;  /* $1 fetched → $2 in window */
	const char *hours_value;    /* $1 = hours */
	const char *selected_value; /* $1 = count */
	const char *h_categories, *pie_title;
	const char *h_keywords, *bar_axis, *ascii_summary;
	const char *h_tags;
	const char *score;          /* $1 = total */
	const char *also_in;        /* before the list of further sources */
	const char *h_health;
	/* The summary's parts, each shown only when its count ($1) is not zero, joined by " · ":
	 * feeds failed, feeds stale, items undated, items future-dated. */
	const char *health_parts[4];
	const char *full_text_summary; /* appended with full text on: $1 pages fetched */
	const char *full_text_failed;  /* after it when pages failed: $1 failed */
	const char *h_failed, *h_stale, *h_undated, *h_future;
	/* A failed feed's reason by the class of its error (net/fetch_error.h), shown before the
	 * fetcher's line in parentheses: 「无法连接（connection failed: …）」. NULL (English): the
	 * line alone, which is the reason in the reader's language already. */
	const char *fetch_reason[FETCH_ERR_COUNT];
	const char *stale_since;    /* $1 = date */
	const char *stale_never;
	const char *health_ok;
	const char *health_more;    /* ends a capped health list: $1 = how many are not shown */
	const char *footer_generated; /* $1 time, $2 feeds, $3 articles, $4 selected */
	const char *footer_engine_llm; /* $1 = model */
	const char *footer_engine_offline;
	const char *footer_checked;         /* after the model's name: its text was checked */
	const char *footer_checked_removed; /* the same, $1 sentences removed */
	const char *credit_default;  /* Markdown (no feed text) */
	const char *credit_default_html;
	const char *credit_custom;
	const char *nothing;         /* empty category list etc. */
	const char *undated;
	const char *index_title, *index_items; /* $1 = count */
	const char *index_months, *index_back; /* "按月归档", "返回归档首页" */
	const char *ago_just, *ago_min, *ago_hours, *ago_days; /* $1 = N */
	const char *ago_hour1, *ago_day1;     /* exactly one */
	const char *rank_medal[3];
};

/* The table for lang ("en" selects English; anything else Chinese, the default). */
const struct i18n *i18n_get(const char *lang);
/* Append tpl to out with $1..$9 replaced by args[0..n), and each "{one|other}" by one when
 * the argument put last before it is "1", else by other: the English tables' plurals ("1
 * feed", "2 feeds"); Chinese needs none. */
void i18n_fill(struct buf *out, const char *tpl, const char *const *args, size_t n);
/* i18n_fill without the plurals, for a template the user wrote (braces are theirs). */
void i18n_fill_literal(struct buf *out, const char *tpl, const char *const *args, size_t n);
/* Append "N 小时前" etc. for the span from t to now; "刚刚"/"just now" under a minute
 * or when t is in the future; whole days from 24 hours on. */
void i18n_ago(struct buf *out, const struct i18n *t, int64_t when, int64_t now);
enum i18n_time_format {
	I18N_DATE,     /* 2026-02-21 */
	I18N_DATETIME, /* 2026-02-21 09:56 CST */
	I18N_RFC3339   /* 2026-02-21T09:56:00+08:00 (Z at offset 0): the local date stays the date */
};
/* Format t in the process time zone (TZ). */
void i18n_local(struct buf *out, int64_t t, enum i18n_time_format fmt);

#endif
