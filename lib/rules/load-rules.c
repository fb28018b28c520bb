/* Loading rules and overrides, then checking every rule against the kinds
 * it names: field paths exist and have the right types, parameters and lists
 * exist, placeholders are known, the citation fits the id, and an
 * unverified rule is never more than a note. */
#include <stdio.h>
#include <string.h>

#include "../schema/schema.h"
#include "load-private.h"
#include "path.h"


static const struct {
	const char *name;
	ngojst_checkkind kind;
} check_kinds[] = {
	{ "required", NGOJST_CHECK_REQUIRED }, { "range", NGOJST_CHECK_RANGE },
	{ "in_list", NGOJST_CHECK_IN_LIST }, { "date_order", NGOJST_CHECK_DATE_ORDER },
	{ "deadline", NGOJST_CHECK_DEADLINE }, { "count", NGOJST_CHECK_COUNT },
	{ "unique", NGOJST_CHECK_UNIQUE }, { "sum", NGOJST_CHECK_SUM }, { "share", NGOJST_CHECK_SHARE },
	{ "equals", NGOJST_CHECK_EQUALS }, { "builtin", NGOJST_CHECK_BUILTIN },
};

const char *ngojst_check_kind_name(ngojst_checkkind k)
{
	size_t i;

	for (i = 0; i < sizeof(check_kinds) / sizeof(check_kinds[0]); i++)
		if (check_kinds[i].kind == k)
			return check_kinds[i].name;
	return "?";
}

bool ngojst_ld_id_ok(const char *id, bool rule)
{
	size_t i, n = strlen(id);

	if (!n || (rule && (id[0] == '.' || id[n - 1] == '.' || strstr(id, ".."))))
		return false;
	for (i = 0; i < n; i++) {
		char c = id[i];

		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_'))
			return false;
	}
	return true;
}

bool ngojst_severity_parse(const char *s, ngojst_severity *out)
{
	if (!strcmp(s, "error"))
		*out = NGOJST_SEVERITY_ERROR;
	else if (!strcmp(s, "warning"))
		*out = NGOJST_SEVERITY_WARNING;
	else if (!strcmp(s, "note"))
		*out = NGOJST_SEVERITY_NOTE;
	else
		return false;
	return true;
}

static bool consequence_parse(const char *s, ngojst_consequence *out)
{
	static const char *const names[] = { "none", "late", "defect", "invalid", "advice" };
	size_t i;

	for (i = 0; i < 5; i++) {
		if (!strcmp(s, names[i])) {
			*out = (ngojst_consequence)i;
			return true;
		}
	}
	return false;
}

static bool status_parse(const char *s, ngojst_status *out)
{
	int i;

	for (i = NGOJST_STATUS_CONFIRMED_CUR; i <= NGOJST_STATUS_UNCONFIRMED; i++) {
		if (!strcmp(s, ngojst_status_name((ngojst_status)i))) {
			*out = (ngojst_status)i;
			return true;
		}
	}
	/* The fact sheets also write VERBATIM for CONFIRMED-CUR wording. */
	if (!strcmp(s, "VERBATIM")) {
		*out = NGOJST_STATUS_CONFIRMED_CUR;
		return true;
	}
	return false;
}

/* ---- operands ------------------------------------------------------------ */

static int parse_path(ngojst_loader *ld, const ngojst_node *n, ngojst_operand *op)
{
	int rc;

	if (!n || n->type != NGOJST_NODE_SCALAR)
		return ngojst_ld_fail(ld, n, "expected a field path such as \"resolution/adopted_on\"");
	op->kind = NGOJST_OP_PATH;
	op->pos = ngojst_ld_pos(ld, n);
	rc = ngojst_path_parse(&ld->rs->arena, n->u.scalar.str, &op->path);
	if (rc == NGOJST_ENOMEM)
		return ld->err = NGOJST_ENOMEM;
	if (rc)
		return ngojst_ld_fail(ld, n, "\"%s\" is not a field path (names separated by '/', '*' for every item of a list)",
				      n->u.scalar.str);
	return NGOJST_OK;
}

/* A value operand: "$param", {field: path}, or a literal kept as text and
 * typed when the rule is checked against its kinds. A mapping literal is a
 * day of the year. */
