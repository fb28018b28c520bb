/* Loading the `scoring:` section of a rule set: a municipality's criteria
 * for local-initiative applications (docs/rulesets.md, "Scoring").
 *
 * The loader is as strict as the rest of the rule-set loader: unknown keys
 * (with a "did you mean"), wrong types, unknown field paths, empty or
 * overlapping bands, a scale whose maximum is below its minimum, weights
 * that do not add up to the declared total, and a section without a
 * criterion for the residents' social work (art. 19c ust. 1 udpp: the
 * criteria must "przede wszystkim" take it into account) are positioned
 * errors. Everything lives in the rule set's arena. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../schema/binder.h"
#include "path.h"
#include "scoring-private.h"

static int oom(ngojst_loader *ld)
{
	ld->err = NGOJST_ENOMEM;
	return NGOJST_ENOMEM;
}

static bool is_scalar(const ngojst_node *n)
{
	return n && n->type == NGOJST_NODE_SCALAR;
}

/* Points, weights and totals: an unquoted number with at most two
 * decimals ("45", "12.5"), never negative, kept in hundredths. */
static int parse_points(ngojst_loader *ld, const ngojst_node *n, const char *what, int64_t *out)
{
	const char *s = is_scalar(n) ? n->u.scalar.str : NULL;
	int64_t v = 0;
	int decimals = -1;

	if (!s || !*s || (n->style != NGOJST_SCALAR_PLAIN) || (n->tag && strcmp(n->tag, "tag:yaml.org,2002:str")))
		return ngojst_ld_fail(ld, n, "%s must be an unquoted number with at most two decimals", what);
	for (; *s; s++) {
		if (*s == '.' && decimals < 0) {
			decimals = 0;
			continue;
		}
		if (*s < '0' || *s > '9' || decimals >= 2 || v > (INT64_MAX / 10 - 9) / 100)
			return ngojst_ld_fail(ld, n, "%s must be a number with at most two decimals, not \"%s\"", what,
					      n->u.scalar.str);
		v = v * 10 + (*s - '0');
		if (decimals >= 0)
			decimals++;
	}
	if (decimals == 0)
		return ngojst_ld_fail(ld, n, "%s must be a number with at most two decimals, not \"%s\"", what,
				      n->u.scalar.str);
	for (decimals = decimals < 0 ? 0 : decimals; decimals < 2; decimals++)
		v *= 10;
	*out = v;
	return NGOJST_OK;
}

/* A {pl, en} pair of strings. */
static bool lang_pair(ngojst_loader *ld, const ngojst_node *map, const char *key, bool required, const char *what,
		      const char *out[2])
{
	static const char *const keys[] = { "pl", "en", NULL };
	const ngojst_node *n = ngojst_node_get(map, key);
	char ctx[160];

	out[0] = out[1] = NULL;
	if (!n) {
		if (required)
			ngojst_ld_fail(ld, map, "%s has no \"%s\" (with \"pl\" and \"en\")", what, key);
		return !required;
	}
	snprintf(ctx, sizeof(ctx), "\"%s\" of %s", key, what);
	if (!ngojst_ld_keys(ld, n, ctx, keys))
		return false;
	out[0] = ngojst_ld_str(ld, n, "pl", true, ctx);
	out[1] = ngojst_ld_str(ld, n, "en", true, ctx);
	return out[0] && out[1];
}

static bool parse_status(const char *s, ngojst_status *out)
{
	int i;

	for (i = NGOJST_STATUS_CONFIRMED_CUR; i <= NGOJST_STATUS_UNCONFIRMED; i++) {
		if (!strcmp(s, ngojst_status_name((ngojst_status)i))) {
			*out = (ngojst_status)i;
			return true;
		}
	}
	if (!strcmp(s, "VERBATIM")) {
		*out = NGOJST_STATUS_CONFIRMED_CUR;
		return true;
	}
	return false;
}

/* A field path of the scored kind reaching one value of one of the allowed
 * types (a bit mask of 1 << ngojst_ftype). */
