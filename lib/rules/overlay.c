/* What an overlay may change. A municipality may tighten the law but not
 * loosen it: a lower cap, an earlier deadline, a shorter list of eligible
 * items, a higher severity are applied; the opposite is recorded as a
 * conflict (and reported with every report), never silently applied. */
#include <stdio.h>
#include <string.h>

#include "../core/buf.h"
#include "load-private.h"

int ngojst_ld_conflict(ngojst_loader *ld, const ngojst_node *at, ngojst_conflict_kind kind, const char *subject,
		       const char *fmt, ...)
{
	ngojst_ruleset *rs = ld->rs;
	ngojst_conflict *c;
	ngojst_buf b;
	va_list ap;

	if (ngojst_grow(ld->ctx, (void **)&rs->conflicts, &rs->cap_conflicts, rs->nconflicts + 1, sizeof(*c)))
		return ld->err = NGOJST_ENOMEM;
	c = &rs->conflicts[rs->nconflicts];
	ngojst_buf_init(&b, ld->ctx);
	ngojst_buf_printf(&b, "overlay \"%s\" ", rs->layers[ld->layer].id ? rs->layers[ld->layer].id : "?");
	va_start(ap, fmt);
	ngojst_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	c->message = ngojst_buf_cstr(&b) ? ngojst_arena_strdup(&rs->arena, ngojst_buf_cstr(&b)) : NULL;
	ngojst_buf_dispose(&b);
	c->subject = ngojst_arena_strdup(&rs->arena, subject);
	if (!c->message || !c->subject)
		return ld->err = NGOJST_ENOMEM;
	c->pos = ngojst_ld_pos(ld, at);
	c->kind = kind;
	c->layer = ld->layer;
	rs->nconflicts++;
	return NGOJST_OK;
}

static bool has_item(const char *const *items, size_t count, const char *item)
{
	size_t i;

	for (i = 0; i < count; i++)
		if (!strcmp(items[i], item))
			return true;
	return false;
}

int ngojst_ld_add_list(ngojst_loader *ld, const ngojst_list *l, const ngojst_node *at)
{
	ngojst_ruleset *rs = ld->rs;
	ngojst_list *old = (ngojst_list *)ngojst_ruleset_list(rs, l->name);
	size_t i;

	if (!old) {
		ngojst_list add = *l;

		if (ld->layer == 0) {
			add.statutory = add.items;
			add.nstatutory = add.count;
		}
		if (ngojst_grow(ld->ctx, (void **)&rs->lists, &rs->cap_lists, rs->nlists + 1, sizeof(*l)))
			return ld->err = NGOJST_ENOMEM;
		rs->lists[rs->nlists++] = add;
		return NGOJST_OK;
	}
	if (old->layer == ld->layer)
		return ngojst_ld_fail(ld, at, "list \"%s\" is defined twice", l->name);
	/* A statutory list may only be narrowed, by any number of overlays:
	 * each is measured against the law, not against the last overlay. */
	for (i = 0; old->statutory && i < l->count; i++) {
		if (!has_item(old->statutory, old->nstatutory, l->items[i]))
			return ngojst_ld_conflict(ld, at, NGOJST_CONFLICT_LIST, l->name,
						  "adds \"%s\" to the statutory list \"%s\"; the list is not changed",
						  l->items[i], l->name);
	}
	{
		const char **statutory = old->statutory;
		size_t nstatutory = old->nstatutory;

		*old = *l;
		old->statutory = statutory;
		old->nstatutory = nstatutory;
	}
	return NGOJST_OK;
}

