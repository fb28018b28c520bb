/* The second pass of loading: every rule is checked as a whole, against
 * each kind it names, once all lists, parameters and sources are known. */
#include <stdio.h>
#include <string.h>

#include "../core/buf.h"
#include "../schema/schema.h"
#include "load-private.h"
#include "path.h"

/* The placeholders each check fills in; any other {name} must be a field of
 * the document. A name a check does not fill would print as "(none)". */
static const char *const *placeholders_for(ngojst_checkkind kind, bool missing)
{
	static const char *const required[] = { "field", NULL };
	static const char *const range[] = { "field", "actual", "min", "max", "expected", NULL };
	static const char *const in_list[] = { "field", "actual", "list", NULL };
	static const char *const unique[] = { "field", "actual", NULL };
	static const char *const order[] = { "first", "then", NULL };
	static const char *const deadline[] = { "actual", "due", NULL };
	static const char *const overdue[] = { "due", NULL };
	static const char *const count[] = { "field", "count", "min", "max", NULL };
	static const char *const sum[] = { "field", "sum", "expected", NULL };
	static const char *const share[] = { "actual", "expected", NULL };
	static const char *const equals[] = { "field", "actual", "expected", NULL };
	/* A built-in fills what its C code passes to ngojst_eval_emit: the
	 * usual names are allowed, and each built-in's cases test its texts. */
	static const char *const builtin[] = { "field", "actual", "expected", "due", "count", "min", "max", "first",
					       "then", NULL };

	switch (kind) {
	case NGOJST_CHECK_REQUIRED: return required;
	case NGOJST_CHECK_RANGE: return range;
	case NGOJST_CHECK_IN_LIST: return in_list;
	case NGOJST_CHECK_UNIQUE: return unique;
	case NGOJST_CHECK_DATE_ORDER: return order;
	case NGOJST_CHECK_DEADLINE: return missing ? overdue : deadline;
	case NGOJST_CHECK_COUNT: return count;
	case NGOJST_CHECK_SUM: return sum;
	case NGOJST_CHECK_SHARE: return share;
	case NGOJST_CHECK_EQUALS: return equals;
	case NGOJST_CHECK_BUILTIN: return builtin;
	}
	return required;
}

static int rule_fail(ngojst_loader *ld, const ngojst_rule *r, const ngojst_srcpos *at, const char *fmt, ...)
	NGOJST_PRINTF(4, 5);

static int rule_fail(ngojst_loader *ld, const ngojst_rule *r, const ngojst_srcpos *at, const char *fmt, ...)
{
	const ngojst_srcpos *p = at && at->line ? at : &r->pos;
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	ngojst_diag_add(ld->ctx, NGOJST_ERULESET, p->source, p->line, p->column, p->offset, NULL, "rule %s: %s",
			r->id, msg);
	if (!ld->err)
		ld->err = NGOJST_ERULESET;
	return NGOJST_ERULESET;
}

static ngojst_vtype ftype_value(ngojst_ftype t)
{
	switch (t) {
	case NGOJST_FT_INT: return NGOJST_V_INT;
	case NGOJST_FT_MONEY: return NGOJST_V_MONEY;
	case NGOJST_FT_DATE: return NGOJST_V_DATE;
	case NGOJST_FT_STRING: return NGOJST_V_STRING;
	case NGOJST_FT_FLAG: return NGOJST_V_BOOL;
	default: return NGOJST_V_NONE;
	}
}

