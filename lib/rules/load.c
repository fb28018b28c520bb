/* The rule-set loader: YAML text to a compiled, immutable rule set.
 *
 * The loader is strict: every unknown key, wrong type, unknown check kind,
 * unknown field path, missing citation or missing language is a positioned
 * NGOJST_ERULESET diagnostic, and all of them are collected before failing.
 * Overlays are applied by compiling the base's texts first and the overlay
 * after; changes that would loosen the law are recorded as conflicts
 * (overlay.c) instead of being applied. */
#include <stdio.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/file.h"
#include "../core/sha256.h"
#include "../schema/binder.h"
#include "../yaml/frozen.h"
#include "../yaml/tree.h"
#include "builtin.h"
#include "load-private.h"
#include "path.h"
#include "scoring-private.h"

/* ---- diagnostics and small helpers ---------------------------------- */

int ngojst_ld_fail(ngojst_loader *ld, const ngojst_node *n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ngojst_diag_addv(ld->ctx, NGOJST_ERULESET, ld->source, n ? n->line : 0, n ? n->column : 0,
			 n ? n->offset : 0, NULL, fmt, ap);
	va_end(ap);
	if (!ld->err)
		ld->err = NGOJST_ERULESET;
	return NGOJST_ERULESET;
}

static int oom(ngojst_loader *ld)
{
	ld->err = NGOJST_ENOMEM;
	return NGOJST_ENOMEM;
}

ngojst_srcpos ngojst_ld_pos(ngojst_loader *ld, const ngojst_node *n)
{
	ngojst_srcpos p = { ld->source, n ? n->line : 0, n ? n->column : 0, n ? n->offset : 0 };

	return p;
}

static const char *dup(ngojst_loader *ld, const char *s)
{
	const char *d = s ? ngojst_arena_strdup(&ld->rs->arena, s) : NULL;

	if (s && !d)
		oom(ld);
	return d;
}

static bool is_scalar(const ngojst_node *n)
{
	return n && n->type == NGOJST_NODE_SCALAR;
}

/* Check that a mapping has only known keys (with a "did you mean"). */
bool ngojst_ld_keys(ngojst_loader *ld, const ngojst_node *map, const char *what, const char *const *known)
{
	size_t i, k;
	bool ok = true;

	if (!map || map->type != NGOJST_NODE_MAPPING) {
		ngojst_ld_fail(ld, map, "%s must be a mapping", what);
		return false;
	}
	for (i = 0; i < map->u.map.count; i++) {
		const char *key = map->u.map.pairs[i].key->u.scalar.str;
		const char *best = NULL;
		size_t best_d = 3;

		for (k = 0; known[k]; k++)
			if (key[0] == known[k][0] && strcmp(key, known[k]) == 0)
				break;
		if (known[k])
			continue;
		/* An unknown key: only now look for a near miss (edit distances
		 * for every key of a big rule set cost as much as parsing it). */
		for (k = 0; known[k]; k++) {
			size_t d = ngojst_edit_distance(key, known[k], 2);

			if (d < best_d) {
				best_d = d;
				best = known[k];
			}
		}
		ok = false;
		if (best)
			ngojst_ld_fail(ld, map->u.map.pairs[i].key, "unknown key \"%s\" in %s (did you mean \"%s\"?)",
				       key, what, best);
		else
			ngojst_ld_fail(ld, map->u.map.pairs[i].key, "unknown key \"%s\" in %s", key, what);
	}
	return ok;
}

/* A scalar string value; NULL (and a diagnostic if required) otherwise. */
const char *ngojst_ld_str(ngojst_loader *ld, const ngojst_node *map, const char *key, bool required,
			  const char *what)
{
	const ngojst_node *n = ngojst_node_get(map, key);

	if (!n || ngojst_node_is_null(n)) {
		if (required)
			ngojst_ld_fail(ld, map, "%s has no \"%s\"", what, key);
		return NULL;
	}
	if (!is_scalar(n)) {
		ngojst_ld_fail(ld, n, "\"%s\" of %s must be a string, not a %s", key, what, ngojst_node_type_name(n));
		return NULL;
	}
	if (n->tag && strcmp(n->tag, "tag:yaml.org,2002:str") != 0) {
		ngojst_ld_fail(ld, n, "the tag %s is not allowed in rule sets", n->tag);
		return NULL;
	}
	return dup(ld, n->u.scalar.str);
}

/* A pl/en pair: {pl: ..., en: ...}, both required when required. */
static bool ld_lang_pair(ngojst_loader *ld, const ngojst_node *map, const char *key, bool required,
			 const char *what, const char *out[2])
{
	static const char *const keys[] = { "pl", "en", NULL };
	const ngojst_node *n = ngojst_node_get(map, key);
	char ctx_what[160];
	size_t len = 0;

	out[0] = out[1] = NULL;
	if (!n) {
		if (required)
			ngojst_ld_fail(ld, map, "%s has no \"%s\" (with \"pl\" and \"en\")", what, key);
		return !required;
	}
	/* (For messages only; built without printf, as this runs for
	 * every title and message of a rule set.) */
	ctx_what[0] = '\0';
	ngojst_str_cat(ctx_what, sizeof(ctx_what), &len, "\"");
	ngojst_str_cat(ctx_what, sizeof(ctx_what), &len, key);
	ngojst_str_cat(ctx_what, sizeof(ctx_what), &len, "\" of ");
	ngojst_str_cat(ctx_what, sizeof(ctx_what), &len, what);
	if (!ngojst_ld_keys(ld, n, ctx_what, keys))
		return false;
	out[0] = ngojst_ld_str(ld, n, "pl", true, ctx_what);
	out[1] = ngojst_ld_str(ld, n, "en", true, ctx_what);
	return out[0] && out[1];
}

