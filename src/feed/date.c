/* date.c: parse the dates feeds really carry into UTC seconds.
 *
 * Two grammars share one validator: a strict ISO 8601 / RFC 3339 / W3C-DTF reader
 * (extended and basic forms, ordinal dates, partial dates, 2-digit years as in
 * feedparser's ISO reader, Hungarian month names, Korean "오후" and Chinese "下午" times, a
 * decimal comma in the seconds), and a
 * token-based reader for RFC 822/1123/2822 and everything that looks like it
 * (asctime, JavaScript Date strings, missing seconds, extra commas, "(UTC)" comments,
 * "Etc/GMT", "GMT+01:00", AM/PM, localized month names, Korean 년/월/일, Chinese 年/月/日, perforce
 * "YYYY/MM/DD"). Out-of-range fields (hour 25, 31 June, zone -99:99) are rejected,
 * never rolled over; anything not understood is -1, never 1970. */
#include "feed/date.h"

#include <stdlib.h>
#include <string.h>

#include "util/str.h"
#include "util/timeutil.h"

/* Longest input considered: real dates are < 64 bytes; longer text is not a date. */
#define DATE_MAX 160

enum date_word_kind { DATE_W_MONTH, DATE_W_WEEKDAY, DATE_W_ZONE, DATE_W_AM, DATE_W_PM, DATE_W_FILLER };

struct date_word {
	const char *name; /* lower-case ASCII or UTF-8 as written */
	enum date_word_kind kind;
	int value; /* month 1-12, zone offset in minutes; for AM/PM markers the zone (minutes east)
	            * their language implies, 0 for none */
};

/* Sorted by bytes (strcmp) for bsearch; the unit test checks the order.
 * Zones: RFC 822 names and military letters (with RFC 822's signs, as feedparser),
 * the North American names, feedparser's extras (AT/ET/CT/MT/PT, MET/MEST) and the
 * common European/Asian/Australian abbreviations. Months: English, French, German,
 * Spanish, Portuguese, Italian, Dutch, Hungarian and Greek (feedparser's table). */