/* Type a literal kept as text. */
static bool literal_as(ngojst_value *v, ngojst_vtype type)
{
	const char *s = v->u.s;
	ngojst_value out = { type, { 0 } };

	if (v->type == type)
		return true;
	if (v->type != NGOJST_V_STRING)
		return false;
	switch (type) {
	case NGOJST_V_INT: {
		const char *p = s;
		int64_t x = 0;
		bool neg = *p == '-';

		if (neg)
			p++;
		if (!*p)
			return false;
		for (; *p; p++) {
			if (*p < '0' || *p > '9' || x > (INT64_MAX - (*p - '0')) / 10)
				return false;
			x = x * 10 + (*p - '0');
		}
		out.u.i = neg ? -x : x;
		break;
	}
	case NGOJST_V_MONEY:
		if (ngojst_money_parse(&out.u.i, s, strlen(s), 0))
			return false;
		break;
	case NGOJST_V_PERCENT:
		if (ngojst_money_parse(&out.u.i, s, strlen(s), 0) || out.u.i > 1000000)
			return false;
		break;
	case NGOJST_V_DATE:
		if (ngojst_date_parse(&out.u.d, s, strlen(s)))
			return false;
		break;
	case NGOJST_V_BOOL:
		if (!strcmp(s, "true"))
			out.u.b = true;
		else if (!strcmp(s, "false"))
			out.u.b = false;
		else
			return false;
		break;
	case NGOJST_V_ROLLOVER:
		if (!strcmp(s, "none"))
			out.u.roll = NGOJST_ROLL_NONE;
		else if (!strcmp(s, "holiday"))
			out.u.roll = NGOJST_ROLL_HOLIDAY;
		else if (!strcmp(s, "saturday"))
			out.u.roll = NGOJST_ROLL_SATURDAY;
		else
			return false;
		break;
	case NGOJST_V_STRING:
		return true;
	default:
		return false;
	}
	*v = out;
	return true;
}

static bool resolve(ngojst_loader *ld, const ngojst_rule *r, const ngojst_kind *k, const ngojst_operand *op,
		    ngojst_path_type *pt)
{
	const char *bad = NULL;

	if (ngojst_path_resolve(k->schema, &op->path, pt, &bad) == NGOJST_OK)
		return true;
	{
		const char *hint = bad ? ngojst_schema_suggest(k->schema, bad) : NULL;

		if (hint)
			rule_fail(ld, r, &op->pos, "\"%s\" is not a field path of %s (at \"%s\"; did you mean \"%s\"?)",
				  op->path.text, k->name, bad, hint);
		else
			rule_fail(ld, r, &op->pos, "\"%s\" is not a field path of %s (at \"%s\")", op->path.text,
				  k->name, bad ? bad : "?");
	}
	return false;
}

/* An operand that must yield a value of `want` (V_NONE: any scalar). */
static bool check_operand(ngojst_loader *ld, const ngojst_rule *r, const ngojst_kind *k, ngojst_operand *op,
			  ngojst_vtype want, const char *what)
{
	ngojst_path_type pt;
	const ngojst_param *p;

	switch (op->kind) {
	case NGOJST_OP_NONE:
		return true;
	case NGOJST_OP_PATH:
		if (!resolve(ld, r, k, op, &pt))
			return false;
		if (pt.multi) {
			rule_fail(ld, r, &op->pos, "%s \"%s\" must reach one value, not every item of a list", what,
				  op->path.text);
			return false;
		}
		if (want != NGOJST_V_NONE && ftype_value(pt.type) != want) {
			rule_fail(ld, r, &op->pos, "%s \"%s\" is a %s, expected a %s", what, op->path.text,
				  ngojst_ftype_name(pt.type), ngojst_vtype_name(want));
			return false;
		}
		return true;
	case NGOJST_OP_PARAM:
		p = ngojst_ruleset_param(ld->rs, op->param);
		if (!p) {
			rule_fail(ld, r, &op->pos, "unknown parameter $%s", op->param);
			return false;
		}
		if (want != NGOJST_V_NONE && p->type != want &&
		    !(want == NGOJST_V_INT && p->type == NGOJST_V_INT)) {
			rule_fail(ld, r, &op->pos, "parameter $%s is a %s, expected a %s", op->param,
				  ngojst_vtype_name(p->type), ngojst_vtype_name(want));
			return false;
		}
		return true;
	case NGOJST_OP_LITERAL:
		if (want != NGOJST_V_NONE && !literal_as(&op->lit, want)) {
			rule_fail(ld, r, &op->pos, "%s \"%s\" is not a %s", what,
				  op->lit.type == NGOJST_V_STRING ? op->lit.u.s : ngojst_vtype_name(op->lit.type),
				  ngojst_vtype_name(want));
			return false;
		}
		return true;
	}
	return false;
}

