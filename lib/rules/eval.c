/* The evaluator: every rule in force for the document's kind and law date,
 * its condition, its check, and the findings it yields. */
#include <stdio.h>
#include <string.h>

#include "eval.h"
#include "path.h"

/* ---- values from a document ------------------------------------------------ */

static bool value_of(const ngojst_path_value *pv, ngojst_value *out)
{
	memset(out, 0, sizeof(*out));
	if (!ngojst_path_value_present(pv))
		return false;
	switch (pv->type) {
	case NGOJST_FT_STRING:
		out->type = NGOJST_V_STRING;
		out->u.s = *(const char *const *)pv->ptr;
		return true;
	case NGOJST_FT_INT:
		out->type = NGOJST_V_INT;
		out->u.i = *(const int64_t *)pv->ptr;
		return true;
	case NGOJST_FT_MONEY:
		out->type = NGOJST_V_MONEY;
		out->u.i = *(const ngojst_money *)pv->ptr;
		return true;
	case NGOJST_FT_DATE:
		out->type = NGOJST_V_DATE;
		out->u.d = *(const ngojst_date *)pv->ptr;
		return true;
	case NGOJST_FT_FLAG:
		out->type = NGOJST_V_BOOL;
		out->u.b = *(const ngojst_flag *)pv->ptr == NGOJST_FLAG_YES;
		return true;
	default:
		return false;
	}
}

typedef struct single_ud {
	ngojst_value v;
	bool found;
	char *pointer;  /* NULL: not wanted */
	size_t psize;
} single_ud;

/* snprintf(dst, size, "%s", src) without the printf machinery: rules look
 * up many values and want the pointer of few. */