static const struct date_word date_words[] = {
	{"a", DATE_W_ZONE, -60}, {"abr", DATE_W_MONTH, 4}, {"abril", DATE_W_MONTH, 4},
	{"acdt", DATE_W_ZONE, 630}, {"acst", DATE_W_ZONE, 570}, {"adt", DATE_W_ZONE, -180},
	{"aedt", DATE_W_ZONE, 660}, {"aest", DATE_W_ZONE, 600}, {"ago", DATE_W_MONTH, 8},
	{"agosto", DATE_W_MONTH, 8}, {"akdt", DATE_W_ZONE, -480}, {"akst", DATE_W_ZONE, -540},
	{"am", DATE_W_AM, 0}, {"aout", DATE_W_MONTH, 8}, {"aoû", DATE_W_MONTH, 8},
	{"août", DATE_W_MONTH, 8}, {"apr", DATE_W_MONTH, 4}, {"april", DATE_W_MONTH, 4},
	{"aprile", DATE_W_MONTH, 4}, {"ast", DATE_W_ZONE, -240}, {"at", DATE_W_ZONE, -240},
	{"aug", DATE_W_MONTH, 8}, {"august", DATE_W_MONTH, 8}, {"augustus", DATE_W_MONTH, 8},
	{"augusztus", DATE_W_MONTH, 8}, {"avr", DATE_W_MONTH, 4}, {"avril", DATE_W_MONTH, 4},
	{"awst", DATE_W_ZONE, 480}, {"b", DATE_W_ZONE, -120}, {"bst", DATE_W_ZONE, 60},
	{"c", DATE_W_ZONE, -180}, {"cdt", DATE_W_ZONE, -300}, {"cest", DATE_W_ZONE, 120},
	{"cet", DATE_W_ZONE, 60}, {"cst", DATE_W_ZONE, -360}, {"ct", DATE_W_ZONE, -360},
	{"d", DATE_W_ZONE, -240}, {"de", DATE_W_FILLER, 0}, {"dec", DATE_W_MONTH, 12},
	{"december", DATE_W_MONTH, 12}, {"decembre", DATE_W_MONTH, 12}, {"dez", DATE_W_MONTH, 12},
	{"dezember", DATE_W_MONTH, 12}, {"dezembro", DATE_W_MONTH, 12}, {"dic", DATE_W_MONTH, 12},
	{"dicembre", DATE_W_MONTH, 12}, {"diciembre", DATE_W_MONTH, 12}, {"déc", DATE_W_MONTH, 12},
	{"décembre", DATE_W_MONTH, 12}, {"e", DATE_W_ZONE, -300}, {"edt", DATE_W_ZONE, -240},
	{"eest", DATE_W_ZONE, 180}, {"eet", DATE_W_ZONE, 120}, {"ene", DATE_W_MONTH, 1},
	{"enero", DATE_W_MONTH, 1}, {"est", DATE_W_ZONE, -300}, {"et", DATE_W_ZONE, -300},
	{"f", DATE_W_ZONE, -360}, {"feb", DATE_W_MONTH, 2}, {"febbraio", DATE_W_MONTH, 2},
	{"febrero", DATE_W_MONTH, 2}, {"februar", DATE_W_MONTH, 2}, {"februari", DATE_W_MONTH, 2},
	{"february", DATE_W_MONTH, 2}, {"február", DATE_W_MONTH, 2}, {"februári", DATE_W_MONTH, 2},
	{"fev", DATE_W_MONTH, 2}, {"fevereiro", DATE_W_MONTH, 2}, {"fevr", DATE_W_MONTH, 2},
	{"fri", DATE_W_WEEKDAY, 0}, {"friday", DATE_W_WEEKDAY, 0}, {"fév", DATE_W_MONTH, 2},
	{"févr", DATE_W_MONTH, 2}, {"février", DATE_W_MONTH, 2}, {"g", DATE_W_ZONE, -420},
	{"gen", DATE_W_MONTH, 1}, {"gennaio", DATE_W_MONTH, 1}, {"giu", DATE_W_MONTH, 6},
	{"giugno", DATE_W_MONTH, 6}, {"gmt", DATE_W_ZONE, 0}, {"h", DATE_W_ZONE, -480},
	{"hkt", DATE_W_ZONE, 480}, {"hst", DATE_W_ZONE, -600}, {"i", DATE_W_ZONE, -540},
	{"ist", DATE_W_ZONE, 330}, {"jan", DATE_W_MONTH, 1}, {"janeiro", DATE_W_MONTH, 1},
	{"januar", DATE_W_MONTH, 1}, {"januari", DATE_W_MONTH, 1}, {"january", DATE_W_MONTH, 1},
	{"január", DATE_W_MONTH, 1}, {"janv", DATE_W_MONTH, 1}, {"janvier", DATE_W_MONTH, 1},
	{"jst", DATE_W_ZONE, 540}, {"juil", DATE_W_MONTH, 7}, {"juillet", DATE_W_MONTH, 7},
	{"juin", DATE_W_MONTH, 6}, {"jul", DATE_W_MONTH, 7}, {"julho", DATE_W_MONTH, 7},
	{"juli", DATE_W_MONTH, 7}, {"julio", DATE_W_MONTH, 7}, {"july", DATE_W_MONTH, 7},
	{"jun", DATE_W_MONTH, 6}, {"june", DATE_W_MONTH, 6}, {"junho", DATE_W_MONTH, 6},
	{"juni", DATE_W_MONTH, 6}, {"junio", DATE_W_MONTH, 6}, {"július", DATE_W_MONTH, 7},
	{"június", DATE_W_MONTH, 6}, {"k", DATE_W_ZONE, -600}, {"kst", DATE_W_ZONE, 540},
	{"l", DATE_W_ZONE, -660}, {"lug", DATE_W_MONTH, 7}, {"luglio", DATE_W_MONTH, 7},
	{"m", DATE_W_ZONE, -720}, {"maart", DATE_W_MONTH, 3}, {"maerz", DATE_W_MONTH, 3},
	{"mag", DATE_W_MONTH, 5}, {"maggio", DATE_W_MONTH, 5}, {"mai", DATE_W_MONTH, 5},
	{"maio", DATE_W_MONTH, 5}, {"mar", DATE_W_MONTH, 3}, {"march", DATE_W_MONTH, 3},
	{"mars", DATE_W_MONTH, 3}, {"marzo", DATE_W_MONTH, 3}, {"março", DATE_W_MONTH, 3},
	{"may", DATE_W_MONTH, 5}, {"mayo", DATE_W_MONTH, 5}, {"mdt", DATE_W_ZONE, -360},
	{"mei", DATE_W_MONTH, 5}, {"mest", DATE_W_ZONE, 120}, {"mesz", DATE_W_ZONE, 120},
	{"met", DATE_W_ZONE, 60}, {"mez", DATE_W_ZONE, 60}, {"mon", DATE_W_WEEKDAY, 0},
	{"monday", DATE_W_WEEKDAY, 0}, {"mrt", DATE_W_MONTH, 3}, {"mrz", DATE_W_MONTH, 3},
	{"msk", DATE_W_ZONE, 180}, {"mst", DATE_W_ZONE, -420}, {"mt", DATE_W_ZONE, -420},
	{"május", DATE_W_MONTH, 5}, {"március", DATE_W_MONTH, 3}, {"máujus", DATE_W_MONTH, 5},
	{"mär", DATE_W_MONTH, 3}, {"märz", DATE_W_MONTH, 3}, {"n", DATE_W_ZONE, 60},
	{"ndt", DATE_W_ZONE, -150}, {"nov", DATE_W_MONTH, 11}, {"november", DATE_W_MONTH, 11},
	{"novembre", DATE_W_MONTH, 11}, {"novembro", DATE_W_MONTH, 11}, {"noviembre", DATE_W_MONTH, 11},
	{"nst", DATE_W_ZONE, -210}, {"nzdt", DATE_W_ZONE, 780}, {"nzst", DATE_W_ZONE, 720},
	{"o", DATE_W_ZONE, 120}, {"oct", DATE_W_MONTH, 10}, {"october", DATE_W_MONTH, 10},
	{"octobre", DATE_W_MONTH, 10}, {"octubre", DATE_W_MONTH, 10}, {"of", DATE_W_FILLER, 0},
	{"okt", DATE_W_MONTH, 10}, {"oktober", DATE_W_MONTH, 10}, {"október", DATE_W_MONTH, 10},
	{"ott", DATE_W_MONTH, 10}, {"ottobre", DATE_W_MONTH, 10}, {"out", DATE_W_MONTH, 10},
	{"outubro", DATE_W_MONTH, 10}, {"p", DATE_W_ZONE, 180}, {"pdt", DATE_W_ZONE, -420},
	{"pm", DATE_W_PM, 0}, {"pst", DATE_W_ZONE, -480}, {"pt", DATE_W_ZONE, -480},
	{"q", DATE_W_ZONE, 240}, {"r", DATE_W_ZONE, 300}, {"s", DATE_W_ZONE, 360},
	{"sat", DATE_W_WEEKDAY, 0}, {"saturday", DATE_W_WEEKDAY, 0}, {"sep", DATE_W_MONTH, 9},
	{"sept", DATE_W_MONTH, 9}, {"september", DATE_W_MONTH, 9}, {"septembre", DATE_W_MONTH, 9},
	{"septiembre", DATE_W_MONTH, 9}, {"set", DATE_W_MONTH, 9}, {"setembro", DATE_W_MONTH, 9},
	{"setiembre", DATE_W_MONTH, 9}, {"settembre", DATE_W_MONTH, 9}, {"sgt", DATE_W_ZONE, 480},
	{"sun", DATE_W_WEEKDAY, 0}, {"sunday", DATE_W_WEEKDAY, 0}, {"szeptember", DATE_W_MONTH, 9},
	{"t", DATE_W_ZONE, 420}, {"the", DATE_W_FILLER, 0}, {"thu", DATE_W_WEEKDAY, 0},
	{"thur", DATE_W_WEEKDAY, 0}, {"thurs", DATE_W_WEEKDAY, 0}, {"thursday", DATE_W_WEEKDAY, 0},
	{"tue", DATE_W_WEEKDAY, 0}, {"tues", DATE_W_WEEKDAY, 0}, {"tuesday", DATE_W_WEEKDAY, 0},
	{"u", DATE_W_ZONE, 480}, {"um", DATE_W_FILLER, 0}, {"ut", DATE_W_ZONE, 0},
	{"utc", DATE_W_ZONE, 0}, {"v", DATE_W_ZONE, 540}, {"w", DATE_W_ZONE, 600},
	{"wed", DATE_W_WEEKDAY, 0}, {"wednesday", DATE_W_WEEKDAY, 0}, {"west", DATE_W_ZONE, 60},
	{"wet", DATE_W_ZONE, 0}, {"x", DATE_W_ZONE, 660}, {"y", DATE_W_ZONE, 720}, {"z", DATE_W_ZONE, 0},
	{"április", DATE_W_MONTH, 4}, {"Απρ", DATE_W_MONTH, 4}, {"Αυγ", DATE_W_MONTH, 8},
	{"Αύγ", DATE_W_MONTH, 8}, {"Δεκ", DATE_W_MONTH, 12}, {"Ιαν", DATE_W_MONTH, 1},
	{"Ιολ", DATE_W_MONTH, 7}, {"Ιον", DATE_W_MONTH, 6}, {"Ιουλ", DATE_W_MONTH, 7},
	{"Ιουν", DATE_W_MONTH, 6}, {"Ιούλ", DATE_W_MONTH, 7}, {"Ιούν", DATE_W_MONTH, 6},
	{"Μάη", DATE_W_MONTH, 5}, {"Μάι", DATE_W_MONTH, 5}, {"Μάρ", DATE_W_MONTH, 3},
	{"Μάώ", DATE_W_MONTH, 3}, {"Μαη", DATE_W_MONTH, 5}, {"Μαι", DATE_W_MONTH, 5},
	{"Μαρ", DATE_W_MONTH, 3}, {"Μαϊ", DATE_W_MONTH, 5}, {"Μαώ", DATE_W_MONTH, 3},
	{"Νοέ", DATE_W_MONTH, 11}, {"Νοε", DATE_W_MONTH, 11}, {"Οκτ", DATE_W_MONTH, 10},
	{"Σεπ", DATE_W_MONTH, 9}, {"Φεβ", DATE_W_MONTH, 2}, {"上午", DATE_W_AM, 480}, {"下午", DATE_W_PM, 480},
	{"오전", DATE_W_AM, 540}, {"오후", DATE_W_PM, 540},
};

