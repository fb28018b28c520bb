/* Civil dates: validity, parsing, formatting, day numbers and arithmetic. */
#include <string.h>

#include "test-common.h"

static void test_leap_years(void **state)
{
	(void)state;
	assert_false(ngojst_date_is_leap_year(1900));
	assert_true(ngojst_date_is_leap_year(2000));
	assert_true(ngojst_date_is_leap_year(2024));
	assert_false(ngojst_date_is_leap_year(2100));
	assert_false(ngojst_date_is_leap_year(2023));
	assert_false(ngojst_date_is_leap_year(2025));
	assert_true(ngojst_date_is_leap_year(1600));
	assert_true(ngojst_date_is_leap_year(4));
	assert_false(ngojst_date_is_leap_year(1));
	assert_true(ngojst_date_is_leap_year(9996));
}

static void test_days_in_month(void **state)
{
	static const int common[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int m;

	(void)state;
	for (m = 1; m <= 12; m++) {
		assert_int_equal(ngojst_date_days_in_month(2023, m), common[m - 1]);
		assert_int_equal(ngojst_date_days_in_month(2024, m), m == 2 ? 29 : common[m - 1]);
	}
	assert_int_equal(ngojst_date_days_in_month(1900, 2), 28);
	assert_int_equal(ngojst_date_days_in_month(2000, 2), 29);
	assert_int_equal(ngojst_date_days_in_month(2100, 2), 28);
	assert_int_equal(ngojst_date_days_in_month(2024, 0), 0);
	assert_int_equal(ngojst_date_days_in_month(2024, 13), 0);
	assert_int_equal(ngojst_date_days_in_month(2024, -1), 0);
}

static void test_make(void **state)
{
	ngojst_date d = D(1, 2, 3);

	(void)state;
	assert_int_equal(ngojst_date_make(&d, 2024, 2, 29), NGOJST_OK);
	assert_date(d, 2024, 2, 29);
	assert_int_equal(ngojst_date_make(&d, 2000, 2, 29), NGOJST_OK);
	assert_int_equal(ngojst_date_make(&d, 1, 1, 1), NGOJST_OK);
	assert_date(d, 1, 1, 1);
	assert_int_equal(ngojst_date_make(&d, 9999, 12, 31), NGOJST_OK);
	assert_date(d, 9999, 12, 31);
	assert_int_equal(ngojst_date_make(&d, 2026, 4, 30), NGOJST_OK);

	assert_int_equal(ngojst_date_make(&d, 2026, 2, 30), NGOJST_ERANGE);
	assert_int_equal(ngojst_date_make(&d, 2025, 2, 29), NGOJST_ERANGE);
	assert_int_equal(ngojst_date_make(&d, 1900, 2, 29), NGOJST_ERANGE);
	assert_int_equal(ngojst_date_make(&d, 2100, 2, 29), NGOJST_ERANGE);
	assert_int_equal(ngojst_date_make(&d, 2026, 4, 31), NGOJST_ERANGE);
	assert_int_equal(ngojst_date_make(&d, 2026, 0, 1), NGOJST_ERANGE);
	assert_int_equal(ngojst_date_make(&d, 2026, 13, 1), NGOJST_ERANGE);
	assert_int_equal(ngojst_date_make(&d, 2026, 1, 0), NGOJST_ERANGE);
	assert_int_equal(ngojst_date_make(&d, 2026, 1, 32), NGOJST_ERANGE);
	assert_int_equal(ngojst_date_make(&d, 0, 1, 1), NGOJST_ERANGE);
	assert_int_equal(ngojst_date_make(&d, 10000, 1, 1), NGOJST_ERANGE);
	assert_int_equal(ngojst_date_make(&d, -1, 1, 1), NGOJST_ERANGE);
	assert_int_equal(ngojst_date_make(&d, 2026, 256 + 1, 1), NGOJST_ERANGE);
	/* A failed call leaves the output alone. */
	assert_date(d, 2026, 4, 30);
	assert_int_equal(ngojst_date_make(NULL, 2026, 1, 1), NGOJST_EINVAL);
}

static void test_valid_none(void **state)
{
	(void)state;
	assert_true(ngojst_date_is_valid(D(2024, 2, 29)));
	assert_true(ngojst_date_is_valid(D(1, 1, 1)));
	assert_true(ngojst_date_is_valid(D(9999, 12, 31)));
	assert_false(ngojst_date_is_valid(D(2026, 2, 29)));
	assert_false(ngojst_date_is_valid(D(0, 0, 0)));
	assert_false(ngojst_date_is_valid(D(0, 1, 1)));
	assert_false(ngojst_date_is_valid(D(-5, 1, 1)));
	assert_false(ngojst_date_is_valid(D(10000, 1, 1)));
	assert_false(ngojst_date_is_valid(D(2026, 0, 1)));
	assert_false(ngojst_date_is_valid(D(2026, 13, 1)));
	assert_false(ngojst_date_is_valid(D(2026, 1, 0)));
	assert_false(ngojst_date_is_valid(D(2026, 255, 255)));

	assert_true(ngojst_date_is_none(D(0, 0, 0)));
	assert_false(ngojst_date_is_none(D(0, 0, 1)));
	assert_false(ngojst_date_is_none(D(0, 1, 0)));
	assert_false(ngojst_date_is_none(D(1, 0, 0)));
	assert_false(ngojst_date_is_none(D(2026, 1, 1)));
}

static void test_parse(void **state)
{
	static const char *const bad_form[] = {
		"", "2026-1-18", "26-10-18", "2026/10/18", "2026-10-18 ", " 2026-10-18",
		"2026-10-1x", "+026-10-18", "-026-10-18", "20261018", "2026-10-18T00:00",
		"2026--10-1", "2026-+1-18", "2026-1--18", "2026 10 18", "abcd-ef-gh",
		"02026-10-1", "2026-010-1",
		"\331\242026-10-18", /* U+0662 ARABIC-INDIC DIGIT TWO, then "026-10-18" */
	};
	static const char *const impossible[] = {
		"2026-02-30", "2025-02-29", "1900-02-29", "2026-13-01", "2026-00-10",
		"0000-01-01", "2026-01-00", "2026-01-32", "2026-04-31", "2026-99-99",
	};
	ngojst_date d = D(0, 0, 0);
	size_t i;

	(void)state;
	assert_int_equal(ngojst_date_parse(&d, "2026-10-18", 10), NGOJST_OK);
	assert_date(d, 2026, 10, 18);
	assert_int_equal(ngojst_date_parse(&d, "2024-02-29", 10), NGOJST_OK);
	assert_date(d, 2024, 2, 29);
	assert_int_equal(ngojst_date_parse(&d, "0001-01-01", 10), NGOJST_OK);
	assert_date(d, 1, 1, 1);
	assert_int_equal(ngojst_date_parse(&d, "9999-12-31", 10), NGOJST_OK);
	assert_date(d, 9999, 12, 31);
	/* Only len bytes are read: the text need not be NUL-terminated. */
	assert_int_equal(ngojst_date_parse(&d, "2000-02-29T12:00", 10), NGOJST_OK);
	assert_date(d, 2000, 2, 29);

	for (i = 0; i < sizeof(bad_form) / sizeof(bad_form[0]); i++) {
		d = D(7, 7, 7);
		if (ngojst_date_parse(&d, bad_form[i], strlen(bad_form[i])) != NGOJST_EINVAL)
			fail_msg("\"%s\" should be EINVAL", bad_form[i]);
		assert_date(d, 7, 7, 7);
	}
	for (i = 0; i < sizeof(impossible) / sizeof(impossible[0]); i++) {
		if (ngojst_date_parse(&d, impossible[i], strlen(impossible[i])) != NGOJST_ERANGE)
			fail_msg("\"%s\" should be ERANGE", impossible[i]);
	}
	/* An embedded NUL is not a digit. */
	assert_int_equal(ngojst_date_parse(&d, "2026-10-1\0", 10), NGOJST_EINVAL);
	assert_int_equal(ngojst_date_parse(&d, "2026-10-18", 9), NGOJST_EINVAL);
	assert_int_equal(ngojst_date_parse(&d, "2026-10-18", 11), NGOJST_EINVAL);
	assert_int_equal(ngojst_date_parse(&d, NULL, 10), NGOJST_EINVAL);
	assert_int_equal(ngojst_date_parse(NULL, "2026-10-18", 10), NGOJST_EINVAL);
}

static void test_format(void **state)
{
	char buf[16];

	(void)state;
	assert_int_equal(ngojst_date_format(buf, sizeof(buf), D(2026, 2, 3)), 10);
	assert_string_equal(buf, "2026-02-03");
	assert_int_equal(ngojst_date_format(buf, 11, D(1, 1, 1)), 10);
	assert_string_equal(buf, "0001-01-01");
	assert_int_equal(ngojst_date_format(buf, 11, D(9999, 12, 31)), 10);
	assert_string_equal(buf, "9999-12-31");
	assert_int_equal(ngojst_date_format(buf, 11, D(987, 10, 9)), 10);
	assert_string_equal(buf, "0987-10-09");

	assert_int_equal(ngojst_date_format(buf, 10, D(2026, 2, 3)), NGOJST_ERANGE);
	assert_int_equal(ngojst_date_format(buf, 0, D(2026, 2, 3)), NGOJST_ERANGE);
	assert_int_equal(ngojst_date_format(buf, sizeof(buf), D(2026, 2, 30)), NGOJST_EINVAL);
	assert_int_equal(ngojst_date_format(buf, sizeof(buf), D(0, 0, 0)), NGOJST_EINVAL);
	assert_int_equal(ngojst_date_format(buf, sizeof(buf), D(10000, 1, 1)), NGOJST_EINVAL);
	assert_int_equal(ngojst_date_format(NULL, 11, D(2026, 2, 3)), NGOJST_EINVAL);
}

static void test_cmp(void **state)
{
	(void)state;
	assert_int_equal(ngojst_date_cmp(D(2026, 1, 1), D(2026, 1, 1)), 0);
	assert_true(ngojst_date_cmp(D(2026, 1, 1), D(2026, 1, 2)) < 0);
	assert_true(ngojst_date_cmp(D(2026, 1, 2), D(2026, 1, 1)) > 0);
	assert_true(ngojst_date_cmp(D(2026, 1, 31), D(2026, 2, 1)) < 0);
	assert_true(ngojst_date_cmp(D(2026, 12, 31), D(2027, 1, 1)) < 0);
	assert_true(ngojst_date_cmp(D(2027, 1, 1), D(2026, 12, 31)) > 0);
	assert_true(ngojst_date_cmp(D(0, 0, 0), D(1, 1, 1)) < 0);
}

static void test_day_numbers(void **state)
{
	ngojst_date d;

	(void)state;
	assert_int_equal(ngojst_date_to_days(D(1970, 1, 1)), 0);
	assert_int_equal(ngojst_date_to_days(D(1969, 12, 31)), -1);
	assert_int_equal(ngojst_date_to_days(D(2000, 3, 1)), 11017);
	assert_int_equal(ngojst_date_to_days(D(2024, 2, 29)), 19782);
	assert_int_equal(ngojst_date_to_days(D(2026, 10, 18)), 20744);
	assert_int_equal(ngojst_date_to_days(D(1, 1, 1)), -719162);
	assert_int_equal(ngojst_date_to_days(D(9999, 12, 31)), 2932896);

	assert_int_equal(ngojst_date_from_days(&d, 0), NGOJST_OK);
	assert_date(d, 1970, 1, 1);
	assert_int_equal(ngojst_date_from_days(&d, 19782), NGOJST_OK);
	assert_date(d, 2024, 2, 29);
	assert_int_equal(ngojst_date_from_days(&d, -719162), NGOJST_OK);
	assert_date(d, 1, 1, 1);
	assert_int_equal(ngojst_date_from_days(&d, 2932896), NGOJST_OK);
	assert_date(d, 9999, 12, 31);
	assert_int_equal(ngojst_date_from_days(&d, -719163), NGOJST_ERANGE);
	assert_int_equal(ngojst_date_from_days(&d, 2932897), NGOJST_ERANGE);
	assert_int_equal(ngojst_date_from_days(&d, INT32_MIN), NGOJST_ERANGE);
	assert_int_equal(ngojst_date_from_days(&d, INT32_MAX), NGOJST_ERANGE);
	assert_date(d, 9999, 12, 31);
	assert_int_equal(ngojst_date_from_days(NULL, 0), NGOJST_EINVAL);
}

/* Walk every day of the range: each day number maps to the calendar
 * successor of the previous date, round-trips, and the weekday advances. */
static void test_whole_range(void **state)
{
	ngojst_date prev, d;
	int32_t z;
	int wd;

	(void)state;
	assert_int_equal(ngojst_date_from_days(&prev, -719162), NGOJST_OK);
	wd = ngojst_date_weekday(prev);
	assert_int_equal(wd, NGOJST_MONDAY);
	for (z = -719161; z <= 2932896; z++) {
		int exp_y = prev.year, exp_m = prev.month, exp_d = prev.day + 1;

		if (exp_d > ngojst_date_days_in_month(exp_y, exp_m)) {
			exp_d = 1;
			if (++exp_m > 12) {
				exp_m = 1;
				exp_y++;
			}
		}
		assert_int_equal(ngojst_date_from_days(&d, z), NGOJST_OK);
		if (d.year != exp_y || d.month != exp_m || d.day != exp_d)
			fail_msg("day %ld: got %d-%d-%d", (long)z, d.year, d.month, d.day);
		if (ngojst_date_to_days(d) != z)
			fail_msg("day %ld does not round-trip", (long)z);
		wd = wd % 7 + 1;
		if ((int)ngojst_date_weekday(d) != wd)
			fail_msg("day %ld: weekday %d, expected %d", (long)z, (int)ngojst_date_weekday(d), wd);
		prev = d;
	}
	assert_date(prev, 9999, 12, 31);
}

static void test_add_days(void **state)
{
	ngojst_date d = D(0, 0, 0);

	(void)state;
	assert_int_equal(ngojst_date_add_days(&d, D(2024, 2, 28), 1), NGOJST_OK);
	assert_date(d, 2024, 2, 29);
	assert_int_equal(ngojst_date_add_days(&d, D(2024, 2, 28), 2), NGOJST_OK);
	assert_date(d, 2024, 3, 1);
	assert_int_equal(ngojst_date_add_days(&d, D(2100, 2, 28), 1), NGOJST_OK);
	assert_date(d, 2100, 3, 1);
	assert_int_equal(ngojst_date_add_days(&d, D(2023, 12, 31), 1), NGOJST_OK);
	assert_date(d, 2024, 1, 1);
	assert_int_equal(ngojst_date_add_days(&d, D(2024, 3, 1), -1), NGOJST_OK);
	assert_date(d, 2024, 2, 29);
	assert_int_equal(ngojst_date_add_days(&d, D(2026, 10, 18), 0), NGOJST_OK);
	assert_date(d, 2026, 10, 18);
	assert_int_equal(ngojst_date_add_days(&d, D(2026, 10, 18), 14), NGOJST_OK);
	assert_date(d, 2026, 11, 1);
	assert_int_equal(ngojst_date_add_days(&d, D(1, 1, 1), 3652058), NGOJST_OK);
	assert_date(d, 9999, 12, 31);
	assert_int_equal(ngojst_date_add_days(&d, D(9999, 12, 31), -3652058), NGOJST_OK);
	assert_date(d, 1, 1, 1);

	assert_int_equal(ngojst_date_add_days(&d, D(1, 1, 1), 3652059), NGOJST_ERANGE);
	assert_int_equal(ngojst_date_add_days(&d, D(9999, 12, 31), 1), NGOJST_ERANGE);
	assert_int_equal(ngojst_date_add_days(&d, D(1, 1, 1), -1), NGOJST_ERANGE);
	assert_int_equal(ngojst_date_add_days(&d, D(2026, 1, 1), INT32_MAX), NGOJST_ERANGE);
	assert_int_equal(ngojst_date_add_days(&d, D(2026, 1, 1), INT32_MIN), NGOJST_ERANGE);
	assert_date(d, 1, 1, 1);
	assert_int_equal(ngojst_date_add_days(&d, D(2026, 2, 30), 1), NGOJST_EINVAL);
	assert_int_equal(ngojst_date_add_days(&d, D(0, 0, 0), 1), NGOJST_EINVAL);
	assert_int_equal(ngojst_date_add_days(NULL, D(2026, 1, 1), 1), NGOJST_EINVAL);
}

static void test_add_months(void **state)
{
	ngojst_date d = D(0, 0, 0);

	(void)state;
	assert_int_equal(ngojst_date_add_months(&d, D(2024, 1, 31), 1), NGOJST_OK);
	assert_date(d, 2024, 2, 29);
	assert_int_equal(ngojst_date_add_months(&d, D(2023, 1, 31), 1), NGOJST_OK);
	assert_date(d, 2023, 2, 28);
	assert_int_equal(ngojst_date_add_months(&d, D(2100, 1, 29), 1), NGOJST_OK);
	assert_date(d, 2100, 2, 28);
	assert_int_equal(ngojst_date_add_months(&d, D(2000, 1, 30), 1), NGOJST_OK);
	assert_date(d, 2000, 2, 29);
	assert_int_equal(ngojst_date_add_months(&d, D(2024, 3, 31), -1), NGOJST_OK);
	assert_date(d, 2024, 2, 29);
	assert_int_equal(ngojst_date_add_months(&d, D(2000, 5, 31), 1), NGOJST_OK);
	assert_date(d, 2000, 6, 30);
	assert_int_equal(ngojst_date_add_months(&d, D(2024, 2, 29), 12), NGOJST_OK);
	assert_date(d, 2025, 2, 28);
	assert_int_equal(ngojst_date_add_months(&d, D(2024, 2, 29), 48), NGOJST_OK);
	assert_date(d, 2028, 2, 29);
	assert_int_equal(ngojst_date_add_months(&d, D(2026, 10, 18), 3), NGOJST_OK);
	assert_date(d, 2027, 1, 18);
	assert_int_equal(ngojst_date_add_months(&d, D(2026, 10, 18), -10), NGOJST_OK);
	assert_date(d, 2025, 12, 18);
	assert_int_equal(ngojst_date_add_months(&d, D(2026, 1, 18), -1), NGOJST_OK);
	assert_date(d, 2025, 12, 18);
	assert_int_equal(ngojst_date_add_months(&d, D(2026, 12, 18), 1), NGOJST_OK);
	assert_date(d, 2027, 1, 18);
	assert_int_equal(ngojst_date_add_months(&d, D(2026, 10, 18), 0), NGOJST_OK);
	assert_date(d, 2026, 10, 18);
	assert_int_equal(ngojst_date_add_months(&d, D(1, 1, 31), 9999 * 12 - 1), NGOJST_OK);
	assert_date(d, 9999, 12, 31);
	assert_int_equal(ngojst_date_add_months(&d, D(9999, 12, 31), -(9999 * 12 - 1)), NGOJST_OK);
	assert_date(d, 1, 1, 31);

	assert_int_equal(ngojst_date_add_months(&d, D(1, 1, 15), -1), NGOJST_ERANGE);
	assert_int_equal(ngojst_date_add_months(&d, D(9999, 12, 1), 1), NGOJST_ERANGE);
	assert_int_equal(ngojst_date_add_months(&d, D(2026, 1, 1), INT32_MAX), NGOJST_ERANGE);
	assert_int_equal(ngojst_date_add_months(&d, D(2026, 1, 1), INT32_MIN), NGOJST_ERANGE);
	assert_date(d, 1, 1, 31);
	assert_int_equal(ngojst_date_add_months(&d, D(2026, 2, 30), 1), NGOJST_EINVAL);
	assert_int_equal(ngojst_date_add_months(NULL, D(2026, 1, 1), 1), NGOJST_EINVAL);
}

static void test_diff(void **state)
{
	(void)state;
	assert_int_equal(ngojst_date_diff(D(2024, 1, 1), D(2025, 1, 1)), 366);
	assert_int_equal(ngojst_date_diff(D(2025, 1, 1), D(2024, 1, 1)), -366);
	assert_int_equal(ngojst_date_diff(D(2025, 1, 1), D(2026, 1, 1)), 365);
	assert_int_equal(ngojst_date_diff(D(2026, 10, 18), D(2026, 10, 18)), 0);
	assert_int_equal(ngojst_date_diff(D(2026, 10, 18), D(2026, 11, 1)), 14);
	assert_int_equal(ngojst_date_diff(D(1, 1, 1), D(9999, 12, 31)), 3652058);
}

static void test_weekday(void **state)
{
	(void)state;
	assert_int_equal(ngojst_date_weekday(D(1970, 1, 1)), NGOJST_THURSDAY);
	assert_int_equal(ngojst_date_weekday(D(1969, 12, 31)), NGOJST_WEDNESDAY);
	assert_int_equal(ngojst_date_weekday(D(2000, 1, 1)), NGOJST_SATURDAY);
	assert_int_equal(ngojst_date_weekday(D(2026, 10, 18)), NGOJST_SUNDAY);
	assert_int_equal(ngojst_date_weekday(D(2026, 11, 30)), NGOJST_MONDAY);
	assert_int_equal(ngojst_date_weekday(D(2024, 12, 24)), NGOJST_TUESDAY);
	assert_int_equal(ngojst_date_weekday(D(2026, 5, 1)), NGOJST_FRIDAY);
	assert_int_equal(ngojst_date_weekday(D(1, 1, 1)), NGOJST_MONDAY);
	assert_int_equal(ngojst_date_weekday(D(9999, 12, 31)), NGOJST_FRIDAY);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_leap_years),
		cmocka_unit_test(test_days_in_month),
		cmocka_unit_test(test_make),
		cmocka_unit_test(test_valid_none),
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_cmp),
		cmocka_unit_test(test_day_numbers),
		cmocka_unit_test(test_whole_range),
		cmocka_unit_test(test_add_days),
		cmocka_unit_test(test_add_months),
		cmocka_unit_test(test_diff),
		cmocka_unit_test(test_weekday),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
