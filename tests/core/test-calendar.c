/* Holidays, Easter and statutory deadlines. */
#include <string.h>

#include "test-common.h"

/* An allocator over cmocka's that fails once its budget is spent. */
typedef struct budget {
	long left;  /* allocations still allowed; negative: unlimited */
} budget;

static void *b_malloc(size_t size, void *ud)
{
	budget *b = ud;

	if (b->left == 0)
		return NULL;
	if (b->left > 0)
		b->left--;
	return test_malloc(size);
}

static void *b_realloc(void *ptr, size_t size, void *ud)
{
	budget *b = ud;

	if (b->left == 0)
		return NULL;
	if (b->left > 0)
		b->left--;
	return test_realloc(ptr, size);
}

static void b_free(void *ptr, void *ud)
{
	(void)ud;
	test_free(ptr);
}

static ngojst_context *budget_context(budget *b)
{
	ngojst_allocator a = { b_malloc, b_realloc, b_free, b };
	ngojst_context_options opts = NGOJST_CONTEXT_OPTIONS_INIT;
	ngojst_context *ctx = NULL;

	opts.allocator = &a;
	b->left = -1;
	assert_int_equal(ngojst_context_new(&ctx, &opts), NGOJST_OK);
	return ctx;
}

static void test_new_free(void **state)
{
	ngojst_context *ctx = *state;
	ngojst_calendar *cal = (ngojst_calendar *)ctx;  /* any non-NULL value */

	assert_int_equal(ngojst_calendar_new(&cal, ctx), NGOJST_OK);
	assert_non_null(cal);
	ngojst_calendar_free(cal);
	ngojst_calendar_free(NULL);

	cal = (ngojst_calendar *)ctx;
	assert_int_equal(ngojst_calendar_new(&cal, NULL), NGOJST_EINVAL);
	assert_null(cal);
	assert_int_equal(ngojst_calendar_new(NULL, ctx), NGOJST_EINVAL);
}

static void test_new_enomem(void **state)
{
	budget b;
	ngojst_context *ctx = budget_context(&b);
	ngojst_calendar *cal = NULL;

	(void)state;
	b.left = 0;
	assert_int_equal(ngojst_calendar_new(&cal, ctx), NGOJST_ENOMEM);
	assert_null(cal);
	ngojst_context_free(ctx);
}

static void test_easter_known(void **state)
{
	static const struct { int y, m, d; } known[] = {
		{ 1583, 4, 10 }, { 1818, 3, 22 }, { 1943, 4, 25 }, { 2000, 4, 23 },
		{ 2010, 4, 4 }, { 2011, 4, 24 }, { 2019, 4, 21 }, { 2024, 3, 31 },
		{ 2025, 4, 20 }, { 2026, 4, 5 }, { 2038, 4, 25 }, { 2285, 3, 22 },
		{ 9999, 3, 28 },
	};
	ngojst_date d = D(0, 0, 0);
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
		assert_int_equal(ngojst_easter_sunday(&d, known[i].y), NGOJST_OK);
		assert_date(d, known[i].y, known[i].m, known[i].d);
	}
	assert_int_equal(ngojst_easter_sunday(&d, 1582), NGOJST_ERANGE);
	assert_int_equal(ngojst_easter_sunday(&d, 10000), NGOJST_ERANGE);
	assert_int_equal(ngojst_easter_sunday(&d, 0), NGOJST_ERANGE);
	assert_int_equal(ngojst_easter_sunday(&d, -2026), NGOJST_ERANGE);
	assert_date(d, 9999, 3, 28);
	assert_int_equal(ngojst_easter_sunday(NULL, 2026), NGOJST_EINVAL);
}

/* Oudin's algorithm (1940), an independent formulation of the Gregorian
 * computus, to check the Meeus/Jones/Butcher one for every year. */
static void oudin(int y, int *month, int *day)
{
	int c = y / 100, n = y - 19 * (y / 19), k = (c - 17) / 25, i, j, l;

	i = c - c / 4 - (c - k) / 3 + 19 * n + 15;
	i = i - 30 * (i / 30);
	i = i - (i / 28) * (1 - (i / 28) * (29 / (i + 1)) * ((21 - n) / 11));
	j = y + y / 4 + i + 2 - c + c / 4;
	j = j - 7 * (j / 7);
	l = i - j;
	*month = 3 + (l + 40) / 44;
	*day = l + 28 - 31 * (*month / 4);
}

static void test_easter_every_year(void **state)
{
	ngojst_date d;
	int y, m, dd;

	(void)state;
	for (y = 1583; y <= 9999; y++) {
		assert_int_equal(ngojst_easter_sunday(&d, y), NGOJST_OK);
		oudin(y, &m, &dd);
		if (d.year != y || d.month != m || d.day != dd)
			fail_msg("Easter %d: %d-%d, Oudin says %d-%d", y, d.month, d.day, m, dd);
		assert_int_equal(ngojst_date_weekday(d), NGOJST_SUNDAY);
		assert_true(ngojst_date_cmp(d, D(y, 3, 22)) >= 0);
		assert_true(ngojst_date_cmp(d, D(y, 4, 25)) <= 0);
	}
}