#define DATE_WORD_COUNT (sizeof date_words / sizeof date_words[0])

int
date_selftest(void)
{
	for (size_t i = 1; i < DATE_WORD_COUNT; i++)
		if (strcmp(date_words[i - 1].name, date_words[i].name) >= 0)
			return -1;
	return 0;
}

static int
date_word_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct date_word *)elem)->name);
}

/* Look a word up: ASCII folded to lower case, one trailing '.' dropped ("Sept."). An
 * unknown ASCII word of 4+ letters may still be a month by its first three letters
 * ("Janvier", "Juni"), which is feedparser's rule. */
static const struct date_word *
date_word_find(const char *w, size_t len)
{
	char key[32];
	if (len > 0 && w[len - 1] == '.')
		len--;
	if (len == 0 || len >= sizeof key)
		return NULL;
	int is_ascii = 1;
	for (size_t i = 0; i < len; i++) {
		key[i] = (char)ascii_lower((unsigned char)w[i]);
		if ((unsigned char)w[i] >= 0x80)
			is_ascii = 0;
	}
	key[len] = '\0';
	const struct date_word *hit = bsearch(key, date_words, DATE_WORD_COUNT, sizeof date_words[0], date_word_cmp);
	if (hit || !is_ascii || len < 4)
		return hit;
	key[3] = '\0';
	hit = bsearch(key, date_words, DATE_WORD_COUNT, sizeof date_words[0], date_word_cmp);
	return hit && hit->kind == DATE_W_MONTH ? hit : NULL;
}

