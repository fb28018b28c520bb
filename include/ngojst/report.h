/**
 * @file report.h
 * @brief Validation reports: findings, counts and output formats.
 *
 * @defgroup report Reports
 * @{
 *
 * A report holds the findings of checking one document: each with its rule
 * id, severity, legal consequence, JSON-pointer path, position, message in
 * the report's language, citation and the rule set that imposed it. It also
 * names the rule sets (id, version, SHA-256) and the `as_of` date it was made
 * with, so a verdict can be traced to the exact rules in force.
 *
 * Findings are kept in a deterministic order: by line, column, path, rule id.
 *
 * Thread safety: a finished report is immutable and may be read by several
 * threads at once.
 */
#ifndef NGOJST_REPORT_H
#define NGOJST_REPORT_H

#include <ngojst/common.h>
#include <ngojst/date.h>

NGOJST_BEGIN_DECLS

/** Severity of a finding. */
typedef enum ngojst_severity {
	NGOJST_SEVERITY_NOTE = 0,    /**< Information or an unverified rule. */
	NGOJST_SEVERITY_WARNING = 1, /**< Likely a problem; a human should look. */
	NGOJST_SEVERITY_ERROR = 2    /**< A breach of the law or of a binding resolution. */
} ngojst_severity;

/**
 * What the breach means legally. "Late" is always reported but does not by
 * itself make an act invalid; "invalid" is what a supervisory body or court
 * would annul.
 */
typedef enum ngojst_consequence {
	NGOJST_CONSEQUENCE_NONE = 0,    /**< Not stated. */
	NGOJST_CONSEQUENCE_LATE = 1,    /**< A statutory deadline was missed. */
	NGOJST_CONSEQUENCE_DEFECT = 2,  /**< Required content or procedure is missing. */
	NGOJST_CONSEQUENCE_INVALID = 3, /**< Grounds for annulment (nieważność). */
	NGOJST_CONSEQUENCE_ADVICE = 4   /**< Good practice; no legal effect. */
} ngojst_consequence;

/** Verification status of the legal fact behind a rule. */
typedef enum ngojst_status {
	NGOJST_STATUS_CONFIRMED_CUR = 0, /**< Read in a recent consolidated text. */
	NGOJST_STATUS_CONFIRMED_OLD = 1, /**< Read in an older text; not known to have changed. */
	NGOJST_STATUS_CONFIRMED = 2,     /**< Confirmed (amending act or regulation read). */
	NGOJST_STATUS_SECONDARY = 3,     /**< Stated by consistent secondary sources. */
	NGOJST_STATUS_INFERRED = 4,      /**< Worked out by comparing dated texts. */
	NGOJST_STATUS_UNCONFIRMED = 5    /**< Not verified: never more than a note. */
} ngojst_status;

/**
 * Name of a severity, as used in the text, JSON and SARIF outputs.
 * @param s the severity.
 * @return "note", "warning" or "error"; "unknown" for a value outside the
 *         enum. A static string; never NULL.
 */
NGOJST_API const char *ngojst_severity_name(ngojst_severity s);

/**
 * Name of a legal consequence, as used in the outputs.
 * @param c the consequence.
 * @return "none", "late", "defect", "invalid" or "advice"; "unknown" for a
 *         value outside the enum. A static string; never NULL.
 */
NGOJST_API const char *ngojst_consequence_name(ngojst_consequence c);

/**
 * Name of a verification status, as written in rule sets.
 * @param s the status.
 * @return "CONFIRMED-CUR", "CONFIRMED-OLD", "CONFIRMED", "SECONDARY",
 *         "INFERRED" or "UNCONFIRMED"; "unknown" for a value outside the
 *         enum. A static string; never NULL.
 */
NGOJST_API const char *ngojst_status_name(ngojst_status s);

/**
 * One finding. All strings are borrowed from the report and live as long as
 * it does.
 */
typedef struct ngojst_finding {
	const char *rule_id;          /**< Stable rule id, e.g. "udpp.5a.4.pt1". */
	ngojst_severity severity;     /**< Severity after overlays. */
	ngojst_consequence consequence; /**< Legal consequence. */
	ngojst_status status;         /**< Verification status of the rule. */
	const char *path;             /**< JSON pointer to the offending value ("" = document). */
	unsigned line;                /**< 1-based line, 0 if unknown (data built in C). */
	unsigned column;              /**< 1-based column, 0 if unknown. */
	const char *message;          /**< Message in the report's language. */
	const char *citation;         /**< Citation in the report's language, e.g. "art. 5a ust. 4 pkt 1 udpp". */
	const char *ruleset_id;       /**< The rule set that imposed the rule (or changed it last). */
} ngojst_finding;

/** A rule set a report was made with. Strings are borrowed from the report. */
typedef struct ngojst_report_ruleset {
	const char *id;       /**< Rule-set id, e.g. "pl". */
	const char *version;  /**< Its version string. */
	const char *sha256;   /**< Hex SHA-256 of its source text. */
	const char *source;   /**< "<builtin>", a path, or "<string>". */
} ngojst_report_ruleset;

/** The findings of checking one document. */
typedef struct ngojst_report ngojst_report;

/**
 * Free a report with its findings and strings. A report holds copies of
 * everything it shows, so it does not depend on the document or the rule set
 * it was made from, which may be freed first.
 * @param report the report, or NULL (no-op). Free it before the context it
 *        was made with.
 */
NGOJST_API void ngojst_report_free(ngojst_report *report);

/**
 * Number of findings kept in the report.
 * @param report the report, or NULL.
 * @return the count, not including findings dropped at the limit (see
 *         ngojst_report_dropped()); 0 for NULL.
 */