static void check_holiday(const ngojst_calendar *cal, ngojst_date d, const char *pl, const char *en)
{
	const char *name = "unset";

	if (!ngojst_calendar_is_holiday(cal, d, NGOJST_LANG_PL, &name))
		fail_msg("%d-%02d-%02d should be a holiday (%s)", d.year, d.month, d.day, en);
	assert_string_equal(name, pl);
	assert_true(ngojst_calendar_is_holiday(cal, d, NGOJST_LANG_EN, &name));
	assert_string_equal(name, en);
	assert_true(ngojst_calendar_is_holiday(cal, d, NGOJST_LANG_EN, NULL));
	assert_false(ngojst_calendar_is_working_day(cal, d));
}

static void check_not_holiday(const ngojst_calendar *cal, ngojst_date d)
{
	const char *name = "unset";

	if (ngojst_calendar_is_holiday(cal, d, NGOJST_LANG_PL, &name))
		fail_msg("%d-%02d-%02d should not be a holiday (got %s)", d.year, d.month, d.day, name);
	assert_null(name);
}

static void test_fixed_holidays(void **state)
{
	(void)state;
	check_holiday(NULL, D(2026, 1, 1), "Nowy Rok", "New Year's Day");
	check_holiday(NULL, D(2026, 1, 6), "Święto Trzech Króli", "Epiphany");
	check_holiday(NULL, D(2026, 5, 1), "Święto Państwowe", "State Holiday (Labour Day)");
	check_holiday(NULL, D(2025, 5, 3), "Święto Narodowe Trzeciego Maja", "Constitution Day (3 May)");
	check_holiday(NULL, D(2026, 8, 15), "Wniebowzięcie Najświętszej Maryi Panny", "Assumption of Mary");
	check_holiday(NULL, D(2026, 11, 1), "Wszystkich Świętych", "All Saints' Day");
	check_holiday(NULL, D(2026, 11, 11), "Narodowe Święto Niepodległości", "National Independence Day");
	check_holiday(NULL, D(2026, 12, 24), "Wigilia Bożego Narodzenia", "Christmas Eve");
	check_holiday(NULL, D(2026, 12, 25), "pierwszy dzień Bożego Narodzenia", "Christmas Day");
	check_holiday(NULL, D(2026, 12, 26), "drugi dzień Bożego Narodzenia", "Second Day of Christmas");
	/* Fixed days need no Gregorian Easter, so they hold in any year. */
	check_holiday(NULL, D(1, 1, 1), "Nowy Rok", "New Year's Day");
	check_holiday(NULL, D(9999, 12, 25), "pierwszy dzień Bożego Narodzenia", "Christmas Day");

	check_not_holiday(NULL, D(2026, 1, 2));
	check_not_holiday(NULL, D(2026, 5, 2));
	check_not_holiday(NULL, D(2026, 11, 2));
	check_not_holiday(NULL, D(2026, 12, 23));
	check_not_holiday(NULL, D(2026, 12, 27));
	check_not_holiday(NULL, D(2026, 12, 31));
	/* Not days off: 22 July (until 1990), Ascension, Good Friday. */
	check_not_holiday(NULL, D(2026, 7, 22));
	check_not_holiday(NULL, D(2026, 5, 14));
	check_not_holiday(NULL, D(2026, 4, 3));
	/* An ordinary Sunday is not a "holiday". */
	check_not_holiday(NULL, D(2026, 10, 18));
	/* Invalid dates are never holidays. */
	check_not_holiday(NULL, D(2026, 2, 30));
	check_not_holiday(NULL, D(0, 0, 0));
	check_not_holiday(NULL, D(0, 12, 25));
}

static void test_movable_holidays(void **state)
{
	(void)state;
	check_holiday(NULL, D(2026, 4, 5), "pierwszy dzień Wielkiej Nocy", "Easter Sunday");
	check_holiday(NULL, D(2026, 4, 6), "drugi dzień Wielkiej Nocy", "Easter Monday");
	check_holiday(NULL, D(2026, 5, 24), "pierwszy dzień Zielonych Świątek", "Pentecost Sunday");
	check_holiday(NULL, D(2026, 6, 4), "dzień Bożego Ciała", "Corpus Christi");
	check_holiday(NULL, D(2025, 4, 21), "drugi dzień Wielkiej Nocy", "Easter Monday");
	check_holiday(NULL, D(2025, 6, 19), "dzień Bożego Ciała", "Corpus Christi");
	check_holiday(NULL, D(2024, 4, 1), "drugi dzień Wielkiej Nocy", "Easter Monday");
	check_holiday(NULL, D(2024, 5, 30), "dzień Bożego Ciała", "Corpus Christi");
	/* Easter Monday 2285 falls on 23 March, the earliest possible. */
	check_holiday(NULL, D(2285, 3, 23), "drugi dzień Wielkiej Nocy", "Easter Monday");
	/* Corpus Christi 1943 on 24 June, the latest possible. */
	check_holiday(NULL, D(1943, 6, 24), "dzień Bożego Ciała", "Corpus Christi");

	check_not_holiday(NULL, D(2026, 4, 7));
	check_not_holiday(NULL, D(2026, 5, 25));
	check_not_holiday(NULL, D(2026, 6, 5));
	check_not_holiday(NULL, D(2025, 6, 4));
	/* Before the first Gregorian Easter there is nothing to count from. */
	check_not_holiday(NULL, D(1500, 4, 20));
}

