/* Scoring local-initiative applications with the `scoring:` section of a
 * rule set, ranking a batch, and writing the ranking as text or JSON.
 *
 * Points are integers in hundredths of a point; shares are compared with
 * the bands exactly (128-bit products), or after rounding to whole percent
 * when the section says so. Nothing depends on the order of the input: the
 * ranking ends with the source name and the position in it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ngojst/initiative.h>

#include "../report/format-private.h"
#include "../report/report-private.h"
#include "../schema/document-private.h"
#include "path.h"
#include "scoring-private.h"

__extension__ typedef unsigned __int128 sc_u128;

/* ---- small helpers shared with the models -------------------------------------- */

const char *ngojst_sc_points_str(char *buf, size_t size, int64_t v, bool polish)
{
	const char *sign = v < 0 ? "-" : "";
	uint64_t a = v < 0 ? (uint64_t)(-(v + 1)) + 1 : (uint64_t)v;

	snprintf(buf, size, "%s%llu%s%02llu", sign, (unsigned long long)(a / 100), polish ? "," : ".",
		 (unsigned long long)(a % 100));
	return buf;
}

int64_t ngojst_sc_weighted(int64_t points, int64_t weight)
{
	/* Both are bounded by the loader (at most 10^9 hundredths), so the
	 * product fits; rounded half up to hundredths. */
	int64_t p = points * weight;

	return p >= 0 ? (p + 50) / 100 : -((-p + 50) / 100);
}

const ngojst_sc_criterion *ngojst_sc_social_work(const ngojst_scoring *sc)
{
	const ngojst_sc_criterion *best = NULL;
	size_t i;

	for (i = 0; sc && i < sc->ncriteria; i++) {
		const ngojst_sc_criterion *c = &sc->criteria[i];

		if (c->social_work && (!best || ngojst_sc_weighted(c->max_points, c->weight) >
							ngojst_sc_weighted(best->max_points, best->weight)))
			best = c;
	}
	return best;
}

const ngojst_sc_criterion *ngojst_sc_heaviest(const ngojst_scoring *sc)
{
	const ngojst_sc_criterion *best = NULL;
	size_t i;

	for (i = 0; sc && i < sc->ncriteria; i++) {
		const ngojst_sc_criterion *c = &sc->criteria[i];

		if (!best || ngojst_sc_weighted(c->max_points, c->weight) > ngojst_sc_weighted(best->max_points, best->weight))
			best = c;
	}
	return best;
}

/* ---- reading the application ------------------------------------------------------ */

typedef struct sc_val {
	bool present;
	ngojst_ftype type;
	int64_t i;          /* INT, MONEY, DATE (days) */
	bool b;             /* FLAG */
	const char *s;      /* STRING */
} sc_val;

static int take_one(void *ud, const ngojst_path_value *pv)
{
	sc_val *v = ud;

	v->type = pv->type;
	v->present = ngojst_path_value_present(pv);
	if (!v->present)
		return 1;
	switch (pv->type) {
	case NGOJST_FT_INT:
		v->i = *(const int64_t *)pv->ptr;
		break;
	case NGOJST_FT_MONEY:
		v->i = *(const ngojst_money *)pv->ptr;
		break;
	case NGOJST_FT_DATE:
		v->i = ngojst_date_to_days(*(const ngojst_date *)pv->ptr);
		break;
	case NGOJST_FT_FLAG:
		v->b = *(const ngojst_flag *)pv->ptr == NGOJST_FLAG_YES;
		break;
	case NGOJST_FT_STRING:
		v->s = *(const char *const *)pv->ptr;
		break;
	default:
		v->present = false;
		break;
	}
	return 1;
}

static sc_val read_path(const ngojst_schema *schema, const void *data, const ngojst_path *p, ngojst_buf *ptr)
{
	sc_val v;

	memset(&v, 0, sizeof(v));
	ngojst_path_walk(schema, data, p, ptr, take_one, &v);
	return v;
}

/* Sum of present amounts; false when none is present. */
static bool sum_paths(const ngojst_schema *schema, const void *data, const ngojst_path *paths, size_t n, ngojst_buf *ptr,
		      int64_t *out)
{
	size_t i;
	bool any = false;

	*out = 0;
	for (i = 0; i < n; i++) {
		sc_val v = read_path(schema, data, &paths[i], ptr);

		if (v.present && ngojst_money_add(out, *out, v.i) == NGOJST_OK)
			any = true;
	}
	return any;
}

/* num/den (the compared value, in the bands' unit) against a bound b:
 * returns <0, 0, >0. den > 0; num and b non-negative for shares. */
static int cmp_frac(sc_u128 num, sc_u128 den, int64_t b)
{
	sc_u128 rhs;

	if (b < 0)
		return 1;
	rhs = (sc_u128)(uint64_t)b * den;
	return num < rhs ? -1 : num > rhs;
}

static bool in_band(const ngojst_sc_band *band, sc_u128 num, sc_u128 den)
{
	if (band->has_lo) {
		int c = cmp_frac(num, den, band->lo);

		if (c < 0 || (c == 0 && band->lo_open))
			return false;
	}
	if (band->has_hi) {
		int c = cmp_frac(num, den, band->hi);

		if (c > 0 || (c == 0 && band->hi_open))
			return false;
	}
	return true;
}

static long find_band(const ngojst_sc_criterion *c, sc_u128 num, sc_u128 den)
{
	size_t i;

	for (i = 0; i < c->nbands; i++)
		if (in_band(&c->bands[i], num, den))
			return (long)i;
	return -1;
}

int ngojst_sc_share_of(const ngojst_sc_criterion *c, const ngojst_schema *schema, const void *data, ngojst_buf *ptr,
		       ngojst_sc_share *out)
{
	sc_u128 num, den;

	memset(out, 0, sizeof(*out));
	out->band = -1;
	if (c->method != NGOJST_SC_SHARE)
		return NGOJST_EINVAL;
	if (!sum_paths(schema, data, c->whole, c->nwhole, ptr, &out->whole) || out->whole <= 0)
		return NGOJST_OK;
	sum_paths(schema, data, c->part, c->npart, ptr, &out->part);
	if (out->part < 0)
		out->part = 0;
	out->computed = true;
	/* The share in hundredths of a percent is part * 10000 / whole. */
	num = (sc_u128)(uint64_t)out->part * 10000u;
	den = (sc_u128)(uint64_t)out->whole;
	out->exact = (int64_t)(num / den);
	switch (c->rounding) {
	case NGOJST_SC_ROUND_EXACT:
		out->percent = (int64_t)(num / den);
		break;
	case NGOJST_SC_ROUND_NEAREST:
		out->percent = (int64_t)((num * 2 / 100 + den) / (den * 2)) * 100;
		num = (sc_u128)(uint64_t)out->percent;
		den = 1;
		break;
	case NGOJST_SC_ROUND_DOWN:
		out->percent = (int64_t)(num / 100 / den) * 100;
		num = (sc_u128)(uint64_t)out->percent;
		den = 1;
		break;
	}
	out->band = find_band(c, num, den);
	return NGOJST_OK;
}

