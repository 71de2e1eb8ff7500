/* i18n.c: the report's strings in Chinese and English, relative and local times. */
#include "report/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/timeutil.h"

static const struct i18n zh = {
	.code = "zh-CN",
	.title = "AI 博客每日精选",
	.src_default = "来自 Karpathy 推荐的 $1 个顶级技术博客（HN Popularity Contest 2025）",
	.src_custom = "来自 $1 个订阅源",
	.pick_llm = "AI 精选 Top $1",
	.pick_offline = "离线引擎精选 Top $1（未使用 LLM：评分为启发式，摘要摘自原文）",
	.sep = "，",
	.colon = "：",
	.h_highlights = "今日看点",
	.no_highlights = "今天没有生成看点。",
	.h_must_read = "今日必读",
	.why_read = "为什么值得读",
	.h_overview = "数据概览",
	.col_feeds = "扫描源",
	.col_articles = "抓取文章",
	.col_hours = "时间范围",
	.col_selected = "精选",
	.articles_flow = "$1 篇 → $2 篇",
	.hours_value = "$1h",
	.selected_value = "$1 篇",
	.h_categories = "分类分布",
	.pie_title = "文章分类分布",
	.h_keywords = "高频关键词",
	.bar_axis = "出现次数",
	.ascii_summary = "纯文本关键词图（终端友好）",
	.h_tags = "话题标签",
	.score = "$1/30",
	.also_in = "同时见于",
	.h_health = "订阅源健康",
	.health_parts = {"$1 个源抓取失败", "$1 个源久未更新", "$1 条缺少日期", "$1 条日期在未来"},
	.full_text_summary = "全文抓取 $1 页",
	.full_text_failed = " · $1 页失败",
	.h_failed = "抓取失败",
	.h_stale = "超过 $1 天未更新",
	.h_undated = "缺少日期的文章",
	.h_future = "日期在未来的文章",
	.fetch_reason =
		{
			[FETCH_ERR_OTHER] = "抓取出错",
			[FETCH_ERR_TIMEOUT] = "超时",
			[FETCH_ERR_CONNECT] = "无法连接",
			[FETCH_ERR_RESET] = "连接中断",
			[FETCH_ERR_DNS] = "域名无法解析",
			[FETCH_ERR_TLS] = "安全连接（TLS）失败",
			[FETCH_ERR_NOT_FOUND] = "页面不存在",
			[FETCH_ERR_FORBIDDEN] = "拒绝访问",
			[FETCH_ERR_RATE_LIMITED] = "请求过多，被限流",
			[FETCH_ERR_SERVER] = "服务器出错",
			[FETCH_ERR_HTTP] = "服务器答复异常",
			[FETCH_ERR_NOT_FEED] = "不是订阅源",
			[FETCH_ERR_TOO_BIG] = "内容过大",
			[FETCH_ERR_BLOCKED] = "非公网地址，不予连接",
		},
	.stale_since = "最新一篇：$1",
	.stale_never = "从未有带日期的文章",
	.health_ok = "所有订阅源均正常。",
	.health_more = "……另有 $1 条未列出",
	.footer_generated = "生成于 $1 | 扫描 $2 源 → 获取 $3 篇 → 精选 $4 篇",
	.footer_engine_llm = "评分与摘要：$1",
	.footer_engine_offline = "评分与摘要：brief 离线引擎（未使用 LLM）",
	.footer_checked = " · 其中的数字、日期、引语和名称已与原文核对",
	.footer_checked_removed = " · 其中的数字、日期、引语和名称已与原文核对，删去 $1 句原文无据的话",
	.credit_default = "基于 [Hacker News Popularity Contest 2025](https://refactoringenglish.com/tools/hn-popularity/) RSS 源列表，由 [Andrej Karpathy](https://x.com/karpathy) 推荐",
	.credit_default_html = "基于 <a href=\"https://refactoringenglish.com/tools/hn-popularity/\" rel=\"noopener noreferrer\">Hacker News Popularity Contest 2025</a> RSS 源列表，由 <a href=\"https://x.com/karpathy\" rel=\"noopener noreferrer\">Andrej Karpathy</a> 推荐",
	.credit_custom = "基于你订阅的 RSS 源",
	.nothing = "（无）",
	.undated = "日期不详",
	.index_title = "AI 博客每日精选 · 归档",
	.index_items = "$1 篇精选",
	.index_months = "按月归档",
	.index_back = "返回归档首页",
	.ago_just = "刚刚",
	.ago_min = "$1 分钟前",
	.ago_hours = "$1 小时前",
	.ago_days = "$1 天前",
	.ago_hour1 = "1 小时前",
	.ago_day1 = "1 天前",
	.rank_medal = {"🥇", "🥈", "🥉"},
};