static void test_law_changes(void **state)
{
	(void)state;
	/* 24 December is a day off from 2025 only. */
	check_not_holiday(NULL, D(2024, 12, 24));
	assert_true(ngojst_calendar_is_working_day(NULL, D(2024, 12, 24)));
	check_holiday(NULL, D(2025, 12, 24), "Wigilia Bożego Narodzenia", "Christmas Eve");
	assert_false(ngojst_calendar_is_working_day(NULL, D(2025, 12, 24)));
	/* 6 January is a day off again from 2011. */
	check_not_holiday(NULL, D(2010, 1, 6));
	assert_true(ngojst_calendar_is_working_day(NULL, D(2010, 1, 6)));
	check_holiday(NULL, D(2011, 1, 6), "Święto Trzech Króli", "Epiphany");
	assert_false(ngojst_calendar_is_working_day(NULL, D(2011, 1, 6)));
}

static void test_working_days(void **state)
{
	(void)state;
	assert_true(ngojst_calendar_is_working_day(NULL, D(2026, 3, 2)));   /* Monday */
	assert_true(ngojst_calendar_is_working_day(NULL, D(2026, 3, 6)));   /* Friday */
	assert_false(ngojst_calendar_is_working_day(NULL, D(2026, 3, 7)));  /* Saturday */
	check_not_holiday(NULL, D(2026, 3, 7));
	assert_false(ngojst_calendar_is_working_day(NULL, D(2026, 3, 8)));  /* Sunday */
	assert_false(ngojst_calendar_is_working_day(NULL, D(2026, 6, 4)));  /* Corpus Christi */
	assert_true(ngojst_calendar_is_working_day(NULL, D(2026, 4, 3)));   /* Good Friday */
	assert_false(ngojst_calendar_is_working_day(NULL, D(2026, 2, 30)));
	assert_false(ngojst_calendar_is_working_day(NULL, D(0, 0, 0)));
	assert_true(ngojst_calendar_is_working_day(NULL, D(1, 1, 2)));      /* a Tuesday */
	assert_true(ngojst_calendar_is_working_day(NULL, D(9999, 12, 31))); /* a Friday */
}

static void test_add_day_off(void **state)
{
	ngojst_context *ctx = *state;
	ngojst_calendar *cal;
	const char *name = NULL;

	assert_int_equal(ngojst_calendar_new(&cal, ctx), NGOJST_OK);
	assert_true(ngojst_calendar_is_working_day(cal, D(2026, 3, 2)));
	assert_int_equal(ngojst_calendar_add_day_off(cal, D(2026, 3, 2)), NGOJST_OK);
	assert_true(ngojst_calendar_is_holiday(cal, D(2026, 3, 2), NGOJST_LANG_PL, &name));
	assert_string_equal(name, "dodatkowy dzień wolny od pracy");
	assert_true(ngojst_calendar_is_holiday(cal, D(2026, 3, 2), NGOJST_LANG_EN, &name));
	assert_string_equal(name, "additional day off");
	assert_false(ngojst_calendar_is_working_day(cal, D(2026, 3, 2)));
	/* Other calendars and the statutory-only view are unaffected. */
	assert_true(ngojst_calendar_is_working_day(NULL, D(2026, 3, 2)));
	assert_false(ngojst_calendar_is_holiday(cal, D(2026, 3, 3), NGOJST_LANG_PL, NULL));
	assert_false(ngojst_calendar_is_holiday(cal, D(2026, 3, 1), NGOJST_LANG_PL, NULL));

	/* Duplicates are ignored; a statutory day keeps its own name. */
	assert_int_equal(ngojst_calendar_add_day_off(cal, D(2026, 3, 2)), NGOJST_OK);
	assert_int_equal(ngojst_calendar_add_day_off(cal, D(2026, 11, 11)), NGOJST_OK);
	assert_true(ngojst_calendar_is_holiday(cal, D(2026, 11, 11), NGOJST_LANG_EN, &name));
	assert_string_equal(name, "National Independence Day");
	/* An added Saturday is a holiday for ROLL_HOLIDAY purposes. */
	assert_int_equal(ngojst_calendar_add_day_off(cal, D(2026, 3, 7)), NGOJST_OK);
	assert_true(ngojst_calendar_is_holiday(cal, D(2026, 3, 7), NGOJST_LANG_PL, NULL));

	assert_int_equal(ngojst_calendar_add_day_off(cal, D(2026, 2, 30)), NGOJST_EINVAL);
	assert_int_equal(ngojst_calendar_add_day_off(cal, D(0, 0, 0)), NGOJST_EINVAL);
	assert_int_equal(ngojst_calendar_add_day_off(NULL, D(2026, 3, 2)), NGOJST_EINVAL);
	ngojst_calendar_free(cal);
}

