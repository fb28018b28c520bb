/**
 * @file money.h
 * @brief Amounts of money in integer grosze (1/100 zł); no floating point.
 *
 * @defgroup money Money
 * @{
 *
 * Thread safety: all functions are pure and reentrant.
 */
#ifndef NGOJST_MONEY_H
#define NGOJST_MONEY_H

#include <stddef.h>
#include <stdint.h>

#include <ngojst/export.h>

NGOJST_BEGIN_DECLS

/** An amount in grosze. 12 345,67 zł is 1234567. */
typedef int64_t ngojst_money;

/** Marks an absent amount in a model struct (no amount was given). */
#define NGOJST_MONEY_NONE INT64_MIN

/** Flags for ngojst_money_parse(). */
enum ngojst_money_parse_flags {
	NGOJST_MONEY_ALLOW_NEGATIVE = 1u << 0 /**< Accept a leading '-'. */
};

/**
 * Parse a decimal amount in złoty exactly.
 *
 * Accepted: an optional sign (a '-' only with #NGOJST_MONEY_ALLOW_NEGATIVE),
 * digits optionally grouped by single spaces, non-breaking spaces (U+00A0,
 * U+202F) or apostrophes in groups of three (one kind of separator per
 * amount; the first group has 1 to 3 digits), a decimal separator '.' or ','
 * followed by one or two digits, and an optional trailing " zł", "zł" or
 * " PLN". Rejected: exponents, more than two decimals, empty input, any other
 * character, and values beyond ±92 233 720 368 547 758,07 zł.
 *
 * @param[out] out the amount in grosze.
 * @param text the text (need not be NUL-terminated).
 * @param len length of text in bytes.
 * @param flags a combination of #ngojst_money_parse_flags.
 * @return 0; #NGOJST_ERANGE on overflow, or for a '-' without
 *         #NGOJST_MONEY_ALLOW_NEGATIVE (checked after the form, so a
 *         malformed amount is always #NGOJST_EINVAL); #NGOJST_EINVAL on a
 *         malformed amount (including more than two decimals) or a NULL
 *         out.
 */
NGOJST_API int ngojst_money_parse(ngojst_money *out, const char *text, size_t len, unsigned flags);

/** Output styles for ngojst_money_format(). */
typedef enum ngojst_money_style {
	NGOJST_MONEY_PLAIN = 0, /**< "12345.67" (machine form, always two decimals). */
	NGOJST_MONEY_POLISH = 1 /**< "12 345,67 zł" (plain ASCII spaces, not non-breaking ones, as group separators). */
} ngojst_money_style;

/**
 * Format an amount.
 * @param[out] buf destination; at least 40 bytes always suffice.
 * @param size size of buf.
 * @param amount the amount in grosze (not #NGOJST_MONEY_NONE).
 * @param style the output style.
 * @return the length written (without the NUL), or a negative error:
 *         #NGOJST_ERANGE if buf is too small (buf then holds ""),
 *         #NGOJST_EINVAL for NONE, a NULL buf or an unknown style.
 */
NGOJST_API int ngojst_money_format(char *buf, size_t size, ngojst_money amount, ngojst_money_style style);

/**
 * Add two amounts with overflow detection.
 * @param[out] out the sum.
 * @param a first amount.
 * @param b second amount.
 * @return 0; #NGOJST_ERANGE when the sum is beyond ±INT64_MAX or an operand
 *         is #NGOJST_MONEY_NONE; #NGOJST_EINVAL for a NULL out.
 */
NGOJST_API int ngojst_money_add(ngojst_money *out, ngojst_money a, ngojst_money b);

/** @} */

NGOJST_END_DECLS

#endif /* NGOJST_MONEY_H */