static int parse_operand(ngojst_loader *ld, const ngojst_node *n, ngojst_operand *op)
{
	static const char *const keys[] = { "field", NULL };

	memset(op, 0, sizeof(*op));
	op->pos = ngojst_ld_pos(ld, n);
	if (n->type == NGOJST_NODE_SCALAR && n->style == NGOJST_SCALAR_PLAIN && n->u.scalar.str[0] == '$') {
		op->kind = NGOJST_OP_PARAM;
		op->param = ngojst_arena_strdup(&ld->rs->arena, n->u.scalar.str + 1);
		return op->param ? NGOJST_OK : (ld->err = NGOJST_ENOMEM);
	}
	if (n->type == NGOJST_NODE_MAPPING && ngojst_node_get(n, "field")) {
		if (!ngojst_ld_keys(ld, n, "a field operand", keys))
			return ld->err;
		return parse_path(ld, ngojst_node_get(n, "field"), op);
	}
	op->kind = NGOJST_OP_LITERAL;
	if (n->type == NGOJST_NODE_MAPPING)
		return ngojst_ld_value(ld, n, NGOJST_V_MONTHDAY, &op->lit);
	if (n->type != NGOJST_NODE_SCALAR)
		return ngojst_ld_fail(ld, n, "expected a value, \"$parameter\" or {field: path}");
	op->lit.type = NGOJST_V_STRING; /* raw text, typed later */
	op->lit.u.s = ngojst_arena_strdup(&ld->rs->arena, n->u.scalar.str);
	return op->lit.u.s ? NGOJST_OK : (ld->err = NGOJST_ENOMEM);
}

static int parse_dexpr(ngojst_loader *ld, const ngojst_node *n, ngojst_dexpr *de)
{
	static const char *const keys[] = { "date", "fixed", "year", "days", "working_days", "months", "after",
					    "roll", NULL };
	const ngojst_node *x;
	ngojst_date d;

	memset(de, 0, sizeof(*de));
	if (!n)
		return ngojst_ld_fail(ld, n, "a date is missing");
	if (n->type == NGOJST_NODE_SCALAR) {
		de->kind = NGOJST_DE_VALUE;
		de->text = ngojst_arena_strdup(&ld->rs->arena, n->u.scalar.str);
		if (n->u.scalar.str[0] == '$' ||
		    ngojst_date_parse(&d, n->u.scalar.str, n->u.scalar.len) == NGOJST_OK)
			return parse_operand(ld, n, &de->base);
		return parse_path(ld, n, &de->base);
	}
	if (!ngojst_ld_keys(ld, n, "a date expression", keys))
		return ld->err;
	{
		/* Exactly one way of saying the date, and only its own modifiers. */
		static const char *const heads[] = { "date", "fixed", "days", "working_days", "months", NULL };
		size_t h, found = 0;

		for (h = 0; heads[h]; h++)
			found += ngojst_node_get(n, heads[h]) != NULL;
		if (found != 1)
			return ngojst_ld_fail(ld, n, "a date expression has exactly one of date, fixed, days, working_days, months");
		if (ngojst_node_get(n, "date") && n->u.map.count != 1)
			return ngojst_ld_fail(ld, n, "\"date\" takes no other keys");
		if (ngojst_node_get(n, "fixed") && ngojst_node_get(n, "after"))
			return ngojst_ld_fail(ld, n, "\"fixed\" is placed by \"year\", not \"after\"");
		if (!ngojst_node_get(n, "fixed") && ngojst_node_get(n, "year"))
			return ngojst_ld_fail(ld, n, "\"year\" goes with \"fixed\"");
		if (ngojst_node_get(n, "working_days") && ngojst_node_get(n, "roll"))
			return ngojst_ld_fail(ld, n, "a period of working days always ends on a working day: no \"roll\"");
	}
	de->text = "";
	if ((x = ngojst_node_get(n, "date"))) {
		de->kind = NGOJST_DE_VALUE;
		return x->type == NGOJST_NODE_SCALAR && x->u.scalar.str[0] != '$' &&
			       ngojst_date_parse(&d, x->u.scalar.str, x->u.scalar.len) != NGOJST_OK
			       ? parse_path(ld, x, &de->base)
			       : parse_operand(ld, x, &de->base);
	}
	if ((x = ngojst_node_get(n, "fixed"))) {
		de->kind = NGOJST_DE_FIXED;
		if (parse_operand(ld, x, &de->amount))
			return ld->err;
		if ((x = ngojst_node_get(n, "roll")) && parse_operand(ld, x, &de->roll))
			return ld->err;
		return parse_path(ld, ngojst_node_get(n, "year"), &de->base);
	}
	if ((x = ngojst_node_get(n, "days")))
		de->kind = NGOJST_DE_DAYS;
	else if ((x = ngojst_node_get(n, "working_days")))
		de->kind = NGOJST_DE_WORKING_DAYS;
	else if ((x = ngojst_node_get(n, "months")))
		de->kind = NGOJST_DE_MONTHS;
	else
		return ngojst_ld_fail(ld, n, "a date expression needs one of date, fixed, days, working_days, months");
	if (parse_operand(ld, x, &de->amount))
		return ld->err;
	if (parse_path(ld, ngojst_node_get(n, "after"), &de->base))
		return ld->err;
	if ((x = ngojst_node_get(n, "roll")) && parse_operand(ld, x, &de->roll))
		return ld->err;
	return NGOJST_OK;
}

