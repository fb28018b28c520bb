/**
 * @file initiative.h
 * @brief Local initiative (udpp art. 19b–19h): applications, the council's
 *        resolution on evaluating them, and scoring and ranking.
 *
 * @defgroup initiative Local initiative
 * @{
 *
 * Kinds:
 * - `LocalInitiativeApplication`: wniosek o realizację zadania publicznego
 *   w ramach inicjatywy lokalnej (art. 19b): who applies, the task, its
 *   area, the cost estimate, the residents' contribution by form, the share
 *   asked of the JST and, once evaluated, the points the evaluating body
 *   gave for criteria it scores by judgment;
 * - `LocalInitiativeResolution`: the council's resolution setting the
 *   procedure and detailed criteria for evaluating applications
 *   (art. 19c ust. 1), with its criteria as data, so that what supervisory
 *   bodies annul can be checked.
 *
 * These are plain data structs, as in programme.h: the library fills them
 * when it loads a document, or a caller fills one after ngojst_kind_init()
 * and wraps it with ngojst_document_wrap(). The field reference is
 * docs/kinds.md; the guide is docs/initiative.md.
 *
 * Scoring. A municipality's overlay rule set may carry a `scoring:` section
 * (docs/rulesets.md, "Scoring") with the resolution's criteria, point
 * scales, weights, minimum score and tie-breaking. ngojst_score() applies it
 * to one application and returns an opaque #ngojst_score_result with the
 * points per criterion; ngojst_rank() orders a batch deterministically;
 * ngojst_score_format() writes a ranked table as text or JSON.
 *
 * Points are exact: every number of points in this API is an integer in
 * hundredths of a point (#NGOJST_POINTS_SCALE), so 12.5 points is 1250.
 *
 * Thread safety: a score result is immutable once returned and may be read
 * by several threads; ngojst_rank() changes the array it is given and the
 * ranks stored in the results, so it needs exclusive use of them.
 */
#ifndef NGOJST_INITIATIVE_H
#define NGOJST_INITIATIVE_H

#include <ngojst/common.h>
#include <ngojst/date.h>
#include <ngojst/document.h>
#include <ngojst/money.h>
#include <ngojst/programme.h>
#include <ngojst/report.h>
#include <ngojst/ruleset.h>
#include <ngojst/validate.h>

NGOJST_BEGIN_DECLS

/* ---- LocalInitiativeApplication ---------------------------------------- */

/** A resident who applies (directly, or on whose behalf an organisation applies). */
typedef struct ngojst_initiative_applicant {
	const char *name;      /**< Name of the resident. */
	const char *lives_in;  /**< The JST where the resident lives, named like `jst/name` of the application. */
	const char *teryt;     /**< TERYT code of that place, optional; decides when both codes are given. */
} ngojst_initiative_applicant;

/** The NGO or art. 3 ust. 3 entity through which residents apply. */
typedef struct ngojst_initiative_organisation {
	const char *name;   /**< Name of the organisation. */
	const char *type;   /**< An item of the list `initiative_organisation_types` (e.g. "organizacja_pozarzadowa"). */
	const char *seat;   /**< The JST where it has its seat. */
	const char *teryt;  /**< TERYT code of the seat, optional. */
	ngojst_flag on_behalf_of_residents; /**< It applies on the residents' behalf (art. 19b ust. 1). */
} ngojst_initiative_organisation;

/** The public task proposed. */
typedef struct ngojst_initiative_task {
	const char *title;        /**< Title of the task. */
	const char *description;  /**< What will be done. */
	const char *area;         /**< Point of art. 19b ust. 1 (1–7), e.g. "5" or "pkt 5". */
	const char *type;         /**< The municipality's own type of task, for exclusions in its overlay. */
	const char *location;     /**< Where. */
	ngojst_date starts_on;    /**< First day. */
	ngojst_date ends_on;      /**< Last day. */
} ngojst_initiative_task;

/** One line of the cost estimate (kosztorys). */
typedef struct ngojst_initiative_cost_item {
	const char *name;     /**< What is paid for. */
	ngojst_money amount;  /**< Its cost. */
} ngojst_initiative_cost_item;

