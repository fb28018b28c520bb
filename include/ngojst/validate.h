/**
 * @file validate.h
 * @brief Checking a document against a rule set.
 *
 * @defgroup validate Validation
 * @{
 *
 * "Today" is always a parameter: nothing reads the wall clock. The rules and
 * parameters in force are chosen by the document's own law date (e.g. the
 * programme year; see docs/kinds.md), falling back to `as_of` when the
 * document lacks it; `as_of` decides whether a deadline has already passed
 * for something not yet done.
 *
 * Thread safety: several threads may validate against one rule set at once,
 * each with its own context.
 */
#ifndef NGOJST_VALIDATE_H
#define NGOJST_VALIDATE_H

#include <ngojst/calendar.h>
#include <ngojst/common.h>
#include <ngojst/document.h>
#include <ngojst/report.h>
#include <ngojst/ruleset.h>

NGOJST_BEGIN_DECLS

/** Options for ngojst_validate(). Initialise with NGOJST_VALIDATE_OPTIONS_INIT. */
typedef struct ngojst_validate_options {
	unsigned version;                /**< NGOJST_VALIDATE_OPTIONS_VERSION. */
	ngojst_date as_of;               /**< "Today" for the check; required. */
	ngojst_lang lang;                /**< Language of messages. */
	const ngojst_calendar *calendar; /**< Extra days off; NULL for statutory days only. */
} ngojst_validate_options;

/** Current version of #ngojst_validate_options. */
#define NGOJST_VALIDATE_OPTIONS_VERSION 1
/** Initialiser: no as_of (must be set), Polish, statutory calendar. */
#define NGOJST_VALIDATE_OPTIONS_INIT { NGOJST_VALIDATE_OPTIONS_VERSION, { 0, 0, 0 }, NGOJST_LANG_PL, NULL }

/**
 * Check a document. Findings go to the report; a document with findings is a
 * successful call.
 * @param ctx the context for allocation and diagnostics.
 * @param rs the rule set.
 * @param doc the document.
 * @param opts options; as_of must be a valid date.
 * @param[out] out the report; free with ngojst_report_free().
 * @return 0, #NGOJST_EINVAL (no as_of, bad options), #NGOJST_ENOMEM.
 */
NGOJST_API int ngojst_validate(ngojst_context *ctx, const ngojst_ruleset *rs, const ngojst_document *doc, const ngojst_validate_options *opts, ngojst_report **out);

/** @} */

NGOJST_END_DECLS

#endif /* NGOJST_VALIDATE_H */