/* ---- typed values ----------------------------------------------------- */

static const struct {
	const char *name;
	ngojst_vtype type;
} vtypes[] = {
	{ "int", NGOJST_V_INT }, { "days", NGOJST_V_INT }, { "money", NGOJST_V_MONEY },
	{ "date", NGOJST_V_DATE }, { "monthday", NGOJST_V_MONTHDAY }, { "percent", NGOJST_V_PERCENT },
	{ "string", NGOJST_V_STRING }, { "bool", NGOJST_V_BOOL }, { "rollover", NGOJST_V_ROLLOVER },
};

const char *ngojst_vtype_name(ngojst_vtype t)
{
	size_t i;

	for (i = 0; i < sizeof(vtypes) / sizeof(vtypes[0]); i++)
		if (vtypes[i].type == t)
			return vtypes[i].name;
	return "none";
}

static bool vtype_parse(const char *s, ngojst_vtype *out)
{
	size_t i;

	for (i = 0; i < sizeof(vtypes) / sizeof(vtypes[0]); i++) {
		if (strcmp(vtypes[i].name, s) == 0) {
			*out = vtypes[i].type;
			return true;
		}
	}
	return false;
}

/* Percent: a plain number with at most two decimals ("20", "12.5"), stored
 * in hundredths of a percent. Reuses the exact money parser. */
static int parse_percent(ngojst_loader *ld, const ngojst_node *n, int64_t *out)
{
	ngojst_money m;

	if (!is_scalar(n) || ngojst_money_parse(&m, n->u.scalar.str, n->u.scalar.len, 0) != NGOJST_OK ||
	    m > 10000 * 100)
		return ngojst_ld_fail(ld, n, "expected a percentage between 0 and 100 with at most two decimals");
	*out = m;
	return NGOJST_OK;
}

static int parse_monthday(ngojst_loader *ld, const ngojst_node *n, ngojst_monthday *out)
{
	static const char *const keys[] = { "month", "day", "year_offset", NULL };
	const ngojst_node *m, *d, *y;
	int64_t mv = 0, dv = 0, yv = 0;

	if (!ngojst_ld_keys(ld, n, "a day of the year", keys))
		return NGOJST_ERULESET;
	m = ngojst_node_get(n, "month");
	d = ngojst_node_get(n, "day");
	y = ngojst_node_get(n, "year_offset");
	if (!m || !d)
		return ngojst_ld_fail(ld, n, "a day of the year needs \"month\" and \"day\"");
	if (ngojst_bind_int(ld->ctx, ld->source, m, "", &mv) || ngojst_bind_int(ld->ctx, ld->source, d, "", &dv) ||
	    (y && ngojst_bind_int(ld->ctx, ld->source, y, "", &yv))) {
		ld->err = NGOJST_ERULESET;
		return NGOJST_ERULESET;
	}
	/* 29 February is refused: a yearly deadline must exist every year. */
	if (mv < 1 || mv > 12 || dv < 1 || dv > ngojst_date_days_in_month(2001, (int)mv))
		return ngojst_ld_fail(ld, n, "month %lld, day %lld is not a day of every year", (long long)mv,
				      (long long)dv);
	if (yv < -10 || yv > 10)
		return ngojst_ld_fail(ld, n, "year_offset must be between -10 and 10");
	out->month = (int)mv;
	out->day = (int)dv;
	out->year_offset = (int)yv;
	return NGOJST_OK;
}

int ngojst_ld_value(ngojst_loader *ld, const ngojst_node *n, ngojst_vtype type, ngojst_value *out)
{
	int rc = NGOJST_OK;

	memset(out, 0, sizeof(*out));
	out->type = type;
	if (type != NGOJST_V_MONTHDAY && !is_scalar(n))
		return ngojst_ld_fail(ld, n, "expected a %s value, found a %s", ngojst_vtype_name(type),
				      ngojst_node_type_name(n));
	switch (type) {
	case NGOJST_V_INT:
		rc = ngojst_bind_int(ld->ctx, ld->source, n, "", &out->u.i);
		break;
	case NGOJST_V_MONEY:
		rc = ngojst_bind_money(ld->ctx, ld->source, n, "", true, &out->u.i);
		break;
	case NGOJST_V_DATE:
		rc = ngojst_bind_date(ld->ctx, ld->source, n, "", &out->u.d);
		break;
	case NGOJST_V_MONTHDAY:
		return parse_monthday(ld, n, &out->u.md);
	case NGOJST_V_PERCENT:
		return parse_percent(ld, n, &out->u.i);
	case NGOJST_V_STRING:
		out->u.s = dup(ld, n->u.scalar.str);
		return out->u.s ? NGOJST_OK : ld->err;
	case NGOJST_V_BOOL:
		rc = ngojst_bind_bool(ld->ctx, ld->source, n, "", &out->u.b);
		break;
	case NGOJST_V_ROLLOVER:
		if (!strcmp(n->u.scalar.str, "none"))
			out->u.roll = NGOJST_ROLL_NONE;
		else if (!strcmp(n->u.scalar.str, "holiday"))
			out->u.roll = NGOJST_ROLL_HOLIDAY;
		else if (!strcmp(n->u.scalar.str, "saturday"))
			out->u.roll = NGOJST_ROLL_SATURDAY;
		else
			return ngojst_ld_fail(ld, n, "a roll-over rule is none, holiday or saturday, not \"%s\"",
					      n->u.scalar.str);
		return NGOJST_OK;
	case NGOJST_V_NONE:
		return ngojst_ld_fail(ld, n, "a value of no type");
	}
	if (rc != NGOJST_OK) {
		/* The binder recorded an EINPUT diagnostic; in a rule set that is
		 * a rule-set error. */
		if (ld->ctx->ndiags)
			ld->ctx->diags[ld->ctx->ndiags - 1].pub.code = NGOJST_ERULESET;
		if (!ld->err)
			ld->err = NGOJST_ERULESET;
		return NGOJST_ERULESET;
	}
	return NGOJST_OK;
}

