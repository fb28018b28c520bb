/**
 * @file calendar.h
 * @brief Polish public holidays and statutory deadline computation.
 *
 * @defgroup calendar Holidays and deadlines
 * @{
 *
 * The calendar knows the days off of the Act of 18 January 1951 on days off
 * work (ustawa o dniach wolnych od pracy), each from the date it came into
 * force: the fixed days, Easter Sunday and Monday, Pentecost Sunday, Corpus
 * Christi, and 24 December from 2025 (Dz.U. 2024 poz. 1965, in force
 * 2025-02-01). Sundays are days off as well. Days declared free by a
 * regulation (e.g. during an epidemic) cannot be foreseen: add them with
 * ngojst_calendar_add_day_off().
 *
 * Thread safety: a calendar is immutable once built; it may be shared by
 * threads that only query it.
 */
#ifndef NGOJST_CALENDAR_H
#define NGOJST_CALENDAR_H

#include <ngojst/common.h>
#include <ngojst/date.h>

NGOJST_BEGIN_DECLS

/** A holiday calendar (the statutory days plus caller-added days off). */
typedef struct ngojst_calendar ngojst_calendar;

/**
 * Create a calendar with the statutory Polish holidays.
 * @param[out] out the calendar; free with ngojst_calendar_free().
 * @param ctx the context whose allocator is used; must outlive the calendar.
 * @return 0, #NGOJST_ENOMEM or #NGOJST_EINVAL.
 */
NGOJST_API int ngojst_calendar_new(ngojst_calendar **out, ngojst_context *ctx);

/**
 * Free a calendar and the days off added to it.
 * @param cal the calendar, or NULL (no-op). Free it before the context it was
 *        created with, and only once no thread is querying it.
 */
NGOJST_API void ngojst_calendar_free(ngojst_calendar *cal);

/**
 * Add an extra day off (e.g. one declared by regulation).
 * @param cal the calendar.
 * @param day a valid date.
 * @return 0, #NGOJST_EINVAL or #NGOJST_ENOMEM.
 */
NGOJST_API int ngojst_calendar_add_day_off(ngojst_calendar *cal, ngojst_date day);

/**
 * Easter Sunday of a Gregorian year (1583..9999).
 * @param[out] out the date.
 * @param year the year.
 * @return 0 or #NGOJST_ERANGE.
 */
NGOJST_API int ngojst_easter_sunday(ngojst_date *out, int year);

/**
 * Whether a date is a public holiday (not counting ordinary Sundays).
 * @param cal the calendar, or NULL for the statutory days only.
 * @param day a valid date.
 * @param lang language of the name.
 * @param[out] name if not NULL, receives the holiday's static name (a generic
 *        "additional day off" for an added day), or NULL.
 * @return 1 if a holiday or added day off, else 0 (also for an invalid day).
 *
 * Days tied to Easter are known from 1583, the first Gregorian Easter.
 */
NGOJST_API int ngojst_calendar_is_holiday(const ngojst_calendar *cal, ngojst_date day, ngojst_lang lang, const char **name);

/**
 * Whether a date is a working day: not Saturday, not Sunday, not a holiday.
 * @param cal the calendar, or NULL for the statutory days only.
 * @param day a valid date.
 * @return 1 or 0.
 */
NGOJST_API int ngojst_calendar_is_working_day(const ngojst_calendar *cal, ngojst_date day);

/** How a period's last day moves when it is not a working day. */
typedef enum ngojst_rollover {
	NGOJST_ROLL_NONE = 0,     /**< The last day stays where it falls. */
	NGOJST_ROLL_HOLIDAY = 1,  /**< Sunday or holiday: to the next day that is neither. */
	NGOJST_ROLL_SATURDAY = 2  /**< Saturday, Sunday or holiday: to the next working day
	                               (k.c. art. 115 from 2017-01-01, k.p.a. art. 57 from 2017-06-01). */
} ngojst_rollover;

/**
 * The last day of a period of n days counted from an event (the event's own
 * day is not counted, k.c. art. 111 § 2), rolled over as asked.
 * @param cal the calendar, or NULL for the statutory days only.
 * @param[out] out the last day of the period.
 * @param event the event's date.
 * @param days n >= 0.
 * @param roll the roll-over rule.
 * @return 0, #NGOJST_EINVAL or #NGOJST_ERANGE.
 */
NGOJST_API int ngojst_deadline_days(const ngojst_calendar *cal, ngojst_date *out, ngojst_date event, int32_t days, ngojst_rollover roll);

/**
 * The last day of a period of n working days after an event (Saturdays,
 * Sundays and holidays are not counted; the event's day is not counted).
 * @param cal the calendar, or NULL for the statutory days only.
 * @param[out] out the last day.
 * @param event the event's date.
 * @param days n >= 0 (0 gives the event's date).
 * @return 0, #NGOJST_EINVAL or #NGOJST_ERANGE.
 */
NGOJST_API int ngojst_deadline_working_days(const ngojst_calendar *cal, ngojst_date *out, ngojst_date event, int32_t days);

/**
 * The last day of a period of n months from an event (k.c. art. 112: the day
 * with the same number, or the month's last day), rolled over as asked.
 * @param cal the calendar, or NULL for the statutory days only.
 * @param[out] out the last day.
 * @param event the event's date.
 * @param months n >= 0.
 * @param roll the roll-over rule.
 * @return 0, #NGOJST_EINVAL or #NGOJST_ERANGE.
 */
NGOJST_API int ngojst_deadline_months(const ngojst_calendar *cal, ngojst_date *out, ngojst_date event, int32_t months, ngojst_rollover roll);

/**
 * A fixed-day deadline "by day D of month M of year Y + k" (e.g. 30 November
 * of the year before the programme year: year_offset -1), rolled over as asked.
 * @param cal the calendar, or NULL.
 * @param[out] out the deadline.
 * @param year the reference year.
 * @param year_offset k, added to year.
 * @param month M.
 * @param day D (must exist in that month and year).
 * @param roll the roll-over rule.
 * @return 0; #NGOJST_ERANGE for an impossible or out-of-range date;
 *         #NGOJST_EINVAL for a NULL out or an unknown roll.
 */
NGOJST_API int ngojst_deadline_fixed(const ngojst_calendar *cal, ngojst_date *out, int year, int year_offset, int month, int day, ngojst_rollover roll);

/** @} */

NGOJST_END_DECLS

#endif /* NGOJST_CALENDAR_H */