/* The fields found so far; -1 = absent. */
struct date_fields {
	int year, mon, day, hour, min, sec;
	int zone;         /* minutes east of UTC */
	int has_zone;
	int is_base_zone; /* the zone was UT/GMT/UTC, so "GMT+02:00" may refine it */
	int is_numeric_zone; /* the zone was an offset, so a "GMT" after it adds nothing */
	int meridiem;     /* -1, 0 (AM) or 12 (PM) */
	int mon_is_first; /* the month came from the first word: a weekday if another month follows */
	int implied_zone; /* minutes east that Korean (KST) or Chinese (UTC+8) markers imply when
	                   * no zone is written; 0 = none */
};

static void
date_fields_init(struct date_fields *f)
{
	f->year = f->mon = f->day = f->hour = f->min = f->sec = -1;
	f->zone = 0;
	f->has_zone = f->is_base_zone = f->is_numeric_zone = f->implied_zone = 0;
	f->meridiem = -1;
	f->mon_is_first = 0;
}

static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* Validate every field (no rollover) and convert to UTC seconds. */
static int
date_fields_finish(struct date_fields *f, int64_t *out)
{
	if (f->year < 1 || f->year > 9999 || f->mon < 1 || f->mon > 12 || f->day < 1 ||
	    f->day > days_in_month(f->year, f->mon))
		return -1;
	if (f->hour < 0)
		f->hour = f->min = f->sec = 0;
	if (f->sec < 0)
		f->sec = 0;
	if (f->meridiem >= 0) {
		if (f->hour < 1 || f->hour > 12)
			return -1;
		f->hour = f->hour % 12 + f->meridiem;
	}
	/* 60 is a leap second (RFC 3339); it lands on the next minute. */
	if (f->hour > 23 || f->min < 0 || f->min > 59 || f->sec > 60)
		return -1;
	if (!f->has_zone && f->implied_zone)
		f->zone = f->implied_zone;
	*out = time_from_utc(f->year, f->mon, f->day, f->hour, f->min, f->sec) - (int64_t)f->zone * 60;
	return 0;
}