/* Many days in scrambled order with duplicates: membership must be exact
 * for every day around them, which exercises the sorted insert and the
 * binary search at both ends and in between. */
static void test_add_many_days_off(void **state)
{
	ngojst_context *ctx = *state;
	ngojst_calendar *cal;
	unsigned char added[1000];
	int32_t base = ngojst_date_to_days(D(3000, 1, 1));
	unsigned x = 12345;
	int i, rep;

	memset(added, 0, sizeof(added));
	assert_int_equal(ngojst_calendar_new(&cal, ctx), NGOJST_OK);
	for (rep = 0; rep < 2; rep++) {
		for (i = 0; i < 700; i++) {
			ngojst_date d;
			int k;

			x = x * 1103515245u + 12345u;
			k = (int)((x >> 8) % 1000);
			assert_int_equal(ngojst_date_from_days(&d, base + k), NGOJST_OK);
			assert_int_equal(ngojst_calendar_add_day_off(cal, d), NGOJST_OK);
			added[k] = 1;
		}
	}
	for (i = -5; i < 1005; i++) {
		ngojst_date d;
		const char *name = NULL;
		int got;

		assert_int_equal(ngojst_date_from_days(&d, base + i), NGOJST_OK);
		got = ngojst_calendar_is_holiday(cal, d, NGOJST_LANG_EN, &name);
		if (i >= 0 && i < 1000 && added[i]) {
			assert_true(got);
			assert_non_null(name);
		} else {
			/* Not added: a holiday only if statutory. */
			assert_int_equal(got, ngojst_calendar_is_holiday(NULL, d, NGOJST_LANG_EN, NULL));
		}
	}
	ngojst_calendar_free(cal);
}

static void test_add_day_off_enomem(void **state)
{
	budget b;
	ngojst_context *ctx = budget_context(&b);
	ngojst_calendar *cal;
	int i;

	(void)state;
	assert_int_equal(ngojst_calendar_new(&cal, ctx), NGOJST_OK);
	b.left = 0;
	assert_int_equal(ngojst_calendar_add_day_off(cal, D(2026, 3, 2)), NGOJST_ENOMEM);
	assert_true(ngojst_calendar_is_working_day(cal, D(2026, 3, 2)));
	b.left = -1;
	/* Fill the first block of 8, then fail to grow it. */
	for (i = 0; i < 8; i++)
		assert_int_equal(ngojst_calendar_add_day_off(cal, D(2027, 3, 1 + i)), NGOJST_OK);
	b.left = 0;
	assert_int_equal(ngojst_calendar_add_day_off(cal, D(2027, 2, 1)), NGOJST_ENOMEM);
	assert_false(ngojst_calendar_is_holiday(cal, D(2027, 2, 1), NGOJST_LANG_PL, NULL));
	for (i = 0; i < 8; i++)
		assert_true(ngojst_calendar_is_holiday(cal, D(2027, 3, 1 + i), NGOJST_LANG_PL, NULL));
	/* A duplicate needs no memory. */
	assert_int_equal(ngojst_calendar_add_day_off(cal, D(2027, 3, 1)), NGOJST_OK);
	b.left = -1;
	assert_int_equal(ngojst_calendar_add_day_off(cal, D(2027, 2, 1)), NGOJST_OK);
	ngojst_calendar_free(cal);
	ngojst_context_free(ctx);
}