static bool new_dexprs(ngojst_loader *ld, ngojst_check *ck)
{
	ck->first = ngojst_arena_zalloc(&ld->rs->arena, sizeof(*ck->first));
	ck->then = ngojst_arena_zalloc(&ld->rs->arena, sizeof(*ck->then));
	if (!ck->first || !ck->then)
		ld->err = NGOJST_ENOMEM;
	return ck->first && ck->then;
}

static int parse_cond(ngojst_loader *ld, const ngojst_node *n, ngojst_cond *c)
{
	static const char *const keys[] = { "present", "absent", "equals", "all", "any", "not", NULL };
	static const char *const eq_keys[] = { "field", "value", NULL };
	const ngojst_node *x;
	size_t i;

	memset(c, 0, sizeof(*c));
	if (!ngojst_ld_keys(ld, n, "a condition", keys))
		return ld->err;
	if (n->u.map.count != 1)
		return ngojst_ld_fail(ld, n, "a condition has exactly one of present, absent, equals, all, any, not (use all: [...] to combine)");
	if ((x = ngojst_node_get(n, "present"))) {
		c->kind = NGOJST_COND_PRESENT;
		return parse_path(ld, x, &c->field);
	}
	if ((x = ngojst_node_get(n, "absent"))) {
		c->kind = NGOJST_COND_ABSENT;
		return parse_path(ld, x, &c->field);
	}
	if ((x = ngojst_node_get(n, "equals"))) {
		c->kind = NGOJST_COND_EQUALS;
		if (!ngojst_ld_keys(ld, x, "equals", eq_keys))
			return ld->err;
		if (!ngojst_node_get(x, "value"))
			return ngojst_ld_fail(ld, x, "equals needs \"field\" and \"value\"");
		if (parse_path(ld, ngojst_node_get(x, "field"), &c->field))
			return ld->err;
		return parse_operand(ld, ngojst_node_get(x, "value"), &c->value);
	}
	if ((x = ngojst_node_get(n, "not"))) {
		c->kind = NGOJST_COND_NOT;
		c->subs = ngojst_arena_zalloc(&ld->rs->arena, sizeof(*c->subs));
		if (!c->subs)
			return ld->err = NGOJST_ENOMEM;
		c->nsubs = 1;
		return parse_cond(ld, x, c->subs);
	}
	x = ngojst_node_get(n, "all");
	c->kind = NGOJST_COND_ALL;
	if (!x) {
		x = ngojst_node_get(n, "any");
		c->kind = NGOJST_COND_ANY;
	}
	if (x->type != NGOJST_NODE_SEQUENCE || !x->u.seq.count)
		return ngojst_ld_fail(ld, x, "all/any need a non-empty list of conditions");
	c->subs = ngojst_arena_zalloc(&ld->rs->arena, x->u.seq.count * sizeof(*c->subs));
	if (!c->subs)
		return ld->err = NGOJST_ENOMEM;
	c->nsubs = x->u.seq.count;
	for (i = 0; i < x->u.seq.count; i++)
		parse_cond(ld, x->u.seq.items[i], &c->subs[i]);
	return ld->err;
}

/* ---- checks --------------------------------------------------------------- */