/* Read up to max digits at *p (at least one). Returns the count read, 0 if none. */
static int
read_digits(const char **p, int max, int *value)
{
	int n = 0, v = 0;
	while (n < max && is_ascii_digit((unsigned char)**p)) {
		v = v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	*value = v;
	return n;
}

static int
count_digits(const char *p)
{
	int n = 0;
	while (is_ascii_digit((unsigned char)p[n]))
		n++;
	return n;
}

static void
skip_spaces(const char **p)
{
	while (is_ascii_space((unsigned char)**p))
		(*p)++;
}

static int
is_word_byte(unsigned char c)
{
	return is_ascii_alpha(c) || c >= 0x80;
}

/* A numeric zone at *p: [+-]h, hh, hhmm or hh:mm. */
static int
read_numeric_zone(const char **p, struct date_fields *f)
{
	int sign = **p == '-' ? -1 : 1, h, m = 0;
	(*p)++;
	int n = count_digits(*p);
	if (n == 4) {
		read_digits(p, 2, &h);
		read_digits(p, 2, &m);
	} else if (n == 1 || n == 2) {
		read_digits(p, 2, &h);
		if (**p == ':') {
			if (count_digits(*p + 1) != 2)
				return -1;
			(*p)++;
			read_digits(p, 2, &m);
		}
	} else {
		return -1;
	}
	if (h > 23 || m > 59)
		return -1;
	f->zone = sign * (h * 60 + m);
	f->has_zone = 1;
	f->is_base_zone = 0;
	f->is_numeric_zone = 1;
	return 0;
}

/* Time "h:mm[:ss][.frac]" (hour and minute 1-2 digits). */
static int
read_clock(const char **p, struct date_fields *f)
{
	if (f->hour >= 0 || !read_digits(p, 2, &f->hour) || **p != ':')
		return -1;
	(*p)++;
	if (!read_digits(p, 2, &f->min))
		return -1;
	if (**p == ':') {
		(*p)++;
		if (!read_digits(p, 2, &f->sec))
			return -1;
	}
	if (**p == '.' && is_ascii_digit((unsigned char)(*p)[1])) {
		(*p)++;
		while (is_ascii_digit((unsigned char)**p))
			(*p)++;
	}
	if (**p == ':' || is_ascii_digit((unsigned char)**p))
		return -1;
	return 0;
}

/* Optional trailing zone for the ISO grammar: Z, numeric, or a zone name; then, after a zone,
 * RFC 9557's bracketed suffixes ("+08:00[Asia/Shanghai]", Java's ZonedDateTime), which the
 * offset before them already settles; then an optional "(comment)"; then the end. */
static int
iso_tail(const char *p, struct date_fields *f)
{
	skip_spaces(&p);
	if (*p == 'Z' || *p == 'z') {
		f->has_zone = 1;
		p++;
	} else if (*p == '+' || *p == '-') {
		if (read_numeric_zone(&p, f) < 0)
			return -1;
	} else if (is_word_byte((unsigned char)*p)) {
		const char *w = p;
		while (is_word_byte((unsigned char)*p))
			p++;
		const struct date_word *dw = date_word_find(w, (size_t)(p - w));
		if (!dw || dw->kind != DATE_W_ZONE)
			return -1;
		f->zone = dw->value;
		f->has_zone = 1;
	}
	while (*p == '[' && f->has_zone) {
		const char *close = strchr(p, ']');
		if (!close)
			return -1;
		p = close + 1;
	}
	skip_spaces(&p);
	if (*p == '(') {
		const char *close = strchr(p, ')');
		if (!close)
			return -1;
		p = close + 1;
		skip_spaces(&p);
	}
	return *p == '\0' ? 0 : -1;
}

/* Day of year to month/day. */
static int
set_ordinal(struct date_fields *f, int ordinal)
{
	if (ordinal < 1 || ordinal > (is_leap(f->year) ? 366 : 365))
		return -1;
	f->mon = 1;
	while (ordinal > days_in_month(f->year, f->mon)) {
		ordinal -= days_in_month(f->year, f->mon);
		f->mon++;
	}
	f->day = ordinal;
	return 0;
}

/* The date part of ISO 8601; leaves *p after it. Two-digit years are in this
 * century, as feedparser's ISO reader does. */
static int
iso_date(const char **p, struct date_fields *f)
{
	const char *s = *p;
	int v;
	if (*s == '-') { /* -YYMM, -YY-MM */
		s++;
		int yn = count_digits(s);
		if (yn == 2 && s[2] == '-' && count_digits(s + 3) == 2) {
			read_digits(&s, 2, &f->year);
			s++;
		} else if (yn == 4) {
			read_digits(&s, 2, &f->year);
		} else {
			return -1;
		}
		f->year += 2000;
		read_digits(&s, 2, &f->mon);
		f->day = 1;
		*p = s;
		return 0;
	}
	int n = count_digits(s);
	if (n == 8 || n == 6) { /* YYYYMMDD, YYMMDD */
		read_digits(&s, n - 4, &f->year);
		if (n == 6)
			f->year += 2000;
		read_digits(&s, 2, &f->mon);
		read_digits(&s, 2, &f->day);
	} else if (n == 7 || n == 5) { /* YYYYDDD, YYDDD */
		read_digits(&s, n - 3, &f->year);
		if (n == 5)
			f->year += 2000;
		read_digits(&s, 3, &v);
		if (set_ordinal(f, v) < 0)
			return -1;
	} else if (n == 4 || n == 2) {
		read_digits(&s, n, &f->year);
		if (n == 2)
			f->year += 2000;
		if (*s != '-') {
			if (n == 2)
				return -1;
			f->mon = f->day = 1; /* YYYY */
		} else if (is_word_byte((unsigned char)s[1])) { /* 2004-július-13 */
			const char *w = ++s;
			while (is_word_byte((unsigned char)*s))
				s++;
			const struct date_word *dw = date_word_find(w, (size_t)(s - w));
			if (!dw || dw->kind != DATE_W_MONTH || *s != '-')
				return -1;
			f->mon = dw->value;
			s++;
			int dn = count_digits(s);
			if (dn < 1 || dn > 2)
				return -1;
			read_digits(&s, 2, &f->day);
		} else {
			s++;
			int m = count_digits(s);
			if (m == 3 && s[3] == '-' && s[0] == '0') { /* YYYY-0MM-DD */
				s++;
				m = 2;
			}
			if (m == 2) {
				read_digits(&s, 2, &f->mon);
				if (*s == '-') {
					s++;
					if (count_digits(s) != 2)
						return -1;
					read_digits(&s, 2, &f->day);
				} else if (n == 4) {
					f->day = 1; /* YYYY-MM */
				} else {
					return -1;
				}
			} else if (m == 3) {
				read_digits(&s, 3, &v);
				if (set_ordinal(f, v) < 0)
					return -1;
			} else {
				return -1;
			}
		}
	} else {
		return -1;
	}
	*p = s;
	return 0;
}

/* ISO 8601 / RFC 3339 / W3C-DTF, including "YYYY-MM-DD hh:mm:ss" and basic forms. */
static int
parse_iso(const char *s, int64_t *out)
{
	struct date_fields f;
	date_fields_init(&f);
	const char *p = s;
	if (iso_date(&p, &f) < 0)
		return -1;
	if (*p == '\0')
		return date_fields_finish(&f, out);
	int is_t = *p == 'T' || *p == 't';
	if (is_t) {
		p++;
	} else if (is_ascii_space((unsigned char)*p)) {
		skip_spaces(&p);
		if (is_word_byte((unsigned char)*p)) { /* "오후 11:23:17", or a zone alone */
			const char *w = p;
			while (is_word_byte((unsigned char)*p))
				p++;
			const struct date_word *dw = date_word_find(w, (size_t)(p - w));
			if (!dw || (dw->kind != DATE_W_AM && dw->kind != DATE_W_PM))
				return -1;
			f.meridiem = dw->kind == DATE_W_PM ? 12 : 0;
			f.implied_zone = dw->value;
			skip_spaces(&p);
		}
	} else {
		return -1;
	}
	int n = count_digits(p);
	if (is_t && (n == 4 || n == 6) && p[n] != ':') { /* basic: hhmm[ss][.frac] */
		read_digits(&p, 2, &f.hour);
		read_digits(&p, 2, &f.min);
		if (n == 6)
			read_digits(&p, 2, &f.sec);
		if (*p == '.' || *p == ',') {
			p++;
			while (is_ascii_digit((unsigned char)*p))
				p++;
		}
	} else if (n == 1 || n == 2) {
		if (read_clock(&p, &f) < 0)
			return -1;
		if (*p == ',' && is_ascii_digit((unsigned char)p[1])) { /* ISO 8601's decimal comma: 10:00:00,5 */
			p++;
			while (is_ascii_digit((unsigned char)*p))
				p++;
		}
	} else {
		return -1;
	}
	if (iso_tail(p, &f) < 0)
		return -1;
	return date_fields_finish(&f, out);
}

/* A plain number met by the loose reader, with the separator before it. */
struct date_num {
	int value, digits;
	char sep;
};

/* The unit markers that may follow a number: Korean 년 (year), 월 (month), 일 (day), which
 * imply KST, and Chinese 年, 月, 日 ("2025年1月2日 10:30"), which imply China's UTC+8 (a
 * Japanese date, written alike, is read an hour late: never later than its fetch, as the store
 * places it). Returns the marker's length, 0 when none follows, -1 for a field given twice. */
static int
cjk_unit(const char *p, struct date_fields *f, int value)
{
	static const struct {
		const char *mark;
		int field, zone;
	} units[] = {{"\xeb\x85\x84", 0, 540}, {"\xec\x9b\x94", 1, 540}, {"\xec\x9d\xbc", 2, 540},
	             {"\xe5\xb9\xb4", 0, 480}, {"\xe6\x9c\x88", 1, 480}, {"\xe6\x97\xa5", 2, 480}};
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
		if (strncmp(p, units[i].mark, 3) != 0)
			continue;
		int *slot = units[i].field == 0 ? &f->year : units[i].field == 1 ? &f->mon : &f->day;
		if (*slot >= 0)
			return -1;
		*slot = value;
		f->implied_zone = units[i].zone;
		return 3;
	}
	return 0;
}