static void copy_pointer(char *dst, size_t size, const char *src)
{
	size_t n;

	if (!size)
		return;
	n = strlen(src);
	if (n >= size)
		n = size - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* Every path walk goes through here: a JSON pointer that could not be built
 * (out of memory) must stop the evaluation with ENOMEM, not look like an
 * absent value and so become a false finding. */
static void eval_walk(ngojst_eval *ev, const ngojst_path *p, ngojst_path_fn fn, void *ud)
{
	if (ngojst_path_walk(ev->kind->schema, ev->data, p, &ev->ptr, fn, ud) == NGOJST_ENOMEM)
		ev->err = NGOJST_ENOMEM;
}

static int take_single(void *ud, const ngojst_path_value *pv)
{
	single_ud *s = ud;

	if (s->pointer) {
		const char *ptr = ngojst_path_value_pointer(pv);

		if (!ptr)
			return NGOJST_ENOMEM;
		copy_pointer(s->pointer, s->psize, ptr);
	}
	s->found = value_of(pv, &s->v);
	return 1; /* a single-valued path: stop at the first */
}

/* The value of a single-valued path; false when absent. pointer (if not
 * NULL) receives the value's JSON pointer even when it is absent. */
static bool path_value(ngojst_eval *ev, const ngojst_path *p, ngojst_value *out, char *pointer, size_t psize)
{
	single_ud s;

	s.found = false;
	s.pointer = pointer;
	s.psize = psize;
	if (pointer && psize)
		pointer[0] = '\0';
	eval_walk(ev, p, take_single, &s);
	if (!s.found)
		return false;
	*out = s.v;
	return true;
}

/* An operand's value in force; false when absent or not in force. */
static bool operand_value(ngojst_eval *ev, const ngojst_operand *op, ngojst_value *out, char *pointer, size_t psize)
{
	const ngojst_param *p;
	const ngojst_param_value *pv;

	if (pointer && psize)
		pointer[0] = '\0';
	switch (op->kind) {
	case NGOJST_OP_LITERAL:
		*out = op->lit;
		return true;
	case NGOJST_OP_PARAM:
		p = ngojst_ruleset_param(ev->rs, op->param);
		pv = p ? ngojst_param_at(p, ev->law_date) : NULL;
		if (!pv)
			return false;
		/* A finding made with an overlay's value is that overlay's. */
		if (pv->layer > ev->param_layer)
			ev->param_layer = pv->layer;
		*out = pv->value;
		return true;
	case NGOJST_OP_PATH:
		return path_value(ev, &op->path, out, pointer, psize);
	case NGOJST_OP_NONE:
		break;
	}
	return false;
}

const ngojst_value *ngojst_eval_param(ngojst_eval *ev, const char *name, ngojst_vtype type)
{
	const ngojst_param *p = ngojst_ruleset_param(ev->rs, name);
	const ngojst_param_value *v = p ? ngojst_param_at(p, ev->law_date) : NULL;

	if (!v || v->value.type != type)
		return NULL;
	if (v->layer > ev->param_layer)
		ev->param_layer = v->layer;
	return &v->value;
}

/* ---- date expressions ---------------------------------------------------------- */

static bool dexpr_value(ngojst_eval *ev, const ngojst_dexpr *de, ngojst_date *out, char *pointer, size_t psize)
{
	ngojst_value base, amount, roll;
	ngojst_rollover r = NGOJST_ROLL_NONE;
	int rc;

	if (pointer && psize)
		pointer[0] = '\0';
	if (!operand_value(ev, &de->base, &base, pointer, psize))
		return false;
	if (de->kind == NGOJST_DE_VALUE) {
		*out = base.u.d;
		return true;
	}
	if (!operand_value(ev, &de->amount, &amount, NULL, 0))
		return false;
	if (de->roll.kind && operand_value(ev, &de->roll, &roll, NULL, 0))
		r = roll.u.roll;
	switch (de->kind) {
	case NGOJST_DE_FIXED:
		/* The base is a year, not a date: no place to point at. */
		if (pointer && psize)
			pointer[0] = '\0';
		if (base.u.i < 1 || base.u.i > 9999)
			return false;
		rc = ngojst_deadline_fixed(ev->cal, out, (int)base.u.i, amount.u.md.year_offset, amount.u.md.month,
					   amount.u.md.day, r);
		break;
	case NGOJST_DE_DAYS:
		rc = amount.u.i < 0 || amount.u.i > 100000 ? NGOJST_ERANGE
			: ngojst_deadline_days(ev->cal, out, base.u.d, (int32_t)amount.u.i, r);
		break;
	case NGOJST_DE_WORKING_DAYS:
		rc = amount.u.i < 0 || amount.u.i > 100000 ? NGOJST_ERANGE
			: ngojst_deadline_working_days(ev->cal, out, base.u.d, (int32_t)amount.u.i);
		break;
	case NGOJST_DE_MONTHS:
		rc = amount.u.i < 0 || amount.u.i > 12000 ? NGOJST_ERANGE
			: ngojst_deadline_months(ev->cal, out, base.u.d, (int32_t)amount.u.i, r);
		break;
	default:
		return false;
	}
	return rc == NGOJST_OK;
}

/* ---- formatting ------------------------------------------------------------------ */

const char *ngojst_eval_format_value(ngojst_eval *ev, const ngojst_value *v, char *buf, size_t size)
{
	switch (v->type) {
	case NGOJST_V_INT:
		snprintf(buf, size, "%lld", (long long)v->u.i);
		break;
	case NGOJST_V_MONEY:
		if (ev->lang == NGOJST_LANG_PL) {
			if (ngojst_money_format(buf, size, v->u.i, NGOJST_MONEY_POLISH) < 0)
				snprintf(buf, size, "?");
		} else {
			char tmp[48];

			if (ngojst_money_format(tmp, sizeof(tmp), v->u.i, NGOJST_MONEY_PLAIN) < 0)
				snprintf(tmp, sizeof(tmp), "?");
			snprintf(buf, size, "PLN %s", tmp);
		}
		break;
	case NGOJST_V_PERCENT:
		snprintf(buf, size, "%lld%s%02lld %%", (long long)(v->u.i / 100), ev->lang == NGOJST_LANG_PL ? "," : ".",
			 (long long)(v->u.i % 100));
		break;
	case NGOJST_V_DATE:
		if (ngojst_date_format(buf, size, v->u.d) < 0)
			snprintf(buf, size, "?");
		break;
	case NGOJST_V_STRING:
		snprintf(buf, size, "%s", v->u.s ? v->u.s : "");
		break;
	case NGOJST_V_BOOL:
		snprintf(buf, size, "%s", v->u.b ? (ev->lang == NGOJST_LANG_PL ? "tak" : "yes")
						  : (ev->lang == NGOJST_LANG_PL ? "nie" : "no"));
		break;
	default:
		snprintf(buf, size, "%s", ev->lang == NGOJST_LANG_PL ? "brak" : "none");
		break;
	}
	return buf;
}

static void render(ngojst_eval *ev, const char *tmpl, const ngojst_var *vars, size_t nvars)
{
	const char *p = tmpl;
	int rc;

	ngojst_buf_reset(&ev->msg);
	while (*p) {
		const char *open = strchr(p, '{'), *close;
		char name[128], val[512];
		size_t i, len;
		bool done = false;

		if (!open) {
			ngojst_buf_puts(&ev->msg, p);
			break;
		}
		ngojst_buf_add(&ev->msg, p, (size_t)(open - p));
		close = strchr(open, '}');
		len = close ? (size_t)(close - open - 1) : 0;
		if (!close || len >= sizeof(name)) { /* verified at load; be safe */
			ngojst_buf_puts(&ev->msg, open);
			break;
		}
		memcpy(name, open + 1, len);
		name[len] = '\0';
		for (i = 0; i < nvars && !done; i++) {
			if (!strcmp(vars[i].name, name)) {
				ngojst_buf_puts(&ev->msg, vars[i].value ? vars[i].value : "");
				done = true;
			}
		}
		if (!done) {
			ngojst_path path;
			ngojst_value v;
			ngojst_arena scratch;

			/* A document field named in the message. Running out of
			 * memory here must fail the check, not print "(brak)". */
			ngojst_arena_init(&scratch, ev->ctx, 512);
			rc = ngojst_path_parse(&scratch, name, &path);
			if (rc == NGOJST_OK && path_value(ev, &path, &v, NULL, 0))
				ngojst_buf_puts(&ev->msg, ngojst_eval_format_value(ev, &v, val, sizeof(val)));
			else if (rc == NGOJST_ENOMEM || ev->ptr.failed)
				ev->err = NGOJST_ENOMEM;
			else
				ngojst_buf_puts(&ev->msg, ev->lang == NGOJST_LANG_PL ? "(brak)" : "(none)");
			ngojst_arena_release(&scratch);
		}
		p = close + 1;
	}
}

/* Position of a pointer in the source: the value itself, or its nearest
 * existing ancestor when the value is absent. */
static void position(const ngojst_document *doc, const char *pointer, unsigned *line, unsigned *column)
{
	char buf[256];
	size_t len;

	*line = *column = 0;
	if (!doc->tree)
		return;
	snprintf(buf, sizeof(buf), "%s", pointer);
	for (;;) {
		const ngojst_node *n = ngojst_tree_lookup(doc->tree, buf);

		if (n) {
			*line = n->line;
			*column = n->column;
			return;
		}
		len = strlen(buf);
		if (!len)
			return;
		while (len && buf[len - 1] != '/')
			len--;
		buf[len ? len - 1 : 0] = '\0';
	}
}

int ngojst_eval_emit(ngojst_eval *ev, const char *pointer, const ngojst_var *vars, size_t nvars, bool missing)
{
	const ngojst_rule *r = ev->rule;
	const char *tmpl = missing && r->missing_message[ev->lang] ? r->missing_message[ev->lang] : r->message[ev->lang];
	ngojst_finding f;
	char citation[256];
	int rc;

	render(ev, tmpl, vars, nvars);
	if (ev->err || !ngojst_buf_cstr(&ev->msg))
		return ev->err = NGOJST_ENOMEM;
	ngojst_rule_citation(ev->rs, r, ev->lang, citation, sizeof(citation));
	memset(&f, 0, sizeof(f));
	f.rule_id = r->id;
	f.severity = r->severity;
	f.consequence = r->consequence;
	f.status = r->status;
	f.path = pointer;
	position(ev->doc, pointer, &f.line, &f.column);
	f.message = ngojst_buf_cstr(&ev->msg);
	f.citation = citation;
	f.ruleset_id = ev->rs->layers[r->changed_by > ev->param_layer ? r->changed_by : ev->param_layer].id;
	rc = ngojst_report_add(ev->report, &f);
	if (rc == NGOJST_ENOMEM)
		ev->err = rc;
	return rc;
}

/* ---- conditions ---------------------------------------------------------------------- */

typedef struct any_ud {
	bool present;
} any_ud;

static int any_present(void *ud, const ngojst_path_value *pv)
{
	any_ud *a = ud;

	if (ngojst_path_value_present(pv)) {
		a->present = true;
		return 1;
	}
	return 0;
}

static bool path_present(ngojst_eval *ev, const ngojst_path *p)
{
	any_ud a = { false };

	eval_walk(ev, p, any_present, &a);
	return a.present;
}

static bool values_equal(const ngojst_value *a, const ngojst_value *b)
{
	switch (a->type) {
	case NGOJST_V_STRING: return b->type == a->type && !strcmp(a->u.s, b->u.s);
	case NGOJST_V_BOOL: return b->type == a->type && a->u.b == b->u.b;
	case NGOJST_V_DATE: return b->type == a->type && !ngojst_date_cmp(a->u.d, b->u.d);
	case NGOJST_V_INT:
	case NGOJST_V_MONEY:
	case NGOJST_V_PERCENT: return b->type == a->type && a->u.i == b->u.i;
	default: return false;
	}
}

static bool cond_holds(ngojst_eval *ev, const ngojst_cond *c)
{
	ngojst_value a, b;
	size_t i;

	switch (c->kind) {
	case NGOJST_COND_PRESENT:
		return path_present(ev, &c->field.path);
	case NGOJST_COND_ABSENT:
		return !path_present(ev, &c->field.path);
	case NGOJST_COND_EQUALS:
		return path_value(ev, &c->field.path, &a, NULL, 0) && operand_value(ev, &c->value, &b, NULL, 0) &&
		       values_equal(&a, &b);
	case NGOJST_COND_NOT:
		return !cond_holds(ev, c->subs);
	case NGOJST_COND_ALL:
		for (i = 0; i < c->nsubs; i++)
			if (!cond_holds(ev, &c->subs[i]))
				return false;
		return true;
	case NGOJST_COND_ANY:
		for (i = 0; i < c->nsubs; i++)
			if (cond_holds(ev, &c->subs[i]))
				return true;
		return false;
	}
	return false;
}

/* ---- checks ------------------------------------------------------------------------------ */

typedef struct walk_ud {
	ngojst_eval *ev;
	const ngojst_check *ck;
	const ngojst_path *path;
	ngojst_value min, max;
	bool has_min, has_max;
	const ngojst_list *list;
	int64_t sum;
	bool any, overflow;
	size_t count;
	const char **seen;
	size_t nseen;
} walk_ud;

/* A finding at the value a walk reached; the walk's callbacks return
 * non-zero (stop) when out of memory. */
static int emit_at(ngojst_eval *ev, const ngojst_path_value *pv, const ngojst_var *vars, size_t nvars, bool missing)
{
	const char *ptr = ngojst_path_value_pointer(pv);

	if (!ptr)
		return ev->err = NGOJST_ENOMEM;
	return ngojst_eval_emit(ev, ptr, vars, nvars, missing);
}

static int on_required(void *ud, const ngojst_path_value *pv)
{
	walk_ud *w = ud;
	ngojst_var var = { "field", w->path->text };

	if (!ngojst_path_value_present(pv))
		return emit_at(w->ev, pv, &var, 1, false) == NGOJST_ENOMEM;
	return 0;
}

static int compare(const ngojst_value *a, const ngojst_value *b)
{
	if (a->type == NGOJST_V_DATE)
		return ngojst_date_cmp(a->u.d, b->u.d);
	return (a->u.i > b->u.i) - (a->u.i < b->u.i);
}

static int on_range(void *ud, const ngojst_path_value *pv)
{
	walk_ud *w = ud;
	ngojst_value v;
	char actual[64], lo[64], hi[64];
	bool bad;

	if (!value_of(pv, &v))
		return 0;
	bad = (w->has_min && compare(&v, &w->min) < 0) || (w->has_max && compare(&v, &w->max) > 0);
	if (bad) {
		ngojst_var vars[] = {
			{ "field", w->path->text },
			{ "actual", ngojst_eval_format_value(w->ev, &v, actual, sizeof(actual)) },
			{ "min", w->has_min ? ngojst_eval_format_value(w->ev, &w->min, lo, sizeof(lo)) : "" },
			{ "max", w->has_max ? ngojst_eval_format_value(w->ev, &w->max, hi, sizeof(hi)) : "" },
			{ "expected", w->has_max && compare(&v, &w->max) > 0 ? hi : lo },
		};
		return emit_at(w->ev, pv, vars, 5, false) == NGOJST_ENOMEM;
	}
	return 0;
}

static bool list_contains_exact(const ngojst_list *l, const char *s);

/* List membership: exact, then ignoring ASCII case and surrounding blanks,
 * because documents are written by people; a list of references (e.g.
 * points of art. 4 ust. 1) also matches with its prefixes ("pkt ") removed. */
bool ngojst_list_contains(const ngojst_list *l, const char *s)
{
	size_t i;

	if (list_contains_exact(l, s))
		return true;
	for (i = 0; i < l->nstrip; i++) {
		size_t n = strlen(l->strip[i]);

		if (!strncmp(s, l->strip[i], n) && list_contains_exact(l, s + n))
			return true;
	}
	return false;
}

static bool list_contains_exact(const ngojst_list *l, const char *s)
{
	size_t i, n, a, b;

	for (i = 0; i < l->count; i++)
		if (l->items[i][0] == s[0] && !strcmp(l->items[i], s))
			return true;
	while (*s == ' ')
		s++;
	n = strlen(s);
	while (n && s[n - 1] == ' ')
		n--;
	for (i = 0; i < l->count; i++) {
		const char *it = l->items[i];

		if (strlen(it) != n)
			continue;
		for (a = 0, b = 0; a < n; a++) {
			char x = s[a], y = it[a];

			if (x >= 'A' && x <= 'Z')
				x = (char)(x - 'A' + 'a');
			if (y >= 'A' && y <= 'Z')
				y = (char)(y - 'A' + 'a');
			if (x != y) {
				b = 1;
				break;
			}
		}
		if (!b)
			return true;
	}
	return false;
}

static int on_in_list(void *ud, const ngojst_path_value *pv)
{
	walk_ud *w = ud;
	ngojst_value v;

	if (!value_of(pv, &v) || ngojst_list_contains(w->list, v.u.s))
		return 0;
	{
		ngojst_var vars[] = { { "field", w->path->text }, { "actual", v.u.s }, { "list", w->list->name } };

		return emit_at(w->ev, pv, vars, 3, false) == NGOJST_ENOMEM;
	}
}

static int on_unique(void *ud, const ngojst_path_value *pv)
{
	walk_ud *w = ud;
	ngojst_value v;
	size_t i;

	if (!value_of(pv, &v))
		return 0;
	for (i = 0; i < w->nseen; i++) {
		if (!strcmp(w->seen[i], v.u.s)) {
			ngojst_var vars[] = { { "field", w->path->text }, { "actual", v.u.s } };

			return emit_at(w->ev, pv, vars, 2, false) == NGOJST_ENOMEM;
		}
	}
	if (w->nseen < w->count)
		w->seen[w->nseen++] = v.u.s;
	return 0;
}

static int on_tally(void *ud, const ngojst_path_value *pv)
{
	walk_ud *w = ud;

	(void)pv;
	w->count++;
	return 0;
}

static int on_sum(void *ud, const ngojst_path_value *pv)
{
	walk_ud *w = ud;
	ngojst_value v;

	if (!value_of(pv, &v))
		return 0;
	w->any = true;
	if (!w->overflow && ngojst_money_add(&w->sum, w->sum, v.u.i) != NGOJST_OK)
		w->overflow = true;
	return 0;
}

static int on_count(void *ud, const ngojst_path_value *pv)
{
	walk_ud *w = ud;

	if (pv->type == NGOJST_FT_LIST)
		w->count = *(const size_t *)(const void *)((const char *)pv->owner + pv->field->count_offset);
	else if (pv->type == NGOJST_FT_STRINGS)
		w->count = ((const ngojst_strings *)pv->ptr)->count;
	return 1;
}

/* Number of items of a list field (the path reaches one list). */
static size_t list_count(ngojst_eval *ev, const ngojst_path *p)
{
	walk_ud w;

	memset(&w, 0, sizeof(w));
	eval_walk(ev, p, on_count, &w);
	return w.count;
}

/* 128-bit comparison of a * b against c * d for non-negative operands,
 * without floating point: share checks compare part/whole with percents. */
static int cmp_products(uint64_t a, uint64_t b, uint64_t c, uint64_t d)
{
	uint64_t hi1, lo1, hi2, lo2;

#define MUL(x, y, hi, lo) do { \
	uint64_t xl = (x) & 0xffffffffu, xh = (x) >> 32, yl = (y) & 0xffffffffu, yh = (y) >> 32; \
	uint64_t ll = xl * yl, lh = xl * yh, hl = xh * yl, hh = xh * yh; \
	uint64_t mid = (ll >> 32) + (lh & 0xffffffffu) + (hl & 0xffffffffu); \
	(lo) = (ll & 0xffffffffu) | (mid << 32); \
	(hi) = hh + (lh >> 32) + (hl >> 32) + (mid >> 32); \
} while (0)
	MUL(a, b, hi1, lo1);
	MUL(c, d, hi2, lo2);
#undef MUL
	if (hi1 != hi2)
		return hi1 < hi2 ? -1 : 1;
	return lo1 < lo2 ? -1 : lo1 > lo2;
}

