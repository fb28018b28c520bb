/* Money: exact parsing, formatting and checked addition. */
#include <string.h>

#include "test-common.h"

#define NEG NGOJST_MONEY_ALLOW_NEGATIVE

struct parse_case {
	const char *text;
	unsigned flags;
	int rc;
	ngojst_money value;  /* when rc == 0 */
};

static const struct parse_case parse_cases[] = {
	/* plain forms */
	{ "0", 0, 0, 0 },
	{ "5", 0, 0, 500 },
	{ "12345.67", 0, 0, 1234567 },
	{ "12345,67", 0, 0, 1234567 },
	{ "0,5", 0, 0, 50 },
	{ "0.05", 0, 0, 5 },
	{ "0,50", 0, 0, 50 },
	{ "1000000", 0, 0, 100000000 },
	{ "007", 0, 0, 700 },
	{ "+5", 0, 0, 500 },
	/* grouping */
	{ "12 345,67 zł", 0, 0, 1234567 },
	{ "12 345,67", 0, 0, 1234567 },
	{ "1 234 567,89 zł", 0, 0, 123456789 },
	{ "1\xC2\xA0" "234,56", 0, 0, 123456 },
	{ "1\xC2\xA0" "234\xC2\xA0" "567", 0, 0, 123456700 },
	{ "1\xE2\x80\xAF" "234,56 zł", 0, 0, 123456 },
	{ "1'234.50", 0, 0, 123450 },
	{ "123 456", 0, 0, 12345600 },
	/* suffixes */
	{ "12zł", 0, 0, 1200 },
	{ "12 zł", 0, 0, 1200 },
	{ "12 PLN", 0, 0, 1200 },
	{ "12,5 PLN", 0, 0, 1250 },
	{ "1 234 zł", 0, 0, 123400 },
	/* signs */
	{ "-5", NEG, 0, -500 },
	{ "-5", 0, NGOJST_ERANGE, 0 },
	{ "-12 345,67 zł", NEG, 0, -1234567 },
	{ "-0,01", NEG, 0, -1 },
	{ "-0", NEG, 0, 0 },
	{ "+5", NEG, 0, 500 },
	/* range */
	{ "92233720368547758.07", 0, 0, INT64_MAX },
	{ "92 233 720 368 547 758,07 zł", 0, 0, INT64_MAX },
	{ "92233720368547758.08", 0, NGOJST_ERANGE, 0 },
	{ "92233720368547759", 0, NGOJST_ERANGE, 0 },
	{ "-92233720368547758.07", NEG, 0, -INT64_MAX },
	{ "-92233720368547758.08", NEG, NGOJST_ERANGE, 0 },
	{ "18446744073709551615", 0, NGOJST_ERANGE, 0 },
	{ "18446744073709551616", 0, NGOJST_ERANGE, 0 },
	{ "999999999999999999999999999999", 0, NGOJST_ERANGE, 0 },
	{ "0000000000000000000000000000001", 0, 0, 100 },
	/* malformed, including a malformed amount that would also overflow */
	{ "", 0, NGOJST_EINVAL, 0 },
	{ " ", 0, NGOJST_EINVAL, 0 },
	{ "1.234", 0, NGOJST_EINVAL, 0 },
	{ "1,234", 0, NGOJST_EINVAL, 0 },
	{ "1e309", 0, NGOJST_EINVAL, 0 },
	{ "1E3", 0, NGOJST_EINVAL, 0 },
	{ "-0.001", NEG, NGOJST_EINVAL, 0 },
	{ "-0.001", 0, NGOJST_EINVAL, 0 },
	{ "999999999999999999999999x", 0, NGOJST_EINVAL, 0 },
	{ "99999999999999999999999.123", 0, NGOJST_EINVAL, 0 },
	{ "-", NEG, NGOJST_EINVAL, 0 },
	{ "+", 0, NGOJST_EINVAL, 0 },
	{ "--5", NEG, NGOJST_EINVAL, 0 },
	{ "+-5", NEG, NGOJST_EINVAL, 0 },
	{ "- 5", NEG, NGOJST_EINVAL, 0 },
	{ " 5", 0, NGOJST_EINVAL, 0 },
	{ "5 ", 0, NGOJST_EINVAL, 0 },
	{ "5,", 0, NGOJST_EINVAL, 0 },
	{ ",5", 0, NGOJST_EINVAL, 0 },
	{ ".5", 0, NGOJST_EINVAL, 0 },
	{ "1,2,3", 0, NGOJST_EINVAL, 0 },
	{ "1.2.3", 0, NGOJST_EINVAL, 0 },
	{ "1.5,0", 0, NGOJST_EINVAL, 0 },
	{ "1  234", 0, NGOJST_EINVAL, 0 },
	{ "1 23", 0, NGOJST_EINVAL, 0 },
	{ "1 2345", 0, NGOJST_EINVAL, 0 },
	{ "1234 567", 0, NGOJST_EINVAL, 0 },
	{ "1 234'567", 0, NGOJST_EINVAL, 0 },
	{ "1 234\xC2\xA0" "567", 0, NGOJST_EINVAL, 0 },
	{ "1 234 ", 0, NGOJST_EINVAL, 0 },
	{ "1\xC2", 0, NGOJST_EINVAL, 0 },
	{ "1\xC2\xA0", 0, NGOJST_EINVAL, 0 },
	{ "1\xE2\x80", 0, NGOJST_EINVAL, 0 },
	{ "12PLN", 0, NGOJST_EINVAL, 0 },
	{ "12 pln", 0, NGOJST_EINVAL, 0 },
	{ "12 zl", 0, NGOJST_EINVAL, 0 },
	{ "12 zł ", 0, NGOJST_EINVAL, 0 },
	{ "12  zł", 0, NGOJST_EINVAL, 0 },
	{ "12\xC2\xA0zł", 0, NGOJST_EINVAL, 0 },
	{ "12 z", 0, NGOJST_EINVAL, 0 },
	{ "zł", 0, NGOJST_EINVAL, 0 },
	{ " zł", 0, NGOJST_EINVAL, 0 },
	{ "12 zł zł", 0, NGOJST_EINVAL, 0 },
	{ "0x10", 0, NGOJST_EINVAL, 0 },
	{ "inf", 0, NGOJST_EINVAL, 0 },
	{ "NaN", 0, NGOJST_EINVAL, 0 },
	{ "1_000", 0, NGOJST_EINVAL, 0 },
	{ "\xD9\xA1", 0, NGOJST_EINVAL, 0 },   /* ARABIC-INDIC DIGIT ONE */
	{ "\xEF\xBC\x91", 0, NGOJST_EINVAL, 0 }, /* FULLWIDTH DIGIT ONE */
};