/* ---- the result --------------------------------------------------------------------- */

typedef struct sc_tie_val {
	bool present;
	bool is_string;
	int64_t i;
	const char *s;
	bool descending;
} sc_tie_val;

typedef struct sc_tie_desc {
	const char *criterion;  /* or NULL */
	const char *field;
	bool descending;
} sc_tie_desc;

struct ngojst_score_result {
	ngojst_context *ctx;
	ngojst_arena arena;
	ngojst_report *report;
	const char *source;
	size_t index;
	const char *number;
	ngojst_lang lang;
	/* the scoring section, copied so the result outlives the rule set */
	const char *identity;     /* layer id, version and hash: results of one section compare equal */
	const char *ruleset_id;
	const char *ruleset_version;
	const char *ruleset_sha256;
	const char *citation[2];  /* pl, en */
	const char *status;
	bool has_minimum;
	int64_t minimum;
	int64_t max_total;
	sc_tie_desc *tie_desc;
	size_t nties;
	/* the application's score */
	int64_t total;
	bool complete;
	bool passed;
	size_t errors, warnings, notes;
	size_t rank;
	ngojst_score_item *items;
	size_t nitems;
	sc_tie_val *ties;
};

static const char *adup(ngojst_score_result *r, const char *s)
{
	return s ? ngojst_arena_strdup(&r->arena, s) : NULL;
}

/* ---- explanations ---------------------------------------------------------------------- */

typedef struct sc_ctx {
	ngojst_score_result *r;
	const ngojst_scoring *sc;
	const ngojst_kind *kind;
	const void *data;
	const ngojst_initiative_application *app;
	ngojst_buf ptr;
	ngojst_buf text;
	bool pl;
} sc_ctx;

static const char *money_str(char *buf, size_t size, int64_t v, bool pl)
{
	if (pl) {
		if (ngojst_money_format(buf, size, v, NGOJST_MONEY_POLISH) < 0)
			snprintf(buf, size, "?");
	} else {
		char tmp[48];

		if (ngojst_money_format(tmp, sizeof(tmp), v, NGOJST_MONEY_PLAIN) < 0)
			snprintf(tmp, sizeof(tmp), "?");
		snprintf(buf, size, "PLN %s", tmp);
	}
	return buf;
}

/* A value in the unit of a criterion's bands. */
static const char *unit_str(char *buf, size_t size, int64_t v, ngojst_ftype type, bool percent, bool pl)
{
	char tmp[48];

	if (percent) {
		/* whole percents without decimals, as resolutions write them */
		if (v % 100 == 0)
			snprintf(buf, size, "%lld %%", (long long)(v / 100));
		else
			snprintf(buf, size, "%s %%", ngojst_sc_points_str(tmp, sizeof(tmp), v, pl));
		return buf;
	}
	if (type == NGOJST_FT_MONEY)
		return money_str(buf, size, v, pl);
	snprintf(buf, size, "%lld", (long long)v);
	return buf;
}

static void put_band(sc_ctx *x, const ngojst_sc_criterion *c, const ngojst_sc_band *b, bool percent)
{
	char v[64];

	if (b->has_lo) {
		ngojst_buf_printf(&x->text, "%s %s", b->lo_open ? (x->pl ? "powyżej" : "above") : (x->pl ? "od" : "from"),
				  unit_str(v, sizeof(v), b->lo, c->field_type, percent, x->pl));
	}
	if (b->has_hi) {
		const char *word = b->hi_open ? (b->has_lo ? (x->pl ? "do mniej niż" : "to under") : (x->pl ? "poniżej" : "below"))
					      : (x->pl ? "do" : "to");

		ngojst_buf_printf(&x->text, "%s%s %s", b->has_lo ? " " : "", word,
				  unit_str(v, sizeof(v), b->hi, c->field_type, percent, x->pl));
	}
	if (!b->has_lo && !b->has_hi)
		ngojst_buf_puts(&x->text, x->pl ? "każda wartość" : "any value");
}

/* The gap a value falls in: the nearest band bounds below and above it. */
static void put_gap(sc_ctx *x, const ngojst_sc_criterion *c, sc_u128 num, sc_u128 den, bool percent)
{
	const ngojst_sc_band *below = NULL, *above = NULL;
	char v[64];
	size_t i;

	for (i = 0; i < c->nbands; i++) {
		const ngojst_sc_band *b = &c->bands[i];

		if (b->has_hi && cmp_frac(num, den, b->hi) >= 0)
			below = b;
		else if (!above && b->has_lo && cmp_frac(num, den, b->lo) <= 0)
			above = b;
	}
	if (below && above) {
		ngojst_buf_printf(&x->text, x->pl ? "między %s" : "between %s",
				  unit_str(v, sizeof(v), below->hi, c->field_type, percent, x->pl));
		ngojst_buf_printf(&x->text, x->pl ? " a %s" : " and %s",
				  unit_str(v, sizeof(v), above->lo, c->field_type, percent, x->pl));
	} else if (above) {
		ngojst_buf_printf(&x->text, x->pl ? "poniżej najniższego przedziału (%s)" : "below the lowest band (%s)",
				  unit_str(v, sizeof(v), above->lo, c->field_type, percent, x->pl));
	} else if (below) {
		ngojst_buf_printf(&x->text, x->pl ? "powyżej najwyższego przedziału (%s)" : "above the highest band (%s)",
				  unit_str(v, sizeof(v), below->hi, c->field_type, percent, x->pl));
	}
}

static void put_points(sc_ctx *x, int64_t v)
{
	char p[32];

	ngojst_buf_printf(&x->text, x->pl ? "%s pkt" : "%s points", ngojst_sc_points_str(p, sizeof(p), v, x->pl));
}