static int run_check(ngojst_eval *ev)
{
	const ngojst_check *ck = &ev->rule->check;
	walk_ud w;
	char p1[256], p2[256], a[64], b[64];
	ngojst_value v1, v2;
	ngojst_date d1, d2;
	size_t i;

	memset(&w, 0, sizeof(w));
	w.ev = ev;
	w.ck = ck;
	w.path = &ck->field.path;
	switch (ck->kind) {
	case NGOJST_CHECK_REQUIRED:
		if (ck->nfields) {
			for (i = 0; i < ck->nfields && !ev->err; i++) {
				w.path = &ck->fields[i].path;
				eval_walk(ev, w.path, on_required, &w);
			}
			return ev->err;
		}
		eval_walk(ev, w.path, on_required, &w);
		return ev->err;
	case NGOJST_CHECK_RANGE:
		w.has_min = ck->min.kind && operand_value(ev, &ck->min, &w.min, NULL, 0);
		w.has_max = ck->max.kind && operand_value(ev, &ck->max, &w.max, NULL, 0);
		if (w.has_min || w.has_max)
			eval_walk(ev, w.path, on_range, &w);
		return ev->err;
	case NGOJST_CHECK_IN_LIST:
		w.list = ngojst_ruleset_list(ev->rs, ck->list);
		if (w.list)
			eval_walk(ev, w.path, on_in_list, &w);
		return ev->err;
	case NGOJST_CHECK_UNIQUE: {
		eval_walk(ev, w.path, on_tally, &w);
		w.seen = ngojst_calloc(ev->ctx, w.count ? w.count : 1, sizeof(*w.seen));
		if (!w.seen)
			return ev->err = NGOJST_ENOMEM;
		eval_walk(ev, w.path, on_unique, &w);
		ngojst_free(ev->ctx, (void *)w.seen);
		return ev->err;
	}
	case NGOJST_CHECK_COUNT: {
		size_t n = list_count(ev, w.path);
		ngojst_value cv = { NGOJST_V_INT, { 0 } };

		cv.u.i = (int64_t)n;
		w.has_min = ck->min.kind && operand_value(ev, &ck->min, &w.min, NULL, 0);
		w.has_max = ck->max.kind && operand_value(ev, &ck->max, &w.max, NULL, 0);
		if ((w.has_min && cv.u.i < w.min.u.i) || (w.has_max && cv.u.i > w.max.u.i)) {
			char cbuf[32], lo[32], hi[32];
			ngojst_var vars[] = {
				{ "field", w.path->text },
				{ "count", ngojst_eval_format_value(ev, &cv, cbuf, sizeof(cbuf)) },
				{ "min", w.has_min ? ngojst_eval_format_value(ev, &w.min, lo, sizeof(lo)) : "" },
				{ "max", w.has_max ? ngojst_eval_format_value(ev, &w.max, hi, sizeof(hi)) : "" },
			};
			char ptr[256];

			path_value(ev, w.path, &v1, ptr, sizeof(ptr));
			ngojst_eval_emit(ev, ptr, vars, 4, false);
		}
		return ev->err;
	}
	/* Values are looked up without their JSON pointers, which are written
	 * out (by looking the same values up again) only for a finding. */
	case NGOJST_CHECK_DATE_ORDER:
		if (!dexpr_value(ev, ck->first, &d1, NULL, 0) || !dexpr_value(ev, ck->then, &d2, NULL, 0))
			return ev->err;
		if (ngojst_date_cmp(d1, d2) > 0 || (ck->strict && ngojst_date_cmp(d1, d2) == 0)) {
			ngojst_value x = { NGOJST_V_DATE, { 0 } }, y = { NGOJST_V_DATE, { 0 } };
			ngojst_var vars[2];

			dexpr_value(ev, ck->first, &d1, p1, sizeof(p1));
			dexpr_value(ev, ck->then, &d2, p2, sizeof(p2));
			x.u.d = d1;
			y.u.d = d2;
			vars[0].name = "first";
			vars[0].value = ngojst_eval_format_value(ev, &x, a, sizeof(a));
			vars[1].name = "then";
			vars[1].value = ngojst_eval_format_value(ev, &y, b, sizeof(b));
			/* Point at the later-written date when it is a field. */
			ngojst_eval_emit(ev, *p2 ? p2 : p1, vars, 2, false);
		}
		return ev->err;
	case NGOJST_CHECK_DEADLINE: {
		ngojst_value due = { NGOJST_V_DATE, { 0 } }, act = { NGOJST_V_DATE, { 0 } };

		if (!dexpr_value(ev, ck->then, &due.u.d, NULL, 0))
			return ev->err;
		if (dexpr_value(ev, ck->first, &act.u.d, NULL, 0)) {
			if (ngojst_date_cmp(act.u.d, due.u.d) > 0) {
				ngojst_var vars[] = {
					{ "actual", ngojst_eval_format_value(ev, &act, a, sizeof(a)) },
					{ "due", ngojst_eval_format_value(ev, &due, b, sizeof(b)) },
				};
				dexpr_value(ev, ck->first, &act.u.d, p1, sizeof(p1));
				ngojst_eval_emit(ev, p1, vars, 2, false);
			}
		} else if (ck->if_missing == NGOJST_MISSING_OVERDUE && ngojst_date_cmp(ev->as_of, due.u.d) > 0) {
			ngojst_var vars[] = { { "due", ngojst_eval_format_value(ev, &due, b, sizeof(b)) } };

			dexpr_value(ev, ck->first, &act.u.d, p1, sizeof(p1));
			ngojst_eval_emit(ev, p1, vars, 1, true);
		}
		return ev->err;
	}
	case NGOJST_CHECK_SUM:
		eval_walk(ev, w.path, on_sum, &w);
		if (!w.any)
			return ev->err;
		w.has_min = ck->min.kind && operand_value(ev, &ck->min, &w.min, NULL, 0);
		w.has_max = ck->max.kind && operand_value(ev, &ck->max, &w.max, NULL, 0);
		if (w.overflow || (w.has_max && w.sum > w.max.u.i) || (w.has_min && w.sum < w.min.u.i)) {
			ngojst_value s = w.max;
			ngojst_var vars[3];

			if (ck->max.kind)
				operand_value(ev, &ck->max, &v2, p1, sizeof(p1));
			else
				p1[0] = '\0';

			s.u.i = w.sum;
			vars[0].name = "sum";
			vars[0].value = w.overflow ? "∞" : ngojst_eval_format_value(ev, &s, a, sizeof(a));
			vars[1].name = "expected";
			vars[1].value = w.has_max && (w.overflow || w.sum > w.max.u.i)
				? ngojst_eval_format_value(ev, &w.max, b, sizeof(b))
				: ngojst_eval_format_value(ev, &w.min, b, sizeof(b));
			vars[2].name = "field";
			vars[2].value = w.path->text;
			ngojst_eval_emit(ev, ck->max.kind == NGOJST_OP_PATH && *p1 ? p1 : "", vars, 3, false);
		}
		return ev->err;
	case NGOJST_CHECK_SHARE: {
		ngojst_value lim;

		if (!operand_value(ev, &ck->field, &v1, p1, sizeof(p1)) || !operand_value(ev, &ck->total, &v2, p2, sizeof(p2)) ||
		    v1.u.i < 0 || v2.u.i <= 0)
			return ev->err;
		for (i = 0; i < 2; i++) {
			const ngojst_operand *op = i ? &ck->max : &ck->min;
			int c;

			if (!op->kind || !operand_value(ev, op, &lim, NULL, 0))
				continue;
			/* part / whole vs lim / 10000 */
			c = cmp_products((uint64_t)v1.u.i, 10000, (uint64_t)lim.u.i, (uint64_t)v2.u.i);
			if ((i && c > 0) || (!i && c < 0)) {
				ngojst_var vars[] = {
					{ "actual", ngojst_eval_format_value(ev, &v1, a, sizeof(a)) },
					{ "expected", ngojst_eval_format_value(ev, &lim, b, sizeof(b)) },
				};
				ngojst_eval_emit(ev, p1, vars, 2, false);
			}
		}
		return ev->err;
	}
	case NGOJST_CHECK_EQUALS: {
		bool present = path_value(ev, &ck->field.path, &v1, NULL, 0);

		if (!operand_value(ev, &ck->value, &v2, NULL, 0))
			return ev->err;
		if (!present || !values_equal(&v1, &v2)) {
			ngojst_var vars[] = {
				{ "field", ck->field.path.text },
				{ "actual", present ? ngojst_eval_format_value(ev, &v1, a, sizeof(a))
						    : (ev->lang == NGOJST_LANG_PL ? "brak" : "none") },
				{ "expected", ngojst_eval_format_value(ev, &v2, b, sizeof(b)) },
			};

			path_value(ev, &ck->field.path, &v1, p1, sizeof(p1));
			ngojst_eval_emit(ev, p1, vars, 3, false);
		}
		return ev->err;
	}
	case NGOJST_CHECK_BUILTIN: {
		const ngojst_builtin_check *bi = ngojst_builtin_find(ck->builtin);

		if (bi) {
			int rc = bi->fn(ev, ev->data);

			if (rc && !ev->err)
				ev->err = rc;
		}
		return ev->err;
	}
	}
	return ev->err;
}