/** The applicants' contribution, by form. */
typedef struct ngojst_initiative_contribution {
	int64_t social_work_hours;        /**< Hours of social work; #NGOJST_INT_NONE if absent. */
	ngojst_money social_work_rate;    /**< Value of one hour of social work. */
	ngojst_money social_work_value;   /**< Value of the social work. */
	ngojst_money money;               /**< Cash (świadczenia pieniężne). */
	ngojst_money in_kind;             /**< Value of goods and services given (świadczenia rzeczowe). */
	const char *in_kind_description;  /**< What is given in kind. */
} ngojst_initiative_contribution;

/** An opinion of an auxiliary unit (rada dzielnicy, rada osiedla, sołectwo). */
typedef struct ngojst_initiative_opinion {
	const char *unit;      /**< The unit that gave it. */
	ngojst_flag positive;  /**< Whether the opinion is positive. */
	ngojst_date given_on;  /**< When it was given. */
} ngojst_initiative_opinion;

/** Points given by the evaluating body for one criterion scored by judgment. */
typedef struct ngojst_initiative_evaluation {
	const char *criterion; /**< The criterion's id in the scoring section. */
	int64_t points;        /**< Whole points given. */
	const char *note;      /**< Why, optional. */
} ngojst_initiative_evaluation;

/** A local-initiative application (art. 19b). */
typedef struct ngojst_initiative_application {
	const char *number;                          /**< Registration number, optional. */
	int64_t year;                                /**< The year the task is for; #NGOJST_INT_NONE if absent. */
	ngojst_jst jst;                              /**< The JST applied to. */
	ngojst_date submitted_on;                    /**< Date of filing; the law date of the kind. */
	ngojst_initiative_applicant *applicants;     /**< The residents. */
	size_t applicants_count;                     /**< Number of residents listed. */
	ngojst_initiative_organisation organisation; /**< The organisation acting for them, if any. */
	int64_t supporters;                          /**< Number of residents' support signatures, if collected. */
	ngojst_initiative_task task;                 /**< The task. */
	ngojst_initiative_cost_item *cost_estimate;  /**< The cost estimate, line by line. */
	size_t cost_estimate_count;                  /**< Number of lines. */
	ngojst_money total_cost;                     /**< Total cost of the task. */
	ngojst_initiative_contribution contribution; /**< The applicants' contribution. */
	ngojst_money jst_share;                      /**< What the JST is asked to contribute. */
	ngojst_initiative_opinion auxiliary_unit_opinion; /**< An auxiliary unit's opinion, if any. */
	ngojst_initiative_evaluation *evaluation;    /**< Points given by the evaluating body. */
	size_t evaluation_count;                     /**< Number of such entries. */
} ngojst_initiative_application;

/* ---- LocalInitiativeResolution ------------------------------------------ */

/**
 * A band of a point scale, in whole percent of the task's total cost
 * (e.g. "od 11% do 20% – 4 pkt"). Absent bounds are #NGOJST_INT_NONE.
 */
typedef struct ngojst_initiative_band {
	int64_t min_percent;    /**< Lower bound, inclusive ("od 11%"). */
	int64_t above_percent;  /**< Lower bound, exclusive ("powyżej 41%"). */
	int64_t max_percent;    /**< Upper bound, inclusive ("do 20%"). */
	int64_t below_percent;  /**< Upper bound, exclusive ("poniżej 10%"). */
	int64_t points;         /**< Points for a share in the band. */
} ngojst_initiative_band;

/** One evaluation criterion of the resolution. */
typedef struct ngojst_initiative_criterion {
	const char *id;                  /**< A short name. */
	const char *text;                /**< The criterion as the resolution words it. */
	ngojst_flag social_work;         /**< It assesses the residents' social-work contribution. */
	int64_t weight;                  /**< Multiplier of its points; absent means 1. */
	int64_t min_points;              /**< Lowest points on its scale. */
	int64_t max_points;              /**< Highest points on its scale. */
	ngojst_initiative_band *bands;   /**< Bands of its scale, if it has them. */
	size_t bands_count;              /**< Number of bands. */
} ngojst_initiative_criterion;