static const struct i18n en = {
	.code = "en",
	.title = "AI Blog Daily",
	.src_default = "From $1 top tech blogs recommended by Karpathy (HN Popularity Contest 2025)",
	.src_custom = "From $1 {feed|feeds}",
	.pick_llm = "AI-picked Top $1",
	.pick_offline = "Top $1 picked by the offline engine (no LLM: heuristic scores, extracted summaries)",
	.sep = ", ",
	.colon = ": ",
	.h_highlights = "Today's Highlights",
	.no_highlights = "No highlights were written today.",
	.h_must_read = "Must Read",
	.why_read = "Why read it",
	.h_overview = "At a Glance",
	.col_feeds = "Feeds",
	.col_articles = "Articles",
	.col_hours = "Window",
	.col_selected = "Selected",
	.articles_flow = "$1 → $2",
	.hours_value = "$1h",
	.selected_value = "$1",
	.h_categories = "Categories",
	.pie_title = "Articles by category",
	.h_keywords = "Top Keywords",
	.bar_axis = "Mentions",
	.ascii_summary = "Plain-text keyword chart (terminal friendly)",
	.h_tags = "Topics",
	.score = "$1/30",
	.also_in = "also in",
	.h_health = "Feed Health",
	.health_parts = {"$1 {feed|feeds} failed", "$1 {feed|feeds} stale", "$1 {item|items} undated",
	                 "$1 {item|items} future-dated"},
	.full_text_summary = "full text: $1 {page|pages} fetched",
	.full_text_failed = " · $1 failed",
	.h_failed = "Failed feeds",
	.h_stale = "No new posts for over $1 {day|days}",
	.h_undated = "Items without a date",
	.h_future = "Items dated in the future",
	.stale_since = "newest post: $1",
	.stale_never = "never had a dated post",
	.health_ok = "All feeds are healthy.",
	.health_more = "… and $1 more not listed",
	.footer_generated = "Generated $1 | $2 {feed|feeds} scanned → $3 {article|articles} → $4 selected",
	.footer_engine_llm = "Scores and summaries: $1",
	.footer_engine_offline = "Scores and summaries: brief's offline engine (no LLM)",
	.footer_checked = " · their figures, dates, quotations and names checked against the articles",
	.footer_checked_removed = " · their figures, dates, quotations and names checked against the articles; $1 "
	                          "unsupported {sentence|sentences} removed",
	.credit_default = "Sources: the [Hacker News Popularity Contest 2025](https://refactoringenglish.com/tools/hn-popularity/) feed list, recommended by [Andrej Karpathy](https://x.com/karpathy)",
	.credit_default_html = "Sources: the <a href=\"https://refactoringenglish.com/tools/hn-popularity/\" rel=\"noopener noreferrer\">Hacker News Popularity Contest 2025</a> feed list, recommended by <a href=\"https://x.com/karpathy\" rel=\"noopener noreferrer\">Andrej Karpathy</a>",
	.credit_custom = "Sources: the feeds you follow",
	.nothing = "(none)",
	.undated = "undated",
	.index_title = "AI Blog Daily · Archive",
	.index_items = "$1 {pick|picks}",
	.index_months = "By month",
	.index_back = "Back to the archive",
	.ago_just = "just now",
	.ago_min = "$1 min ago",
	.ago_hours = "$1 hours ago",
	.ago_days = "$1 days ago",
	.ago_hour1 = "1 hour ago",
	.ago_day1 = "1 day ago",
	.rank_medal = {"🥇", "🥈", "🥉"},
};