/* Give the plain numbers their meaning. With a month name: a 3-4 digit number is
 * the year, the first small one the day, a second small one a 2-digit year (RFC 822:
 * < 90 is 20xx). Without one: YYYY/MM/DD or YYYY-MM-DD, or DD.MM.YYYY. */
static int
assign_numbers(struct date_fields *f, const struct date_num *nums, size_t count)
{
	if (f->mon < 0) {
		if (count == 0)
			return 0; /* all given by markers (Korean, Chinese) */
		if (count != 3 || nums[1].sep != nums[2].sep || nums[1].digits > 2 || nums[2].digits > 2 + 2 * (nums[1].sep == '.'))
			return -1;
		if (nums[0].digits == 4 && (nums[1].sep == '/' || nums[1].sep == '-')) {
			f->year = nums[0].value, f->mon = nums[1].value, f->day = nums[2].value;
			return 0;
		}
		if (nums[1].sep == '.' && nums[0].digits <= 2 && nums[2].digits == 4) {
			f->day = nums[0].value, f->mon = nums[1].value, f->year = nums[2].value;
			return 0;
		}
		return -1;
	}
	for (size_t i = 0; i < count; i++) {
		if (nums[i].digits >= 3) {
			if (f->year >= 0)
				return -1;
			f->year = nums[i].value;
		} else if (f->day < 0) {
			f->day = nums[i].value;
		} else if (f->year < 0) {
			f->year = nums[i].value + (nums[i].value < 90 ? 2000 : 1900);
		} else {
			return -1;
		}
	}
	return 0;
}