static bool check_dexpr(ngojst_loader *ld, const ngojst_rule *r, const ngojst_kind *k, ngojst_dexpr *de,
			const char *what)
{
	switch (de->kind) {
	case NGOJST_DE_NONE:
		rule_fail(ld, r, NULL, "%s: no date given", what);
		return false;
	case NGOJST_DE_VALUE:
		return check_operand(ld, r, k, &de->base, NGOJST_V_DATE, what);
	case NGOJST_DE_FIXED:
		return check_operand(ld, r, k, &de->amount, NGOJST_V_MONTHDAY, what) &&
		       check_operand(ld, r, k, &de->base, NGOJST_V_INT, "the year") &&
		       check_operand(ld, r, k, &de->roll, NGOJST_V_ROLLOVER, "roll");
	case NGOJST_DE_DAYS:
	case NGOJST_DE_WORKING_DAYS:
	case NGOJST_DE_MONTHS:
		return check_operand(ld, r, k, &de->amount, NGOJST_V_INT, what) &&
		       check_operand(ld, r, k, &de->base, NGOJST_V_DATE, what) &&
		       check_operand(ld, r, k, &de->roll, NGOJST_V_ROLLOVER, "roll");
	}
	return false;
}

static bool check_cond(ngojst_loader *ld, const ngojst_rule *r, const ngojst_kind *k, ngojst_cond *c)
{
	ngojst_path_type pt;
	size_t i;
	bool ok = true;

	switch (c->kind) {
	case NGOJST_COND_PRESENT:
	case NGOJST_COND_ABSENT:
		return resolve(ld, r, k, &c->field, &pt);
	case NGOJST_COND_EQUALS:
		if (!resolve(ld, r, k, &c->field, &pt))
			return false;
		if (pt.multi || ftype_value(pt.type) == NGOJST_V_NONE)
			return rule_fail(ld, r, &c->field.pos, "equals needs a single scalar field") == 0;
		return check_operand(ld, r, k, &c->value, ftype_value(pt.type), "the value");
	default:
		for (i = 0; i < c->nsubs; i++)
			ok = check_cond(ld, r, k, &c->subs[i]) && ok;
		return ok;
	}
}