static void put_paths(sc_ctx *x, const ngojst_path *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		ngojst_buf_printf(&x->text, "%s%s", i ? " + " : "", p[i].text);
}

/* Raw points (before weighting) of one criterion, with the explanation in
 * x->text; *evaluated is false when points by judgment are missing. */
static int64_t raw_points(sc_ctx *x, const ngojst_sc_criterion *c, bool *evaluated)
{
	char a[64], b[64], u[32];
	size_t i;

	*evaluated = true;
	switch (c->method) {
	case NGOJST_SC_MANUAL:
		for (i = 0; i < x->app->evaluation_count; i++) {
			const ngojst_initiative_evaluation *e = &x->app->evaluation[i];

			if (!e->criterion || strcmp(e->criterion, c->id))
				continue;
			ngojst_buf_printf(&x->text, x->pl ? "punkty przyznane przez oceniających: %lld z %lld"
							  : "points given by the evaluating body: %lld of %lld",
					  (long long)e->points, (long long)(c->max_points / NGOJST_POINTS_SCALE));
			if (e->note)
				ngojst_buf_printf(&x->text, x->pl ? " (uzasadnienie: %s)" : " (reason: %s)", e->note);
			return e->points * NGOJST_POINTS_SCALE;
		}
		*evaluated = false;
		ngojst_buf_puts(&x->text, x->pl ? "brak oceny: w polu evaluation wniosku nie ma punktów za to kryterium"
						: "not evaluated: the application's evaluation has no points for it");
		return 0;
	case NGOJST_SC_YES_NO: {
		sc_val v = read_path(x->kind->schema, x->data, &c->field, &x->ptr);
		int64_t p = v.present && v.b ? c->yes_points : c->no_points;

		ngojst_buf_printf(&x->text, "%s: %s, ", c->field.text,
				  !v.present ? (x->pl ? "nie podano (liczy się jak „nie”)" : "not given (counts as no)")
					     : v.b ? (x->pl ? "tak" : "yes") : (x->pl ? "nie" : "no"));
		put_points(x, p);
		return p;
	}
	case NGOJST_SC_PER_UNIT: {
		sc_val v = read_path(x->kind->schema, x->data, &c->field, &x->ptr);
		int64_t units, p;

		if (!v.present || v.i <= 0) {
			ngojst_buf_printf(&x->text, x->pl ? "%s: brak, 0 pkt" : "%s: none, 0 points", c->field.text);
			return 0;
		}
		units = v.i / c->unit;
		p = units > c->max_points / (c->unit_points ? c->unit_points : 1) + 1 ? c->max_points : units * c->unit_points;
		ngojst_buf_printf(&x->text, x->pl ? "%s: %s, pełnych jednostek po %s: %lld × %s pkt" : "%s: %s, whole units of %s: %lld × %s",
				  c->field.text, unit_str(a, sizeof(a), v.i, c->field_type, false, x->pl),
				  unit_str(b, sizeof(b), c->unit, c->field_type, false, x->pl), (long long)units,
				  ngojst_sc_points_str(u, sizeof(u), c->unit_points, x->pl));
		if (!x->pl)
			ngojst_buf_puts(&x->text, c->unit_points == NGOJST_POINTS_SCALE ? " point" : " points");
		if (p > c->max_points) {
			ngojst_buf_puts(&x->text, x->pl ? ", najwyżej " : ", at most ");
			p = c->max_points;
		} else {
			ngojst_buf_puts(&x->text, " = ");
		}
		put_points(x, p);
		return p;
	}
	case NGOJST_SC_SHARE: {
		ngojst_sc_share s;

		ngojst_sc_share_of(c, x->kind->schema, x->data, &x->ptr, &s);
		ngojst_buf_puts(&x->text, x->pl ? "udział " : "share of ");
		put_paths(x, c->part, c->npart);
		ngojst_buf_puts(&x->text, x->pl ? " w " : " in ");
		put_paths(x, c->whole, c->nwhole);
		if (!s.computed) {
			ngojst_buf_puts(&x->text, x->pl ? ": całości brak albo 0, 0 pkt" : ": the whole is absent or 0, 0 points");
			return 0;
		}
		ngojst_buf_printf(&x->text, ": %s ", money_str(a, sizeof(a), s.part, x->pl));
		ngojst_buf_printf(&x->text, x->pl ? "z %s = " : "of %s = ", money_str(b, sizeof(b), s.whole, x->pl));
		{
			sc_u128 num = (sc_u128)(uint64_t)s.part * 10000u, den = (sc_u128)(uint64_t)s.whole;

			ngojst_buf_printf(&x->text, "%s %%", ngojst_sc_points_str(a, sizeof(a), s.exact, x->pl));
			if (c->rounding != NGOJST_SC_ROUND_EXACT) {
				ngojst_buf_printf(&x->text, x->pl ? " (zaokrąglone do %lld %%)" : " (rounded to %lld %%)",
						  (long long)(s.percent / 100));
				num = (sc_u128)(uint64_t)s.percent;
				den = 1;
			}
			if (s.band < 0) {
				ngojst_buf_puts(&x->text, x->pl ? ", poza przedziałami skali (" : ", in no band of the scale (");
				put_gap(x, c, num, den, true);
				ngojst_buf_puts(&x->text, x->pl ? "): 0 pkt" : "): 0 points");
				return 0;
			}
		}
		ngojst_buf_puts(&x->text, x->pl ? ", przedział " : ", band ");
		put_band(x, c, &c->bands[s.band], true);
		ngojst_buf_puts(&x->text, ": ");
		put_points(x, c->bands[s.band].points);
		return c->bands[s.band].points;
	}
	case NGOJST_SC_VALUE_BANDS: {
		sc_val v = read_path(x->kind->schema, x->data, &c->field, &x->ptr);
		long band;
		sc_u128 num;

		if (!v.present) {
			ngojst_buf_printf(&x->text, x->pl ? "%s: brak, 0 pkt" : "%s: not given, 0 points", c->field.text);
			return 0;
		}
		ngojst_buf_printf(&x->text, "%s: %s", c->field.text, unit_str(a, sizeof(a), v.i, c->field_type, false, x->pl));
		if (v.i < 0) {
			band = -1;
			for (i = 0; i < c->nbands; i++)
				if ((!c->bands[i].has_lo || c->bands[i].lo < v.i || (c->bands[i].lo == v.i && !c->bands[i].lo_open)) &&
				    (!c->bands[i].has_hi || c->bands[i].hi > v.i || (c->bands[i].hi == v.i && !c->bands[i].hi_open)))
					band = (long)i;
		} else {
			num = (sc_u128)(uint64_t)v.i;
			band = find_band(c, num, 1);
		}
		if (band < 0) {
			ngojst_buf_puts(&x->text, x->pl ? ", poza przedziałami skali (" : ", in no band of the scale (");
			if (v.i >= 0)
				put_gap(x, c, (sc_u128)(uint64_t)v.i, 1, false);
			ngojst_buf_puts(&x->text, x->pl ? "): 0 pkt" : "): 0 points");
			return 0;
		}
		ngojst_buf_puts(&x->text, x->pl ? ", przedział " : ", band ");
		put_band(x, c, &c->bands[band], false);
		ngojst_buf_puts(&x->text, ": ");
		put_points(x, c->bands[band].points);
		return c->bands[band].points;
	}
	}
	return 0;
}

