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

/** Day of the week, ISO numbering. */
typedef enum ngojst_weekday {
	NGOJST_MONDAY = 1, NGOJST_TUESDAY, NGOJST_WEDNESDAY, NGOJST_THURSDAY,
	NGOJST_FRIDAY, NGOJST_SATURDAY, NGOJST_SUNDAY
} ngojst_weekday;

/** True (1) for a leap year. */
NGOJST_API int ngojst_date_is_leap_year(int year);
/** Days in a month of a year (28..31), or 0 for an invalid month. */
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

/** True (1) if d is a valid date (the zero date is not valid). */
NGOJST_API int ngojst_date_is_valid(ngojst_date d);
/** True (1) if d is the zero "no date" value. */
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

/** Compare two dates: negative, 0 or positive like strcmp. */
NGOJST_API int ngojst_date_cmp(ngojst_date a, ngojst_date b);

/** Days since 1970-01-01 (negative before) of a valid date. */
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

/** Days from a to b (b - a). Both must be valid. */
NGOJST_API int32_t ngojst_date_diff(ngojst_date a, ngojst_date b);

/** ISO weekday of a valid date. */
NGOJST_API ngojst_weekday ngojst_date_weekday(ngojst_date d);

/** @} */

NGOJST_END_DECLS

#endif /* NGOJST_DATE_H */