static bool check_for_kind(ngojst_loader *ld, ngojst_rule *r, const ngojst_kind *k)
{
	ngojst_check *ck = &r->check;
	ngojst_path_type pt;
	size_t i;

	if (r->when && !check_cond(ld, r, k, r->when))
		return false;
	if (!check_operand(ld, r, k, &r->in_force_on, NGOJST_V_DATE, "in_force_on"))
		return false;
	switch (ck->kind) {
	case NGOJST_CHECK_REQUIRED:
		if (ck->nfields) {
			bool ok = true;

			for (i = 0; i < ck->nfields; i++)
				ok = resolve(ld, r, k, &ck->fields[i], &pt) && ok;
			return ok;
		}
		return resolve(ld, r, k, &ck->field, &pt);
	case NGOJST_CHECK_RANGE: {
		ngojst_vtype t;

		if (!resolve(ld, r, k, &ck->field, &pt))
			return false;
		t = ftype_value(pt.type);
		if (t != NGOJST_V_INT && t != NGOJST_V_MONEY && t != NGOJST_V_DATE)
			return rule_fail(ld, r, &ck->field.pos, "range needs a number, amount or date field; \"%s\" is a %s",
					 ck->field.path.text, ngojst_ftype_name(pt.type)) == 0;
		return check_operand(ld, r, k, &ck->min, t, "min") && check_operand(ld, r, k, &ck->max, t, "max");
	}
	case NGOJST_CHECK_COUNT:
		if (!resolve(ld, r, k, &ck->field, &pt))
			return false;
		if (pt.multi || (pt.type != NGOJST_FT_LIST && pt.type != NGOJST_FT_STRINGS))
			return rule_fail(ld, r, &ck->field.pos, "count needs a list field") == 0;
		return check_operand(ld, r, k, &ck->min, NGOJST_V_INT, "min") &&
		       check_operand(ld, r, k, &ck->max, NGOJST_V_INT, "max");
	case NGOJST_CHECK_IN_LIST:
	case NGOJST_CHECK_UNIQUE:
		if (!resolve(ld, r, k, &ck->field, &pt))
			return false;
		if (pt.type != NGOJST_FT_STRING)
			return rule_fail(ld, r, &ck->field.pos, "%s needs string values; \"%s\" is a %s",
					 ngojst_check_kind_name(ck->kind), ck->field.path.text,
					 ngojst_ftype_name(pt.type)) == 0;
		if (ck->kind == NGOJST_CHECK_UNIQUE && !pt.multi)
			return rule_fail(ld, r, &ck->field.pos, "unique needs a path through a list (with \"*\")") == 0;
		if (ck->kind == NGOJST_CHECK_IN_LIST && !ngojst_ruleset_list(ld->rs, ck->list))
			return rule_fail(ld, r, &ck->field.pos, "unknown list \"%s\"", ck->list) == 0;
		return true;
	case NGOJST_CHECK_DATE_ORDER:
		return check_dexpr(ld, r, k, ck->first, "first") && check_dexpr(ld, r, k, ck->then, "then");
	case NGOJST_CHECK_DEADLINE:
		return check_dexpr(ld, r, k, ck->first, "field") && check_dexpr(ld, r, k, ck->then, "due");
	case NGOJST_CHECK_SUM:
		if (!resolve(ld, r, k, &ck->field, &pt))
			return false;
		if (pt.type != NGOJST_FT_MONEY && pt.type != NGOJST_FT_INT)
			return rule_fail(ld, r, &ck->field.pos, "sum needs amounts or numbers") == 0;
		return check_operand(ld, r, k, &ck->min, ftype_value(pt.type), "min") &&
		       check_operand(ld, r, k, &ck->max, ftype_value(pt.type), "max");
	case NGOJST_CHECK_SHARE:
		return check_operand(ld, r, k, &ck->field, NGOJST_V_MONEY, "part") &&
		       check_operand(ld, r, k, &ck->total, NGOJST_V_MONEY, "whole") &&
		       check_operand(ld, r, k, &ck->min, NGOJST_V_PERCENT, "min") &&
		       check_operand(ld, r, k, &ck->max, NGOJST_V_PERCENT, "max");
	case NGOJST_CHECK_EQUALS:
		if (!resolve(ld, r, k, &ck->field, &pt))
			return false;
		if (pt.multi || ftype_value(pt.type) == NGOJST_V_NONE)
			return rule_fail(ld, r, &ck->field.pos, "equals needs a single scalar field") == 0;
		return check_operand(ld, r, k, &ck->value, ftype_value(pt.type), "value");
	case NGOJST_CHECK_BUILTIN: {
		const ngojst_builtin_check *bi = ngojst_builtin_find(ck->builtin);

		if (!bi)
			return rule_fail(ld, r, NULL, "unknown built-in check \"%s\"", ck->builtin) == 0;
		/* A built-in reads one kind's struct: never hand it another. */
		for (i = 0; bi->kinds[i]; i++)
			if (!strcmp(bi->kinds[i], k->name))
				return true;
		return rule_fail(ld, r, NULL, "the built-in check \"%s\" does not apply to %s", ck->builtin, k->name) == 0;
	}
	}
	return false;
}

/* Every {name} in a message is a placeholder its check fills in or a field
 * path of every kind the rule applies to. */
static void check_placeholders(ngojst_loader *ld, const ngojst_rule *r, const char *msg, bool missing)
{
	const char *const *names = placeholders_for(r->check.kind, missing);
	const char *p = msg;

	while (msg && (p = strchr(p, '{'))) {
		const char *end = strchr(p, '}');
		char name[128];
		size_t i, len;
		bool known = false;

		if (!end) {
			rule_fail(ld, r, NULL, "unclosed \"{\" in message \"%s\"", msg);
			return;
		}
		len = (size_t)(end - p - 1);
		if (len == 0 || len >= sizeof(name)) {
			rule_fail(ld, r, NULL, "bad placeholder in message \"%s\"", msg);
			return;
		}
		memcpy(name, p + 1, len);
		name[len] = '\0';
		for (i = 0; names[i]; i++)
			if (!strcmp(name, names[i]))
				known = true;
		if (!known) {
			ngojst_path path;
			size_t k;
			int prc = ngojst_path_parse(&ld->rs->arena, name, &path);

			if (prc == NGOJST_ENOMEM) {
				ld->err = NGOJST_ENOMEM; /* not the placeholder's fault */
				return;
			}
			if (prc != NGOJST_OK) {
				rule_fail(ld, r, NULL, "unknown placeholder {%s}", name);
				return;
			}
			for (k = 0; k < r->nkinds; k++) {
				ngojst_path_type pt;
				const char *bad;

				if (ngojst_path_resolve(ngojst_kind_find(r->kinds[k])->schema, &path, &pt, &bad) ||
				    pt.multi || ftype_value(pt.type) == NGOJST_V_NONE) {
					rule_fail(ld, r, NULL,
						  "placeholder {%s} is neither filled in by a %s check nor a single field of %s",
						  name, ngojst_check_kind_name(r->check.kind), r->kinds[k]);
					return;
				}
			}
		}
		p = end + 1;
	}
}