static bool for_kind(const ngojst_rule *r, const char *kind)
{
	size_t i;

	for (i = 0; i < r->nkinds; i++)
		if (r->kinds[i][0] == kind[0] && !strcmp(r->kinds[i], kind))
			return true;
	return false;
}

int ngojst_eval_run(ngojst_eval *ev)
{
	const ngojst_ruleset *rs = ev->rs;
	const size_t *only = NULL;
	size_t i, n = rs->nrules;

	/* The rules of the document's kind, from the index built at load. */
	for (i = 0; rs->kind_rules && i < rs->nkinds; i++) {
		if (ngojst_kind_at(i) == ev->kind) {
			only = rs->kind_rules[i];
			n = rs->kind_nrules[i];
			break;
		}
	}
	for (i = 0; i < n && !ev->err; i++) {
		const ngojst_rule *r = &rs->rules[only ? only[i] : i];
		ngojst_date when = ev->law_date;
		ngojst_value v;

		/* A rule switched off or for other kinds is passed over before
		 * its in_force_on date is looked up (ngojst_rule_applies would
		 * refuse it for any date). */
		if (!only && (!r->enabled || !for_kind(r, ev->kind->name)))
			continue;
		ev->rule = r;
		ev->param_layer = 0;
		/* A procedural duty is judged by the law in force when the act
		 * was done, where the rule names that date. */
		if (r->in_force_on.kind == NGOJST_OP_PATH && path_value(ev, &r->in_force_on.path, &v, NULL, 0))
			when = v.u.d;
		if (!ngojst_rule_applies(r, ev->kind->name, when))
			continue;
		if (r->when && !cond_holds(ev, r->when))
			continue;
		run_check(ev);
	}
	if (ev->ptr.failed || ev->msg.failed)
		ev->err = NGOJST_ENOMEM;
	return ev->err;
}