static int parse_field(ngojst_loader *ld, const ngojst_node *n, unsigned allowed, const char *what, ngojst_path *out,
		       ngojst_ftype *type)
{
	const ngojst_kind *k = ngojst_kind_find(NGOJST_SCORED_KIND);
	ngojst_path_type pt;
	const char *bad = NULL;
	int rc;

	if (!is_scalar(n))
		return ngojst_ld_fail(ld, n, "%s must be a field path of %s", what, NGOJST_SCORED_KIND);
	if (!k)
		return ngojst_ld_fail(ld, n, "this library has no kind %s to score", NGOJST_SCORED_KIND);
	rc = ngojst_path_parse(&ld->rs->arena, n->u.scalar.str, out);
	if (rc == NGOJST_ENOMEM)
		return oom(ld);
	if (rc)
		return ngojst_ld_fail(ld, n, "\"%s\" is not a field path (names separated by '/')", n->u.scalar.str);
	if (ngojst_path_resolve(k->schema, out, &pt, &bad) != NGOJST_OK) {
		const ngojst_schema *schema = k->schema;
		const char *hint = NULL;
		size_t i;

		/* The suggestion comes from the mapping the wrong name is in. */
		for (i = 0; bad && i < out->nsegs && schema; i++) {
			const ngojst_field *f;

			if (out->segs[i] == bad) {
				hint = ngojst_schema_suggest(schema, bad);
				break;
			}
			f = ngojst_schema_field(schema, out->segs[i], strlen(out->segs[i]));
			schema = f && (f->type == NGOJST_FT_STRUCT || f->type == NGOJST_FT_LIST) ? f->sub : NULL;
		}

		if (hint)
			return ngojst_ld_fail(ld, n, "\"%s\" is not a field path of %s (at \"%s\"; did you mean \"%s\"?)",
					      n->u.scalar.str, NGOJST_SCORED_KIND, bad, hint);
		return ngojst_ld_fail(ld, n, "\"%s\" is not a field path of %s (at \"%s\")", n->u.scalar.str,
				      NGOJST_SCORED_KIND, bad ? bad : "?");
	}
	if (pt.multi)
		return ngojst_ld_fail(ld, n, "%s \"%s\" must reach one value, not every item of a list", what,
				      n->u.scalar.str);
	if (!(allowed & (1u << pt.type)))
		return ngojst_ld_fail(ld, n, "%s \"%s\" is of type %s, which cannot be used here", what, n->u.scalar.str,
				      ngojst_ftype_name(pt.type));
	if (type)
		*type = pt.type;
	return NGOJST_OK;
}

/* A path or a non-empty list of paths of amounts (SHARE part and whole). */
static int parse_amounts(ngojst_loader *ld, const ngojst_node *n, const char *what, ngojst_path **out, size_t *count)
{
	size_t i, num = n && n->type == NGOJST_NODE_SEQUENCE ? n->u.seq.count : 1;

	if (!n)
		return ngojst_ld_fail(ld, n, "share_of_total needs \"%s\"", what);
	if (n->type == NGOJST_NODE_SEQUENCE && !num)
		return ngojst_ld_fail(ld, n, "\"%s\" must name at least one amount field", what);
	*out = ngojst_arena_zalloc(&ld->rs->arena, num * sizeof(**out));
	if (!*out)
		return oom(ld);
	*count = num;
	for (i = 0; i < num; i++)
		parse_field(ld, n->type == NGOJST_NODE_SEQUENCE ? n->u.seq.items[i] : n, 1u << NGOJST_FT_MONEY, what,
			    &(*out)[i], NULL);
	return ld->err;
}

/* ---- bands ------------------------------------------------------------------- */

static int band_value(ngojst_loader *ld, const ngojst_node *n, ngojst_vtype type, int64_t *out)
{
	ngojst_value v;

	if (ngojst_ld_value(ld, n, type, &v))
		return ld->err;
	*out = v.u.i;
	return NGOJST_OK;
}

static int cmp_band(const void *a, const void *b)
{
	const ngojst_sc_band *x = a, *y = b;

	if (x->has_lo != y->has_lo)
		return x->has_lo ? 1 : -1;
	if (!x->has_lo)
		return 0;
	if (x->lo != y->lo)
		return x->lo < y->lo ? -1 : 1;
	return (int)x->lo_open - (int)y->lo_open;
}