static void test_deadline_days(void **state)
{
	ngojst_context *ctx = *state;
	ngojst_calendar *cal;
	ngojst_date d = D(0, 0, 0);

	/* k.c. art. 111: the event's day is not counted. 14 days from Sunday
	 * 2026-10-18 end on 2026-11-01, a Sunday and All Saints' Day. */
	assert_int_equal(ngojst_deadline_days(NULL, &d, D(2026, 10, 18), 14, NGOJST_ROLL_NONE), NGOJST_OK);
	assert_date(d, 2026, 11, 1);
	assert_int_equal(ngojst_deadline_days(NULL, &d, D(2026, 10, 18), 14, NGOJST_ROLL_HOLIDAY), NGOJST_OK);
	assert_date(d, 2026, 11, 2);
	assert_int_equal(ngojst_deadline_days(NULL, &d, D(2026, 10, 18), 14, NGOJST_ROLL_SATURDAY), NGOJST_OK);
	assert_date(d, 2026, 11, 2);

	/* From a Saturday to a Saturday: only ROLL_SATURDAY moves it. */
	assert_int_equal(ngojst_deadline_days(NULL, &d, D(2026, 3, 7), 7, NGOJST_ROLL_NONE), NGOJST_OK);
	assert_date(d, 2026, 3, 14);
	assert_int_equal(ngojst_deadline_days(NULL, &d, D(2026, 3, 7), 7, NGOJST_ROLL_HOLIDAY), NGOJST_OK);
	assert_date(d, 2026, 3, 14);
	assert_int_equal(ngojst_deadline_days(NULL, &d, D(2026, 3, 7), 7, NGOJST_ROLL_SATURDAY), NGOJST_OK);
	assert_date(d, 2026, 3, 16);
	assert_int_equal(ngojst_deadline_days(NULL, &d, D(2026, 3, 7), 0, NGOJST_ROLL_SATURDAY), NGOJST_OK);
	assert_date(d, 2026, 3, 9);

	/* From a holiday: Friday 1 May 2026 -> Saturday 2 May is neither a
	 * Sunday nor a holiday, but under ROLL_SATURDAY the Saturday, then
	 * Sunday 3 May (also a holiday) are skipped. */
	assert_int_equal(ngojst_deadline_days(NULL, &d, D(2026, 4, 17), 14, NGOJST_ROLL_NONE), NGOJST_OK);
	assert_date(d, 2026, 5, 1);
	assert_int_equal(ngojst_deadline_days(NULL, &d, D(2026, 4, 17), 14, NGOJST_ROLL_HOLIDAY), NGOJST_OK);
	assert_date(d, 2026, 5, 2);
	assert_int_equal(ngojst_deadline_days(NULL, &d, D(2026, 4, 17), 14, NGOJST_ROLL_SATURDAY), NGOJST_OK);
	assert_date(d, 2026, 5, 4);
	/* A holiday on a Saturday (15 August 2026) moves under ROLL_HOLIDAY. */
	assert_int_equal(ngojst_deadline_days(NULL, &d, D(2026, 8, 1), 14, NGOJST_ROLL_HOLIDAY), NGOJST_OK);
	assert_date(d, 2026, 8, 17);
	/* A run of days off: 24-26 December 2026 (Thu-Sat) then Sunday. */
	assert_int_equal(ngojst_deadline_days(NULL, &d, D(2026, 12, 10), 14, NGOJST_ROLL_HOLIDAY), NGOJST_OK);
	assert_date(d, 2026, 12, 28);
	/* 24 December 2024 was a working day. */
	assert_int_equal(ngojst_deadline_days(NULL, &d, D(2024, 12, 10), 14, NGOJST_ROLL_SATURDAY), NGOJST_OK);
	assert_date(d, 2024, 12, 24);

	/* An added day off moves the deadline one day further. */
	assert_int_equal(ngojst_calendar_new(&cal, ctx), NGOJST_OK);
	assert_int_equal(ngojst_calendar_add_day_off(cal, D(2026, 11, 2)), NGOJST_OK);
	assert_int_equal(ngojst_deadline_days(cal, &d, D(2026, 10, 18), 14, NGOJST_ROLL_HOLIDAY), NGOJST_OK);
	assert_date(d, 2026, 11, 3);
	assert_int_equal(ngojst_deadline_days(cal, &d, D(2026, 10, 18), 14, NGOJST_ROLL_NONE), NGOJST_OK);
	assert_date(d, 2026, 11, 1);
	ngojst_calendar_free(cal);

	assert_int_equal(ngojst_deadline_days(NULL, &d, D(2026, 10, 18), 0, NGOJST_ROLL_NONE), NGOJST_OK);
	assert_date(d, 2026, 10, 18);
	assert_int_equal(ngojst_deadline_days(NULL, &d, D(2026, 10, 18), 0, NGOJST_ROLL_HOLIDAY), NGOJST_OK);
	assert_date(d, 2026, 10, 19);
}