/* A word in the loose grammar. is_first: nothing but spaces before it. */
static int
loose_word(const char **pp, struct date_fields *f, int is_first, int may_be_zone)
{
	const char *w = *pp, *p = *pp;
	while (is_word_byte((unsigned char)*p))
		p++;
	size_t len = (size_t)(p - w);
	if (*p == '.')
		p++, len++;
	*pp = p;
	if (len == 3 && str_ncasecmp(w, "etc", 3) == 0 && *p == '/') { /* Etc/GMT */
		(*pp)++;
		return 0;
	}
	const struct date_word *dw = date_word_find(w, len);
	const char *after = p;
	skip_spaces(&after);
	if (!dw) {
		if (is_first && *after == ',')
			return 0; /* a weekday in a language we do not list ("Κυρ,", "Seg,") */
		/* An unknown zone abbreviation after the time: feedparser reads it as UTC. */
		int is_alpha_word = 1;
		for (size_t i = 0; i < len; i++)
			if (!is_ascii_alpha((unsigned char)w[i]))
				is_alpha_word = 0;
		if (may_be_zone && !f->has_zone && is_alpha_word && len >= 2 && len <= 5) {
			f->has_zone = 1;
			return 0;
		}
		return -1;
	}
	switch (dw->kind) {
	case DATE_W_MONTH:
		/* French and Spanish Tuesday, "mar." / "mardi" / "martes", reads as March (mars,
		 * marzo): as the first word it is the weekday when a month follows it ("mar., 08 déc.
		 * 2026", every Tuesday's posts of a localized WordPress), or when one came before it,
		 * only before the comma. */
		if (f->mon >= 0 && f->mon_is_first) {
			f->mon = dw->value;
			f->mon_is_first = 0;
			return 0;
		}
		if (f->mon >= 0)
			return is_first && *after == ',' ? 0 : -1;
		f->mon = dw->value;
		f->mon_is_first = is_first;
		return 0;
	case DATE_W_WEEKDAY:
	case DATE_W_FILLER:
		return 0;
	case DATE_W_AM:
	case DATE_W_PM:
		if (f->meridiem >= 0)
			return -1;
		f->meridiem = dw->kind == DATE_W_PM ? 12 : 0;
		if (dw->value)
			f->implied_zone = dw->value;
		return 0;
	case DATE_W_ZONE:
		if (!may_be_zone)
			return len == 2 && str_ncasecmp(w, "at", 2) == 0 ? 0 : -1; /* "Jan 5 at 10:00" */
		if (f->has_zone) /* "+0200 GMT": the offset stands, as feedparser reads it */
			return f->is_numeric_zone && dw->value == 0 && len >= 2 ? 0 : -1;
		f->zone = dw->value;
		f->has_zone = 1;
		f->is_base_zone = dw->value == 0;
		return 0;
	}
	return -1;
}