/* Order two values of an orderable type; false if the type has no order. */
static bool value_cmp(const ngojst_value *a, const ngojst_value *b, int *out)
{
	switch (a->type) {
	case NGOJST_V_INT:
	case NGOJST_V_MONEY:
	case NGOJST_V_PERCENT:
		*out = (a->u.i > b->u.i) - (a->u.i < b->u.i);
		return true;
	case NGOJST_V_DATE:
		*out = ngojst_date_cmp(a->u.d, b->u.d);
		return true;
	case NGOJST_V_MONTHDAY: {
		const ngojst_monthday *x = &a->u.md, *y = &b->u.md;

		*out = x->year_offset != y->year_offset ? (x->year_offset > y->year_offset ? 1 : -1)
			: x->month != y->month ? (x->month > y->month ? 1 : -1)
			: (x->day > y->day) - (x->day < y->day);
		return true;
	}
	default:
		return false;
	}
}

static bool periods_overlap(const ngojst_param_value *a, const ngojst_param_value *b)
{
	/* A zero bound is open; intervals are inclusive. */
	if (!ngojst_date_is_none(a->valid_to) && !ngojst_date_is_none(b->valid_from) &&
	    ngojst_date_cmp(a->valid_to, b->valid_from) < 0)
		return false;
	if (!ngojst_date_is_none(b->valid_to) && !ngojst_date_is_none(a->valid_from) &&
	    ngojst_date_cmp(b->valid_to, a->valid_from) < 0)
		return false;
	return true;
}

static const char *bound_word(ngojst_bound b)
{
	return b == NGOJST_BOUND_UPPER ? "raises" : "lowers";
}

int ngojst_ld_add_param(ngojst_loader *ld, const ngojst_param *p, const ngojst_node *at)
{
	ngojst_ruleset *rs = ld->rs;
	ngojst_param *old = (ngojst_param *)ngojst_ruleset_param(rs, p->name);
	ngojst_param_value *merged;
	size_t i, j, n;

	if (!old) {
		if (ngojst_grow(ld->ctx, (void **)&rs->params, &rs->cap_params, rs->nparams + 1, sizeof(*p)))
			return ld->err = NGOJST_ENOMEM;
		rs->params[rs->nparams++] = *p;
		return NGOJST_OK;
	}
	if (old->layer == ld->layer)
		return ngojst_ld_fail(ld, at, "parameter \"%s\" is defined twice", p->name);
	merged = ngojst_arena_alloc(&rs->arena, (old->nvalues + p->nvalues) * sizeof(*merged));
	if (!merged)
		return ld->err = NGOJST_ENOMEM;
	memcpy(merged, old->values, old->nvalues * sizeof(*merged));
	n = old->nvalues;
	for (i = 0; i < p->nvalues; i++) {
		const ngojst_param_value *nv = &p->values[i];
		bool ok = true;

		if (old->layer == 0 && old->bound != NGOJST_BOUND_FREE) {
			for (j = 0; j < old->nvalues && ok; j++) {
				const ngojst_param_value *bv = &old->values[j];
				int c;

				if (bv->layer != 0 || !periods_overlap(nv, bv))
					continue;
				if (old->bound == NGOJST_BOUND_FIXED || !value_cmp(&nv->value, &bv->value, &c)) {
					ngojst_ld_conflict(ld, at, NGOJST_CONFLICT_PARAM, p->name,
							   "changes the statutory parameter \"%s\", which overlays may not change; not applied",
							   p->name);
					ok = false;
				} else if ((old->bound == NGOJST_BOUND_UPPER && c > 0) ||
					   (old->bound == NGOJST_BOUND_LOWER && c < 0)) {
					ngojst_ld_conflict(ld, at, NGOJST_CONFLICT_PARAM, p->name,
							   "%s the statutory %s \"%s\" and so loosens the law; not applied",
							   bound_word(old->bound),
							   old->bound == NGOJST_BOUND_UPPER ? "limit" : "minimum", p->name);
					ok = false;
				}
			}
		}
		if (ld->err == NGOJST_ENOMEM)
			return ld->err;
		if (ok)
			merged[n++] = *nv;
	}
	old->values = merged;
	old->nvalues = n;
	return NGOJST_OK;
}