static void test_deadline_working_days(void **state)
{
	ngojst_context *ctx = *state;
	ngojst_calendar *cal;
	ngojst_date d = D(0, 0, 0);

	/* Across Easter 2026: Thu 2 Apr; Good Friday counts, Easter Monday not. */
	assert_int_equal(ngojst_deadline_working_days(NULL, &d, D(2026, 4, 2), 1), NGOJST_OK);
	assert_date(d, 2026, 4, 3);
	assert_int_equal(ngojst_deadline_working_days(NULL, &d, D(2026, 4, 2), 2), NGOJST_OK);
	assert_date(d, 2026, 4, 7);
	assert_int_equal(ngojst_deadline_working_days(NULL, &d, D(2026, 4, 2), 3), NGOJST_OK);
	assert_date(d, 2026, 4, 8);
	/* From Holy Saturday. */
	assert_int_equal(ngojst_deadline_working_days(NULL, &d, D(2026, 4, 4), 1), NGOJST_OK);
	assert_date(d, 2026, 4, 7);
	/* Zero days: the event itself, even on Easter Sunday. */
	assert_int_equal(ngojst_deadline_working_days(NULL, &d, D(2026, 4, 5), 0), NGOJST_OK);
	assert_date(d, 2026, 4, 5);
	/* Christmas 2025 (24-26 Wed-Fri, then the weekend). */
	assert_int_equal(ngojst_deadline_working_days(NULL, &d, D(2025, 12, 23), 1), NGOJST_OK);
	assert_date(d, 2025, 12, 29);
	assert_int_equal(ngojst_deadline_working_days(NULL, &d, D(2024, 12, 23), 1), NGOJST_OK);
	assert_date(d, 2024, 12, 24);
	/* 6 January: working in 2010, not in 2011. */
	assert_int_equal(ngojst_deadline_working_days(NULL, &d, D(2010, 1, 5), 1), NGOJST_OK);
	assert_date(d, 2010, 1, 6);
	assert_int_equal(ngojst_deadline_working_days(NULL, &d, D(2011, 1, 5), 1), NGOJST_OK);
	assert_date(d, 2011, 1, 7);
	/* Ten working days across 11 November 2026 (a Wednesday). */
	assert_int_equal(ngojst_deadline_working_days(NULL, &d, D(2026, 10, 30), 10), NGOJST_OK);
	assert_date(d, 2026, 11, 16);

	assert_int_equal(ngojst_calendar_new(&cal, ctx), NGOJST_OK);
	assert_int_equal(ngojst_calendar_add_day_off(cal, D(2026, 4, 7)), NGOJST_OK);
	assert_int_equal(ngojst_deadline_working_days(cal, &d, D(2026, 4, 2), 2), NGOJST_OK);
	assert_date(d, 2026, 4, 8);
	ngojst_calendar_free(cal);

	assert_int_equal(ngojst_deadline_working_days(NULL, &d, D(9999, 12, 30), 1), NGOJST_OK);
	assert_date(d, 9999, 12, 31);
	assert_int_equal(ngojst_deadline_working_days(NULL, &d, D(9999, 12, 30), 2), NGOJST_ERANGE);
	assert_int_equal(ngojst_deadline_working_days(NULL, &d, D(9000, 1, 1), INT32_MAX), NGOJST_ERANGE);
	assert_date(d, 9999, 12, 31);
	assert_int_equal(ngojst_deadline_working_days(NULL, &d, D(2026, 4, 2), -1), NGOJST_EINVAL);
	assert_int_equal(ngojst_deadline_working_days(NULL, &d, D(2026, 2, 30), 1), NGOJST_EINVAL);
	assert_int_equal(ngojst_deadline_working_days(NULL, NULL, D(2026, 4, 2), 1), NGOJST_EINVAL);
}

static void test_deadline_months(void **state)
{
	ngojst_date d = D(0, 0, 0);

	(void)state;
	/* k.c. art. 112: no 31 February, so the month's last day. */
	assert_int_equal(ngojst_deadline_months(NULL, &d, D(2024, 1, 31), 1, NGOJST_ROLL_NONE), NGOJST_OK);
	assert_date(d, 2024, 2, 29);
	assert_int_equal(ngojst_deadline_months(NULL, &d, D(2024, 1, 31), 1, NGOJST_ROLL_SATURDAY), NGOJST_OK);
	assert_date(d, 2024, 2, 29);
	assert_int_equal(ngojst_deadline_months(NULL, &d, D(2025, 1, 31), 1, NGOJST_ROLL_NONE), NGOJST_OK);
	assert_date(d, 2025, 2, 28);
	/* 2026-02-28 is a Saturday. */
	assert_int_equal(ngojst_deadline_months(NULL, &d, D(2026, 1, 31), 1, NGOJST_ROLL_NONE), NGOJST_OK);
	assert_date(d, 2026, 2, 28);
	assert_int_equal(ngojst_deadline_months(NULL, &d, D(2026, 1, 31), 1, NGOJST_ROLL_HOLIDAY), NGOJST_OK);
	assert_date(d, 2026, 2, 28);
	assert_int_equal(ngojst_deadline_months(NULL, &d, D(2026, 1, 31), 1, NGOJST_ROLL_SATURDAY), NGOJST_OK);
	assert_date(d, 2026, 3, 2);
	assert_int_equal(ngojst_deadline_months(NULL, &d, D(2026, 10, 1), 1, NGOJST_ROLL_HOLIDAY), NGOJST_OK);
	assert_date(d, 2026, 11, 2);
	assert_int_equal(ngojst_deadline_months(NULL, &d, D(2025, 11, 30), 12, NGOJST_ROLL_NONE), NGOJST_OK);
	assert_date(d, 2026, 11, 30);
	assert_int_equal(ngojst_deadline_months(NULL, &d, D(2026, 10, 18), 0, NGOJST_ROLL_NONE), NGOJST_OK);
	assert_date(d, 2026, 10, 18);

	assert_int_equal(ngojst_deadline_months(NULL, &d, D(9999, 6, 1), 12, NGOJST_ROLL_NONE), NGOJST_ERANGE);
	assert_int_equal(ngojst_deadline_months(NULL, &d, D(2026, 1, 1), INT32_MAX, NGOJST_ROLL_NONE), NGOJST_ERANGE);
	assert_date(d, 2026, 10, 18);
	assert_int_equal(ngojst_deadline_months(NULL, &d, D(2026, 1, 1), -1, NGOJST_ROLL_NONE), NGOJST_EINVAL);
	assert_int_equal(ngojst_deadline_months(NULL, &d, D(2026, 2, 30), 1, NGOJST_ROLL_NONE), NGOJST_EINVAL);
	assert_int_equal(ngojst_deadline_months(NULL, &d, D(2026, 1, 1), 1, (ngojst_rollover)3), NGOJST_EINVAL);
	assert_int_equal(ngojst_deadline_months(NULL, NULL, D(2026, 1, 1), 1, NGOJST_ROLL_NONE), NGOJST_EINVAL);
}