/* RFC 822/1123/2822 and the variants seen in the wild, token by token. */
static int
parse_loose(const char *s, int64_t *out)
{
	struct date_fields f;
	date_fields_init(&f);
	struct date_num nums[3];
	size_t count = 0;
	char sep = ' ';
	int is_first = 1;
	const char *p = s;
	while (*p) {
		unsigned char c = (unsigned char)*p;
		if (is_ascii_space(c) || c == ',') {
			if (c == ',')
				sep = ',';
			p++;
			continue;
		}
		if (c == '(') { /* "+0000 (UTC)": a comment */
			const char *close = strchr(p, ')');
			if (!close)
				return -1;
			p = close + 1;
			continue;
		}
		/* A zone may come once the time, or the day-month-year, is known. */
		int may_be_zone = f.hour >= 0 || (f.mon >= 0 && count >= 2);
		if (is_ascii_digit(c)) {
			int n = count_digits(p);
			if (n > 4)
				return -1;
			if (p[n] == ':') {
				if (read_clock(&p, &f) < 0)
					return -1;
			} else {
				int v;
				read_digits(&p, n, &v);
				int used = cjk_unit(p, &f, v);
				if (used < 0)
					return -1;
				if (used > 0) {
					p += used;
				} else if (n <= 2 && (str_istarts(p, "st") || str_istarts(p, "nd") ||
				                      str_istarts(p, "rd") || str_istarts(p, "th")) &&
				           !is_word_byte((unsigned char)p[2])) {
					if (f.day >= 0)
						return -1;
					f.day = v; /* "1st" */
					p += 2;
				} else {
					if (count == sizeof nums / sizeof nums[0])
						return -1;
					nums[count++] = (struct date_num){v, n, sep};
				}
			}
			sep = ' ';
		} else if ((c == '+' || c == '-') && is_ascii_digit((unsigned char)p[1]) && f.hour >= 0) {
			if (f.has_zone && !f.is_base_zone)
				return -1;
			if (read_numeric_zone(&p, &f) < 0)
				return -1;
		} else if (c == '-' || c == '/' || c == '.') {
			sep = (char)c;
			p++;
			continue;
		} else if (is_word_byte(c)) {
			if (loose_word(&p, &f, is_first, may_be_zone) < 0)
				return -1;
		} else {
			return -1;
		}
		is_first = 0;
	}
	if (assign_numbers(&f, nums, count) < 0)
		return -1;
	return date_fields_finish(&f, out);
}

int
date_parse(const char *s, size_t len, int64_t *out)
{
	char tmp[DATE_MAX];
	if (!s)
		return -1;
	str_trim(&s, &len);
	if (len == 0 || len >= sizeof tmp || memchr(s, '\0', len))
		return -1;
	memcpy(tmp, s, len);
	tmp[len] = '\0';
	if (tmp[0] == '-' || is_ascii_digit((unsigned char)tmp[0])) {
		if (parse_iso(tmp, out) == 0)
			return 0;
	}
	return parse_loose(tmp, out);
}
