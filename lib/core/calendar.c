/* Polish days off and statutory deadlines.
 *
 * Dates are handled as day numbers (days since 1970-01-01) internally: a
 * deadline walk is then a loop over an integer, and the weekday is a
 * remainder. */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include <ngojst/calendar.h>

#include "context-private.h"

/* Day numbers of 0001-01-01 and 9999-12-31, the range of ngojst_date. */
#define MIN_DAYS (-719162L)
#define MAX_DAYS 2932896L

struct ngojst_calendar {
	ngojst_context *ctx;
	int32_t *extra;   /* added days off as day numbers, ascending, no duplicates */
	size_t nextra;
	size_t cap;
};

enum holiday_rule {
	RULE_FIXED,   /* the same month and day every year */
	RULE_EASTER   /* a number of days after Easter Sunday */
};

typedef struct holiday {
	enum holiday_rule rule;
	unsigned char month, day;  /* RULE_FIXED */
	short easter_offset;       /* RULE_EASTER */
	/* The first day the entry applies; the zero date means "on the list
	 * since before the era modelled" (see below). */
	ngojst_date valid_from;
	const char *name_pl;
	const char *name_en;
} holiday;

#define FIXED(m, d, pl, en) { RULE_FIXED, m, d, 0, { 0, 0, 0 }, pl, en }
#define FIXED_FROM(m, d, fy, fm, fd, pl, en) { RULE_FIXED, m, d, 0, { fy, fm, fd }, pl, en }
#define EASTER(off, pl, en) { RULE_EASTER, 0, 0, off, { 0, 0, 0 }, pl, en }

/*
 * Art. 1 pkt 1 of the Act of 18 January 1951 on days off work (ustawa o
 * dniach wolnych od pracy, Dz.U. 1951 nr 4 poz. 28; consolidated text
 * Dz.U. 2025 poz. 296), in the order of the act. Sundays (art. 1 pkt 2) are
 * handled apart, as they are not "holidays" to the caller.
 *
 * The table models the list as it has stood since 28 April 1990, when it
 * took its present shape (3 May restored by the act of 6 April 1990,
 * Dz.U. 1990 nr 28 poz. 160), plus the two later additions. Earlier changes
 * are not modelled: 22 July (a day off until 1990), 11 November and
 * 15 August (restored in 1989), and the 1951-1960 periods of 6 January and
 * 15 August. Documents under the 2003 act on public-benefit activity, which
 * this library checks, all postdate them.
 */
static const holiday statutory[] = {
	FIXED(1, 1, "Nowy Rok", "New Year's Day"),
	/* Struck out from 24.11.1960 (Dz.U. 1960 nr 51 poz. 297); restored by
	 * art. 2 of the act of 24.09.2010 amending the Labour Code (Dz.U. 2010
	 * nr 224 poz. 1459), in force 1.01.2011. 6.01.2010 was a working day. */
	FIXED_FROM(1, 6, 2011, 1, 1, "Święto Trzech Króli", "Epiphany"),
	EASTER(0, "pierwszy dzień Wielkiej Nocy", "Easter Sunday"),
	EASTER(1, "drugi dzień Wielkiej Nocy", "Easter Monday"),
	FIXED(5, 1, "Święto Państwowe", "State Holiday (Labour Day)"),
	FIXED(5, 3, "Święto Narodowe Trzeciego Maja", "Constitution Day (3 May)"),
	EASTER(49, "pierwszy dzień Zielonych Świątek", "Pentecost Sunday"),
	EASTER(60, "dzień Bożego Ciała", "Corpus Christi"),
	FIXED(8, 15, "Wniebowzięcie Najświętszej Maryi Panny", "Assumption of Mary"),
	FIXED(11, 1, "Wszystkich Świętych", "All Saints' Day"),
	FIXED(11, 11, "Narodowe Święto Niepodległości", "National Independence Day"),
	/* Added as lit. ka by the act of 6.12.2024 (Dz.U. 2024 poz. 1965), in
	 * force 1.02.2025; 24.12.2024 was still a working day. */
	FIXED_FROM(12, 24, 2025, 2, 1, "Wigilia Bożego Narodzenia", "Christmas Eve"),
	FIXED(12, 25, "pierwszy dzień Bożego Narodzenia", "Christmas Day"),
	FIXED(12, 26, "drugi dzień Bożego Narodzenia", "Second Day of Christmas"),
};

#undef FIXED
#undef FIXED_FROM
#undef EASTER

/* Name reported for a day added with ngojst_calendar_add_day_off(). */
static const char added_pl[] = "dodatkowy dzień wolny od pracy";
static const char added_en[] = "additional day off";

