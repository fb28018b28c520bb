/* Private: building a report. The validator creates a report, adds
 * findings with copies of their strings, and seals it (sorting findings). */
#ifndef NGOJST_REPORT_PRIVATE_H
#define NGOJST_REPORT_PRIVATE_H

#include <ngojst/report.h>

#include "../core/arena.h"
#include "../core/context-private.h"

struct ngojst_report {
	ngojst_context *ctx;
	ngojst_arena arena;            /* every string of the report */
	ngojst_finding *findings;
	size_t count;
	size_t cap;
	size_t dropped;
	size_t by_severity[3];
	const char *source;
	const char *kind;
	size_t doc_index;
	ngojst_date as_of;
	ngojst_date law_date;
	ngojst_lang lang;
	ngojst_report_ruleset *rulesets;
	size_t nrulesets;
};

/* Create an empty report. source and kind are copied. */
int ngojst_report_new(ngojst_report **out, ngojst_context *ctx, const char *source, size_t doc_index,
		      const char *kind, ngojst_date as_of, ngojst_date law_date, ngojst_lang lang);
/* Record a rule set used (strings copied). */
int ngojst_report_add_ruleset(ngojst_report *r, const ngojst_report_ruleset *rs);
/* Add a finding; every string is copied. Past max_findings the finding is
 * counted as dropped and 0 is returned. */
int ngojst_report_add(ngojst_report *r, const ngojst_finding *f);
/* Sort the findings into their final deterministic order. */
void ngojst_report_seal(ngojst_report *r);

#endif