/** Who the resolution lets apply. */
typedef struct ngojst_initiative_eligibility {
	ngojst_strings types;              /**< Items of `initiative_applicant_types` the resolution names. */
	int64_t min_age;                   /**< A minimum age of residents, if it sets one. */
	ngojst_flag registered_residence_required; /**< Whether it requires registered residence (zameldowanie). */
	int64_t organisation_min_years;    /**< A minimum age of the organisation in years, if it sets one. */
	int64_t min_count;                 /**< A minimum number of residents applying together. */
} ngojst_initiative_eligibility;

/** The council's resolution on the procedure and criteria (art. 19c ust. 1). */
typedef struct ngojst_initiative_resolution {
	ngojst_jst jst;                           /**< The JST. */
	ngojst_act resolution;                    /**< Number and date; the date is the law date. */
	ngojst_initiative_eligibility applicants; /**< Who may apply. */
	ngojst_strings areas;                     /**< Areas eligible under the resolution (points of art. 19b ust. 1). */
	const char *criteria_intro;               /**< The words introducing the criteria list. */
	ngojst_initiative_criterion *criteria;    /**< The criteria. */
	size_t criteria_count;                    /**< Number of criteria. */
	int64_t minimum_score;                    /**< Points an application needs, if set. */
	int64_t jst_share_max_percent;            /**< A cap on the JST's share, in percent of the task's value. */
	ngojst_money jst_share_max_amount;        /**< A cap on the JST's share, in złoty. */
} ngojst_initiative_resolution;

/* ---- scoring --------------------------------------------------------------- */

/** Points are integers in hundredths of a point: 1250 is 12.5 points. */
#define NGOJST_POINTS_SCALE 100

/** The result of scoring one application. Opaque; free with ngojst_score_free(). */
typedef struct ngojst_score_result ngojst_score_result;

/** One criterion of a score result. Strings are borrowed from the result. */
typedef struct ngojst_score_item {
	const char *id;           /**< The criterion's id in the scoring section. */
	const char *title;        /**< Its title in the result's language. */
	int64_t points;           /**< Points after weighting, in hundredths. */
	int64_t max;              /**< The most it can give after weighting, in hundredths. */
	int64_t weight;           /**< Its weight, in hundredths (100 is 1). */
	int social_work;          /**< 1 for the criterion of the residents' social work. */
	int evaluated;            /**< 0 when points by judgment are still missing. */
	const char *explanation;  /**< How the points were found, in the result's language. */
} ngojst_score_item;

/**
 * Score one application with the scoring section of a rule set.
 *
 * The application is also validated with the rule set (ngojst_validate());
 * the report stays in the result (ngojst_score_report()), and its errors
 * keep an application out of the group that ranks first.
 * @param ctx the context.
 * @param rs a rule set with a `scoring:` section (a municipality's overlay).
 * @param doc a `LocalInitiativeApplication` document.
 * @param opts validation options; as_of is required, lang chooses the
 *        language of titles and explanations.
 * @param[out] out the result; free with ngojst_score_free(). It does not
 *        depend on rs or doc.
 * @return 0; #NGOJST_EINVAL (bad arguments, or a document of another kind,
 *         with a diagnostic); #NGOJST_ENOTFOUND (the rule set has no scoring
 *         section, with a diagnostic); #NGOJST_EINPUT (the application's
 *         `evaluation` names an unknown criterion, a criterion not scored by
 *         judgment, one twice, or points outside the criterion's scale; every
 *         problem as a positioned diagnostic); #NGOJST_ENOMEM.
 */
NGOJST_API int ngojst_score(ngojst_context *ctx, const ngojst_ruleset *rs, const ngojst_document *doc, const ngojst_validate_options *opts, ngojst_score_result **out);

/**
 * Free a score result.
 * @param result the result, or NULL (no-op). Free it before its context.
 */
NGOJST_API void ngojst_score_free(ngojst_score_result *result);

/**
 * Total points after weighting.
 * @param result the result.
 * @return hundredths of a point; 0 for NULL.
 */
NGOJST_API int64_t ngojst_score_total(const ngojst_score_result *result);

/**
 * The highest total the scoring can give.
 * @param result the result.
 * @return hundredths of a point; 0 for NULL.
 */
NGOJST_API int64_t ngojst_score_max(const ngojst_score_result *result);

