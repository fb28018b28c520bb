#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "format-private.h"
#include "report-private.h"

const char *ngojst_severity_name(ngojst_severity s)
{
	switch (s) {
	case NGOJST_SEVERITY_NOTE: return "note";
	case NGOJST_SEVERITY_WARNING: return "warning";
	case NGOJST_SEVERITY_ERROR: return "error";
	}
	return "unknown";
}

const char *ngojst_consequence_name(ngojst_consequence c)
{
	switch (c) {
	case NGOJST_CONSEQUENCE_NONE: return "none";
	case NGOJST_CONSEQUENCE_LATE: return "late";
	case NGOJST_CONSEQUENCE_DEFECT: return "defect";
	case NGOJST_CONSEQUENCE_INVALID: return "invalid";
	case NGOJST_CONSEQUENCE_ADVICE: return "advice";
	}
	return "unknown";
}

const char *ngojst_status_name(ngojst_status s)
{
	switch (s) {
	case NGOJST_STATUS_CONFIRMED_CUR: return "CONFIRMED-CUR";
	case NGOJST_STATUS_CONFIRMED_OLD: return "CONFIRMED-OLD";
	case NGOJST_STATUS_CONFIRMED: return "CONFIRMED";
	case NGOJST_STATUS_SECONDARY: return "SECONDARY";
	case NGOJST_STATUS_INFERRED: return "INFERRED";
	case NGOJST_STATUS_UNCONFIRMED: return "UNCONFIRMED";
	}
	return "unknown";
}

int ngojst_format_parse(ngojst_format *out, const char *name)
{
	if (!out || !name)
		return NGOJST_EINVAL;
	if (strcmp(name, "text") == 0)
		*out = NGOJST_FORMAT_TEXT;
	else if (strcmp(name, "json") == 0)
		*out = NGOJST_FORMAT_JSON;
	else if (strcmp(name, "sarif") == 0)
		*out = NGOJST_FORMAT_SARIF;
	else
		return NGOJST_EINVAL;
	return NGOJST_OK;
}

/* Building */

int ngojst_report_new(ngojst_report **out, ngojst_context *ctx, const char *source, size_t doc_index,
		      const char *kind, ngojst_date as_of, ngojst_date law_date, ngojst_lang lang)
{
	ngojst_report *r;

	if (!out)
		return NGOJST_EINVAL;
	*out = NULL;
	if (!ctx || !source || !kind || (lang != NGOJST_LANG_PL && lang != NGOJST_LANG_EN))
		return NGOJST_EINVAL;
	r = ngojst_calloc(ctx, 1, sizeof(*r));
	if (!r)
		return NGOJST_ENOMEM;
	r->ctx = ctx;
	/* Most reports hold a handful of findings; a small first chunk keeps a
	 * clean document cheap and the arena doubles for the rest. 1000 bytes,
	 * with the chunk's header, stays a small block for malloc (glibc keeps
	 * blocks up to 1032 bytes in its per-thread cache), where 1024 made a
	 * large request, and its free-list work, on every report. */
	ngojst_arena_init(&r->arena, ctx, 1000);
	r->source = ngojst_arena_strdup(&r->arena, source);
	r->kind = ngojst_arena_strdup(&r->arena, kind);
	if (!r->source || !r->kind) {
		ngojst_report_free(r);
		return NGOJST_ENOMEM;
	}
	r->doc_index = doc_index;
	r->as_of = as_of;
	r->law_date = law_date;
	r->lang = lang;
	*out = r;
	return NGOJST_OK;
}

/* Copy n strings into one arena block: one allocation per finding or rule
 * set instead of one per string. NULL inputs become "". */
static int copy_strings(ngojst_arena *a, const char **dst[], const char *const src[], size_t n)
{
	size_t lens[8], total = 0, i;
	char *p;

	for (i = 0; i < n; i++) {
		lens[i] = src[i] ? strlen(src[i]) : 0;
		if (lens[i] >= SIZE_MAX - total)
			return NGOJST_ENOMEM;
		total += lens[i] + 1;
	}
	p = ngojst_arena_alloc(a, total);
	if (!p)
		return NGOJST_ENOMEM;
	for (i = 0; i < n; i++) {
		if (lens[i])
			memcpy(p, src[i], lens[i]);
		p[lens[i]] = '\0';
		*dst[i] = p;
		p += lens[i] + 1;
	}
	return NGOJST_OK;
}

