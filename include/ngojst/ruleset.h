/**
 * @file ruleset.h
 * @brief Rule sets: the law's parameters, lists and rules, with overlays.
 *
 * @defgroup ruleset Rule sets
 * @{
 *
 * A rule set is YAML (format: docs/rulesets.md). The national rule set is
 * compiled into the library (ngojst_ruleset_load_builtin()); a municipality
 * layers its own resolutions on top with an overlay (`extends: pl`) that may
 * add rules, tighten parameters, raise severities or switch off its own
 * rules. An overlay may not loosen the law: such a change is not applied and
 * is recorded as a conflict, which every report made with the rule set
 * carries as a finding.
 *
 * Thread safety: a loaded rule set is immutable; it may be shared by any
 * number of threads validating documents, each with its own context. It must
 * be freed by one thread after all use ends.
 */
#ifndef NGOJST_RULESET_H
#define NGOJST_RULESET_H

#include <ngojst/common.h>
#include <ngojst/date.h>
#include <ngojst/report.h>

NGOJST_BEGIN_DECLS

/** A compiled rule set (a base with zero or more overlays). */
typedef struct ngojst_ruleset ngojst_ruleset;

/**
 * Load the national rule set compiled into the library.
 * @param[out] out the rule set; free with ngojst_ruleset_free().
 * @param ctx the context; must outlive the rule set.
 * @return 0, #NGOJST_ENOMEM, #NGOJST_ENOTFOUND (built without rules), or
 *         #NGOJST_ERULESET (only if the build embedded a broken file).
 */
NGOJST_API int ngojst_ruleset_load_builtin(ngojst_ruleset **out, ngojst_context *ctx);

/**
 * SHA-256 of the built-in rule set's source text, in lowercase hex.
 *
 * The hash covers the embedded files in order, each as its name, a NUL, its
 * text and a NUL. It is the value that ngojst_ruleset_layer() and every
 * report give as the built-in layer's #ngojst_report_ruleset.sha256, and it
 * can be read without loading the rule set.
 * @return a static string of 64 hex digits, or "" when the library was built
 *         without built-in rules; never NULL.
 */
NGOJST_API const char *ngojst_ruleset_builtin_sha256(void);

/**
 * Load a rule set from a file. A file with `extends:` is an overlay: it is
 * applied on top of base, or on top of the built-in set when base is NULL
 * and it extends the built-in set's id.
 * @param[out] out a new rule set (base is not modified and may be freed
 *             independently afterwards).
 * @param ctx the context.
 * @param path the YAML file.
 * @param base the rule set to extend, or NULL.
 * @return 0; #NGOJST_EIO; #NGOJST_EPARSE or #NGOJST_ERULESET with positioned
 *         diagnostics (unknown keys, unknown check kinds, a rule without a
 *         citation or without both languages, an override of an unknown
 *         rule, `extends` naming a different set than base); #NGOJST_ENOMEM.
 */
NGOJST_API int ngojst_ruleset_load_file(ngojst_ruleset **out, ngojst_context *ctx, const char *path, const ngojst_ruleset *base);

/**
 * Load a rule set from memory; as ngojst_ruleset_load_file().
 * @param[out] out the new rule set.
 * @param ctx the context.
 * @param source_name name for diagnostics, or NULL for "<string>".
 * @param data the YAML text (copied as needed).
 * @param len its length.
 * @param base the rule set to extend, or NULL.
 * @return as ngojst_ruleset_load_file().
 */
NGOJST_API int ngojst_ruleset_load_buffer(ngojst_ruleset **out, ngojst_context *ctx, const char *source_name, const char *data, size_t len, const ngojst_ruleset *base);

/**
 * Free a rule set. Reports made with it hold their own copies and stay
 * valid; a rule set loaded on top of it does not depend on it either.
 * @param rs the rule set, or NULL (no-op). Free it from one thread after
 *        every thread has stopped using it, and before its context.
 */
NGOJST_API void ngojst_ruleset_free(ngojst_ruleset *rs);

/**
 * Number of layers: the base first, then each overlay in the order applied.
 * @param rs the rule set, or NULL.
 * @return the count (1 for a rule set without overlays); 0 for NULL.
 */