NGOJST_API size_t ngojst_report_count(const ngojst_report *report);

/**
 * One finding, in the report's deterministic order.
 * @param report the report.
 * @param index 0 .. ngojst_report_count() - 1.
 * @return a pointer borrowed from the report, valid while it lives; NULL if
 *         index is out of range or report is NULL.
 */
NGOJST_API const ngojst_finding *ngojst_report_at(const ngojst_report *report, size_t index);

/**
 * Number of findings of one severity, including findings dropped at
 * the #ngojst_limits.max_findings limit.
 * @param report the report, or NULL.
 * @param severity the severity to count.
 * @return the count; 0 for a NULL report or a severity outside the enum.
 */
NGOJST_API size_t ngojst_report_count_severity(const ngojst_report *report, ngojst_severity severity);

/**
 * Number of findings dropped because #ngojst_limits.max_findings was
 * reached. Dropped findings are not in ngojst_report_at() but still count in
 * ngojst_report_count_severity() and ngojst_report_ok().
 * @param report the report, or NULL.
 * @return the count; 0 for NULL.
 */
NGOJST_API size_t ngojst_report_dropped(const ngojst_report *report);

/**
 * Whether the report is clean: it has no finding of severity error or
 * warning (notes are allowed), dropped findings included.
 * @param report the report, or NULL.
 * @return 1 when clean, else 0; 0 for NULL (no report is not a clean one).
 */
NGOJST_API int ngojst_report_ok(const ngojst_report *report);

/**
 * The checked document's source name (a path, "<string>", "<stdin>",
 * "<data>"), as ngojst_document_source() gave it.
 * @param report the report, or NULL.
 * @return a copy owned by the report, valid while it lives; NULL for NULL.
 */
NGOJST_API const char *ngojst_report_source(const ngojst_report *report);

/**
 * 0-based index of the checked document in its stream, as
 * ngojst_document_index() gave it.
 * @param report the report, or NULL.
 * @return the index; 0 for NULL.
 */
NGOJST_API size_t ngojst_report_document_index(const ngojst_report *report);

/**
 * The checked document's kind ("AnnualProgramme", ...).
 * @param report the report, or NULL.
 * @return a copy owned by the report, valid while it lives; NULL for NULL.
 */
NGOJST_API const char *ngojst_report_kind(const ngojst_report *report);

/**
 * The "today" the report was made for (#ngojst_validate_options.as_of).
 * @param report the report, or NULL.
 * @return the date; the zero "no date" value for NULL.
 */
NGOJST_API ngojst_date ngojst_report_as_of(const ngojst_report *report);

/**
 * The date that selected the rules and parameters in force: the document's
 * own law date (e.g. 1 January of the programme year) or, when the document
 * has none, the as_of date.
 * @param report the report, or NULL.
 * @return the date; the zero "no date" value for NULL.
 */
NGOJST_API ngojst_date ngojst_report_law_date(const ngojst_report *report);

/**
 * The language of the report's messages and citations
 * (#ngojst_validate_options.lang).
 * @param report the report, or NULL.
 * @return the language; #NGOJST_LANG_PL for NULL.
 */
NGOJST_API ngojst_lang ngojst_report_lang(const ngojst_report *report);

/**
 * Number of rule sets the report was made with: one per layer of the rule
 * set, the base first and then each overlay (see ngojst_ruleset_layer()).
 * @param report the report, or NULL.
 * @return the count; 0 for NULL.
 */
NGOJST_API size_t ngojst_report_ruleset_count(const ngojst_report *report);

/**
 * One rule set the report was made with: its id, version, SHA-256 and source.
 * @param report the report.
 * @param index 0 .. ngojst_report_ruleset_count() - 1.
 * @return a pointer borrowed from the report (its strings are copies, valid
 *         even after the rule set is freed) and valid while the report lives;
 *         NULL if index is out of range or report is NULL.
 */
NGOJST_API const ngojst_report_ruleset *ngojst_report_ruleset_at(const ngojst_report *report, size_t index);

/** Output formats. */
typedef enum ngojst_format {
	NGOJST_FORMAT_TEXT = 0,  /**< `source:line:col: severity: message [rule-id]` per finding. */
	NGOJST_FORMAT_JSON = 1,  /**< JSON, schema in docs/report-json.md. */
	NGOJST_FORMAT_SARIF = 2, /**< SARIF 2.1.0. */
	NGOJST_FORMAT_TEXT_FINDINGS = 3 /**< As #NGOJST_FORMAT_TEXT without the closing summary line,
	                                     for tools that print one report at a time and sum up
	                                     themselves. */
} ngojst_format;

/**
 * Parse a format name ("text", "json", "sarif").
 * @param[out] out the format.
 * @param name the name.
 * @return 0 or #NGOJST_EINVAL.
 */
NGOJST_API int ngojst_format_parse(ngojst_format *out, const char *name);

/**
 * Format one or more reports (e.g. the documents of one run) as one output.
 * The output is byte-for-byte deterministic for the same reports.
 * @param ctx the context for allocation.
 * @param reports array of reports.
 * @param count number of reports (0 gives an empty, well-formed output).
 * @param format the format.
 * @param[out] out receives a NUL-terminated string; free with ngojst_free().
 * @return 0, #NGOJST_ENOMEM or #NGOJST_EINVAL.
 */
NGOJST_API int ngojst_report_format(ngojst_context *ctx, const ngojst_report *const *reports, size_t count, ngojst_format format, char **out);

/** @} */

NGOJST_END_DECLS

#endif /* NGOJST_REPORT_H */