static void check_citation(ngojst_loader *ld, const ngojst_rule *r)
{
	const ngojst_basis *b = &r->basis;
	char expect[160];
	size_t n;

	if (!b->act)
		return;
	if (!ngojst_ruleset_source(ld->rs, b->act)) {
		rule_fail(ld, r, NULL, "basis names act \"%s\", which is not among the rule set's sources", b->act);
		return;
	}
	/* (Built without printf: this runs for every rule at every load.) */
	n = 0;
	expect[0] = '\0';
	ngojst_str_cat(expect, sizeof(expect), &n, b->act);
	ngojst_str_cat(expect, sizeof(expect), &n, b->art ? "." : ".par");
	ngojst_str_cat(expect, sizeof(expect), &n, b->art ? b->art : b->par ? b->par : "");
	if (b->ust) {
		ngojst_str_cat(expect, sizeof(expect), &n, ".");
		ngojst_str_cat(expect, sizeof(expect), &n, b->ust);
	}
	if (b->pkt) {
		ngojst_str_cat(expect, sizeof(expect), &n, ".pt");
		ngojst_str_cat(expect, sizeof(expect), &n, b->pkt);
	}
	if (b->lit) {
		ngojst_str_cat(expect, sizeof(expect), &n, ".lit");
		ngojst_str_cat(expect, sizeof(expect), &n, b->lit);
	}
	for (n = 0; expect[n]; n++)
		if (expect[n] >= 'A' && expect[n] <= 'Z')
			expect[n] = (char)(expect[n] - 'A' + 'a');
	n = strlen(expect);
	if (strncmp(r->id, expect, n) != 0 || (r->id[n] != '\0' && r->id[n] != '.'))
		rule_fail(ld, r, NULL, "the id does not follow its citation: expected \"%s\" or \"%s.<suffix>\"", expect,
			  expect);
}

int ngojst_ld_check_rules(ngojst_loader *ld)
{
	size_t i, k;

	for (i = 0; i < ld->rs->nrules; i++) {
		ngojst_rule *r = &ld->rs->rules[i];

		ld->source = r->pos.source;
		check_citation(ld, r);
		if (r->status == NGOJST_STATUS_UNCONFIRMED && r->severity != NGOJST_SEVERITY_NOTE)
			rule_fail(ld, r, NULL, "its basis is UNCONFIRMED, so its severity can only be note");
		if (!ngojst_date_is_none(r->valid_to) && !ngojst_date_is_none(r->valid_from) &&
		    ngojst_date_cmp(r->valid_to, r->valid_from) < 0)
			rule_fail(ld, r, NULL, "valid_to is before valid_from");
		if (r->missing_message[0] &&
		    (r->check.kind != NGOJST_CHECK_DEADLINE || r->check.if_missing != NGOJST_MISSING_OVERDUE))
			rule_fail(ld, r, NULL, "missing_message is only for a deadline with if_missing: overdue");
		if (r->check.kind == NGOJST_CHECK_DEADLINE && r->check.if_missing == NGOJST_MISSING_OVERDUE &&
		    !r->missing_message[0])
			rule_fail(ld, r, NULL, "a deadline with if_missing: overdue needs missing_message");
		for (k = 0; k < 2; k++) {
			check_placeholders(ld, r, r->message[k], false);
			check_placeholders(ld, r, r->missing_message[k], true);
		}
		for (k = 0; k < r->nkinds; k++)
			check_for_kind(ld, r, ngojst_kind_find(r->kinds[k]));
		if (ld->err == NGOJST_ENOMEM)
			return ld->err;
	}
	return ld->err;
}