/* Show a bound in the unit the rule set writes it in. */
static const char *bound_str(char *buf, size_t size, int64_t v, ngojst_vtype type)
{
	if (type == NGOJST_V_INT || (type == NGOJST_V_PERCENT && v % 100 == 0))
		snprintf(buf, size, "%lld", (long long)(type == NGOJST_V_INT ? v : v / 100));
	else
		ngojst_sc_points_str(buf, size, v, false);
	return buf;
}

/* Bands: a non-empty list of {min|above, max|below, points}; the percent
 * forms for shares. Each must be non-empty, and no two may overlap: a value
 * in two bands would leave the points to whoever scores. Gaps are allowed
 * (they give no points, and the application's report says so). */
static int parse_bands(ngojst_loader *ld, const ngojst_node *n, bool percent, ngojst_vtype type, ngojst_sc_criterion *c)
{
	static const char *const pkeys[] = { "min_percent", "above_percent", "max_percent", "below_percent", "points", NULL };
	static const char *const vkeys[] = { "min", "above", "max", "below", "points", NULL };
	const char *const *keys = percent ? pkeys : vkeys;
	size_t i;

	if (!n || n->type != NGOJST_NODE_SEQUENCE || !n->u.seq.count)
		return ngojst_ld_fail(ld, n, "criterion %s needs \"bands\": a non-empty list of bands", c->id ? c->id : "?");
	c->bands = ngojst_arena_zalloc(&ld->rs->arena, n->u.seq.count * sizeof(*c->bands));
	if (!c->bands)
		return oom(ld);
	for (i = 0; i < n->u.seq.count; i++) {
		const ngojst_node *b = n->u.seq.items[i], *x;
		ngojst_sc_band *band = &c->bands[c->nbands];
		char lo[32], hi[32];
		int before = ld->err;

		if (!ngojst_ld_keys(ld, b, "a band", keys))
			continue;
		if (ngojst_node_get(b, keys[0]) && ngojst_node_get(b, keys[1])) {
			ngojst_ld_fail(ld, b, "a band has either \"%s\" or \"%s\", not both", keys[0], keys[1]);
			continue;
		}
		if (ngojst_node_get(b, keys[2]) && ngojst_node_get(b, keys[3])) {
			ngojst_ld_fail(ld, b, "a band has either \"%s\" or \"%s\", not both", keys[2], keys[3]);
			continue;
		}
		if ((x = ngojst_node_get(b, keys[0])) || (x = ngojst_node_get(b, keys[1]))) {
			band->has_lo = true;
			band->lo_open = x == ngojst_node_get(b, keys[1]);
			band_value(ld, x, type, &band->lo);
		}
		if ((x = ngojst_node_get(b, keys[2])) || (x = ngojst_node_get(b, keys[3]))) {
			band->has_hi = true;
			band->hi_open = x == ngojst_node_get(b, keys[3]);
			band_value(ld, x, type, &band->hi);
		}
		if (!(x = ngojst_node_get(b, "points")))
			ngojst_ld_fail(ld, b, "a band needs \"points\"");
		else
			parse_points(ld, x, "points", &band->points);
		if (ld->err && ld->err != before)
			continue;
		if (band->has_lo && band->has_hi &&
		    (band->hi < band->lo || (band->hi == band->lo && (band->lo_open || band->hi_open)))) {
			ngojst_ld_fail(ld, b, "the band's upper bound %s%s is below its lower bound %s%s: no value is in it",
				       bound_str(hi, sizeof(hi), band->hi, type), percent ? " %" : "",
				       bound_str(lo, sizeof(lo), band->lo, type), percent ? " %" : "");
			continue;
		}
		c->nbands++;
	}
	if (ld->err)
		return ld->err;
	qsort(c->bands, c->nbands, sizeof(*c->bands), cmp_band);
	for (i = 0; i + 1 < c->nbands; i++) {
		const ngojst_sc_band *a = &c->bands[i], *b = &c->bands[i + 1];
		char lo[32];

		if (!a->has_hi || !b->has_lo || b->lo < a->hi || (b->lo == a->hi && !a->hi_open && !b->lo_open)) {
			if (b->has_lo)
				bound_str(lo, sizeof(lo), b->lo, percent ? NGOJST_V_PERCENT : type);
			return ngojst_ld_fail(ld, n, "criterion %s: two bands overlap (from %s%s on, both give points)",
					      c->id ? c->id : "?", b->has_lo ? lo : "the lowest value",
					      b->has_lo && percent ? " %" : "");
		}
	}
	c->min_points = 0; /* a value in no band gets nothing */
	c->max_points = 0;
	for (i = 0; i < c->nbands; i++)
		if (c->bands[i].points > c->max_points)
			c->max_points = c->bands[i].points;
	return NGOJST_OK;
}