static int parse_required(ngojst_loader *ld, const ngojst_node *x, ngojst_check *ck)
{
	size_t i;

	/* One path, or several: each missing one is its own finding. */
	if (x->type == NGOJST_NODE_SCALAR)
		return parse_path(ld, x, &ck->field);
	if (x->type != NGOJST_NODE_SEQUENCE || !x->u.seq.count)
		return ngojst_ld_fail(ld, x, "required takes a field path or a non-empty list of them");
	ck->fields = ngojst_arena_zalloc(&ld->rs->arena, x->u.seq.count * sizeof(*ck->fields));
	if (!ck->fields)
		return ld->err = NGOJST_ENOMEM;
	ck->nfields = x->u.seq.count;
	for (i = 0; i < x->u.seq.count; i++)
		parse_path(ld, x->u.seq.items[i], &ck->fields[i]);
	return ld->err;
}

static int parse_check(ngojst_loader *ld, const ngojst_node *n, ngojst_check *ck)
{
	static const char *const range_keys[] = { "field", "min", "max", NULL };
	static const char *const list_keys[] = { "field", "list", NULL };
	static const char *const order_keys[] = { "first", "then", "strict", NULL };
	static const char *const dl_keys[] = { "field", "due", "if_missing", NULL };
	static const char *const unique_keys[] = { "field", NULL };
	static const char *const sum_keys[] = { "items", "min", "max", NULL };
	static const char *const share_keys[] = { "part", "whole", "min", "max", NULL };
	static const char *const eq_keys[] = { "field", "value", NULL };
	static const char *const bi_keys[] = { "name", NULL };
	const ngojst_node *x, *y;
	const char *name;
	size_t i;

	memset(ck, 0, sizeof(*ck));
	if (!n || n->type != NGOJST_NODE_MAPPING || n->u.map.count != 1)
		return ngojst_ld_fail(ld, n, "a check is a mapping with exactly one check kind (required, range, in_list, date_order, deadline, count, unique, sum, share, equals, builtin)");
	name = n->u.map.pairs[0].key->u.scalar.str;
	x = n->u.map.pairs[0].value;
	for (i = 0; i < sizeof(check_kinds) / sizeof(check_kinds[0]); i++)
		if (!strcmp(check_kinds[i].name, name))
			break;
	if (i == sizeof(check_kinds) / sizeof(check_kinds[0]))
		return ngojst_ld_fail(ld, n->u.map.pairs[0].key, "unknown check kind \"%s\"", name);
	ck->kind = check_kinds[i].kind;
	switch (ck->kind) {
	case NGOJST_CHECK_REQUIRED:
		return parse_required(ld, x, ck);
	case NGOJST_CHECK_RANGE:
	case NGOJST_CHECK_COUNT:
		if (!ngojst_ld_keys(ld, x, name, range_keys))
			return ld->err;
		parse_path(ld, ngojst_node_get(x, "field"), &ck->field);
		if ((y = ngojst_node_get(x, "min")))
			parse_operand(ld, y, &ck->min);
		if ((y = ngojst_node_get(x, "max")))
			parse_operand(ld, y, &ck->max);
		if (!ck->min.kind && !ck->max.kind)
			ngojst_ld_fail(ld, x, "%s needs min, max or both", name);
		return ld->err;
	case NGOJST_CHECK_IN_LIST:
		if (!ngojst_ld_keys(ld, x, name, list_keys))
			return ld->err;
		parse_path(ld, ngojst_node_get(x, "field"), &ck->field);
		ck->list = ngojst_ld_str(ld, x, "list", true, "in_list");
		return ld->err;
	case NGOJST_CHECK_DATE_ORDER:
		if (!ngojst_ld_keys(ld, x, name, order_keys))
			return ld->err;
		if (!new_dexprs(ld, ck))
			return ld->err;
		parse_dexpr(ld, ngojst_node_get(x, "first"), ck->first);
		parse_dexpr(ld, ngojst_node_get(x, "then"), ck->then);
		if ((y = ngojst_node_get(x, "strict"))) {
			ngojst_value v;

			if (!ngojst_ld_value(ld, y, NGOJST_V_BOOL, &v))
				ck->strict = v.u.b;
		}
		return ld->err;
	case NGOJST_CHECK_DEADLINE:
		if (!ngojst_ld_keys(ld, x, name, dl_keys))
			return ld->err;
		if (!new_dexprs(ld, ck))
			return ld->err;
		parse_dexpr(ld, ngojst_node_get(x, "field"), ck->first);
		if (ck->first->kind != NGOJST_DE_VALUE || ck->first->base.kind != NGOJST_OP_PATH)
			ngojst_ld_fail(ld, ngojst_node_get(x, "field"), "deadline: \"field\" must be a date field path");
		parse_dexpr(ld, ngojst_node_get(x, "due"), ck->then);
		if ((name = ngojst_ld_str(ld, x, "if_missing", false, "deadline"))) {
			if (!strcmp(name, "overdue"))
				ck->if_missing = NGOJST_MISSING_OVERDUE;
			else if (strcmp(name, "ignore"))
				ngojst_ld_fail(ld, ngojst_node_get(x, "if_missing"),
					       "if_missing is \"ignore\" or \"overdue\", not \"%s\"", name);
		}
		return ld->err;
	case NGOJST_CHECK_UNIQUE:
		if (!ngojst_ld_keys(ld, x, name, unique_keys))
			return ld->err;
		return parse_path(ld, ngojst_node_get(x, "field"), &ck->field);
	case NGOJST_CHECK_SUM:
		if (!ngojst_ld_keys(ld, x, name, sum_keys))
			return ld->err;
		parse_path(ld, ngojst_node_get(x, "items"), &ck->field);
		if ((y = ngojst_node_get(x, "min")))
			parse_operand(ld, y, &ck->min);
		if ((y = ngojst_node_get(x, "max")))
			parse_operand(ld, y, &ck->max);
		if (!ck->min.kind && !ck->max.kind)
			ngojst_ld_fail(ld, x, "sum needs min, max or both");
		return ld->err;
	case NGOJST_CHECK_SHARE:
		if (!ngojst_ld_keys(ld, x, name, share_keys))
			return ld->err;
		parse_path(ld, ngojst_node_get(x, "part"), &ck->field);
		parse_path(ld, ngojst_node_get(x, "whole"), &ck->total);
		if ((y = ngojst_node_get(x, "min")))
			parse_operand(ld, y, &ck->min);
		if ((y = ngojst_node_get(x, "max")))
			parse_operand(ld, y, &ck->max);
		if (!ck->min.kind && !ck->max.kind)
			ngojst_ld_fail(ld, x, "share needs min, max or both (percentages)");
		return ld->err;
	case NGOJST_CHECK_EQUALS:
		if (!ngojst_ld_keys(ld, x, name, eq_keys))
			return ld->err;
		parse_path(ld, ngojst_node_get(x, "field"), &ck->field);
		if (!(y = ngojst_node_get(x, "value")))
			return ngojst_ld_fail(ld, x, "equals needs \"value\"");
		return parse_operand(ld, y, &ck->value);
	case NGOJST_CHECK_BUILTIN:
		if (x->type == NGOJST_NODE_SCALAR) {
			ck->builtin = ngojst_arena_strdup(&ld->rs->arena, x->u.scalar.str);
			return ck->builtin ? NGOJST_OK : (ld->err = NGOJST_ENOMEM);
		}
		if (!ngojst_ld_keys(ld, x, name, bi_keys))
			return ld->err;
		ck->builtin = ngojst_ld_str(ld, x, "name", true, "builtin");
		return ld->err;
	}
	return ld->err;
}