static void test_parse_corpus(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(parse_cases) / sizeof(parse_cases[0]); i++) {
		const struct parse_case *c = &parse_cases[i];
		ngojst_money v = 4242;
		int rc = ngojst_money_parse(&v, c->text, strlen(c->text), c->flags);

		if (rc != c->rc)
			fail_msg("\"%s\" (flags %u): rc %d, expected %d", c->text, c->flags, rc, c->rc);
		if (rc == 0 && v != c->value)
			fail_msg("\"%s\": %lld, expected %lld", c->text, (long long)v, (long long)c->value);
		/* A failed parse leaves the output alone. */
		if (rc != 0 && v != 4242)
			fail_msg("\"%s\": output written on failure", c->text);
	}
}

static void test_parse_length(void **state)
{
	ngojst_money v = 0;

	(void)state;
	/* Only len bytes are read. */
	assert_int_equal(ngojst_money_parse(&v, "12345", 3, 0), NGOJST_OK);
	assert_int_equal(v, 12300);
	assert_int_equal(ngojst_money_parse(&v, "12 zł and more", 6, 0), NGOJST_OK);
	assert_int_equal(v, 1200);
	/* An embedded NUL is just another bad character. */
	assert_int_equal(ngojst_money_parse(&v, "12\0", 3, 0), NGOJST_EINVAL);
	assert_int_equal(ngojst_money_parse(&v, "12", 0, 0), NGOJST_EINVAL);
	assert_int_equal(ngojst_money_parse(&v, NULL, 0, 0), NGOJST_EINVAL);
	assert_int_equal(ngojst_money_parse(&v, NULL, 3, 0), NGOJST_EINVAL);
	assert_int_equal(ngojst_money_parse(NULL, "12", 2, 0), NGOJST_EINVAL);
	assert_int_equal(v, 1200);
}

struct format_case {
	ngojst_money amount;
	const char *plain;
	const char *polish;
};

static const struct format_case format_cases[] = {
	{ 0, "0.00", "0,00 zł" },
	{ 5, "0.05", "0,05 zł" },
	{ 50, "0.50", "0,50 zł" },
	{ -5, "-0.05", "-0,05 zł" },
	{ -500, "-5.00", "-5,00 zł" },
	{ 99999, "999.99", "999,99 zł" },
	{ 100000, "1000.00", "1 000,00 zł" },
	{ 1234567, "12345.67", "12 345,67 zł" },
	{ -1234567, "-12345.67", "-12 345,67 zł" },
	{ 12345678, "123456.78", "123 456,78 zł" },
	{ 123456789, "1234567.89", "1 234 567,89 zł" },
	{ INT64_MAX, "92233720368547758.07", "92 233 720 368 547 758,07 zł" },
	{ -INT64_MAX, "-92233720368547758.07", "-92 233 720 368 547 758,07 zł" },
};