/* ---- methods ------------------------------------------------------------------- */

static const char *const method_names[] = { "manual", "yes_no", "per_unit", "share_of_total", "value_bands", NULL };

static int parse_method(ngojst_loader *ld, const ngojst_node *crit, ngojst_sc_criterion *c)
{
	static const char *const manual_keys[] = { "min", "max", NULL };
	static const char *const yes_no_keys[] = { "field", "yes", "no", NULL };
	static const char *const unit_keys[] = { "field", "unit", "points", "max", NULL };
	static const char *const share_keys[] = { "part", "whole", "rounding", "bands", NULL };
	static const char *const vb_keys[] = { "field", "bands", NULL };
	const ngojst_node *m = NULL, *x;
	size_t i, found = 0;
	char a[32], b[32];

	for (i = 0; method_names[i]; i++) {
		if ((x = ngojst_node_get(crit, method_names[i]))) {
			m = x;
			c->method = (ngojst_sc_method)i;
			found++;
		}
	}
	if (found != 1)
		return ngojst_ld_fail(ld, crit, "criterion %s needs exactly one of manual, yes_no, per_unit, share_of_total, value_bands",
				      c->id ? c->id : "?");
	switch (c->method) {
	case NGOJST_SC_MANUAL:
		if (!ngojst_ld_keys(ld, m, "manual", manual_keys))
			return ld->err;
		if ((x = ngojst_node_get(m, "min")) && parse_points(ld, x, "min", &c->min_points))
			return ld->err;
		if (!(x = ngojst_node_get(m, "max")))
			return ngojst_ld_fail(ld, m, "manual needs \"max\": the most points the evaluating body may give");
		if (parse_points(ld, x, "max", &c->max_points))
			return ld->err;
		if (c->max_points < c->min_points)
			return ngojst_ld_fail(ld, m, "criterion %s: the scale's maximum %s is below its minimum %s",
					      c->id ? c->id : "?", ngojst_sc_points_str(a, sizeof(a), c->max_points, false),
					      ngojst_sc_points_str(b, sizeof(b), c->min_points, false));
		if (c->max_points % NGOJST_POINTS_SCALE || c->min_points % NGOJST_POINTS_SCALE)
			return ngojst_ld_fail(ld, m, "criterion %s: points given by judgment are whole points", c->id ? c->id : "?");
		return NGOJST_OK;
	case NGOJST_SC_YES_NO:
		if (!ngojst_ld_keys(ld, m, "yes_no", yes_no_keys))
			return ld->err;
		parse_field(ld, ngojst_node_get(m, "field"), 1u << NGOJST_FT_FLAG, "field", &c->field, &c->field_type);
		if (!(x = ngojst_node_get(m, "yes")))
			ngojst_ld_fail(ld, m, "yes_no needs \"yes\": the points for true");
		else
			parse_points(ld, x, "yes", &c->yes_points);
		if ((x = ngojst_node_get(m, "no")))
			parse_points(ld, x, "no", &c->no_points);
		c->max_points = c->yes_points > c->no_points ? c->yes_points : c->no_points;
		c->min_points = c->yes_points < c->no_points ? c->yes_points : c->no_points;
		return ld->err;
	case NGOJST_SC_PER_UNIT:
		if (!ngojst_ld_keys(ld, m, "per_unit", unit_keys))
			return ld->err;
		if (parse_field(ld, ngojst_node_get(m, "field"), (1u << NGOJST_FT_INT) | (1u << NGOJST_FT_MONEY), "field",
				&c->field, &c->field_type))
			return ld->err;
		if (!(x = ngojst_node_get(m, "unit")))
			return ngojst_ld_fail(ld, m, "per_unit needs \"unit\": how much of the field earns the points");
		if (band_value(ld, x, c->field_type == NGOJST_FT_MONEY ? NGOJST_V_MONEY : NGOJST_V_INT, &c->unit))
			return ld->err;
		if (c->unit <= 0)
			return ngojst_ld_fail(ld, x, "\"unit\" must be more than 0");
		c->unit_points = NGOJST_POINTS_SCALE;
		if ((x = ngojst_node_get(m, "points")) && parse_points(ld, x, "points", &c->unit_points))
			return ld->err;
		if (!(x = ngojst_node_get(m, "max")))
			return ngojst_ld_fail(ld, m, "per_unit needs \"max\": the most points the criterion gives");
		return parse_points(ld, x, "max", &c->max_points);
	case NGOJST_SC_SHARE: {
		const char *r;

		if (!ngojst_ld_keys(ld, m, "share_of_total", share_keys))
			return ld->err;
		parse_amounts(ld, ngojst_node_get(m, "part"), "part", &c->part, &c->npart);
		parse_amounts(ld, ngojst_node_get(m, "whole"), "whole", &c->whole, &c->nwhole);
		if ((r = ngojst_ld_str(ld, m, "rounding", false, "share_of_total"))) {
			if (!strcmp(r, "nearest"))
				c->rounding = NGOJST_SC_ROUND_NEAREST;
			else if (!strcmp(r, "down"))
				c->rounding = NGOJST_SC_ROUND_DOWN;
			else if (strcmp(r, "exact"))
				ngojst_ld_fail(ld, ngojst_node_get(m, "rounding"),
					       "rounding is exact, nearest or down, not \"%s\"", r);
		}
		if (ld->err)
			return ld->err;
		return parse_bands(ld, ngojst_node_get(m, "bands"), true, NGOJST_V_PERCENT, c);
	}
	case NGOJST_SC_VALUE_BANDS:
		if (!ngojst_ld_keys(ld, m, "value_bands", vb_keys))
			return ld->err;
		if (parse_field(ld, ngojst_node_get(m, "field"), (1u << NGOJST_FT_INT) | (1u << NGOJST_FT_MONEY), "field",
				&c->field, &c->field_type))
			return ld->err;
		return parse_bands(ld, ngojst_node_get(m, "bands"), false,
				   c->field_type == NGOJST_FT_MONEY ? NGOJST_V_MONEY : NGOJST_V_INT, c);
	}
	return ld->err;
}