/**
 * The minimum score of the scoring section.
 * @param result the result.
 * @return hundredths of a point, or -1 when the section sets no minimum (or
 *         for NULL).
 */
NGOJST_API int64_t ngojst_score_minimum(const ngojst_score_result *result);

/**
 * Whether every criterion could be scored: none scored by judgment lacks
 * its points in the application's `evaluation`.
 * @param result the result.
 * @return 1 or 0 (0 for NULL).
 */
NGOJST_API int ngojst_score_complete(const ngojst_score_result *result);

/**
 * Whether the application passes: it is complete and its total reaches the
 * minimum score (any complete application when there is no minimum).
 * @param result the result.
 * @return 1 or 0 (0 for NULL).
 */
NGOJST_API int ngojst_score_passed(const ngojst_score_result *result);

/**
 * The validation report made while scoring.
 * @param result the result.
 * @return a borrowed report, valid as long as the result; NULL for NULL.
 */
NGOJST_API const ngojst_report *ngojst_score_report(const ngojst_score_result *result);

/**
 * Where the application came from.
 * @param result the result.
 * @return the document's source name (borrowed), or NULL for NULL.
 */
NGOJST_API const char *ngojst_score_source(const ngojst_score_result *result);

/**
 * The application's 0-based position in its stream.
 * @param result the result.
 * @return the index; 0 for NULL.
 */
NGOJST_API size_t ngojst_score_document_index(const ngojst_score_result *result);

/**
 * The application's registration number.
 * @param result the result.
 * @return the `number` field (borrowed), or NULL when absent or for NULL.
 */
NGOJST_API const char *ngojst_score_number(const ngojst_score_result *result);

/**
 * The rank given by the last ngojst_rank() over this result.
 * @param result the result.
 * @return 1 for the first place, 0 before ranking or for NULL.
 */
NGOJST_API size_t ngojst_score_rank(const ngojst_score_result *result);

/**
 * Number of criteria, in the order of the scoring section.
 * @param result the result.
 * @return the count; 0 for NULL.
 */
NGOJST_API size_t ngojst_score_item_count(const ngojst_score_result *result);

/**
 * One criterion's points.
 * @param result the result.
 * @param index 0 .. ngojst_score_item_count() - 1.
 * @return a borrowed view valid as long as the result, or NULL when out of range.
 */
NGOJST_API const ngojst_score_item *ngojst_score_item_at(const ngojst_score_result *result, size_t index);

/**
 * Rank results of one scoring section, best first, and store each rank.
 *
 * The order is: applications that pass and whose validation found no error
 * first; then the higher total; then the scoring section's `tie_break` keys
 * in order; then the source name and the position in it, so that the order
 * never depends on the order of the input. ngojst_score_format() states it.
 * @param ctx the context, for diagnostics.
 * @param results the results; the array is reordered in place.
 * @param count the number of results.
 * @return 0; #NGOJST_EINVAL (NULL arguments, or results made with different
 *         scoring sections, with a diagnostic).
 */
NGOJST_API int ngojst_rank(ngojst_context *ctx, ngojst_score_result **results, size_t count);

/**
 * Write results as a ranked table.
 *
 * Text: a header naming the scoring section, its minimum score and the
 * ranking order, then one block per application (rank, total, whether it
 * passed, the errors of its validation, the points of each criterion with
 * their explanation). JSON: the same data (docs/initiative.md). Results are
 * written in the order given; call ngojst_rank() first for a ranking.
 * @param ctx the context.
 * @param results the results (all from one scoring section).
 * @param count their number (0 writes an empty ranking).
 * @param format #NGOJST_FORMAT_TEXT or #NGOJST_FORMAT_JSON.
 * @param[out] out a NUL-terminated string; free with ngojst_free().
 * @return 0, #NGOJST_EINVAL (SARIF, NULL arguments, mixed scoring
 *         sections), #NGOJST_ENOMEM.
 */
NGOJST_API int ngojst_score_format(ngojst_context *ctx, const ngojst_score_result *const *results, size_t count, ngojst_format format, char **out);

/** @} */

NGOJST_END_DECLS

#endif /* NGOJST_INITIATIVE_H */