/* ---- metadata, sources, lists, params --------------------------------- */

static int load_meta(ngojst_loader *ld, const ngojst_node *n)
{
	static const char *const keys[] = { "id", "version", "title", "jurisdiction", "extends", "adopted_by",
					    "description", NULL };
	ngojst_layer *l = &ld->rs->layers[ld->layer];

	if (!ngojst_ld_keys(ld, n, "ruleset", keys))
		return ld->err;
	if (l->id)
		return ngojst_ld_fail(ld, n, "the rule set's metadata is given twice");
	l->id = ngojst_ld_str(ld, n, "id", true, "ruleset");
	l->version = ngojst_ld_str(ld, n, "version", true, "ruleset");
	l->title = ngojst_ld_str(ld, n, "title", false, "ruleset");
	l->extends = ngojst_ld_str(ld, n, "extends", false, "ruleset");
	ngojst_ld_str(ld, n, "jurisdiction", false, "ruleset");
	ngojst_ld_str(ld, n, "adopted_by", false, "ruleset");
	ngojst_ld_str(ld, n, "description", false, "ruleset");
	if (l->id && !ngojst_ld_id_ok(l->id, false))
		ngojst_ld_fail(ld, ngojst_node_get(n, "id"),
			       "rule-set id \"%s\" may hold only lowercase letters, digits, '-', '_' and '.'", l->id);
	if (ld->layer == 0 && l->extends)
		ld->needs_base = true;
	if (ld->layer > 0 && !l->extends)
		ngojst_ld_fail(ld, n, "rule set \"%s\" is loaded on top of another but has no \"extends\"",
			       l->id ? l->id : "?");
	return ld->err;
}

static int load_sources(ngojst_loader *ld, const ngojst_node *n)
{
	static const char *const keys[] = { "id", "title", "dzu", "short", "url", "adopted_on", NULL };
	size_t i;

	if (n->type != NGOJST_NODE_SEQUENCE)
		return ngojst_ld_fail(ld, n, "\"sources\" must be a list");
	for (i = 0; i < n->u.seq.count; i++) {
		const ngojst_node *s = n->u.seq.items[i];
		ngojst_source src = { 0 };
		const char *sh[2];

		if (!ngojst_ld_keys(ld, s, "a source", keys))
			continue;
		src.id = ngojst_ld_str(ld, s, "id", true, "a source");
		src.title = ngojst_ld_str(ld, s, "title", true, "a source");
		src.dzu = ngojst_ld_str(ld, s, "dzu", false, "a source");
		ngojst_ld_str(ld, s, "url", false, "a source");
		ngojst_ld_str(ld, s, "adopted_on", false, "a source");
		if (ld_lang_pair(ld, s, "short", true, "a source", sh)) {
			src.short_pl = sh[0];
			src.short_en = sh[1];
		}
		src.layer = ld->layer;
		if (!src.id)
			continue;
		if (ngojst_ruleset_source(ld->rs, src.id)) {
			ngojst_ld_fail(ld, s, "source \"%s\" is defined twice", src.id);
			continue;
		}
		if (ngojst_grow(ld->ctx, (void **)&ld->rs->sources, &ld->rs->cap_sources, ld->rs->nsources + 1,
				sizeof(src)))
			return oom(ld);
		ld->rs->sources[ld->rs->nsources++] = src;
	}
	return ld->err;
}