int ngojst_calendar_new(ngojst_calendar **out, ngojst_context *ctx)
{
	ngojst_calendar *cal;

	if (!out)
		return NGOJST_EINVAL;
	*out = NULL;
	if (!ctx)
		return NGOJST_EINVAL;
	cal = ngojst_alloc(ctx, sizeof(*cal));
	if (!cal)
		return NGOJST_ENOMEM;
	memset(cal, 0, sizeof(*cal));
	cal->ctx = ctx;
	*out = cal;
	return NGOJST_OK;
}

void ngojst_calendar_free(ngojst_calendar *cal)
{
	if (!cal)
		return;
	ngojst_free(cal->ctx, cal->extra);
	ngojst_free(cal->ctx, cal);
}

/* Index of the first added day >= z (binary search). */
static size_t lower_bound(const ngojst_calendar *cal, int32_t z)
{
	size_t lo = 0, hi = cal->nextra;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cal->extra[mid] < z)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int ngojst_calendar_add_day_off(ngojst_calendar *cal, ngojst_date day)
{
	int32_t z;
	size_t i;
	int rc;

	if (!cal || !ngojst_date_is_valid(day))
		return NGOJST_EINVAL;
	z = ngojst_date_to_days(day);
	i = lower_bound(cal, z);
	if (i < cal->nextra && cal->extra[i] == z)
		return NGOJST_OK;
	rc = ngojst_grow(cal->ctx, (void **)&cal->extra, &cal->cap, cal->nextra + 1, sizeof(*cal->extra));
	if (rc != NGOJST_OK)
		return rc;
	memmove(cal->extra + i + 1, cal->extra + i, (cal->nextra - i) * sizeof(*cal->extra));
	cal->extra[i] = z;
	cal->nextra++;
	return NGOJST_OK;
}

int ngojst_easter_sunday(ngojst_date *out, int year)
{
	int a, b, c, d, e, f, g, h, i, k, l, m, n;

	if (!out)
		return NGOJST_EINVAL;
	/* The algorithm is for the Gregorian computus, first used in 1583. */
	if (year < 1583 || year > 9999)
		return NGOJST_ERANGE;
	/* Anonymous Gregorian algorithm (Meeus, Astronomical Algorithms; Jones
	 * 1876; Butcher 1876). a: position in the 19-year Metonic cycle;
	 * b, d, e, f, g: century corrections for leap days and the Moon;
	 * h: epact-like age of the Moon; l: days to the next Sunday. */
	a = year % 19;
	b = year / 100;
	c = year % 100;
	d = b / 4;
	e = b % 4;
	f = (b + 8) / 25;
	g = (b - f + 1) / 3;
	h = (19 * a + b - d - g + 15) % 30;
	i = c / 4;
	k = c % 4;
	l = (32 + 2 * e + 2 * i - h - k) % 7;
	m = (a + 11 * h + 22 * l) / 451;
	n = h + l - 7 * m + 114;
	return ngojst_date_make(out, year, n / 31, n % 31 + 1);
}

/* ISO weekday of a day number; 1970-01-01 was a Thursday. */
static int weekday_of(int32_t z)
{
	int r = (int)(((long)z % 7 + 7) % 7);

	return (r + 3) % 7 + 1;
}

static const holiday *find_statutory(ngojst_date d)
{
	int32_t z = ngojst_date_to_days(d), easter = 0;
	int have_easter = -1;  /* not yet computed */
	size_t i;

	for (i = 0; i < sizeof(statutory) / sizeof(statutory[0]); i++) {
		const holiday *h = &statutory[i];

		if (!ngojst_date_is_none(h->valid_from) && ngojst_date_cmp(d, h->valid_from) < 0)
			continue;
		if (h->rule == RULE_FIXED) {
			if (d.month == h->month && d.day == h->day)
				return h;
			continue;
		}
		if (have_easter < 0) {
			ngojst_date e;

			/* Before 1583 there is no Gregorian Easter to count from. */
			have_easter = ngojst_easter_sunday(&e, d.year) == NGOJST_OK;
			if (have_easter)
				easter = ngojst_date_to_days(e);
		}
		if (have_easter && z == easter + h->easter_offset)
			return h;
	}
	return NULL;
}

/* Holiday test on a valid date; name may be NULL. */
static bool holiday_at(const ngojst_calendar *cal, ngojst_date d, ngojst_lang lang, const char **name)
{
	const holiday *h = find_statutory(d);
	bool en = lang == NGOJST_LANG_EN;

	if (h) {
		if (name)
			*name = en ? h->name_en : h->name_pl;
		return true;
	}
	if (cal && cal->nextra) {
		int32_t z = ngojst_date_to_days(d);
		size_t i = lower_bound(cal, z);

		if (i < cal->nextra && cal->extra[i] == z) {
			if (name)
				*name = en ? added_en : added_pl;
			return true;
		}
	}
	return false;
}

