/* Rule-set lookups and the public read-only views. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "../core/buf.h"
#include "../schema/schema.h"
#include "load-private.h"
#include "ruleset-private.h"

const ngojst_param *ngojst_ruleset_param(const ngojst_ruleset *rs, const char *name)
{
	size_t i;

	for (i = 0; i < rs->nparams; i++)
		if (!strcmp(rs->params[i].name, name))
			return &rs->params[i];
	return NULL;
}

const ngojst_list *ngojst_ruleset_list(const ngojst_ruleset *rs, const char *name)
{
	size_t i;

	for (i = 0; i < rs->nlists; i++)
		if (!strcmp(rs->lists[i].name, name))
			return &rs->lists[i];
	return NULL;
}

const ngojst_source *ngojst_ruleset_source(const ngojst_ruleset *rs, const char *id)
{
	size_t i;

	for (i = 0; i < rs->nsources; i++)
		if (!strcmp(rs->sources[i].id, id))
			return &rs->sources[i];
	return NULL;
}

static uint64_t id_hash(const char *s)
{
	uint64_t h = UINT64_C(0xcbf29ce484222325);

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * UINT64_C(0x100000001b3);
	return h;
}

/* The slot holding id, or the empty slot where it would go. */
static size_t id_slot(const ngojst_ruleset *rs, const char *id)
{
	size_t mask = rs->rule_slots - 1, i = (size_t)id_hash(id) & mask;

	while (rs->rule_index[i] && strcmp(rs->rules[rs->rule_index[i] - 1].id, id) != 0)
		i = (i + 1) & mask;
	return i;
}

int ngojst_ruleset_index_rule(ngojst_ruleset *rs, size_t i)
{
	if (i >= UINT32_MAX)
		return NGOJST_ENOMEM;
	if (2 * (i + 1) > rs->rule_slots) {
		size_t slots = rs->rule_slots ? 2 * rs->rule_slots : 256, k;
		uint32_t *old = rs->rule_index;

		rs->rule_index = ngojst_calloc(rs->ctx, slots, sizeof(*rs->rule_index));
		if (!rs->rule_index) {
			rs->rule_index = old;
			return NGOJST_ENOMEM;
		}
		ngojst_free(rs->ctx, old);
		rs->rule_slots = slots;
		for (k = 0; k < i; k++)
			rs->rule_index[id_slot(rs, rs->rules[k].id)] = (uint32_t)k + 1;
	}
	rs->rule_index[id_slot(rs, rs->rules[i].id)] = (uint32_t)i + 1;
	return NGOJST_OK;
}

const ngojst_rule *ngojst_ruleset_rule(const ngojst_ruleset *rs, const char *id)
{
	size_t slot;

	if (!id || !rs->rule_slots)
		return NULL;
	slot = id_slot(rs, id);
	return rs->rule_index[slot] ? &rs->rules[rs->rule_index[slot] - 1] : NULL;
}

bool ngojst_date_in(ngojst_date d, ngojst_date from, ngojst_date to)
{
	if (!ngojst_date_is_none(from) && ngojst_date_cmp(d, from) < 0)
		return false;
	if (!ngojst_date_is_none(to) && ngojst_date_cmp(d, to) > 0)
		return false;
	return true;
}

/* The value in force: the latest layer wins (an overlay's tightening), then
 * the latest start date among values of that layer. */
const ngojst_param_value *ngojst_param_at(const ngojst_param *p, ngojst_date when)
{
	const ngojst_param_value *best = NULL;
	size_t i;

	for (i = 0; i < p->nvalues; i++) {
		const ngojst_param_value *v = &p->values[i];

		if (!ngojst_date_in(when, v->valid_from, v->valid_to))
			continue;
		if (!best || v->layer > best->layer ||
		    (v->layer == best->layer && ngojst_date_cmp(v->valid_from, best->valid_from) > 0))
			best = v;
	}
	return best;
}