static int load_list(ngojst_loader *ld, const ngojst_node *key, const ngojst_node *n)
{
	static const char *const keys[] = { "items", "open", "strip", "doc", NULL };
	static const char *const item_keys[] = { "id", "label", "aliases", NULL };
	const ngojst_node *items = n, *open, *strip;
	ngojst_list l = { 0 };
	size_t i, count = 0, cap;

	l.name = dup(ld, key->u.scalar.str);
	l.layer = ld->layer;
	l.pos = ngojst_ld_pos(ld, key);
	if (n->type == NGOJST_NODE_MAPPING) {
		if (!ngojst_ld_keys(ld, n, "a list", keys))
			return ld->err;
		items = ngojst_node_get(n, "items");
		open = ngojst_node_get(n, "open");
		if (open && ngojst_bind_bool(ld->ctx, ld->source, open, "", &l.open))
			return ngojst_ld_fail(ld, open, "\"open\" must be true or false");
		strip = ngojst_node_get(n, "strip");
		if (strip) {
			if (strip->type != NGOJST_NODE_SEQUENCE)
				return ngojst_ld_fail(ld, strip, "\"strip\" must be a list of prefixes");
			l.strip = ngojst_arena_alloc(&ld->rs->arena, (strip->u.seq.count + 1) * sizeof(*l.strip));
			if (!l.strip)
				return oom(ld);
			for (i = 0; i < strip->u.seq.count; i++) {
				if (!is_scalar(strip->u.seq.items[i]) || !strip->u.seq.items[i]->u.scalar.len)
					return ngojst_ld_fail(ld, strip->u.seq.items[i], "a prefix must be a non-empty string");
				l.strip[l.nstrip++] = dup(ld, strip->u.seq.items[i]->u.scalar.str);
			}
		}
		ngojst_ld_str(ld, n, "doc", false, "a list");
	}
	if (!items || items->type != NGOJST_NODE_SEQUENCE)
		return ngojst_ld_fail(ld, items ? items : n, "list \"%s\" needs a sequence of items", l.name);
	/* Aliases become extra entries mapping to the same id. */
	cap = items->u.seq.count;
	for (i = 0; i < items->u.seq.count; i++) {
		const ngojst_node *al = ngojst_node_get(items->u.seq.items[i], "aliases");

		if (items->u.seq.items[i]->type == NGOJST_NODE_MAPPING && al && al->type == NGOJST_NODE_SEQUENCE)
			cap += al->u.seq.count;
	}
	l.items = ngojst_arena_alloc(&ld->rs->arena, (cap ? cap : 1) * sizeof(*l.items));
	l.labels = ngojst_arena_alloc(&ld->rs->arena, (cap ? cap : 1) * sizeof(*l.labels));
	if (!l.items || !l.labels)
		return oom(ld);
	for (i = 0; i < items->u.seq.count; i++) {
		const ngojst_node *it = items->u.seq.items[i];
		const char *id, *label = NULL;
		size_t a;

		if (is_scalar(it)) {
			id = dup(ld, it->u.scalar.str);
		} else {
			const ngojst_node *al;

			if (!ngojst_ld_keys(ld, it, "a list item", item_keys))
				continue;
			id = ngojst_ld_str(ld, it, "id", true, "a list item");
			label = ngojst_ld_str(ld, it, "label", false, "a list item");
			al = ngojst_node_get(it, "aliases");
			if (al && al->type != NGOJST_NODE_SEQUENCE) {
				ngojst_ld_fail(ld, al, "\"aliases\" must be a list of strings");
				continue;
			}
			for (a = 0; al && a < al->u.seq.count; a++) {
				if (!is_scalar(al->u.seq.items[a])) {
					ngojst_ld_fail(ld, al->u.seq.items[a], "an alias must be a string");
					continue;
				}
				/* An alias entry: the label slot names its id. */
				l.items[count] = dup(ld, al->u.seq.items[a]->u.scalar.str);
				l.labels[count] = id;
				count++;
			}
		}
		if (!id)
			continue;
		l.items[count] = id;
		l.labels[count] = label;
		count++;
	}
	l.count = count;
	if (ld->err)
		return ld->err;
	return ngojst_ld_add_list(ld, &l, key);
}

static int load_lists(ngojst_loader *ld, const ngojst_node *n)
{
	size_t i;

	if (n->type != NGOJST_NODE_MAPPING)
		return ngojst_ld_fail(ld, n, "\"lists\" must be a mapping of list names to lists");
	for (i = 0; i < n->u.map.count && ld->err != NGOJST_ENOMEM; i++)
		load_list(ld, n->u.map.pairs[i].key, n->u.map.pairs[i].value);
	return ld->err;
}