static void test_format(void **state)
{
	char buf[40];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(format_cases) / sizeof(format_cases[0]); i++) {
		const struct format_case *c = &format_cases[i];
		ngojst_money back = 0;
		int n;

		n = ngojst_money_format(buf, sizeof(buf), c->amount, NGOJST_MONEY_PLAIN);
		assert_int_equal(n, (int)strlen(c->plain));
		assert_string_equal(buf, c->plain);
		assert_int_equal(ngojst_money_parse(&back, buf, (size_t)n, NEG), NGOJST_OK);
		assert_int_equal(back, c->amount);

		n = ngojst_money_format(buf, sizeof(buf), c->amount, NGOJST_MONEY_POLISH);
		assert_int_equal(n, (int)strlen(c->polish));
		assert_string_equal(buf, c->polish);
		assert_int_equal(ngojst_money_parse(&back, buf, (size_t)n, NEG), NGOJST_OK);
		assert_int_equal(back, c->amount);
	}
}

static void test_format_errors(void **state)
{
	char buf[40];
	const char *longest = "-92 233 720 368 547 758,07 zł";
	size_t len = strlen(longest);

	(void)state;
	/* Exactly enough room, then one byte short. */
	assert_int_equal(ngojst_money_format(buf, len + 1, -INT64_MAX, NGOJST_MONEY_POLISH), (int)len);
	assert_string_equal(buf, longest);
	assert_int_equal(ngojst_money_format(buf, len, -INT64_MAX, NGOJST_MONEY_POLISH), NGOJST_ERANGE);
	assert_string_equal(buf, "");
	assert_int_equal(ngojst_money_format(buf, 6, 1234, NGOJST_MONEY_PLAIN), 5);
	assert_string_equal(buf, "12.34");
	assert_int_equal(ngojst_money_format(buf, 6, 12345, NGOJST_MONEY_PLAIN), NGOJST_ERANGE);
	assert_int_equal(ngojst_money_format(buf, 1, 0, NGOJST_MONEY_PLAIN), NGOJST_ERANGE);
	assert_string_equal(buf, "");
	buf[0] = 'x';
	assert_int_equal(ngojst_money_format(buf, 0, 0, NGOJST_MONEY_PLAIN), NGOJST_ERANGE);
	assert_int_equal(buf[0], 'x');

	assert_int_equal(ngojst_money_format(buf, sizeof(buf), NGOJST_MONEY_NONE, NGOJST_MONEY_PLAIN), NGOJST_EINVAL);
	assert_int_equal(ngojst_money_format(buf, sizeof(buf), NGOJST_MONEY_NONE, NGOJST_MONEY_POLISH), NGOJST_EINVAL);
	assert_int_equal(ngojst_money_format(buf, sizeof(buf), 0, (ngojst_money_style)2), NGOJST_EINVAL);
	assert_int_equal(ngojst_money_format(NULL, 40, 0, NGOJST_MONEY_PLAIN), NGOJST_EINVAL);
}

static void test_add(void **state)
{
	ngojst_money s = 77;

	(void)state;
	assert_int_equal(ngojst_money_add(&s, 1, 2), NGOJST_OK);
	assert_int_equal(s, 3);
	assert_int_equal(ngojst_money_add(&s, 10, 20), NGOJST_OK);
	assert_int_equal(s, 30); /* 0,10 + 0,20 = 0,30 exactly */
	assert_int_equal(ngojst_money_add(&s, -500, 200), NGOJST_OK);
	assert_int_equal(s, -300);
	assert_int_equal(ngojst_money_add(&s, INT64_MAX, -INT64_MAX), NGOJST_OK);
	assert_int_equal(s, 0);
	assert_int_equal(ngojst_money_add(&s, INT64_MAX - 1, 1), NGOJST_OK);
	assert_int_equal(s, INT64_MAX);
	assert_int_equal(ngojst_money_add(&s, -INT64_MAX + 1, -1), NGOJST_OK);
	assert_int_equal(s, -INT64_MAX);
	assert_int_equal(ngojst_money_add(&s, INT64_MAX, 0), NGOJST_OK);
	assert_int_equal(s, INT64_MAX);

	assert_int_equal(ngojst_money_add(&s, INT64_MAX, 1), NGOJST_ERANGE);
	assert_int_equal(ngojst_money_add(&s, 1, INT64_MAX), NGOJST_ERANGE);
	assert_int_equal(ngojst_money_add(&s, INT64_MAX, INT64_MAX), NGOJST_ERANGE);
	/* The sum INT64_MIN would read as NONE. */
	assert_int_equal(ngojst_money_add(&s, -INT64_MAX, -1), NGOJST_ERANGE);
	assert_int_equal(ngojst_money_add(&s, -1, -INT64_MAX), NGOJST_ERANGE);
	assert_int_equal(ngojst_money_add(&s, -INT64_MAX, -INT64_MAX), NGOJST_ERANGE);
	assert_int_equal(ngojst_money_add(&s, NGOJST_MONEY_NONE, 1), NGOJST_ERANGE);
	assert_int_equal(ngojst_money_add(&s, 1, NGOJST_MONEY_NONE), NGOJST_ERANGE);
	assert_int_equal(s, INT64_MAX);
	assert_int_equal(ngojst_money_add(NULL, 1, 2), NGOJST_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_corpus),
		cmocka_unit_test(test_parse_length),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_format_errors),
		cmocka_unit_test(test_add),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
