/* Private: the `scoring:` section of a rule set (docs/rulesets.md,
 * "Scoring"): a municipality's criteria for local-initiative applications,
 * their point scales and weights, the minimum score and the tie-breaking.
 * Loaded by scoring-load.c into the rule set's arena, applied by scoring.c
 * (ngojst_score) and read by the built-in checks of lib/models/initiative.c. */
#ifndef NGOJST_SCORING_PRIVATE_H
#define NGOJST_SCORING_PRIVATE_H

#include <stdbool.h>
#include <stdint.h>

#include <ngojst/initiative.h>

#include "../core/buf.h"
#include "../schema/schema.h"
#include "load-private.h"

/* The kind whose documents are scored. */
#define NGOJST_SCORED_KIND "LocalInitiativeApplication"

typedef enum ngojst_sc_method {
	NGOJST_SC_MANUAL,       /* points given by the evaluating body (application `evaluation`) */
	NGOJST_SC_YES_NO,       /* a flag: yes / no points */
	NGOJST_SC_PER_UNIT,     /* points per unit of a number or amount, capped */
	NGOJST_SC_SHARE,        /* share of part in whole (percent), banded */
	NGOJST_SC_VALUE_BANDS   /* a number or amount, banded */
} ngojst_sc_method;

typedef enum ngojst_sc_rounding {
	NGOJST_SC_ROUND_EXACT = 0,  /* compare the exact share */
	NGOJST_SC_ROUND_NEAREST,    /* whole percent, half up */
	NGOJST_SC_ROUND_DOWN        /* whole percent, truncated */
} ngojst_sc_rounding;

/* A band: [lo, hi] with open ends where lo_open/hi_open. Bounds are in the
 * unit of the compared value: hundredths of a percent for shares, grosze
 * for amounts, plain integers otherwise. Points in hundredths. */
typedef struct ngojst_sc_band {
	bool has_lo, lo_open;
	bool has_hi, hi_open;
	int64_t lo, hi;
	int64_t points;
} ngojst_sc_band;

typedef struct ngojst_sc_criterion {
	const char *id;
	const char *title[2];          /* pl, en */
	bool social_work;
	int64_t weight;                /* hundredths; 100 = 1 */
	ngojst_sc_method method;
	ngojst_path field;             /* YES_NO, PER_UNIT, VALUE_BANDS */
	ngojst_ftype field_type;       /* INT or MONEY for PER_UNIT, VALUE_BANDS */
	ngojst_path *part, *whole;     /* SHARE: amounts, summed */
	size_t npart, nwhole;
	ngojst_sc_rounding rounding;   /* SHARE */
	ngojst_sc_band *bands;         /* SHARE, VALUE_BANDS; sorted by lower bound */
	size_t nbands;
	int64_t min_points, max_points; /* the raw scale, hundredths */
	int64_t yes_points, no_points;  /* YES_NO */
	int64_t unit, unit_points;      /* PER_UNIT: unit_points per whole unit */
	ngojst_srcpos pos;
} ngojst_sc_criterion;

typedef struct ngojst_sc_tie {
	const char *criterion;         /* a criterion id, or NULL for a field */
	ngojst_path field;
	ngojst_ftype field_type;
	bool descending;
} ngojst_sc_tie;

struct ngojst_scoring {
	size_t layer;                  /* the layer that defined it */
	const char *source;            /* a source id: the resolution */
	const char *where[2];          /* where in the resolution, pl and en; may be NULL */
	ngojst_status status;
	const char *note;
	bool has_minimum;
	int64_t minimum;               /* hundredths */
	int64_t max_total;             /* hundredths, the sum of the criteria's weighted maxima */
	ngojst_sc_criterion *criteria;
	size_t ncriteria;
	ngojst_sc_tie *ties;
	size_t nties;
	ngojst_srcpos pos;
};

typedef struct ngojst_scoring ngojst_scoring;

/* scoring-load.c: load a `scoring:` mapping into ld->rs (layer ld->layer). */
int ngojst_ld_scoring(ngojst_loader *ld, const ngojst_node *n);

/* The rule set's scoring section, or NULL. */
const ngojst_scoring *ngojst_ruleset_scoring(const ngojst_ruleset *rs);

/* The social-work criterion with the largest weighted maximum, and the
 * criterion (any) with the largest weighted maximum. */
const ngojst_sc_criterion *ngojst_sc_social_work(const ngojst_scoring *sc);
const ngojst_sc_criterion *ngojst_sc_heaviest(const ngojst_scoring *sc);

/* A criterion's weighted maximum, in hundredths. */
int64_t ngojst_sc_weighted(int64_t points, int64_t weight);

/* The share a SHARE criterion finds in an application: whether it could be
 * computed (a positive whole), the share in hundredths of a percent (exact,
 * truncated, and after the criterion's rounding), part and whole in grosze, and the band it falls in (-1: in no
 * band, a gap of the scale). */
typedef struct ngojst_sc_share {
	bool computed;
	int64_t exact;      /* the exact share, truncated to hundredths of a percent */
	int64_t percent;
	int64_t part, whole;
	long band;
} ngojst_sc_share;

int ngojst_sc_share_of(const ngojst_sc_criterion *c, const ngojst_schema *schema, const void *data, ngojst_buf *ptr,
		       ngojst_sc_share *out);

/* Write an amount of hundredths ("12.50" or "12,50") into buf. */
const char *ngojst_sc_points_str(char *buf, size_t size, int64_t v, bool polish);

#endif