/* ---- rules ------------------------------------------------------------------ */

static int parse_basis(ngojst_loader *ld, const ngojst_node *n, ngojst_basis *b)
{
	static const char *const keys[] = { "act", "art", "par", "ust", "pkt", "lit", "zd", NULL };
	const char **slots[] = { &b->act, &b->art, &b->par, &b->ust, &b->pkt, &b->lit, &b->zd };
	size_t i;

	memset(b, 0, sizeof(*b));
	if (!n)
		return ngojst_ld_fail(ld, n, "a rule without a legal basis");
	if (!ngojst_ld_keys(ld, n, "basis", keys))
		return ld->err;
	for (i = 0; keys[i]; i++)
		*slots[i] = ngojst_ld_str(ld, n, keys[i], i == 0, "basis");
	if (!b->art && !b->par)
		return ngojst_ld_fail(ld, n, "basis needs \"art\" (an act's article) or \"par\" (a resolution's §)");
	return ld->err;
}

static int parse_rule(ngojst_loader *ld, const ngojst_node *n, ngojst_rule *r)
{
	static const char *const keys[] = { "id", "kinds", "title", "check", "when", "severity", "consequence",
					    "basis", "status", "message", "missing_message", "note", "valid_from",
					    "valid_to", "in_force_on", NULL };
	const ngojst_node *x;
	const char *s;
	size_t i;

	memset(r, 0, sizeof(*r));
	r->enabled = true;
	r->layer = r->changed_by = ld->layer;
	r->pos = ngojst_ld_pos(ld, n);
	if (!ngojst_ld_keys(ld, n, "a rule", keys))
		return ld->err;
	r->id = ngojst_ld_str(ld, n, "id", true, "a rule");
	if (r->id && !ngojst_ld_id_ok(r->id, true))
		ngojst_ld_fail(ld, ngojst_node_get(n, "id"), "rule id \"%s\" may hold only lowercase letters, digits, '.', '-' and '_'",
			       r->id);
	x = ngojst_node_get(n, "kinds");
	if (!x || x->type != NGOJST_NODE_SEQUENCE || !x->u.seq.count) {
		ngojst_ld_fail(ld, x ? x : n, "rule %s needs \"kinds\": a non-empty list of document kinds",
			       r->id ? r->id : "?");
	} else {
		r->kinds = ngojst_arena_alloc(&ld->rs->arena, x->u.seq.count * sizeof(*r->kinds));
		if (!r->kinds)
			return ld->err = NGOJST_ENOMEM;
		for (i = 0; i < x->u.seq.count; i++) {
			const ngojst_node *k = x->u.seq.items[i];

			if (k->type != NGOJST_NODE_SCALAR || !ngojst_kind_find(k->u.scalar.str)) {
				ngojst_ld_fail(ld, k, "unknown document kind \"%s\"",
					       k->type == NGOJST_NODE_SCALAR ? k->u.scalar.str : "?");
				continue;
			}
			r->kinds[r->nkinds++] = ngojst_kind_find(k->u.scalar.str)->name;
		}
	}
	if (!ngojst_node_get(n, "title"))
		ngojst_ld_fail(ld, n, "rule %s needs \"title\" with \"pl\" and \"en\"", r->id ? r->id : "?");
	else if (ngojst_ld_keys(ld, ngojst_node_get(n, "title"), "title", (const char *const[]){ "pl", "en", NULL })) {
		r->title[0] = ngojst_ld_str(ld, ngojst_node_get(n, "title"), "pl", true, "title");
		r->title[1] = ngojst_ld_str(ld, ngojst_node_get(n, "title"), "en", true, "title");
	}
	parse_check(ld, ngojst_node_get(n, "check"), &r->check);
	if ((x = ngojst_node_get(n, "when"))) {
		r->when = ngojst_arena_zalloc(&ld->rs->arena, sizeof(*r->when));
		if (!r->when)
			return ld->err = NGOJST_ENOMEM;
		parse_cond(ld, x, r->when);
	}
	s = ngojst_ld_str(ld, n, "severity", true, "a rule");
	if (s && !ngojst_severity_parse(s, &r->severity))
		ngojst_ld_fail(ld, ngojst_node_get(n, "severity"), "severity is error, warning or note, not \"%s\"", s);
	s = ngojst_ld_str(ld, n, "consequence", false, "a rule");
	if (s && !consequence_parse(s, &r->consequence))
		ngojst_ld_fail(ld, ngojst_node_get(n, "consequence"),
			       "consequence is none, late, defect, invalid or advice, not \"%s\"", s);
	s = ngojst_ld_str(ld, n, "status", true, "a rule");
	if (s && !status_parse(s, &r->status))
		ngojst_ld_fail(ld, ngojst_node_get(n, "status"),
			       "status is CONFIRMED-CUR, CONFIRMED-OLD, CONFIRMED, SECONDARY, INFERRED or UNCONFIRMED, not \"%s\"", s);
	parse_basis(ld, ngojst_node_get(n, "basis"), &r->basis);
	x = ngojst_node_get(n, "message");
	if (!x)
		ngojst_ld_fail(ld, n, "rule %s needs \"message\" with \"pl\" and \"en\"", r->id ? r->id : "?");
	else if (ngojst_ld_keys(ld, x, "message", (const char *const[]){ "pl", "en", NULL })) {
		r->message[0] = ngojst_ld_str(ld, x, "pl", true, "message");
		r->message[1] = ngojst_ld_str(ld, x, "en", true, "message");
	}
	if ((x = ngojst_node_get(n, "missing_message")) &&
	    ngojst_ld_keys(ld, x, "missing_message", (const char *const[]){ "pl", "en", NULL })) {
		r->missing_message[0] = ngojst_ld_str(ld, x, "pl", true, "missing_message");
		r->missing_message[1] = ngojst_ld_str(ld, x, "en", true, "missing_message");
	}
	r->note = ngojst_ld_str(ld, n, "note", false, "a rule");
	if ((x = ngojst_node_get(n, "valid_from")))
		ngojst_ld_value_date(ld, x, &r->valid_from);
	if ((x = ngojst_node_get(n, "valid_to")))
		ngojst_ld_value_date(ld, x, &r->valid_to);
	if ((x = ngojst_node_get(n, "in_force_on")))
		parse_path(ld, x, &r->in_force_on);
	return ld->err;
}