static int load_param(ngojst_loader *ld, const ngojst_node *key, const ngojst_node *n)
{
	static const char *const keys[] = { "type", "bound", "doc", "values", NULL };
	static const char *const vkeys[] = { "value", "valid_from", "valid_to", NULL };
	const ngojst_param *existing = ngojst_ruleset_param(ld->rs, key->u.scalar.str);
	const ngojst_node *values;
	ngojst_param p = { 0 };
	const char *s;
	size_t i;

	if (!ngojst_ld_keys(ld, n, "a parameter", keys))
		return ld->err;
	p.name = dup(ld, key->u.scalar.str);
	p.layer = ld->layer;
	p.pos = ngojst_ld_pos(ld, key);
	p.bound = ld->layer == 0 ? NGOJST_BOUND_FIXED : NGOJST_BOUND_FREE;
	s = ngojst_ld_str(ld, n, "type", !existing, "a parameter");
	if (s && !vtype_parse(s, &p.type))
		return ngojst_ld_fail(ld, ngojst_node_get(n, "type"), "unknown parameter type \"%s\"", s);
	if (existing) {
		if (s && p.type != existing->type)
			return ngojst_ld_fail(ld, ngojst_node_get(n, "type"),
					      "parameter \"%s\" is of type %s in the rule set it extends", p.name,
					      ngojst_vtype_name(existing->type));
		p.type = existing->type;
	}
	s = ngojst_ld_str(ld, n, "bound", false, "a parameter");
	if (s) {
		if (!strcmp(s, "upper"))
			p.bound = NGOJST_BOUND_UPPER;
		else if (!strcmp(s, "lower"))
			p.bound = NGOJST_BOUND_LOWER;
		else if (!strcmp(s, "fixed"))
			p.bound = NGOJST_BOUND_FIXED;
		else if (!strcmp(s, "free"))
			p.bound = NGOJST_BOUND_FREE;
		else
			return ngojst_ld_fail(ld, ngojst_node_get(n, "bound"),
					      "\"bound\" is upper, lower, fixed or free, not \"%s\"", s);
		if (existing)
			return ngojst_ld_fail(ld, ngojst_node_get(n, "bound"),
					      "an overlay may not change the bound of \"%s\"", p.name);
	}
	p.doc = ngojst_ld_str(ld, n, "doc", false, "a parameter");
	values = ngojst_node_get(n, "values");
	if (!values || values->type != NGOJST_NODE_SEQUENCE || !values->u.seq.count)
		return ngojst_ld_fail(ld, values ? values : n, "parameter \"%s\" needs a non-empty list \"values\"",
				      p.name);
	p.values = ngojst_arena_zalloc(&ld->rs->arena, values->u.seq.count * sizeof(*p.values));
	if (!p.values)
		return oom(ld);
	for (i = 0; i < values->u.seq.count; i++) {
		const ngojst_node *v = values->u.seq.items[i], *x;
		ngojst_param_value *pv = &p.values[p.nvalues];

		if (!ngojst_ld_keys(ld, v, "a parameter value", vkeys))
			continue;
		x = ngojst_node_get(v, "value");
		if (!x) {
			ngojst_ld_fail(ld, v, "a parameter value needs \"value\"");
			continue;
		}
		if (ngojst_ld_value(ld, x, p.type, &pv->value))
			continue;
		if ((x = ngojst_node_get(v, "valid_from")) && ngojst_ld_value_date(ld, x, &pv->valid_from))
			continue;
		if ((x = ngojst_node_get(v, "valid_to")) && ngojst_ld_value_date(ld, x, &pv->valid_to))
			continue;
		if (!ngojst_date_is_none(pv->valid_to) && !ngojst_date_is_none(pv->valid_from) &&
		    ngojst_date_cmp(pv->valid_to, pv->valid_from) < 0) {
			ngojst_ld_fail(ld, v, "valid_to is before valid_from");
			continue;
		}
		pv->layer = ld->layer;
		pv->pos = ngojst_ld_pos(ld, v);
		p.nvalues++;
	}
	if (ld->err)
		return ld->err;
	return ngojst_ld_add_param(ld, &p, key);
}

static int load_params(ngojst_loader *ld, const ngojst_node *n)
{
	size_t i;

	if (n->type != NGOJST_NODE_MAPPING)
		return ngojst_ld_fail(ld, n, "\"params\" must be a mapping of parameter names to parameters");
	for (i = 0; i < n->u.map.count && ld->err != NGOJST_ENOMEM; i++)
		load_param(ld, n->u.map.pairs[i].key, n->u.map.pairs[i].value);
	return ld->err;
}

int ngojst_ld_value_date(ngojst_loader *ld, const ngojst_node *n, ngojst_date *out)
{
	ngojst_value v;
	int rc = ngojst_ld_value(ld, n, NGOJST_V_DATE, &v);

	if (rc == NGOJST_OK)
		*out = v.u.d;
	return rc;
}

/* ---- one document of a rule-set file ----------------------------------- */

/* Refuse every explicit tag but !!str, !!seq and !!map restating the node's
 * own type, on every node (as documents do): rule sets never ask for an
 * object to be constructed. Strings are checked again where they are read,
 * but mappings, sequences and values read as numbers or dates would
 * otherwise slip through. The walk keeps its own stack: no recursion. */
static int check_tags(ngojst_loader *ld, const ngojst_node *root)
{
	static const char *const plain[] = { NULL, "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq",
					     "tag:yaml.org,2002:map" };
	const ngojst_node **stack = NULL;
	size_t n = 0, cap = 0, i;
	bool bad = false;

	if (ngojst_grow(ld->ctx, (void **)&stack, &cap, 1, sizeof(*stack)))
		return oom(ld);
	stack[n++] = root;
	while (n) {
		const ngojst_node *x = stack[--n];
		size_t kids = x->type == NGOJST_NODE_SEQUENCE ? x->u.seq.count :
			      x->type == NGOJST_NODE_MAPPING ? 2 * x->u.map.count : 0;

		if (x->tag && strcmp(x->tag, plain[x->type]) != 0) {
			ngojst_ld_fail(ld, x, "the tag %s is not allowed in rule sets", x->tag);
			bad = true;
		}
		if (ngojst_grow(ld->ctx, (void **)&stack, &cap, n + kids, sizeof(*stack))) {
			ngojst_free(ld->ctx, stack);
			return oom(ld);
		}
		/* Pushed in reverse, so diagnostics come in document order. */
		for (i = kids; i-- > 0;) {
			if (x->type == NGOJST_NODE_SEQUENCE)
				stack[n++] = x->u.seq.items[i];
			else
				stack[n++] = i & 1 ? x->u.map.pairs[i / 2].value : x->u.map.pairs[i / 2].key;
		}
	}
	ngojst_free(ld->ctx, stack);
	return bad ? NGOJST_ERULESET : NGOJST_OK;
}