NGOJST_API size_t ngojst_ruleset_layer_count(const ngojst_ruleset *rs);

/**
 * One layer's identity.
 * @param rs the rule set.
 * @param index 0 .. ngojst_ruleset_layer_count() - 1.
 * @param[out] info receives borrowed strings (id, version, sha256, source).
 * @return 0 or #NGOJST_EINVAL.
 */
NGOJST_API int ngojst_ruleset_layer(const ngojst_ruleset *rs, size_t index, ngojst_report_ruleset *info);

/** A read-only view of one rule. Strings are borrowed from the rule set. */
typedef struct ngojst_rule_info {
	const char *id;                 /**< Stable id, e.g. "udpp.5a.4.pt1". */
	const char *kinds;              /**< Kinds it applies to, comma-separated. */
	const char *check;              /**< Check kind ("required", "deadline", "builtin:NAME", ...). */
	ngojst_severity severity;       /**< Severity after overlays. */
	ngojst_consequence consequence; /**< Legal consequence. */
	ngojst_status status;           /**< Verification status. */
	const char *citation_pl;        /**< Citation in Polish. */
	const char *citation_en;        /**< Citation in English. */
	const char *title_pl;           /**< Short description in Polish. */
	const char *title_en;           /**< Short description in English. */
	const char *message_pl;         /**< Message template in Polish. */
	const char *message_en;         /**< Message template in English. */
	const char *note;               /**< Remarks on the rule's basis, or NULL. */
	ngojst_date valid_from;         /**< In force from (zero: always). */
	ngojst_date valid_to;           /**< In force until, inclusive (zero: open). */
	int enabled;                    /**< 0 if an overlay switched it off. */
	const char *ruleset_id;         /**< Layer that defined it. */
	const char *changed_by;         /**< Layer that last changed it (same as ruleset_id if none). */
	const char *missing_message_pl; /**< Polish message when a due act is missing, or NULL. */
	const char *missing_message_en; /**< English message when a due act is missing, or NULL. */
	const char *in_force_on;        /**< Document date that selects whether the rule is in force
	                                     (e.g. "resolution/adopted_on"), or NULL for the law date. */
} ngojst_rule_info;

/**
 * Number of rules over all layers, including rules an overlay switched off
 * (#ngojst_rule_info.enabled is 0) and rules in force only between their
 * #ngojst_rule_info.valid_from and #ngojst_rule_info.valid_to dates.
 * @param rs the rule set, or NULL.
 * @return the count; 0 for NULL.
 */
NGOJST_API size_t ngojst_ruleset_rule_count(const ngojst_ruleset *rs);

/**
 * One rule, in definition order.
 * @param rs the rule set.
 * @param index 0 .. ngojst_ruleset_rule_count() - 1.
 * @return a borrowed view, or NULL if out of range.
 */
NGOJST_API const ngojst_rule_info *ngojst_ruleset_rule_at(const ngojst_ruleset *rs, size_t index);
/**
 * Find a rule by id.
 * @param rs the rule set.
 * @param id the rule id.
 * @return a borrowed view, or NULL.
 */
NGOJST_API const ngojst_rule_info *ngojst_ruleset_find_rule(const ngojst_ruleset *rs, const char *id);

/**
 * Number of overlay conflicts: changes an overlay asked for that would have
 * loosened the law and were not applied. Every report made with the rule
 * set carries each conflict as a finding.
 * @param rs the rule set, or NULL.
 * @return the count; 0 for NULL.
 */
NGOJST_API size_t ngojst_ruleset_conflict_count(const ngojst_ruleset *rs);

/**
 * One overlay conflict as a positioned diagnostic (source is the overlay file).
 * @param rs the rule set.
 * @param index 0 .. ngojst_ruleset_conflict_count() - 1.
 * @param[out] out receives borrowed strings; code is #NGOJST_ERULESET.
 * @return 0 or #NGOJST_EINVAL.
 */
NGOJST_API int ngojst_ruleset_conflict(const ngojst_ruleset *rs, size_t index, ngojst_diag *out);

/** @} */

NGOJST_END_DECLS

#endif /* NGOJST_RULESET_H */