static void test_deadline_fixed(void **state)
{
	ngojst_date d = D(0, 0, 0);

	(void)state;
	/* 30 November of the year before the programme year 2027. */
	assert_int_equal(ngojst_deadline_fixed(NULL, &d, 2027, -1, 11, 30, NGOJST_ROLL_SATURDAY), NGOJST_OK);
	assert_date(d, 2026, 11, 30);
	assert_int_equal(ngojst_deadline_fixed(NULL, &d, 2026, 0, 11, 1, NGOJST_ROLL_NONE), NGOJST_OK);
	assert_date(d, 2026, 11, 1);
	assert_int_equal(ngojst_deadline_fixed(NULL, &d, 2026, 0, 11, 1, NGOJST_ROLL_HOLIDAY), NGOJST_OK);
	assert_date(d, 2026, 11, 2);
	assert_int_equal(ngojst_deadline_fixed(NULL, &d, 2026, 0, 5, 1, NGOJST_ROLL_HOLIDAY), NGOJST_OK);
	assert_date(d, 2026, 5, 2);
	assert_int_equal(ngojst_deadline_fixed(NULL, &d, 2026, 0, 5, 1, NGOJST_ROLL_SATURDAY), NGOJST_OK);
	assert_date(d, 2026, 5, 4);
	assert_int_equal(ngojst_deadline_fixed(NULL, &d, 2023, 1, 2, 29, NGOJST_ROLL_NONE), NGOJST_OK);
	assert_date(d, 2024, 2, 29);
	assert_int_equal(ngojst_deadline_fixed(NULL, &d, 2, -1, 1, 1, NGOJST_ROLL_NONE), NGOJST_OK);
	assert_date(d, 1, 1, 1);

	assert_int_equal(ngojst_deadline_fixed(NULL, &d, 2025, 0, 2, 29, NGOJST_ROLL_NONE), NGOJST_ERANGE);
	assert_int_equal(ngojst_deadline_fixed(NULL, &d, 2026, 0, 13, 1, NGOJST_ROLL_NONE), NGOJST_ERANGE);
	assert_int_equal(ngojst_deadline_fixed(NULL, &d, 2026, 0, 4, 31, NGOJST_ROLL_NONE), NGOJST_ERANGE);
	assert_int_equal(ngojst_deadline_fixed(NULL, &d, 1, -1, 1, 1, NGOJST_ROLL_NONE), NGOJST_ERANGE);
	assert_int_equal(ngojst_deadline_fixed(NULL, &d, 9999, 1, 1, 1, NGOJST_ROLL_NONE), NGOJST_ERANGE);
	assert_int_equal(ngojst_deadline_fixed(NULL, &d, INT32_MAX, INT32_MAX, 1, 1, NGOJST_ROLL_NONE), NGOJST_ERANGE);
	assert_int_equal(ngojst_deadline_fixed(NULL, &d, INT32_MIN, INT32_MIN, 1, 1, NGOJST_ROLL_NONE), NGOJST_ERANGE);
	/* year + offset is summed in 64 bits: extreme operands may cancel out. */
	assert_int_equal(ngojst_deadline_fixed(NULL, &d, INT32_MAX, -INT32_MAX + 2026, 1, 1, NGOJST_ROLL_NONE), NGOJST_OK);
	assert_date(d, 2026, 1, 1);
	assert_int_equal(ngojst_deadline_fixed(NULL, &d, 2026, 0, 1, 1, (ngojst_rollover)-1), NGOJST_EINVAL);
	assert_int_equal(ngojst_deadline_fixed(NULL, NULL, 2026, 0, 1, 1, NGOJST_ROLL_NONE), NGOJST_EINVAL);
}