bool ngojst_rule_applies(const ngojst_rule *r, const char *kind, ngojst_date law_date)
{
	size_t i;

	if (!r->enabled || !ngojst_date_in(law_date, r->valid_from, r->valid_to))
		return false;
	for (i = 0; i < r->nkinds; i++)
		if (!strcmp(r->kinds[i], kind))
			return true;
	return false;
}

int ngojst_rule_citation(const ngojst_ruleset *rs, const ngojst_rule *r, ngojst_lang lang, char *buf, size_t size)
{
	static const struct {
		size_t offset;
		const char *pl, *en;
	} parts[] = {
		{ offsetof(ngojst_basis, ust), " ust. ", " sec. " },
		{ offsetof(ngojst_basis, pkt), " pkt ", " item " },
		{ offsetof(ngojst_basis, lit), " lit. ", " letter " },
		{ offsetof(ngojst_basis, zd), " zd. ", " sentence " },
	};
	const ngojst_basis *b = &r->basis;
	const ngojst_source *src = ngojst_ruleset_source(rs, b->act);
	const char *act = src ? (lang == NGOJST_LANG_PL ? src->short_pl : src->short_en) : b->act;
	bool pl = lang == NGOJST_LANG_PL;
	size_t n = 0, i;

	if (size)
		buf[0] = '\0';
	ngojst_str_cat(buf, size, &n, b->art ? "art. " : "§ ");
	ngojst_str_cat(buf, size, &n, b->art ? b->art : b->par ? b->par : "");
	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		const char *v = *(const char *const *)((const char *)b + parts[i].offset);

		if (v) {
			ngojst_str_cat(buf, size, &n, pl ? parts[i].pl : parts[i].en);
			ngojst_str_cat(buf, size, &n, v);
		}
	}
	ngojst_str_cat(buf, size, &n, " ");
	ngojst_str_cat(buf, size, &n, act ? act : "");
	return n < size ? NGOJST_OK : NGOJST_ERANGE;
}

/* ---- public views ----------------------------------------------------------- */

/* rs->kind_rules: see ruleset-private.h. */
static int build_kind_rules(ngojst_loader *ld)
{
	ngojst_ruleset *rs = ld->rs;
	size_t nk = 0, k, i, j;

	while (ngojst_kind_at(nk))
		nk++;
	rs->kind_rules = ngojst_arena_zalloc(&rs->arena, (nk ? nk : 1) * sizeof(*rs->kind_rules));
	rs->kind_nrules = ngojst_arena_zalloc(&rs->arena, (nk ? nk : 1) * sizeof(*rs->kind_nrules));
	if (!rs->kind_rules || !rs->kind_nrules) {
		rs->kind_rules = NULL;
		return ld->err = NGOJST_ENOMEM;
	}
	for (k = 0; k < nk; k++) {
		const char *name = ngojst_kind_at(k)->name;
		size_t *idx = ngojst_arena_alloc(&rs->arena, (rs->nrules ? rs->nrules : 1) * sizeof(*idx)), n = 0;

		if (!idx) {
			rs->kind_rules = NULL;
			return ld->err = NGOJST_ENOMEM;
		}
		for (i = 0; i < rs->nrules; i++) {
			const ngojst_rule *r = &rs->rules[i];

			for (j = 0; r->enabled && j < r->nkinds; j++) {
				if (!strcmp(r->kinds[j], name)) {
					idx[n++] = i;
					break;
				}
			}
		}
		rs->kind_rules[k] = idx;
		rs->kind_nrules[k] = n;
	}
	rs->nkinds = nk;
	return NGOJST_OK;
}