static int parse_criterion(ngojst_loader *ld, const ngojst_node *n, ngojst_sc_criterion *c)
{
	static const char *const keys[] = { "id", "title", "social_work", "weight", "note", "manual", "yes_no",
					    "per_unit", "share_of_total", "value_bands", NULL };
	const ngojst_node *x;

	memset(c, 0, sizeof(*c));
	c->weight = NGOJST_POINTS_SCALE;
	c->pos = ngojst_ld_pos(ld, n);
	if (!ngojst_ld_keys(ld, n, "a criterion", keys))
		return ld->err;
	c->id = ngojst_ld_str(ld, n, "id", true, "a criterion");
	if (c->id && !ngojst_ld_id_ok(c->id, true))
		ngojst_ld_fail(ld, ngojst_node_get(n, "id"),
			       "criterion id \"%s\" may hold only lowercase letters, digits, '.', '-' and '_'", c->id);
	lang_pair(ld, n, "title", true, "a criterion", c->title);
	if ((x = ngojst_node_get(n, "social_work"))) {
		ngojst_value v;

		if (!ngojst_ld_value(ld, x, NGOJST_V_BOOL, &v))
			c->social_work = v.u.b;
	}
	if ((x = ngojst_node_get(n, "weight")) && !parse_points(ld, x, "weight", &c->weight) && c->weight <= 0)
		ngojst_ld_fail(ld, x, "a weight must be more than 0");
	ngojst_ld_str(ld, n, "note", false, "a criterion");
	parse_method(ld, n, c);
	return ld->err;
}

static const ngojst_sc_criterion *find_criterion(const ngojst_scoring *sc, const char *id)
{
	size_t i;

	for (i = 0; i < sc->ncriteria; i++)
		if (!strcmp(sc->criteria[i].id, id))
			return &sc->criteria[i];
	return NULL;
}