static int load_document(ngojst_loader *ld, const ngojst_node *root)
{
	static const char *const keys[] = { "ruleset", "sources", "lists", "params", "rules", "overrides", "scoring", NULL };
	const ngojst_node *n;

	if (!root)
		return NGOJST_OK;
	if (check_tags(ld, root))
		return ld->err;
	if (!ngojst_ld_keys(ld, root, "a rule-set document", keys))
		return ld->err;
	if ((n = ngojst_node_get(root, "ruleset")))
		load_meta(ld, n);
	if (!ld->rs->layers[ld->layer].id && ld->err == NGOJST_OK)
		return ngojst_ld_fail(ld, root, "the first document of a rule set must have \"ruleset\" with its id and version");
	if ((n = ngojst_node_get(root, "sources")))
		load_sources(ld, n);
	if ((n = ngojst_node_get(root, "lists")))
		load_lists(ld, n);
	if ((n = ngojst_node_get(root, "params")))
		load_params(ld, n);
	if ((n = ngojst_node_get(root, "rules")))
		ngojst_ld_rules(ld, n);
	if ((n = ngojst_node_get(root, "overrides")))
		ngojst_ld_overrides(ld, n);
	if ((n = ngojst_node_get(root, "scoring")))
		ngojst_ld_scoring(ld, n);
	return ld->err;
}

/* A thawed tree: nodes and pointers only (the text stays in the image). */
#define FROZEN_ARENA_CHUNK ((size_t)64 << 10)

/* The tree of an embedded file, parsed when the library was built; NULL
 * for any other text. */
static const ngojst_builtin_tree *frozen_tree(const ngojst_unit *u)
{
#ifdef NGOJST_BUILTIN_RULES
	size_t i;

	for (i = 0; i < ngojst_builtin_file_count; i++)
		if (u->text == ngojst_builtin_files[i].text && u->len == ngojst_builtin_files[i].len)
			return &ngojst_builtin_trees[i];
#else
	(void)u;
#endif
	return NULL;
}

static int load_unit(ngojst_loader *ld, const ngojst_unit *u)
{
	const ngojst_builtin_tree *frozen = frozen_tree(u);
	ngojst_reader *r = NULL;
	ngojst_tree *tree;
	int rc;

	ld->source = u->source;
	if (frozen) {
		ngojst_arena arena;

		ngojst_arena_init(&arena, ld->ctx, FROZEN_ARENA_CHUNK);
		rc = ngojst_tree_thaw(ld->ctx, &arena, u->source, frozen->image, frozen->len, &tree);
		if (rc == NGOJST_OK)
			load_document(ld, tree->root);
		else
			ld->err = rc;
		ngojst_arena_release(&arena);
		return ld->err;
	}
	rc = ngojst_reader_open_buffer(&r, ld->ctx, u->source, u->text, u->len);
	if (rc)
		return ld->err = rc;
	while ((rc = ngojst_reader_next(r, &tree)) == NGOJST_OK) {
		if (load_document(ld, tree->root) == NGOJST_ENOMEM)
			break;
	}
	ngojst_reader_free(r);
	if (rc != NGOJST_EOF && rc != NGOJST_OK && !ld->err)
		ld->err = rc;
	return ld->err;
}

/* ---- composing layers --------------------------------------------------- */

static int add_unit(ngojst_ruleset *rs, size_t layer, const char *source, const char *text, size_t len,
		    bool copy)
{
	ngojst_unit *u;

	if (ngojst_grow(rs->ctx, (void **)&rs->units, &rs->cap_units, rs->nunits + 1, sizeof(*u)))
		return NGOJST_ENOMEM;
	u = &rs->units[rs->nunits];
	u->layer = layer;
	u->source = ngojst_arena_strdup(&rs->arena, source);
	u->text = copy ? ngojst_arena_strndup(&rs->arena, text, len) : text;
	u->len = len;
	if (!u->source || !u->text)
		return NGOJST_ENOMEM;
	rs->nunits++;
	return NGOJST_OK;
}

static int new_layer(ngojst_ruleset *rs, const char *source)
{
	ngojst_layer *l;

	if (ngojst_grow(rs->ctx, (void **)&rs->layers, &rs->cap_layers, rs->nlayers + 1, sizeof(*l)))
		return NGOJST_ENOMEM;
	l = &rs->layers[rs->nlayers];
	memset(l, 0, sizeof(*l));
	l->source = ngojst_arena_strdup(&rs->arena, source);
	if (!l->source)
		return NGOJST_ENOMEM;
	rs->nlayers++;
	return NGOJST_OK;
}

/* The built-in layer is hashed with the recipe of tools/embed-rules.py
 * (name, NUL, text, NUL per file) so the API and the build report the same
 * value; a layer loaded from a file or buffer is the SHA-256 of its text,
 * which anyone can check with sha256sum. */
/* Whether a layer is exactly the embedded files, in order: the build has
 * already hashed them with this recipe (tools/embed-rules.py). */