/* ---- checking the evaluation entries ------------------------------------------------------- */

static void pos_of(const ngojst_document *doc, const char *pointer, unsigned *line, unsigned *column, size_t *offset)
{
	char buf[256];

	*line = *column = 0;
	*offset = 0;
	if (!doc->tree)
		return;
	snprintf(buf, sizeof(buf), "%s", pointer);
	for (;;) {
		const ngojst_node *n = ngojst_tree_lookup(doc->tree, buf);
		char *slash;

		if (n) {
			*line = n->line;
			*column = n->column;
			*offset = n->offset;
			return;
		}
		slash = strrchr(buf, '/');
		if (!slash)
			return;
		*slash = '\0';
	}
}

static int evaluation_problem(ngojst_context *ctx, const ngojst_document *doc, size_t i, const char *member,
			      const char *fmt, ...) NGOJST_PRINTF(5, 6);

static int evaluation_problem(ngojst_context *ctx, const ngojst_document *doc, size_t i, const char *member,
			      const char *fmt, ...)
{
	char pointer[64];
	unsigned line, column;
	size_t offset;
	va_list ap;

	snprintf(pointer, sizeof(pointer), "/evaluation/%zu/%s", i, member);
	pos_of(doc, pointer, &line, &column, &offset);
	va_start(ap, fmt);
	ngojst_diag_addv(ctx, NGOJST_EINPUT, doc->source, line, column, offset, pointer, fmt, ap);
	va_end(ap);
	return NGOJST_EINPUT;
}

/* ASCII letters for the Polish ones, so that "celowość" suggests the id
 * "celowosc" (ids are ASCII). */
static void ascii_fold(const char *s, char *out, size_t size)
{
	static const struct {
		const char *from;
		char to;
	} map[] = { { "ą", 'a' }, { "ć", 'c' }, { "ę", 'e' }, { "ł", 'l' }, { "ń", 'n' }, { "ó", 'o' },
		    { "ś", 's' }, { "ź", 'z' }, { "ż", 'z' }, { "Ą", 'a' }, { "Ć", 'c' }, { "Ę", 'e' },
		    { "Ł", 'l' }, { "Ń", 'n' }, { "Ó", 'o' }, { "Ś", 's' }, { "Ź", 'z' }, { "Ż", 'z' } };
	size_t n = 0, k;

	while (*s && n + 1 < size) {
		for (k = 0; k < sizeof(map) / sizeof(map[0]); k++) {
			if (!strncmp(s, map[k].from, 2)) {
				out[n++] = map[k].to;
				s += 2;
				break;
			}
		}
		if (k == sizeof(map) / sizeof(map[0])) {
			out[n++] = *s >= 'A' && *s <= 'Z' ? (char)(*s - 'A' + 'a') : *s;
			s++;
		}
	}
	out[n] = '\0';
}

/* Every entry names a criterion scored by judgment, once, with points on
 * its scale; all problems are collected. */
static int check_evaluation(ngojst_context *ctx, const ngojst_scoring *sc, const ngojst_document *doc,
			    const ngojst_initiative_application *app)
{
	size_t i, k;
	int rc = NGOJST_OK;

	for (i = 0; i < app->evaluation_count; i++) {
		const ngojst_initiative_evaluation *e = &app->evaluation[i];
		const ngojst_sc_criterion *c = NULL;

		if (!e->criterion) {
			rc = evaluation_problem(ctx, doc, i, "criterion", "evaluation entry %zu names no criterion", i);
			continue;
		}
		for (k = 0; k < sc->ncriteria; k++)
			if (!strcmp(sc->criteria[k].id, e->criterion))
				c = &sc->criteria[k];
		if (!c) {
			const char *best = NULL;
			size_t best_d = 3;
			char folded[128];

			ascii_fold(e->criterion, folded, sizeof(folded));
			for (k = 0; k < sc->ncriteria; k++) {
				size_t d = ngojst_edit_distance(folded, sc->criteria[k].id, 2);

				if (d < best_d) {
					best_d = d;
					best = sc->criteria[k].id;
				}
			}
			if (best)
				rc = evaluation_problem(ctx, doc, i, "criterion",
							"unknown criterion \"%s\" in the evaluation (did you mean \"%s\"?)",
							e->criterion, best);
			else
				rc = evaluation_problem(ctx, doc, i, "criterion",
							"unknown criterion \"%s\" in the evaluation: the scoring has no such criterion",
							e->criterion);
			continue;
		}
		if (c->method != NGOJST_SC_MANUAL) {
			rc = evaluation_problem(ctx, doc, i, "criterion",
						"criterion \"%s\" is scored from the application's data, not by judgment; it takes no points in the evaluation",
						c->id);
			continue;
		}
		for (k = 0; k < i; k++) {
			if (app->evaluation[k].criterion && !strcmp(app->evaluation[k].criterion, c->id)) {
				rc = evaluation_problem(ctx, doc, i, "criterion", "criterion \"%s\" is evaluated twice", c->id);
				break;
			}
		}
		if (k < i)
			continue;
		if (e->points == NGOJST_INT_NONE) {
			rc = evaluation_problem(ctx, doc, i, "points", "the evaluation of criterion \"%s\" gives no points", c->id);
			continue;
		}
		if (e->points < c->min_points / NGOJST_POINTS_SCALE || e->points > c->max_points / NGOJST_POINTS_SCALE)
			rc = evaluation_problem(ctx, doc, i, "points",
						"%lld points are outside the scale of criterion \"%s\" (%lld to %lld)",
						(long long)e->points, c->id, (long long)(c->min_points / NGOJST_POINTS_SCALE),
						(long long)(c->max_points / NGOJST_POINTS_SCALE));
	}
	return rc;
}

