/* Money as int64 grosze. Parsing and formatting are done digit by digit in
 * integers: a binary double cannot hold 0.10 exactly, and a law checker that
 * says 0.1 + 0.2 != 0.3 zł would be worse than useless. */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include <ngojst/common.h>
#include <ngojst/money.h>

/* Largest magnitude: INT64_MIN is taken by NGOJST_MONEY_NONE, so the range
 * is symmetric, ±92 233 720 368 547 758,07 zł. */
#define MONEY_MAX ((uint64_t)INT64_MAX)

/* Kinds of digit-group separator; an amount must use one kind throughout,
 * since "1 234'567" is more likely two numbers run together than one. */
enum group_sep {
	SEP_NONE = 0,
	SEP_SPACE,
	SEP_APOSTROPHE,
	SEP_NBSP,        /* U+00A0 */
	SEP_NNBSP        /* U+202F, narrow no-break space */
};

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The separator starting at p, and its byte length in *n. */
static enum group_sep match_sep(const char *p, const char *end, size_t *n)
{
	size_t left = (size_t)(end - p);

	*n = 0;
	if (left >= 1 && p[0] == ' ') {
		*n = 1;
		return SEP_SPACE;
	}
	if (left >= 1 && p[0] == '\'') {
		*n = 1;
		return SEP_APOSTROPHE;
	}
	if (left >= 2 && memcmp(p, "\xC2\xA0", 2) == 0) {
		*n = 2;
		return SEP_NBSP;
	}
	if (left >= 3 && memcmp(p, "\xE2\x80\xAF", 3) == 0) {
		*n = 3;
		return SEP_NNBSP;
	}
	return SEP_NONE;
}

/* Consume a run of digits into *acc and return its length. Overflow is only
 * noted, so that a malformed amount is reported as malformed (EINVAL) rather
 * than out of range however many digits it has. */
static size_t take_digits(const char **pp, const char *end, uint64_t *acc, bool *overflow)
{
	const char *start = *pp, *p = *pp;

	while (p < end && is_digit(*p)) {
		unsigned d = (unsigned)(*p - '0');

		if (*acc > (UINT64_MAX - d) / 10)
			*overflow = true;
		else
			*acc = *acc * 10 + d;
		p++;
	}
	*pp = p;
	return (size_t)(p - start);
}

/* True if [p, end) is exactly one of the accepted currency suffixes. */
static bool is_suffix(const char *p, const char *end)
{
	static const char *const suffixes[] = { " z\xC5\x82", "z\xC5\x82", " PLN" };
	size_t left = (size_t)(end - p), i;

	for (i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		if (left == strlen(suffixes[i]) && memcmp(p, suffixes[i], left) == 0)
			return true;
	}
	return false;
}

int ngojst_money_parse(ngojst_money *out, const char *text, size_t len, unsigned flags)
{
	const char *p = text, *end;
	enum group_sep kind = SEP_NONE;
	uint64_t whole = 0, frac = 0;
	bool negative = false, overflow = false;
	size_t n, first;

	if (!out || (!text && len))
		return NGOJST_EINVAL;
	if (!len)
		return NGOJST_EINVAL;
	end = text + len;

	if (*p == '-' || *p == '+') {
		negative = *p == '-';
		p++;
	}

	first = take_digits(&p, end, &whole, &overflow);
	if (!first)
		return NGOJST_EINVAL;

	/* Groups: a separator is part of the number only when a digit follows,
	 * so "12 zł" ends the number at the space. */
	for (;;) {
		enum group_sep k = match_sep(p, end, &n);

		if (k == SEP_NONE || p + n >= end || !is_digit(p[n]))
			break;
		if (first > 3 || (kind != SEP_NONE && k != kind))
			return NGOJST_EINVAL;
		kind = k;
		p += n;
		if (take_digits(&p, end, &whole, &overflow) != 3)
			return NGOJST_EINVAL;
	}

	if (p < end && (*p == '.' || *p == ',')) {
		p++;
		n = take_digits(&p, end, &frac, &overflow);
		/* "1.234" is rejected rather than guessed to be 1234 zł with a
		 * dot grouping: a wrong guess would be off by a factor of 1000. */
		if (n < 1 || n > 2)
			return NGOJST_EINVAL;
		if (n == 1)
			frac *= 10;
	}

	if (p < end && !is_suffix(p, end))
		return NGOJST_EINVAL;

	if (overflow || whole > (MONEY_MAX - frac) / 100)
		return NGOJST_ERANGE;
	if (negative && !(flags & NGOJST_MONEY_ALLOW_NEGATIVE))
		return NGOJST_ERANGE;
	/* whole * 100 + frac <= INT64_MAX, so negating it cannot overflow. */
	*out = (ngojst_money)(whole * 100 + frac);
	if (negative)
		*out = -*out;
	return NGOJST_OK;
}

int ngojst_money_format(char *buf, size_t size, ngojst_money amount, ngojst_money_style style)
{
	/* Built right to left; the longest output, "-92 233 720 368 547 758,07 zł",
	 * is 29 bytes. */
	char tmp[40];
	char *p = tmp + sizeof(tmp);
	uint64_t mag, whole;
	bool polish;
	size_t len;
	int ndig = 0;

	if (!buf || amount == NGOJST_MONEY_NONE)
		return NGOJST_EINVAL;
	if (style != NGOJST_MONEY_PLAIN && style != NGOJST_MONEY_POLISH)
		return NGOJST_EINVAL;
	polish = style == NGOJST_MONEY_POLISH;
	/* Negate in unsigned arithmetic; amount != INT64_MIN, but this keeps
	 * the expression free of signed overflow by construction. */
	mag = amount < 0 ? 0 - (uint64_t)amount : (uint64_t)amount;
	whole = mag / 100;

	if (polish) {
		p -= 4;
		memcpy(p, " z\xC5\x82", 4);
	}
	*--p = (char)('0' + mag % 10);
	*--p = (char)('0' + mag / 10 % 10);
	*--p = polish ? ',' : '.';
	do {
		if (polish && ndig && ndig % 3 == 0)
			*--p = ' ';
		*--p = (char)('0' + whole % 10);
		whole /= 10;
		ndig++;
	} while (whole);
	if (amount < 0)
		*--p = '-';

	len = (size_t)(tmp + sizeof(tmp) - p);
	if (size <= len) {
		if (size)
			buf[0] = '\0';
		return NGOJST_ERANGE;
	}
	memcpy(buf, p, len);
	buf[len] = '\0';
	return (int)len;
}

int ngojst_money_add(ngojst_money *out, ngojst_money a, ngojst_money b)
{
	if (!out)
		return NGOJST_EINVAL;
	if (a == NGOJST_MONEY_NONE || b == NGOJST_MONEY_NONE)
		return NGOJST_ERANGE;
	/* Checked before adding: signed overflow is undefined. The sum may not
	 * be INT64_MIN either, which would read as NONE. */
	if ((b > 0 && a > INT64_MAX - b) || (b < 0 && a < -INT64_MAX - b))
		return NGOJST_ERANGE;
	*out = a + b;
	return NGOJST_OK;
}
