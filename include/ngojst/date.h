/**
 * @file date.h
 * @brief Civil (proleptic Gregorian) dates without time or time zone.
 *
 * @defgroup date Dates
 * @{
 *
 * A zero date ({0, 0, 0}) means "no date" in model structs. Valid dates run
 * from 0001-01-01 to 9999-12-31. Thread safety: all functions are pure.
 */
#ifndef NGOJST_DATE_H
#define NGOJST_DATE_H

#include <stddef.h>
#include <stdint.h>

#include <ngojst/export.h>

NGOJST_BEGIN_DECLS

/** A calendar date. */
typedef struct ngojst_date {
	int16_t year;   /**< 1..9999; 0 for "no date". */
	uint8_t month;  /**< 1..12. */
	uint8_t day;    /**< 1..31. */
} ngojst_date;

/** Day of the week, ISO 8601 numbering (Monday 1 .. Sunday 7). */
typedef enum ngojst_weekday {
	NGOJST_MONDAY = 1,  /**< Monday (1). */
	NGOJST_TUESDAY,     /**< Tuesday (2). */
	NGOJST_WEDNESDAY,   /**< Wednesday (3). */
	NGOJST_THURSDAY,    /**< Thursday (4). */
	NGOJST_FRIDAY,      /**< Friday (5). */
	NGOJST_SATURDAY,    /**< Saturday (6). */
	NGOJST_SUNDAY       /**< Sunday (7). */
} ngojst_weekday;

/**
 * Whether a year is a leap year of the proleptic Gregorian calendar
 * (divisible by 4 and not by 100, or divisible by 400).
 * @param year the year; any value, not range-checked.
 * @return 1 for a leap year, else 0.
 */
NGOJST_API int ngojst_date_is_leap_year(int year);

/**
 * Number of days in a month of a year.
 * @param year the year; only whether it is a leap year matters, and it is not
 *        range-checked.
 * @param month 1..12.
 * @return 28..31, or 0 when month is outside 1..12.
 */
NGOJST_API int ngojst_date_days_in_month(int year, int month);

/**
 * Build a date, rejecting impossible ones (2026-02-30, month 13, year 0).
 * @param[out] out the date.
 * @param year 1..9999.
 * @param month 1..12.
 * @param day 1..days in that month.
 * @return 0, #NGOJST_ERANGE, or #NGOJST_EINVAL for a NULL out.
 */
NGOJST_API int ngojst_date_make(ngojst_date *out, int year, int month, int day);

/**
 * Whether a date is valid: year 1..9999, month 1..12 and a day that exists
 * in that month.
 * @param d the date.
 * @return 1 if valid, else 0 (also for the zero "no date" value).
 */
NGOJST_API int ngojst_date_is_valid(ngojst_date d);

/**
 * Whether a date is the zero "no date" value {0, 0, 0}.
 * @param d the date.
 * @return 1 if all three fields are 0, else 0. A partly zero date such as
 *         {2026, 0, 0} is neither "no date" nor valid.
 */
NGOJST_API int ngojst_date_is_none(ngojst_date d);

/**
 * Parse an ISO 8601 calendar date "YYYY-MM-DD" (exactly that form).
 * @param[out] out the date.
 * @param text the text (need not be NUL-terminated).
 * @param len its length.
 * @return 0; #NGOJST_EINVAL when not of the form; #NGOJST_ERANGE when the
 *         form is right but the date impossible.
 */
NGOJST_API int ngojst_date_parse(ngojst_date *out, const char *text, size_t len);

/**
 * Format as "YYYY-MM-DD".
 * @param[out] buf at least 11 bytes.
 * @param size size of buf.
 * @param d a valid date.
 * @return 10, or #NGOJST_ERANGE if buf is too small, #NGOJST_EINVAL for an invalid date.
 */
NGOJST_API int ngojst_date_format(char *buf, size_t size, ngojst_date d);

/**
 * Compare two dates in calendar order, like strcmp().
 *
 * Year, month and day are compared in turn without validation, so any two
 * dates are ordered and the zero "no date" value sorts before every valid
 * date.
 * @param a the first date.
 * @param b the second date.
 * @return a negative value if a is earlier than b, 0 if they are the same
 *         day, a positive value if a is later.
 */
NGOJST_API int ngojst_date_cmp(ngojst_date a, ngojst_date b);

/**
 * Day number of a date: days since 1970-01-01, negative before it. The
 * inverse of ngojst_date_from_days().
 * @param d a valid date. Not checked: an invalid date gives a meaningless
 *        number.
 * @return the day number, from -719162 (0001-01-01) to 2932896 (9999-12-31)
 *         for a valid date.
 */
NGOJST_API int32_t ngojst_date_to_days(ngojst_date d);

/**
 * The date a number of days since 1970-01-01.
 * @param[out] out the date.
 * @param days day number.
 * @return 0 or #NGOJST_ERANGE outside 0001-01-01..9999-12-31.
 */
NGOJST_API int ngojst_date_from_days(ngojst_date *out, int32_t days);

/**
 * Add (or subtract) calendar days.
 * @param[out] out the result.
 * @param d a valid date.
 * @param days days to add; may be negative.
 * @return 0, #NGOJST_ERANGE, or #NGOJST_EINVAL for an invalid d.
 */
NGOJST_API int ngojst_date_add_days(ngojst_date *out, ngojst_date d, int32_t days);

/**
 * Add calendar months; a day past the end of the target month is clamped to
 * its last day (31 January + 1 month = 28/29 February), as k.c. art. 112 counts.
 * @param[out] out the result.
 * @param d a valid date.
 * @param months months to add; may be negative.
 * @return 0, #NGOJST_ERANGE, or #NGOJST_EINVAL for an invalid d.
 */
NGOJST_API int ngojst_date_add_months(ngojst_date *out, ngojst_date d, int32_t months);

/**
 * Number of days from one date to another (b - a).
 * @param a the earlier date, normally; must be valid (not checked).
 * @param b the later date, normally; must be valid (not checked).
 * @return ngojst_date_to_days(b) - ngojst_date_to_days(a): positive when b is
 *         after a, 0 for the same day, negative when b is before a. Invalid
 *         dates give a meaningless number.
 */
NGOJST_API int32_t ngojst_date_diff(ngojst_date a, ngojst_date b);

/**
 * ISO day of the week of a date.
 * @param d a valid date. Not checked: an invalid date gives a meaningless
 *        day, though still one of the seven values.
 * @return #NGOJST_MONDAY (1) .. #NGOJST_SUNDAY (7).
 */
NGOJST_API ngojst_weekday ngojst_date_weekday(ngojst_date d);

/** @} */

NGOJST_END_DECLS

#endif /* NGOJST_DATE_H */
