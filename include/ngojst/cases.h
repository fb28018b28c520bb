/**
 * @file cases.h
 * @brief Declarative test cases: documents with the findings they must yield.
 *
 * @defgroup cases Test cases
 * @{
 *
 * A test-case file (format: docs/test-cases.md) lists cases, each a document
 * (inline or by path), the rule sets to use, an `as_of` date and the
 * expected findings (rule ids, optionally paths and severities), or
 * `expect: clean`. A municipal lawyer can add a case without writing C; the
 * project's own rule tests are written this way.
 *
 * Thread safety: a results object is immutable once returned.
 */
#ifndef NGOJST_CASES_H
#define NGOJST_CASES_H

#include <ngojst/calendar.h>
#include <ngojst/common.h>
#include <ngojst/ruleset.h>

NGOJST_BEGIN_DECLS

/** The outcome of one case. Strings are borrowed from the results object. */
typedef struct ngojst_case_result {
	const char *name;    /**< The case's name. */
	const char *source;  /**< The case file. */
	unsigned line;       /**< Line of the case in the file. */
	int passed;          /**< 1 if the findings matched the expectation. */
	const char *detail;  /**< Why it failed (missing and unexpected findings), or "". */
} ngojst_case_result;

/** The results of running one test-case file. */
typedef struct ngojst_cases ngojst_cases;

/**
 * Run every case in a file.
 * @param[out] out the results; free with ngojst_cases_free().
 * @param ctx the context.
 * @param path the test-case file; document and rule-set paths in it are
 *        relative to its folder.
 * @param base the rule set cases start from (usually the built-in one).
 * @param calendar extra days off, or NULL.
 * @return 0 when the file could be run (cases may still fail); #NGOJST_EIO,
 *         #NGOJST_EPARSE or #NGOJST_EINPUT (a malformed case file, with
 *         diagnostics), #NGOJST_ENOMEM.
 */
NGOJST_API int ngojst_cases_run_file(ngojst_cases **out, ngojst_context *ctx, const char *path, const ngojst_ruleset *base, const ngojst_calendar *calendar);

/**
 * Free the results of ngojst_cases_run_file(). Every #ngojst_case_result and
 * string borrowed from them becomes invalid.
 * @param cases the results, or NULL (no-op). Free them before the context
 *        they were made with.
 */
NGOJST_API void ngojst_cases_free(ngojst_cases *cases);

/**
 * Number of cases run.
 * @param cases the results, or NULL.
 * @return the number of cases, each one readable with ngojst_cases_at();
 *         0 for NULL.
 */
NGOJST_API size_t ngojst_cases_count(const ngojst_cases *cases);

/**
 * Number of cases that passed.
 * @param cases the results, or NULL.
 * @return 0 .. ngojst_cases_count(); the file passed as a whole when the two
 *         are equal. 0 for NULL.
 */
NGOJST_API size_t ngojst_cases_passed(const ngojst_cases *cases);

/**
 * One case's outcome.
 * @param cases the results.
 * @param index 0 .. ngojst_cases_count() - 1.
 * @return a pointer borrowed from the results, valid until
 *         ngojst_cases_free(); NULL if index is out of range or cases is NULL.
 */
NGOJST_API const ngojst_case_result *ngojst_cases_at(const ngojst_cases *cases, size_t index);

/** @} */

NGOJST_END_DECLS

#endif /* NGOJST_CASES_H */