static int parse_ties(ngojst_loader *ld, const ngojst_node *n, ngojst_scoring *sc)
{
	static const char *const keys[] = { "criterion", "field", "order", NULL };
	size_t i;

	if (n->type != NGOJST_NODE_SEQUENCE)
		return ngojst_ld_fail(ld, n, "\"tie_break\" must be a list of {criterion: ID} or {field: PATH}");
	sc->ties = ngojst_arena_zalloc(&ld->rs->arena, (n->u.seq.count + 1) * sizeof(*sc->ties));
	if (!sc->ties)
		return oom(ld);
	for (i = 0; i < n->u.seq.count; i++) {
		const ngojst_node *t = n->u.seq.items[i], *x;
		ngojst_sc_tie *tie = &sc->ties[sc->nties];
		const char *order;

		if (!ngojst_ld_keys(ld, t, "a tie-break key", keys))
			continue;
		if (!ngojst_node_get(t, "criterion") == !ngojst_node_get(t, "field")) {
			ngojst_ld_fail(ld, t, "a tie-break key has exactly one of \"criterion\" and \"field\"");
			continue;
		}
		tie->descending = ngojst_node_get(t, "criterion") != NULL;
		if ((order = ngojst_ld_str(ld, t, "order", false, "a tie-break key"))) {
			if (!strcmp(order, "desc"))
				tie->descending = true;
			else if (!strcmp(order, "asc"))
				tie->descending = false;
			else {
				ngojst_ld_fail(ld, ngojst_node_get(t, "order"), "order is asc or desc, not \"%s\"", order);
				continue;
			}
		}
		if ((x = ngojst_node_get(t, "criterion"))) {
			tie->criterion = ngojst_ld_str(ld, t, "criterion", true, "a tie-break key");
			if (!tie->criterion)
				continue;
			if (!find_criterion(sc, tie->criterion)) {
				const char *best = NULL;
				size_t k, best_d = 3;

				for (k = 0; k < sc->ncriteria; k++) {
					size_t d = ngojst_edit_distance(tie->criterion, sc->criteria[k].id, 2);

					if (d < best_d) {
						best_d = d;
						best = sc->criteria[k].id;
					}
				}
				if (best)
					ngojst_ld_fail(ld, x, "tie_break names an unknown criterion \"%s\" (did you mean \"%s\"?)",
						       tie->criterion, best);
				else
					ngojst_ld_fail(ld, x, "tie_break names an unknown criterion \"%s\"", tie->criterion);
				continue;
			}
		} else if (parse_field(ld, ngojst_node_get(t, "field"),
				       (1u << NGOJST_FT_DATE) | (1u << NGOJST_FT_INT) | (1u << NGOJST_FT_MONEY) |
					       (1u << NGOJST_FT_STRING),
				       "a tie-break field", &tie->field, &tie->field_type)) {
			continue;
		}
		sc->nties++;
	}
	return ld->err;
}

/* ---- the section ------------------------------------------------------------------ */