int ngojst_calendar_is_holiday(const ngojst_calendar *cal, ngojst_date day, ngojst_lang lang, const char **name)
{
	if (name)
		*name = NULL;
	if (!ngojst_date_is_valid(day))
		return 0;
	return holiday_at(cal, day, lang, name);
}

static bool working_at(const ngojst_calendar *cal, int32_t z)
{
	ngojst_date d;
	int wd = weekday_of(z);

	if (wd == NGOJST_SATURDAY || wd == NGOJST_SUNDAY)
		return false;
	if (ngojst_date_from_days(&d, z) != NGOJST_OK)
		return false;
	return !holiday_at(cal, d, NGOJST_LANG_PL, NULL);
}

int ngojst_calendar_is_working_day(const ngojst_calendar *cal, ngojst_date day)
{
	if (!ngojst_date_is_valid(day))
		return 0;
	return working_at(cal, ngojst_date_to_days(day));
}

static bool valid_roll(ngojst_rollover roll)
{
	return roll == NGOJST_ROLL_NONE || roll == NGOJST_ROLL_HOLIDAY || roll == NGOJST_ROLL_SATURDAY;
}

/* Whether the last day of a period must move on under a roll-over rule. */
static bool must_move(const ngojst_calendar *cal, int32_t z, ngojst_rollover roll)
{
	ngojst_date d;

	switch (roll) {
	case NGOJST_ROLL_HOLIDAY:
		/* A Saturday stays: only Sundays and holidays move the day. */
		if (weekday_of(z) == NGOJST_SUNDAY)
			return true;
		return ngojst_date_from_days(&d, z) == NGOJST_OK &&
		       holiday_at(cal, d, NGOJST_LANG_PL, NULL);
	case NGOJST_ROLL_SATURDAY:
		return !working_at(cal, z);
	case NGOJST_ROLL_NONE:
	default:
		return false;
	}
}

/* Roll z forward and store it as a date; ERANGE past 9999-12-31. */
static int finish(const ngojst_calendar *cal, ngojst_date *out, int32_t z, ngojst_rollover roll)
{
	while (must_move(cal, z, roll)) {
		if (z >= MAX_DAYS)
			return NGOJST_ERANGE;
		z++;
	}
	return ngojst_date_from_days(out, z);
}

int ngojst_deadline_days(const ngojst_calendar *cal, ngojst_date *out, ngojst_date event,
			 int32_t days, ngojst_rollover roll)
{
	ngojst_date end;
	int rc;

	if (!out || !ngojst_date_is_valid(event) || days < 0 || !valid_roll(roll))
		return NGOJST_EINVAL;
	/* k.c. art. 111 § 2: the event's own day is not counted, so the period
	 * ends n days after it. */
	rc = ngojst_date_add_days(&end, event, days);
	if (rc != NGOJST_OK)
		return rc;
	return finish(cal, out, ngojst_date_to_days(end), roll);
}

int ngojst_deadline_working_days(const ngojst_calendar *cal, ngojst_date *out, ngojst_date event,
				 int32_t days)
{
	int32_t z;

	if (!out || !ngojst_date_is_valid(event) || days < 0)
		return NGOJST_EINVAL;
	/* A day-by-day walk: at most the 3.6 million days of the date range,
	 * and nothing cleverer survives arbitrary added days off. */
	z = ngojst_date_to_days(event);
	while (days > 0) {
		if (z >= MAX_DAYS)
			return NGOJST_ERANGE;
		z++;
		if (working_at(cal, z))
			days--;
	}
	return ngojst_date_from_days(out, z);
}

int ngojst_deadline_months(const ngojst_calendar *cal, ngojst_date *out, ngojst_date event,
			   int32_t months, ngojst_rollover roll)
{
	ngojst_date end;
	int rc;

	if (!out || !ngojst_date_is_valid(event) || months < 0 || !valid_roll(roll))
		return NGOJST_EINVAL;
	rc = ngojst_date_add_months(&end, event, months);
	if (rc != NGOJST_OK)
		return rc;
	return finish(cal, out, ngojst_date_to_days(end), roll);
}

int ngojst_deadline_fixed(const ngojst_calendar *cal, ngojst_date *out, int year, int year_offset,
			  int month, int day, ngojst_rollover roll)
{
	int64_t y = (int64_t)year + year_offset;
	ngojst_date d;

	if (!out || !valid_roll(roll))
		return NGOJST_EINVAL;
	if (y < 1 || y > 9999 || ngojst_date_make(&d, (int)y, month, day) != NGOJST_OK)
		return NGOJST_ERANGE;
	return finish(cal, out, ngojst_date_to_days(d), roll);
}