/* ---- scoring ------------------------------------------------------------------------------------- */

void ngojst_score_free(ngojst_score_result *result)
{
	if (!result)
		return;
	ngojst_report_free(result->report);
	ngojst_arena_release(&result->arena);
	ngojst_free(result->ctx, result);
}

static int copy_scoring(ngojst_score_result *r, const ngojst_ruleset *rs, const ngojst_scoring *sc)
{
	const ngojst_layer *l = &rs->layers[sc->layer];
	const ngojst_source *src = ngojst_ruleset_source(rs, sc->source);
	char buf[1024];
	size_t i;

	snprintf(buf, sizeof(buf), "%s@%s#%s", l->id, l->version, l->sha256);
	r->identity = adup(r, buf);
	r->ruleset_id = adup(r, l->id);
	r->ruleset_version = adup(r, l->version);
	r->ruleset_sha256 = adup(r, l->sha256);
	for (i = 0; i < 2; i++) {
		snprintf(buf, sizeof(buf), "%s%s%s%s", sc->where[i] ? sc->where[i] : "", sc->where[i] ? " " : "",
			 src ? (i ? src->short_en : src->short_pl) : sc->source, "");
		r->citation[i] = adup(r, buf);
	}
	r->status = adup(r, ngojst_status_name(sc->status));
	r->has_minimum = sc->has_minimum;
	r->minimum = sc->minimum;
	r->max_total = sc->max_total;
	r->nties = sc->nties;
	r->tie_desc = ngojst_arena_zalloc(&r->arena, (sc->nties + 1) * sizeof(*r->tie_desc));
	r->ties = ngojst_arena_zalloc(&r->arena, (sc->nties + 1) * sizeof(*r->ties));
	if (!r->identity || !r->ruleset_id || !r->ruleset_version || !r->ruleset_sha256 || !r->citation[0] ||
	    !r->citation[1] || !r->status || !r->tie_desc || !r->ties)
		return NGOJST_ENOMEM;
	for (i = 0; i < sc->nties; i++) {
		r->tie_desc[i].criterion = sc->ties[i].criterion ? adup(r, sc->ties[i].criterion) : NULL;
		r->tie_desc[i].field = sc->ties[i].criterion ? NULL : adup(r, sc->ties[i].field.text);
		r->tie_desc[i].descending = sc->ties[i].descending;
		if (!r->tie_desc[i].criterion && !r->tie_desc[i].field)
			return NGOJST_ENOMEM;
	}
	return NGOJST_OK;
}

static int compute(sc_ctx *x)
{
	ngojst_score_result *r = x->r;
	const ngojst_scoring *sc = x->sc;
	size_t i;

	r->items = ngojst_arena_zalloc(&r->arena, (sc->ncriteria + 1) * sizeof(*r->items));
	if (!r->items)
		return NGOJST_ENOMEM;
	r->complete = true;
	for (i = 0; i < sc->ncriteria; i++) {
		const ngojst_sc_criterion *c = &sc->criteria[i];
		ngojst_score_item *it = &r->items[r->nitems];
		bool evaluated;
		int64_t raw;
		char p[32];

		ngojst_buf_reset(&x->text);
		raw = raw_points(x, c, &evaluated);
		it->points = ngojst_sc_weighted(raw, c->weight);
		it->max = ngojst_sc_weighted(c->max_points, c->weight);
		it->weight = c->weight;
		it->social_work = c->social_work;
		it->evaluated = evaluated;
		if (c->weight != NGOJST_POINTS_SCALE && evaluated) {
			ngojst_buf_printf(&x->text, x->pl ? "; × waga %s" : "; × weight %s",
					  ngojst_sc_points_str(p, sizeof(p), c->weight, x->pl));
			ngojst_buf_printf(&x->text, " = %s", ngojst_sc_points_str(p, sizeof(p), it->points, x->pl));
		}
		if (!ngojst_buf_cstr(&x->text))
			return NGOJST_ENOMEM;
		it->explanation = adup(r, ngojst_buf_cstr(&x->text));
		it->id = adup(r, c->id);
		it->title = adup(r, c->title[x->pl ? 0 : 1]);
		if (!it->explanation || !it->id || !it->title)
			return NGOJST_ENOMEM;
		r->total += it->points;
		r->complete = r->complete && evaluated;
		r->nitems++;
	}
	r->passed = r->complete && (!r->has_minimum || r->total >= r->minimum);
	for (i = 0; i < sc->nties; i++) {
		const ngojst_sc_tie *t = &sc->ties[i];
		sc_tie_val *tv = &r->ties[i];

		tv->descending = t->descending;
		if (t->criterion) {
			size_t k;

			for (k = 0; k < sc->ncriteria; k++) {
				if (!strcmp(sc->criteria[k].id, t->criterion)) {
					tv->present = true;
					tv->i = r->items[k].points;
				}
			}
		} else {
			sc_val v = read_path(x->kind->schema, x->data, &t->field, &x->ptr);

			tv->present = v.present;
			if (v.present && v.type == NGOJST_FT_STRING) {
				tv->is_string = true;
				tv->s = adup(r, v.s);
				if (!tv->s)
					return NGOJST_ENOMEM;
			} else {
				tv->i = v.i;
			}
		}
	}
	return x->ptr.failed ? NGOJST_ENOMEM : NGOJST_OK;
}