int ngojst_ld_scoring(ngojst_loader *ld, const ngojst_node *n)
{
	static const char *const keys[] = { "source", "where", "status", "note", "minimum_score", "max_score",
					    "weights_total", "tie_break", "criteria", NULL };
	ngojst_ruleset *rs = ld->rs;
	ngojst_scoring *sc;
	const ngojst_node *list, *x;
	const char *s;
	size_t i, k;
	int64_t weights = 0, total = 0;
	bool social = false;
	char a[32], b[32];

	if (!ngojst_ld_keys(ld, n, "scoring", keys))
		return ld->err;
	if (rs->scoring && rs->scoring->layer == ld->layer)
		return ngojst_ld_fail(ld, n, "a rule set has one \"scoring\" section; this one repeats it");
	sc = ngojst_arena_zalloc(&rs->arena, sizeof(*sc));
	if (!sc)
		return oom(ld);
	sc->layer = ld->layer;
	sc->pos = ngojst_ld_pos(ld, n);
	sc->source = ngojst_ld_str(ld, n, "source", true, "scoring");
	if (sc->source && !ngojst_ruleset_source(rs, sc->source))
		ngojst_ld_fail(ld, ngojst_node_get(n, "source"),
			       "scoring names source \"%s\", which is not among the rule set's sources", sc->source);
	lang_pair(ld, n, "where", false, "scoring", sc->where);
	s = ngojst_ld_str(ld, n, "status", true, "scoring");
	if (s && !parse_status(s, &sc->status))
		ngojst_ld_fail(ld, ngojst_node_get(n, "status"),
			       "status is CONFIRMED-CUR, CONFIRMED-OLD, CONFIRMED, SECONDARY, INFERRED or UNCONFIRMED, not \"%s\"", s);
	sc->note = ngojst_ld_str(ld, n, "note", false, "scoring");
	if ((x = ngojst_node_get(n, "minimum_score")) && !parse_points(ld, x, "minimum_score", &sc->minimum))
		sc->has_minimum = true;

	list = ngojst_node_get(n, "criteria");
	if (!list || list->type != NGOJST_NODE_SEQUENCE || !list->u.seq.count)
		return ngojst_ld_fail(ld, list ? list : n, "scoring needs \"criteria\": a non-empty list of criteria");
	sc->criteria = ngojst_arena_zalloc(&rs->arena, list->u.seq.count * sizeof(*sc->criteria));
	if (!sc->criteria)
		return oom(ld);
	for (i = 0; i < list->u.seq.count && ld->err != NGOJST_ENOMEM; i++) {
		ngojst_sc_criterion *c = &sc->criteria[sc->ncriteria];
		int before = ld->err;

		ld->err = 0;
		parse_criterion(ld, list->u.seq.items[i], c);
		if (!ld->err && find_criterion(sc, c->id))
			ngojst_ld_fail(ld, ngojst_node_get(list->u.seq.items[i], "id"), "criterion %s is defined twice", c->id);
		if (!ld->err)
			sc->ncriteria++;
		if (before && ld->err != NGOJST_ENOMEM)
			ld->err = before;
	}
	if (ld->err)
		return ld->err;
	for (i = 0; i < sc->ncriteria; i++) {
		social = social || sc->criteria[i].social_work;
		weights += sc->criteria[i].weight;
		total += ngojst_sc_weighted(sc->criteria[i].max_points, sc->criteria[i].weight);
	}
	sc->max_total = total;
	/* art. 19c ust. 1 udpp: the criteria take the residents' social work
	 * into account first of all, so a scoring without it cannot stand. */
	if (!social)
		ngojst_ld_fail(ld, list,
			       "the scoring has no criterion for the residents' social work: art. 19c ust. 1 udpp requires the criteria to take it into account first of all (mark it with social_work: true)");
	if ((x = ngojst_node_get(n, "weights_total"))) {
		int64_t want;

		if (!parse_points(ld, x, "weights_total", &want) && want != weights)
			ngojst_ld_fail(ld, x, "the criteria's weights add up to %s, not %s (weights_total)",
				       ngojst_sc_points_str(a, sizeof(a), weights, false),
				       ngojst_sc_points_str(b, sizeof(b), want, false));
	}
	if ((x = ngojst_node_get(n, "max_score"))) {
		int64_t want;

		if (!parse_points(ld, x, "max_score", &want) && want != total)
			ngojst_ld_fail(ld, x, "the criteria give at most %s points, not %s (max_score)",
				       ngojst_sc_points_str(a, sizeof(a), total, false),
				       ngojst_sc_points_str(b, sizeof(b), want, false));
	}
	if (sc->has_minimum && sc->minimum > total)
		ngojst_ld_fail(ld, ngojst_node_get(n, "minimum_score"),
			       "minimum_score %s can never be reached: the criteria give at most %s points",
			       ngojst_sc_points_str(a, sizeof(a), sc->minimum, false),
			       ngojst_sc_points_str(b, sizeof(b), total, false));
	if ((x = ngojst_node_get(n, "tie_break")))
		parse_ties(ld, x, sc);
	for (k = 0; k < sc->nties; k++)
		for (i = 0; i < k; i++)
			if (sc->ties[i].criterion && sc->ties[k].criterion && !strcmp(sc->ties[i].criterion, sc->ties[k].criterion))
				ngojst_ld_fail(ld, x, "tie_break names criterion %s twice", sc->ties[k].criterion);
	if (ld->err)
		return ld->err;
	/* A later layer's section replaces an earlier one: the scoring is the
	 * municipality's, not the statute's, so there is nothing to tighten. */
	rs->scoring = sc;
	return NGOJST_OK;
}

const ngojst_scoring *ngojst_ruleset_scoring(const ngojst_ruleset *rs)
{
	return rs ? rs->scoring : NULL;
}