int ngojst_ld_build_infos(ngojst_loader *ld)
{
	ngojst_ruleset *rs = ld->rs;
	size_t i, k;

	rs->infos = ngojst_calloc(ld->ctx, rs->nrules ? rs->nrules : 1, sizeof(*rs->infos));
	if (!rs->infos)
		return ld->err = NGOJST_ENOMEM;
	for (i = 0; i < rs->nrules; i++) {
		const ngojst_rule *r = &rs->rules[i];
		ngojst_rule_info *info = &rs->infos[i];
		char buf[512];
		size_t n = 0;

		info->id = r->id;
		buf[0] = '\0';
		for (k = 0; k < r->nkinds; k++) {
			if (k)
				ngojst_str_cat(buf, sizeof(buf), &n, ",");
			ngojst_str_cat(buf, sizeof(buf), &n, r->kinds[k]);
		}
		info->kinds = ngojst_arena_strdup(&rs->arena, buf);
		n = 0;
		if (r->check.kind == NGOJST_CHECK_BUILTIN) {
			ngojst_str_cat(buf, sizeof(buf), &n, "builtin:");
			ngojst_str_cat(buf, sizeof(buf), &n, r->check.builtin);
		} else {
			ngojst_str_cat(buf, sizeof(buf), &n, ngojst_check_kind_name(r->check.kind));
		}
		info->check = ngojst_arena_strdup(&rs->arena, buf);
		info->severity = r->severity;
		info->consequence = r->consequence;
		info->status = r->status;
		ngojst_rule_citation(rs, r, NGOJST_LANG_PL, buf, sizeof(buf));
		info->citation_pl = ngojst_arena_strdup(&rs->arena, buf);
		ngojst_rule_citation(rs, r, NGOJST_LANG_EN, buf, sizeof(buf));
		info->citation_en = ngojst_arena_strdup(&rs->arena, buf);
		info->title_pl = r->title[0];
		info->title_en = r->title[1];
		info->message_pl = r->message[0];
		info->message_en = r->message[1];
		info->note = r->note;
		info->valid_from = r->valid_from;
		info->valid_to = r->valid_to;
		info->enabled = r->enabled;
		info->ruleset_id = rs->layers[r->layer].id;
		info->changed_by = rs->layers[r->changed_by].id;
		info->missing_message_pl = r->missing_message[0];
		info->missing_message_en = r->missing_message[1];
		info->in_force_on = r->in_force_on.kind == NGOJST_OP_PATH ? r->in_force_on.path.text : NULL;
		if (!info->kinds || !info->check || !info->citation_pl || !info->citation_en)
			return ld->err = NGOJST_ENOMEM;
	}
	return build_kind_rules(ld);
}

size_t ngojst_ruleset_layer_count(const ngojst_ruleset *rs)
{
	return rs ? rs->nlayers : 0;
}

int ngojst_ruleset_layer(const ngojst_ruleset *rs, size_t index, ngojst_report_ruleset *info)
{
	if (!rs || !info || index >= rs->nlayers)
		return NGOJST_EINVAL;
	info->id = rs->layers[index].id;
	info->version = rs->layers[index].version;
	info->sha256 = rs->layers[index].sha256;
	info->source = rs->layers[index].source;
	return NGOJST_OK;
}

size_t ngojst_ruleset_rule_count(const ngojst_ruleset *rs)
{
	return rs ? rs->nrules : 0;
}

const ngojst_rule_info *ngojst_ruleset_rule_at(const ngojst_ruleset *rs, size_t index)
{
	return rs && index < rs->nrules ? &rs->infos[index] : NULL;
}

const ngojst_rule_info *ngojst_ruleset_find_rule(const ngojst_ruleset *rs, const char *id)
{
	const ngojst_rule *r = rs && id ? ngojst_ruleset_rule(rs, id) : NULL;

	return r ? &rs->infos[r - rs->rules] : NULL;
}

size_t ngojst_ruleset_conflict_count(const ngojst_ruleset *rs)
{
	return rs ? rs->nconflicts : 0;
}

int ngojst_ruleset_conflict(const ngojst_ruleset *rs, size_t index, ngojst_diag *out)
{
	const ngojst_conflict *c;

	if (!rs || !out || index >= rs->nconflicts)
		return NGOJST_EINVAL;
	c = &rs->conflicts[index];
	out->code = NGOJST_ERULESET;
	out->source = c->pos.source;
	out->line = c->pos.line;
	out->column = c->pos.column;
	out->offset = c->pos.offset;
	out->path = NULL;
	out->message = c->message;
	return NGOJST_OK;
}