static bool is_embedded(const ngojst_ruleset *rs, size_t layer)
{
#ifdef NGOJST_BUILTIN_RULES
	size_t i, n = 0;

	for (i = 0; i < rs->nunits; i++) {
		if (rs->units[i].layer != layer)
			continue;
		if (n >= ngojst_builtin_file_count || rs->units[i].text != ngojst_builtin_files[n].text ||
		    rs->units[i].len != ngojst_builtin_files[n].len)
			return false;
		n++;
	}
	return n == ngojst_builtin_file_count;
#else
	(void)rs;
	(void)layer;
	return false;
#endif
}

static void hash_layer(ngojst_ruleset *rs, size_t layer)
{
	bool builtin = strcmp(rs->layers[layer].source, "<builtin>") == 0;
	ngojst_sha256 h;
	unsigned char d[32];
	size_t i;

#ifdef NGOJST_BUILTIN_RULES
	if (builtin && is_embedded(rs, layer)) {
		memcpy(rs->layers[layer].sha256, ngojst_builtin_sha256, sizeof(rs->layers[layer].sha256));
		return;
	}
#endif
	ngojst_sha256_init(&h);
	for (i = 0; i < rs->nunits; i++) {
		const ngojst_unit *u = &rs->units[i];

		if (u->layer != layer)
			continue;
		if (builtin) {
			const char *base = strrchr(u->source, '/');

			base = base ? base + 1 : u->source;
			ngojst_sha256_update(&h, base, strlen(base) + 1);
		}
		ngojst_sha256_update(&h, u->text, u->len);
		if (builtin)
			ngojst_sha256_update(&h, "", 1);
	}
	ngojst_sha256_final(&h, d);
	ngojst_sha256_hex(d, rs->layers[layer].sha256);
}

static int ruleset_alloc(ngojst_ruleset **out, ngojst_context *ctx)
{
	ngojst_ruleset *rs = ngojst_calloc(ctx, 1, sizeof(*rs));

	if (!rs)
		return NGOJST_ENOMEM;
	rs->ctx = ctx;
	ngojst_arena_init(&rs->arena, ctx, 16384);
	*out = rs;
	return NGOJST_OK;
}

/* Compile every unit, layer by layer, then check the rules as a whole. */
static int compile(ngojst_ruleset *rs)
{
	ngojst_loader ld = { 0 };
	size_t layer, i;

	ld.ctx = rs->ctx;
	ld.rs = rs;
	for (layer = 0; layer < rs->nlayers; layer++) {
		ld.layer = layer;
		for (i = 0; i < rs->nunits; i++) {
			if (rs->units[i].layer == layer && load_unit(&ld, &rs->units[i]) == NGOJST_ENOMEM)
				return NGOJST_ENOMEM;
		}
		if (!ld.err && !rs->layers[layer].id)
			ngojst_ld_fail(&ld, NULL, "%s: empty rule set (no \"ruleset\" metadata)", rs->layers[layer].source);
		if (!ld.err && layer > 0 && rs->layers[layer].extends &&
		    strcmp(rs->layers[layer].extends, rs->layers[layer - 1].id) != 0) {
			ld.source = rs->layers[layer].source;
			ngojst_ld_fail(&ld, NULL, "rule set \"%s\" extends \"%s\", but is loaded on top of \"%s\"",
				       rs->layers[layer].id, rs->layers[layer].extends, rs->layers[layer - 1].id);
		}
		if (ld.err)
			return ld.err;
		hash_layer(rs, layer);
	}
	if (ld.needs_base && !ld.err) {
		ld.source = rs->layers[0].source;
		return ngojst_ld_fail(&ld, NULL, "rule set \"%s\" extends \"%s\": load it on top of that rule set",
				      rs->layers[0].id, rs->layers[0].extends);
	}
	if (ngojst_ld_check_rules(&ld) || ngojst_ld_build_infos(&ld))
		return ld.err;
	return NGOJST_OK;
}

void ngojst_ruleset_free(ngojst_ruleset *rs)
{
	ngojst_context *ctx;

	if (!rs)
		return;
	ctx = rs->ctx;
	ngojst_free(ctx, rs->layers);
	ngojst_free(ctx, rs->sources);
	ngojst_free(ctx, rs->lists);
	ngojst_free(ctx, rs->params);
	ngojst_free(ctx, rs->rules);
	ngojst_free(ctx, rs->rule_index);
	ngojst_free(ctx, rs->conflicts);
	ngojst_free(ctx, rs->units);
	ngojst_free(ctx, rs->infos);
	ngojst_arena_release(&rs->arena);
	ngojst_free(ctx, rs);
}

static int add_builtin_units(ngojst_ruleset *rs)
{
#ifdef NGOJST_BUILTIN_RULES
	char name[256];
	size_t i;

	if (new_layer(rs, "<builtin>"))
		return NGOJST_ENOMEM;
	for (i = 0; i < ngojst_builtin_file_count; i++) {
		snprintf(name, sizeof(name), "<builtin>/%s", ngojst_builtin_files[i].name);
		/* The embedded text is static: no copy. */
		if (add_unit(rs, rs->nlayers - 1, name, ngojst_builtin_files[i].text, ngojst_builtin_files[i].len,
			     false))
			return NGOJST_ENOMEM;
	}
	return NGOJST_OK;
#else
	(void)rs;
	return NGOJST_ENOTFOUND;
#endif
}