int ngojst_ld_rules(ngojst_loader *ld, const ngojst_node *n)
{
	ngojst_ruleset *rs = ld->rs;
	size_t i;

	if (n->type != NGOJST_NODE_SEQUENCE)
		return ngojst_ld_fail(ld, n, "\"rules\" must be a list of rules");
	/* Room for them all at once: a rule is big, and growing the array
	 * step by step would copy it, and touch new memory, each time. */
	if (n->u.seq.count > SIZE_MAX - rs->nrules ||
	    ngojst_grow(ld->ctx, (void **)&rs->rules, &rs->cap_rules, rs->nrules + n->u.seq.count, sizeof(*rs->rules)))
		return ld->err = NGOJST_ENOMEM;
	for (i = 0; i < n->u.seq.count; i++) {
		ngojst_rule r;
		int before = ld->err;

		ld->err = 0;
		parse_rule(ld, n->u.seq.items[i], &r);
		if (ld->err == NGOJST_ENOMEM)
			return ld->err;
		if (!ld->err && ngojst_ruleset_rule(rs, r.id))
			ngojst_ld_fail(ld, ngojst_node_get(n->u.seq.items[i], "id"),
				       "rule %s is defined twice (an overlay changes a rule under \"overrides\")", r.id);
		if (!ld->err) {
			if (ngojst_grow(ld->ctx, (void **)&rs->rules, &rs->cap_rules, rs->nrules + 1, sizeof(r)))
				return ld->err = NGOJST_ENOMEM;
			rs->rules[rs->nrules++] = r;
			if (ngojst_ruleset_index_rule(rs, rs->nrules - 1))
				return ld->err = NGOJST_ENOMEM;
		}
		if (before && !ld->err)
			ld->err = before;
	}
	return ld->err;
}