int ngojst_report_add_ruleset(ngojst_report *r, const ngojst_report_ruleset *rs)
{
	ngojst_report_ruleset *items, *dst;
	const char *src[4];
	const char **dsts[4];

	if (!r || !rs || !rs->id)
		return NGOJST_EINVAL;
	if (r->nrulesets >= SIZE_MAX / sizeof(*items) - 1)
		return NGOJST_ENOMEM;
	/* A report names one to three rule sets, so an exact-size realloc per
	 * addition is cheaper than carrying a capacity. */
	items = ngojst_realloc(r->ctx, r->rulesets, (r->nrulesets + 1) * sizeof(*items));
	if (!items)
		return NGOJST_ENOMEM;
	r->rulesets = items;
	dst = &items[r->nrulesets];
	src[0] = rs->id;
	src[1] = rs->version;
	src[2] = rs->sha256;
	src[3] = rs->source;
	dsts[0] = &dst->id;
	dsts[1] = &dst->version;
	dsts[2] = &dst->sha256;
	dsts[3] = &dst->source;
	if (copy_strings(&r->arena, dsts, src, 4) != NGOJST_OK)
		return NGOJST_ENOMEM;
	r->nrulesets++;
	return NGOJST_OK;
}

int ngojst_report_add(ngojst_report *r, const ngojst_finding *f)
{
	ngojst_finding *dst;
	const char *src[5];
	const char **dsts[5];

	if (!r || !f || !f->rule_id || !f->message)
		return NGOJST_EINVAL;
	if ((unsigned)f->severity > NGOJST_SEVERITY_ERROR ||
	    (unsigned)f->consequence > NGOJST_CONSEQUENCE_ADVICE ||
	    (unsigned)f->status > NGOJST_STATUS_UNCONFIRMED)
		return NGOJST_EINVAL;
	if (r->count >= ngojst_context_limits(r->ctx)->max_findings) {
		/* A dropped finding still counts towards its severity, so that
		 * ngojst_report_ok() and the summary never depend on the limit:
		 * a report whose eleventh-thousandth finding is an error is
		 * not "ok". */
		r->dropped++;
		r->by_severity[f->severity]++;
		return NGOJST_OK;
	}
	if (ngojst_grow(r->ctx, (void **)&r->findings, &r->cap, r->count + 1,
			sizeof(*r->findings)) != NGOJST_OK)
		return NGOJST_ENOMEM;
	dst = &r->findings[r->count];
	*dst = *f;
	src[0] = f->rule_id;
	src[1] = f->path;
	src[2] = f->message;
	src[3] = f->citation;
	src[4] = f->ruleset_id;
	dsts[0] = &dst->rule_id;
	dsts[1] = &dst->path;
	dsts[2] = &dst->message;
	dsts[3] = &dst->citation;
	dsts[4] = &dst->ruleset_id;
	if (copy_strings(&r->arena, dsts, src, 5) != NGOJST_OK)
		return NGOJST_ENOMEM;
	r->count++;
	r->by_severity[f->severity]++;
	return NGOJST_OK;
}

static int cmp_uint(unsigned a, unsigned b)
{
	return (a > b) - (a < b);
}

/* The documented order is line, column, path, rule id, message; the
 * remaining fields only break ties between otherwise equal findings, so
 * that qsort (not stable) gives the same output on every platform. */
static int cmp_finding(const void *pa, const void *pb)
{
	const ngojst_finding *a = pa, *b = pb;
	int c;

	if ((c = cmp_uint(a->line, b->line)) != 0)
		return c;
	if ((c = cmp_uint(a->column, b->column)) != 0)
		return c;
	if ((c = strcmp(a->path, b->path)) != 0)
		return c;
	if ((c = strcmp(a->rule_id, b->rule_id)) != 0)
		return c;
	if ((c = strcmp(a->message, b->message)) != 0)
		return c;
	/* More severe first. */
	if ((c = cmp_uint((unsigned)b->severity, (unsigned)a->severity)) != 0)
		return c;
	if ((c = cmp_uint((unsigned)a->consequence, (unsigned)b->consequence)) != 0)
		return c;
	if ((c = cmp_uint((unsigned)a->status, (unsigned)b->status)) != 0)
		return c;
	if ((c = strcmp(a->citation, b->citation)) != 0)
		return c;
	return strcmp(a->ruleset_id, b->ruleset_id);
}