/* Rolling past 9999-12-31 is out of range, not a wrap-around. */
static void test_deadline_end_of_range(void **state)
{
	ngojst_context *ctx = *state;
	ngojst_calendar *cal;
	ngojst_date d = D(0, 0, 0);

	assert_int_equal(ngojst_calendar_new(&cal, ctx), NGOJST_OK);
	/* 9999-12-31 is a Friday; make it a day off. */
	assert_int_equal(ngojst_calendar_add_day_off(cal, D(9999, 12, 31)), NGOJST_OK);
	assert_int_equal(ngojst_deadline_days(cal, &d, D(9999, 12, 24), 7, NGOJST_ROLL_NONE), NGOJST_OK);
	assert_date(d, 9999, 12, 31);
	assert_int_equal(ngojst_deadline_days(cal, &d, D(9999, 12, 24), 7, NGOJST_ROLL_HOLIDAY), NGOJST_ERANGE);
	assert_int_equal(ngojst_deadline_days(cal, &d, D(9999, 12, 24), 7, NGOJST_ROLL_SATURDAY), NGOJST_ERANGE);
	assert_int_equal(ngojst_deadline_fixed(cal, &d, 9999, 0, 12, 31, NGOJST_ROLL_HOLIDAY), NGOJST_ERANGE);
	assert_int_equal(ngojst_deadline_months(cal, &d, D(9999, 10, 31), 2, NGOJST_ROLL_NONE), NGOJST_OK);
	assert_date(d, 9999, 12, 31);
	assert_int_equal(ngojst_deadline_months(cal, &d, D(9999, 10, 31), 2, NGOJST_ROLL_SATURDAY), NGOJST_ERANGE);
	assert_int_equal(ngojst_deadline_working_days(cal, &d, D(9999, 12, 30), 1), NGOJST_ERANGE);
	/* 9999-12-25 is a Saturday and a holiday; Monday the 27th is free. */
	assert_int_equal(ngojst_deadline_days(cal, &d, D(9999, 12, 25), 0, NGOJST_ROLL_SATURDAY), NGOJST_OK);
	assert_date(d, 9999, 12, 27);
	ngojst_calendar_free(cal);

	assert_int_equal(ngojst_deadline_days(NULL, &d, D(9999, 12, 24), 7, NGOJST_ROLL_HOLIDAY), NGOJST_OK);
	assert_date(d, 9999, 12, 31);
	assert_int_equal(ngojst_deadline_days(NULL, &d, D(9999, 12, 24), 8, NGOJST_ROLL_NONE), NGOJST_ERANGE);
	assert_int_equal(ngojst_deadline_days(NULL, &d, D(2026, 1, 1), INT32_MAX, NGOJST_ROLL_NONE), NGOJST_ERANGE);
	assert_date(d, 9999, 12, 31);
	assert_int_equal(ngojst_deadline_days(NULL, &d, D(2026, 1, 1), -1, NGOJST_ROLL_NONE), NGOJST_EINVAL);
	assert_int_equal(ngojst_deadline_days(NULL, &d, D(2026, 2, 30), 1, NGOJST_ROLL_NONE), NGOJST_EINVAL);
	assert_int_equal(ngojst_deadline_days(NULL, &d, D(2026, 1, 1), 1, (ngojst_rollover)3), NGOJST_EINVAL);
	assert_int_equal(ngojst_deadline_days(NULL, NULL, D(2026, 1, 1), 1, NGOJST_ROLL_NONE), NGOJST_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_new_free, test_setup_context, test_teardown_context),
		cmocka_unit_test(test_new_enomem),
		cmocka_unit_test(test_easter_known),
		cmocka_unit_test(test_easter_every_year),
		cmocka_unit_test(test_fixed_holidays),
		cmocka_unit_test(test_movable_holidays),
		cmocka_unit_test(test_law_changes),
		cmocka_unit_test(test_working_days),
		cmocka_unit_test_setup_teardown(test_add_day_off, test_setup_context, test_teardown_context),
		cmocka_unit_test_setup_teardown(test_add_many_days_off, test_setup_context, test_teardown_context),
		cmocka_unit_test(test_add_day_off_enomem),
		cmocka_unit_test_setup_teardown(test_deadline_days, test_setup_context, test_teardown_context),
		cmocka_unit_test_setup_teardown(test_deadline_working_days, test_setup_context, test_teardown_context),
		cmocka_unit_test(test_deadline_months),
		cmocka_unit_test(test_deadline_fixed),
		cmocka_unit_test_setup_teardown(test_deadline_end_of_range, test_setup_context, test_teardown_context),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