const char *ngojst_ruleset_builtin_sha256(void)
{
#ifdef NGOJST_BUILTIN_RULES
	return ngojst_builtin_sha256;
#else
	return "";
#endif
}

int ngojst_ruleset_load_builtin(ngojst_ruleset **out, ngojst_context *ctx)
{
	ngojst_ruleset *rs;
	int rc;

	if (!out || !ctx)
		return NGOJST_EINVAL;
	*out = NULL;
	ngojst_diag_clear(ctx);
	if (ruleset_alloc(&rs, ctx))
		return NGOJST_ENOMEM;
	rc = add_builtin_units(rs);
	if (rc == NGOJST_OK)
		rc = compile(rs);
	if (rc) {
		ngojst_ruleset_free(rs);
		return rc;
	}
	*out = rs;
	return NGOJST_OK;
}

/* Peek at `extends:` of the first document so that an overlay given without
 * a base can be put on top of the built-in set. */
static int peek_extends(ngojst_context *ctx, const char *source, const char *data, size_t len, bool *extends)
{
	ngojst_reader *r = NULL;
	ngojst_tree *tree;
	int rc;

	*extends = false;
	rc = ngojst_reader_open_buffer(&r, ctx, source, data, len);
	if (rc)
		return rc;
	rc = ngojst_reader_next(r, &tree);
	if (rc == NGOJST_OK && tree->root && tree->root->type == NGOJST_NODE_MAPPING) {
		const ngojst_node *meta = ngojst_node_get(tree->root, "ruleset");

		*extends = meta && meta->type == NGOJST_NODE_MAPPING && ngojst_node_get(meta, "extends");
	}
	ngojst_reader_free(r);
	return rc == NGOJST_EOF ? NGOJST_OK : rc;
}

/* 1-based line and column (in code points) of a byte offset. */
static void input_position(const char *data, size_t offset, unsigned *line, unsigned *column)
{
	size_t i;

	*line = 1;
	*column = 1;
	for (i = 0; i < offset; i++) {
		if (data[i] == '\n') {
			++*line;
			*column = 1;
		} else if (((unsigned char)data[i] & 0xC0) != 0x80) {
			++*column;
		}
	}
}

int ngojst_ruleset_load_buffer(ngojst_ruleset **out, ngojst_context *ctx, const char *source_name, const char *data,
			       size_t len, const ngojst_ruleset *base)
{
	ngojst_ruleset *rs;
	const char *name = source_name ? source_name : "<string>";
	size_t i;
	int rc;

	if (!out || !ctx || (!data && len))
		return NGOJST_EINVAL;
	*out = NULL;
	ngojst_diag_clear(ctx);
	if (len > ctx->limits.max_input_bytes) {
		/* Worded and positioned as for documents (lib/yaml/reader.c). */
		unsigned line, column;

		input_position(data, ctx->limits.max_input_bytes, &line, &column);
		return ngojst_diag_add(ctx, NGOJST_ELIMIT, name, line, column, ctx->limits.max_input_bytes, NULL,
				       "input of %zu bytes is larger than max_input_bytes (%zu bytes)", len,
				       ctx->limits.max_input_bytes);
	}
	if (ruleset_alloc(&rs, ctx))
		return NGOJST_ENOMEM;
	if (base) {
		for (i = 0; i < base->nlayers; i++) {
			if (new_layer(rs, base->layers[i].source)) {
				rc = NGOJST_ENOMEM;
				goto fail;
			}
		}
		for (i = 0; i < base->nunits; i++) {
			const ngojst_unit *u = &base->units[i];
			bool is_static = strncmp(u->source, "<builtin>", 9) == 0;

			if (add_unit(rs, u->layer, u->source, u->text, u->len, !is_static)) {
				rc = NGOJST_ENOMEM;
				goto fail;
			}
		}
	} else {
		bool extends = false;

		rc = peek_extends(ctx, name, data ? data : "", len, &extends);
		if (rc)
			goto fail;
		if (extends && (rc = add_builtin_units(rs)) != NGOJST_OK) {
			if (rc == NGOJST_ENOTFOUND)
				ngojst_diag_add(ctx, NGOJST_ERULESET, name, 0, 0, 0, NULL,
						"the rule set extends another, and no base was given (this library has no built-in rule set)");
			goto fail;
		}
	}
	if (new_layer(rs, name) || add_unit(rs, rs->nlayers - 1, name, data ? data : "", len, true)) {
		rc = NGOJST_ENOMEM;
		goto fail;
	}
	rc = compile(rs);
	if (rc)
		goto fail;
	*out = rs;
	return NGOJST_OK;
fail:
	ngojst_ruleset_free(rs);
	return rc;
}

int ngojst_ruleset_load_file(ngojst_ruleset **out, ngojst_context *ctx, const char *path, const ngojst_ruleset *base)
{
	char *data = NULL;
	size_t len = 0;
	int rc;

	if (!out || !ctx || !path)
		return NGOJST_EINVAL;
	*out = NULL;
	ngojst_diag_clear(ctx);
	rc = ngojst_read_file(ctx, path, &data, &len);
	if (rc)
		return rc;
	rc = ngojst_ruleset_load_buffer(out, ctx, path, data, len, base);
	ngojst_free(ctx, data);
	return rc;
}