void ngojst_report_seal(ngojst_report *r)
{
	if (r && r->count > 1)
		qsort(r->findings, r->count, sizeof(*r->findings), cmp_finding);
}

/* Reading */

void ngojst_report_free(ngojst_report *report)
{
	ngojst_context *ctx;

	if (!report)
		return;
	ctx = report->ctx;
	ngojst_arena_release(&report->arena);
	ngojst_free(ctx, report->findings);
	ngojst_free(ctx, report->rulesets);
	ngojst_free(ctx, report);
}

size_t ngojst_report_count(const ngojst_report *report)
{
	return report ? report->count : 0;
}

const ngojst_finding *ngojst_report_at(const ngojst_report *report, size_t index)
{
	if (!report || index >= report->count)
		return NULL;
	return &report->findings[index];
}

size_t ngojst_report_count_severity(const ngojst_report *report, ngojst_severity severity)
{
	if (!report || (unsigned)severity > NGOJST_SEVERITY_ERROR)
		return 0;
	return report->by_severity[severity];
}

size_t ngojst_report_dropped(const ngojst_report *report)
{
	return report ? report->dropped : 0;
}

int ngojst_report_ok(const ngojst_report *report)
{
	/* No report is not a clean report. */
	if (!report)
		return 0;
	return report->by_severity[NGOJST_SEVERITY_ERROR] == 0 &&
	       report->by_severity[NGOJST_SEVERITY_WARNING] == 0;
}

const char *ngojst_report_source(const ngojst_report *report)
{
	return report ? report->source : NULL;
}

size_t ngojst_report_document_index(const ngojst_report *report)
{
	return report ? report->doc_index : 0;
}

const char *ngojst_report_kind(const ngojst_report *report)
{
	return report ? report->kind : NULL;
}

ngojst_date ngojst_report_as_of(const ngojst_report *report)
{
	ngojst_date none = { 0, 0, 0 };

	return report ? report->as_of : none;
}

ngojst_date ngojst_report_law_date(const ngojst_report *report)
{
	ngojst_date none = { 0, 0, 0 };

	return report ? report->law_date : none;
}

ngojst_lang ngojst_report_lang(const ngojst_report *report)
{
	return report ? report->lang : NGOJST_LANG_PL;
}

size_t ngojst_report_ruleset_count(const ngojst_report *report)
{
	return report ? report->nrulesets : 0;
}

const ngojst_report_ruleset *ngojst_report_ruleset_at(const ngojst_report *report, size_t index)
{
	if (!report || index >= report->nrulesets)
		return NULL;
	return &report->rulesets[index];
}

/* Formatting */

int ngojst_report_format(ngojst_context *ctx, const ngojst_report *const *reports, size_t count,
			 ngojst_format format, char **out)
{
	ngojst_buf b;
	size_t i;
	int rc;

	if (!out)
		return NGOJST_EINVAL;
	*out = NULL;
	if (!ctx || (count && !reports))
		return NGOJST_EINVAL;
	for (i = 0; i < count; i++)
		if (!reports[i])
			return NGOJST_EINVAL;
	ngojst_buf_init(&b, ctx);
	switch (format) {
	case NGOJST_FORMAT_TEXT:
	case NGOJST_FORMAT_TEXT_FINDINGS:
		rc = ngojst_report_format_text(&b, reports, count, format == NGOJST_FORMAT_TEXT);
		break;
	case NGOJST_FORMAT_JSON:
		rc = ngojst_report_format_json(&b, reports, count);
		break;
	case NGOJST_FORMAT_SARIF:
		rc = ngojst_report_format_sarif(&b, ctx, reports, count);
		break;
	default:
		return NGOJST_EINVAL;
	}
	if (rc != NGOJST_OK) {
		ngojst_buf_dispose(&b);
		return rc;
	}
	return ngojst_buf_detach(&b, out);
}