int ngojst_score(ngojst_context *ctx, const ngojst_ruleset *rs, const ngojst_document *doc,
		 const ngojst_validate_options *opts, ngojst_score_result **out)
{
	const ngojst_scoring *sc;
	ngojst_report *report = NULL;
	ngojst_score_result *r;
	sc_ctx x;
	size_t i;
	int rc;

	if (!out)
		return NGOJST_EINVAL;
	*out = NULL;
	if (!ctx || !rs || !doc || !doc->kind || !opts)
		return NGOJST_EINVAL;
	ngojst_diag_clear(ctx);
	if (strcmp(doc->kind->name, NGOJST_SCORED_KIND) != 0)
		return ngojst_diag_add(ctx, NGOJST_EINVAL, doc->source, 0, 0, 0, "",
				       "only %s documents are scored, not %s", NGOJST_SCORED_KIND, doc->kind->name);
	sc = ngojst_ruleset_scoring(rs);
	if (!sc)
		return ngojst_diag_add(ctx, NGOJST_ENOTFOUND, rs->layers[rs->nlayers - 1].source, 0, 0, 0, NULL,
				       "rule set \"%s\" has no scoring section: load the municipality's overlay with its criteria",
				       rs->layers[rs->nlayers - 1].id);
	rc = ngojst_validate(ctx, rs, doc, opts, &report);
	if (rc)
		return rc;
	rc = check_evaluation(ctx, sc, doc, doc->data);
	if (rc) {
		ngojst_report_free(report);
		return rc;
	}
	r = ngojst_calloc(ctx, 1, sizeof(*r));
	if (!r) {
		ngojst_report_free(report);
		return NGOJST_ENOMEM;
	}
	r->ctx = ctx;
	ngojst_arena_init(&r->arena, ctx, 4096);
	r->report = report;
	r->lang = opts->lang;
	r->index = doc->index;
	r->source = adup(r, doc->source ? doc->source : "<data>");
	r->number = adup(r, ((const ngojst_initiative_application *)doc->data)->number);
	for (i = 0; i < 3; i++) {
		size_t n = ngojst_report_count_severity(report, (ngojst_severity)i);

		if (i == NGOJST_SEVERITY_ERROR)
			r->errors = n;
		else if (i == NGOJST_SEVERITY_WARNING)
			r->warnings = n;
		else
			r->notes = n;
	}
	if (!r->source || (((const ngojst_initiative_application *)doc->data)->number && !r->number))
		rc = NGOJST_ENOMEM;
	else
		rc = copy_scoring(r, rs, sc);
	if (rc == NGOJST_OK) {
		memset(&x, 0, sizeof(x));
		x.r = r;
		x.sc = sc;
		x.kind = doc->kind;
		x.data = doc->data;
		x.app = doc->data;
		x.pl = opts->lang == NGOJST_LANG_PL;
		ngojst_buf_init(&x.ptr, ctx);
		ngojst_buf_init(&x.text, ctx);
		rc = compute(&x);
		ngojst_buf_dispose(&x.ptr);
		ngojst_buf_dispose(&x.text);
	}
	if (rc) {
		ngojst_score_free(r);
		return rc;
	}
	*out = r;
	return NGOJST_OK;
}

/* ---- accessors ---------------------------------------------------------------------------------------- */

int64_t ngojst_score_total(const ngojst_score_result *result)
{
	return result ? result->total : 0;
}

int64_t ngojst_score_max(const ngojst_score_result *result)
{
	return result ? result->max_total : 0;
}

int64_t ngojst_score_minimum(const ngojst_score_result *result)
{
	return result && result->has_minimum ? result->minimum : -1;
}

int ngojst_score_complete(const ngojst_score_result *result)
{
	return result && result->complete;
}

int ngojst_score_passed(const ngojst_score_result *result)
{
	return result && result->passed;
}

const ngojst_report *ngojst_score_report(const ngojst_score_result *result)
{
	return result ? result->report : NULL;
}

const char *ngojst_score_source(const ngojst_score_result *result)
{
	return result ? result->source : NULL;
}

size_t ngojst_score_document_index(const ngojst_score_result *result)
{
	return result ? result->index : 0;
}

const char *ngojst_score_number(const ngojst_score_result *result)
{
	return result ? result->number : NULL;
}

size_t ngojst_score_rank(const ngojst_score_result *result)
{
	return result ? result->rank : 0;
}

size_t ngojst_score_item_count(const ngojst_score_result *result)
{
	return result ? result->nitems : 0;
}

const ngojst_score_item *ngojst_score_item_at(const ngojst_score_result *result, size_t index)
{
	return result && index < result->nitems ? &result->items[index] : NULL;
}

/* ---- ranking -------------------------------------------------------------------------------------------- */

static bool qualified(const ngojst_score_result *r)
{
	return r->passed && r->errors == 0;
}

static int cmp_int(int64_t a, int64_t b)
{
	return (a > b) - (a < b);
}

static int cmp_results(const void *pa, const void *pb)
{
	const ngojst_score_result *a = *(ngojst_score_result *const *)pa, *b = *(ngojst_score_result *const *)pb;
	size_t i;
	int c;

	if (qualified(a) != qualified(b))
		return qualified(a) ? -1 : 1;
	if ((c = cmp_int(b->total, a->total)) != 0)
		return c;
	for (i = 0; i < a->nties; i++) {
		const sc_tie_val *x = &a->ties[i], *y = &b->ties[i];

		/* An absent value ranks after a present one, whatever the order. */
		if (x->present != y->present)
			return x->present ? -1 : 1;
		if (!x->present)
			continue;
		c = x->is_string ? strcmp(x->s, y->s) : cmp_int(x->i, y->i);
		if (c)
			return x->descending ? -c : c;
	}
	if ((c = strcmp(a->source, b->source)) != 0)
		return c;
	return cmp_int((int64_t)a->index, (int64_t)b->index);
}

static int same_scoring(ngojst_context *ctx, const ngojst_score_result *const *results, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++) {
		if (!results[i])
			return NGOJST_EINVAL;
		if (strcmp(results[i]->identity, results[0]->identity) != 0) {
			if (ctx)
				ngojst_diag_add(ctx, NGOJST_EINVAL, results[i]->source, 0, 0, 0, NULL,
						"results made with different scoring sections (%s and %s) cannot be ranked together",
						results[0]->ruleset_id, results[i]->ruleset_id);
			return NGOJST_EINVAL;
		}
	}
	return NGOJST_OK;
}

int ngojst_rank(ngojst_context *ctx, ngojst_score_result **results, size_t count)
{
	size_t i;
	int rc;

	if (!ctx || (!results && count))
		return NGOJST_EINVAL;
	ngojst_diag_clear(ctx);
	if ((rc = same_scoring(ctx, (const ngojst_score_result *const *)results, count)) != NGOJST_OK)
		return rc;
	if (count > 1)
		qsort(results, count, sizeof(*results), cmp_results);
	for (i = 0; i < count; i++)
		results[i]->rank = i + 1;
	return NGOJST_OK;
}