const struct i18n *
i18n_get(const char *lang)
{
	return lang && strcmp(lang, "en") == 0 ? &en : &zh;
}

/* tpl into out with $1..$9 replaced by args[0..n); with plurals, "{one|other}" is replaced by
 * one when the argument put last is "1", else by other. */
static void
fill(struct buf *out, const char *tpl, const char *const *args, size_t n, int plurals)
{
	const char *last = NULL;
	for (const char *p = tpl; *p; p++) {
		if (p[0] == '$' && p[1] >= '1' && p[1] <= '9') {
			size_t i = (size_t)(p[1] - '1');
			if (i < n && args[i]) {
				buf_puts(out, args[i]);
				last = args[i];
			}
			p++;
			continue;
		}
		const char *bar = plurals && *p == '{' ? strchr(p, '|') : NULL;
		const char *close = bar ? strchr(bar, '}') : NULL;
		if (close) {
			if (last && strcmp(last, "1") == 0)
				buf_append(out, p + 1, (size_t)(bar - p - 1));
			else
				buf_append(out, bar + 1, (size_t)(close - bar - 1));
			p = close;
			continue;
		}
		buf_putc(out, *p);
	}
}

void
i18n_fill(struct buf *out, const char *tpl, const char *const *args, size_t n)
{
	fill(out, tpl, args, n, 1);
}

void
i18n_fill_literal(struct buf *out, const char *tpl, const char *const *args, size_t n)
{
	fill(out, tpl, args, n, 0);
}

void
i18n_ago(struct buf *out, const struct i18n *t, int64_t when, int64_t now)
{
	int64_t d = now - when;
	char n[32];
	const char *tpl;
	if (d < 60) {
		buf_puts(out, t->ago_just);
		return;
	}
	if (d < 3600) {
		snprintf(n, sizeof n, "%lld", (long long)(d / 60));
		tpl = t->ago_min;
	} else if (d < 86400) {
		snprintf(n, sizeof n, "%lld", (long long)(d / 3600));
		tpl = d < 7200 ? t->ago_hour1 : t->ago_hours;
	} else {
		snprintf(n, sizeof n, "%lld", (long long)(d / 86400));
		tpl = d < 2 * 86400 ? t->ago_day1 : t->ago_days;
	}
	const char *args[] = {n};
	i18n_fill(out, tpl, args, 1);
}

void
i18n_local(struct buf *out, int64_t t, enum i18n_time_format fmt)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char s[128];
	if (!localtime_r(&tt, &tm))
		return;
	if (fmt == I18N_RFC3339) {
		/* the offset from the local broken-down time read as UTC (no tm_gmtoff: not C17) */
		int64_t off = time_from_utc(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
		                            tm.tm_sec) - t;
		buf_printf(out, "%04d-%02d-%02dT%02d:%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
		           tm.tm_hour, tm.tm_min, tm.tm_sec);
		if (off == 0)
			buf_putc(out, 'Z');
		else
			buf_printf(out, "%c%02d:%02d", off < 0 ? '-' : '+', (int)(llabs((long long)off) / 3600),
			           (int)(llabs((long long)off) % 3600 / 60));
		return;
	}
	size_t n = fmt == I18N_DATE ? strftime(s, sizeof s, "%Y-%m-%d", &tm)
	                            : strftime(s, sizeof s, "%Y-%m-%d %H:%M %Z", &tm);
	if (n > 0)
		buf_puts(out, s);
}