/* ---- overrides (overlays changing existing rules) ---------------------------- */

static int apply_override(ngojst_loader *ld, const ngojst_node *n)
{
	static const char *const keys[] = { "rule", "severity", "consequence", "enabled", "message", "missing_message",
					    "note", NULL };
	ngojst_rule *r;
	const ngojst_node *x;
	const char *id, *s;
	bool statutory, raised;

	if (!ngojst_ld_keys(ld, n, "an override", keys))
		return ld->err;
	id = ngojst_ld_str(ld, n, "rule", true, "an override");
	if (!id)
		return ld->err;
	r = (ngojst_rule *)ngojst_ruleset_rule(ld->rs, id);
	if (!r) {
		const char *best = NULL;
		size_t i, best_d = 4;

		for (i = 0; i < ld->rs->nrules; i++) {
			size_t d = ngojst_edit_distance(id, ld->rs->rules[i].id, 3);

			if (d < best_d) {
				best_d = d;
				best = ld->rs->rules[i].id;
			}
		}
		if (best)
			return ngojst_ld_fail(ld, ngojst_node_get(n, "rule"),
					      "override of an unknown rule \"%s\" (did you mean \"%s\"?)", id, best);
		return ngojst_ld_fail(ld, ngojst_node_get(n, "rule"), "override of an unknown rule \"%s\"", id);
	}
	statutory = r->layer == 0;
	raised = false;
	if ((s = ngojst_ld_str(ld, n, "severity", false, "an override"))) {
		ngojst_severity sev;

		if (!ngojst_severity_parse(s, &sev))
			return ngojst_ld_fail(ld, ngojst_node_get(n, "severity"),
					      "severity is error, warning or note, not \"%s\"", s);
		if (statutory && sev < r->severity)
			ngojst_ld_conflict(ld, ngojst_node_get(n, "severity"), NGOJST_CONFLICT_RULE, id,
					   "lowers the severity of statutory rule %s from %s to %s; not applied",
					   id, ngojst_severity_name(r->severity), s);
		else if (r->status == NGOJST_STATUS_UNCONFIRMED && sev > NGOJST_SEVERITY_NOTE)
			ngojst_ld_conflict(ld, ngojst_node_get(n, "severity"), NGOJST_CONFLICT_RULE, id,
					   "raises rule %s, whose legal basis is UNCONFIRMED, above a note; not applied", id);
		else {
			raised = sev > r->severity;
			r->severity = sev;
			r->changed_by = ld->layer;
		}
	}
	if ((s = ngojst_ld_str(ld, n, "consequence", false, "an override"))) {
		ngojst_consequence c;

		if (!consequence_parse(s, &c))
			return ngojst_ld_fail(ld, ngojst_node_get(n, "consequence"),
					      "consequence is none, late, defect, invalid or advice, not \"%s\"", s);
		/* Raising a note to an error may make it a defect; recasting what
		 * the law's own breach means is not an overlay's to do. */
		if (statutory && !raised)
			ngojst_ld_conflict(ld, ngojst_node_get(n, "consequence"), NGOJST_CONFLICT_RULE, id,
					   "changes the consequence of statutory rule %s without raising its severity; not applied",
					   id);
		else {
			r->consequence = c;
			r->changed_by = ld->layer;
		}
	}
	if ((x = ngojst_node_get(n, "enabled"))) {
		ngojst_value v;

		if (ngojst_ld_value(ld, x, NGOJST_V_BOOL, &v))
			return ld->err;
		if (!v.u.b && statutory)
			ngojst_ld_conflict(ld, x, NGOJST_CONFLICT_RULE, id, "switches off statutory rule %s; not applied", id);
		else {
			r->enabled = v.u.b;
			r->changed_by = ld->layer;
		}
	}
	if ((x = ngojst_node_get(n, "message")) &&
	    ngojst_ld_keys(ld, x, "message", (const char *const[]){ "pl", "en", NULL })) {
		const char *pl = ngojst_ld_str(ld, x, "pl", true, "message");
		const char *en = ngojst_ld_str(ld, x, "en", true, "message");

		if (pl && en) {
			r->message[0] = pl;
			r->message[1] = en;
			r->changed_by = ld->layer;
		}
	}
	if ((x = ngojst_node_get(n, "missing_message")) &&
	    ngojst_ld_keys(ld, x, "missing_message", (const char *const[]){ "pl", "en", NULL })) {
		const char *pl = ngojst_ld_str(ld, x, "pl", true, "missing_message");
		const char *en = ngojst_ld_str(ld, x, "en", true, "missing_message");

		if (!r->missing_message[0])
			return ngojst_ld_fail(ld, x, "rule %s has no missing_message to override", id);
		if (pl && en) {
			r->missing_message[0] = pl;
			r->missing_message[1] = en;
			r->changed_by = ld->layer;
		}
	}
	if ((s = ngojst_ld_str(ld, n, "note", false, "an override")))
		r->note = s;
	return ld->err;
}

int ngojst_ld_overrides(ngojst_loader *ld, const ngojst_node *n)
{
	size_t i;

	if (ld->layer == 0)
		return ngojst_ld_fail(ld, n, "\"overrides\" belong in an overlay (a rule set with \"extends\")");
	if (n->type != NGOJST_NODE_SEQUENCE)
		return ngojst_ld_fail(ld, n, "\"overrides\" must be a list");
	for (i = 0; i < n->u.seq.count && ld->err != NGOJST_ENOMEM; i++)
		apply_override(ld, n->u.seq.items[i]);
	return ld->err;
}