/* ---- formatting --------------------------------------------------------------------------------------- */

static void put_order_text(ngojst_buf *b, const ngojst_score_result *r, bool pl)
{
	size_t i;

	ngojst_buf_puts(b, pl ? "Kolejność: najpierw wnioski, które przeszły próg i nie mają błędów; potem wyższa suma punktów"
			      : "Order: applications that pass without errors first; then the higher total");
	for (i = 0; i < r->nties; i++) {
		const sc_tie_desc *t = &r->tie_desc[i];

		if (t->criterion)
			ngojst_buf_printf(b, pl ? "; potem kryterium %s (%s)" : "; then criterion %s (%s)", t->criterion,
					  t->descending ? (pl ? "więcej wyżej" : "higher first") : (pl ? "mniej wyżej" : "lower first"));
		else
			ngojst_buf_printf(b, pl ? "; potem %s (%s)" : "; then %s (%s)", t->field,
					  t->descending ? (pl ? "malejąco" : "descending") : (pl ? "rosnąco" : "ascending"));
	}
	ngojst_buf_puts(b, pl ? "; na końcu nazwa pliku i pozycja w nim.\n" : "; last the file name and the position in it.\n");
}

static void put_app_name(ngojst_buf *b, const ngojst_score_result *r)
{
	ngojst_report_put_text(b, r->source);
	if (r->index)
		ngojst_buf_printf(b, "#%zu", r->index + 1);
	if (r->number) {
		ngojst_buf_puts(b, " [");
		ngojst_report_put_text(b, r->number);
		ngojst_buf_puts(b, "]");
	}
}

/* Display width in code points, for aligning columns. */
static size_t width(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

static void format_text(ngojst_buf *b, const ngojst_score_result *const *results, size_t count)
{
	const ngojst_score_result *first = results[0];
	bool pl = first->lang == NGOJST_LANG_PL;
	size_t i, k, passed = 0, idw = 0, ptw = 0;
	char p1[32], p2[32];

	ngojst_buf_printf(b, pl ? "Ocena według %s %s: " : "Scoring of %s %s: ", first->ruleset_id, first->ruleset_version);
	ngojst_report_put_text(b, first->citation[pl ? 0 : 1]);
	ngojst_buf_printf(b, pl ? " (status %s)\n" : " (status %s)\n", first->status);
	if (first->has_minimum)
		ngojst_buf_printf(b, pl ? "Próg: %s z %s pkt\n" : "Minimum score: %s of %s points\n",
				  ngojst_sc_points_str(p1, sizeof(p1), first->minimum, pl),
				  ngojst_sc_points_str(p2, sizeof(p2), first->max_total, pl));
	else
		ngojst_buf_printf(b, pl ? "Bez progu; najwyżej %s pkt\n" : "No minimum score; at most %s points\n",
				  ngojst_sc_points_str(p2, sizeof(p2), first->max_total, pl));
	put_order_text(b, first, pl);
	for (i = 0; i < count; i++) {
		for (k = 0; k < results[i]->nitems; k++) {
			const ngojst_score_item *it = &results[i]->items[k];
			size_t w;

			if ((w = width(it->id)) > idw)
				idw = w;
			w = strlen(ngojst_sc_points_str(p1, sizeof(p1), it->points, pl)) + 3 +
			    strlen(ngojst_sc_points_str(p2, sizeof(p2), it->max, pl));
			if (w > ptw)
				ptw = w;
		}
	}
	for (i = 0; i < count; i++) {
		const ngojst_score_result *r = results[i];

		ngojst_buf_putc(b, '\n');
		if (r->rank)
			ngojst_buf_printf(b, "%zu. ", r->rank);
		else
			ngojst_buf_puts(b, "-. ");
		put_app_name(b, r);
		ngojst_buf_printf(b, pl ? ": %s z %s pkt, " : ": %s of %s points, ",
				  ngojst_sc_points_str(p1, sizeof(p1), r->total, pl),
				  ngojst_sc_points_str(p2, sizeof(p2), r->max_total, pl));
		if (!r->complete)
			ngojst_buf_puts(b, pl ? "niekompletna ocena" : "evaluation incomplete");
		else if (!r->has_minimum)
			ngojst_buf_puts(b, pl ? "oceniony (bez progu)" : "scored (no minimum)");
		else if (r->passed)
			ngojst_buf_puts(b, pl ? "osiąga próg" : "reaches the minimum");
		else
			ngojst_buf_puts(b, pl ? "poniżej progu" : "below the minimum");
		if (pl)
			ngojst_buf_printf(b, "; sprawdzenie: %zu bł., %zu ostrz., %zu uw.\n", r->errors, r->warnings, r->notes);
		else
			ngojst_buf_printf(b, "; check: %zu error%s, %zu warning%s, %zu note%s\n", r->errors,
					  r->errors == 1 ? "" : "s", r->warnings, r->warnings == 1 ? "" : "s", r->notes,
					  r->notes == 1 ? "" : "s");
		for (k = 0; k < r->nitems; k++) {
			const ngojst_score_item *it = &r->items[k];
			char pts[80];
			size_t pad;

			snprintf(pts, sizeof(pts), "%s / %s", ngojst_sc_points_str(p1, sizeof(p1), it->points, pl),
				 ngojst_sc_points_str(p2, sizeof(p2), it->max, pl));
			ngojst_buf_puts(b, "   ");
			ngojst_buf_puts(b, it->id);
			for (pad = width(it->id); pad < idw + 2; pad++)
				ngojst_buf_putc(b, ' ');
			for (pad = strlen(pts); pad < ptw; pad++)
				ngojst_buf_putc(b, ' ');
			ngojst_buf_puts(b, pts);
			ngojst_buf_puts(b, "  ");
			ngojst_report_put_text(b, it->explanation);
			ngojst_buf_putc(b, '\n');
		}
		if (r->passed && r->errors == 0)
			passed++;
	}
	if (pl)
		ngojst_buf_printf(b, "\nLiczba wniosków: %zu; przeszły próg bez błędów: %zu\n", count, passed);
	else
		ngojst_buf_printf(b, "\n%zu application%s, %zu passed without errors\n", count, count == 1 ? "" : "s", passed);
}

static void jw_points(ngojst_jw *w, const char *key, int64_t v)
{
	char p[32];

	ngojst_jw_key(w, key);
	ngojst_jw_begin_value(w);
	ngojst_buf_puts(w->b, ngojst_sc_points_str(p, sizeof(p), v, false));
}

static void format_json(ngojst_buf *b, const ngojst_score_result *const *results, size_t count)
{
	ngojst_jw w;
	size_t i, k;

	ngojst_jw_init(&w, b);
	ngojst_jw_begin_object(&w);
	ngojst_jw_key(&w, "scoring");
	if (!count) {
		ngojst_jw_null(&w);
	} else {
		const ngojst_score_result *f = results[0];

		ngojst_jw_begin_object(&w);
		ngojst_jw_kv_string(&w, "ruleset", f->ruleset_id);
		ngojst_jw_kv_string(&w, "version", f->ruleset_version);
		ngojst_jw_kv_raw_string(&w, "sha256", f->ruleset_sha256);
		ngojst_jw_kv_string(&w, "citation_pl", f->citation[0]);
		ngojst_jw_kv_string(&w, "citation_en", f->citation[1]);
		ngojst_jw_kv_raw_string(&w, "status", f->status);
		if (f->has_minimum) {
			jw_points(&w, "minimum_score", f->minimum);
		} else {
			ngojst_jw_key(&w, "minimum_score");
			ngojst_jw_null(&w);
		}
		jw_points(&w, "max_score", f->max_total);
		ngojst_jw_key(&w, "order");
		ngojst_jw_begin_array(&w);
		ngojst_jw_begin_object(&w);
		ngojst_jw_kv_raw_string(&w, "key", "passed_without_errors");
		ngojst_jw_kv_raw_string(&w, "order", "desc");
		ngojst_jw_end_object(&w);
		ngojst_jw_begin_object(&w);
		ngojst_jw_kv_raw_string(&w, "key", "total");
		ngojst_jw_kv_raw_string(&w, "order", "desc");
		ngojst_jw_end_object(&w);
		for (i = 0; i < f->nties; i++) {
			ngojst_jw_begin_object(&w);
			if (f->tie_desc[i].criterion) {
				ngojst_jw_kv_raw_string(&w, "key", "criterion");
				ngojst_jw_kv_string(&w, "criterion", f->tie_desc[i].criterion);
			} else {
				ngojst_jw_kv_raw_string(&w, "key", "field");
				ngojst_jw_kv_string(&w, "field", f->tie_desc[i].field);
			}
			ngojst_jw_kv_raw_string(&w, "order", f->tie_desc[i].descending ? "desc" : "asc");
			ngojst_jw_end_object(&w);
		}
		ngojst_jw_begin_object(&w);
		ngojst_jw_kv_raw_string(&w, "key", "source");
		ngojst_jw_kv_raw_string(&w, "order", "asc");
		ngojst_jw_end_object(&w);
		ngojst_jw_begin_object(&w);
		ngojst_jw_kv_raw_string(&w, "key", "index");
		ngojst_jw_kv_raw_string(&w, "order", "asc");
		ngojst_jw_end_object(&w);
		ngojst_jw_end_array(&w);
		ngojst_jw_end_object(&w);
	}
	ngojst_jw_key(&w, "applications");
	ngojst_jw_begin_array(&w);
	for (i = 0; i < count; i++) {
		const ngojst_score_result *r = results[i];

		ngojst_jw_begin_object(&w);
		ngojst_jw_key(&w, "rank");
		if (r->rank)
			ngojst_jw_uint(&w, r->rank);
		else
			ngojst_jw_null(&w);
		ngojst_jw_kv_string(&w, "source", r->source);
		ngojst_jw_kv_uint(&w, "index", r->index);
		ngojst_jw_kv_string(&w, "number", r->number);
		ngojst_jw_kv_raw_string(&w, "lang", ngojst_report_lang_name(r->lang));
		jw_points(&w, "total", r->total);
		jw_points(&w, "max", r->max_total);
		ngojst_jw_key(&w, "complete");
		ngojst_jw_bool(&w, r->complete);
		ngojst_jw_key(&w, "passed");
		ngojst_jw_bool(&w, r->passed);
		ngojst_jw_kv_uint(&w, "errors", r->errors);
		ngojst_jw_kv_uint(&w, "warnings", r->warnings);
		ngojst_jw_kv_uint(&w, "notes", r->notes);
		ngojst_jw_key(&w, "criteria");
		ngojst_jw_begin_array(&w);
		for (k = 0; k < r->nitems; k++) {
			const ngojst_score_item *it = &r->items[k];

			ngojst_jw_begin_object(&w);
			ngojst_jw_kv_string(&w, "id", it->id);
			ngojst_jw_kv_string(&w, "title", it->title);
			jw_points(&w, "points", it->points);
			jw_points(&w, "max", it->max);
			jw_points(&w, "weight", it->weight);
			ngojst_jw_key(&w, "social_work");
			ngojst_jw_bool(&w, it->social_work);
			ngojst_jw_key(&w, "evaluated");
			ngojst_jw_bool(&w, it->evaluated);
			ngojst_jw_kv_string(&w, "explanation", it->explanation);
			ngojst_jw_end_object(&w);
		}
		ngojst_jw_end_array(&w);
		ngojst_jw_end_object(&w);
	}
	ngojst_jw_end_array(&w);
	ngojst_jw_end_object(&w);
	ngojst_buf_putc(b, '\n');
}

int ngojst_score_format(ngojst_context *ctx, const ngojst_score_result *const *results, size_t count,
			ngojst_format format, char **out)
{
	ngojst_buf b;
	int rc;

	if (!out)
		return NGOJST_EINVAL;
	*out = NULL;
	if (!ctx || (!results && count) || (format != NGOJST_FORMAT_TEXT && format != NGOJST_FORMAT_JSON))
		return NGOJST_EINVAL;
	ngojst_diag_clear(ctx);
	if ((rc = same_scoring(ctx, results, count)) != NGOJST_OK)
		return rc;
	ngojst_buf_init(&b, ctx);
	if (format == NGOJST_FORMAT_JSON)
		format_json(&b, results, count);
	else if (count)
		format_text(&b, results, count);
	else
		ngojst_buf_puts(&b, "0 applications\n");
	if (b.failed) {
		ngojst_buf_dispose(&b);
		return NGOJST_ENOMEM;
	}
	return ngojst_buf_detach(&b, out);
}
