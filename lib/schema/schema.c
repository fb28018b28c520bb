#include <string.h>

#include "schema.h"

const char *ngojst_ftype_name(ngojst_ftype t)
{
	switch (t) {
	case NGOJST_FT_STRING: return "string";
	case NGOJST_FT_INT: return "integer";
	case NGOJST_FT_MONEY: return "amount";
	case NGOJST_FT_DATE: return "date";
	case NGOJST_FT_FLAG: return "boolean";
	case NGOJST_FT_STRINGS: return "list of strings";
	case NGOJST_FT_STRUCT: return "mapping";
	case NGOJST_FT_LIST: return "list of mappings";
	}
	return "?";
}

const ngojst_field *ngojst_schema_field(const ngojst_schema *schema, const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < schema->nfields; i++) {
		const ngojst_field *f = &schema->fields[i];

		if (strncmp(f->name, name, len) == 0 && f->name[len] == '\0')
			return f;
	}
	return NULL;
}

/* Optimal string alignment distance: Levenshtein plus adjacent
 * transpositions, so "yaer" is one edit from "year". */
size_t ngojst_edit_distance(const char *a, const char *b, size_t cap)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t d[33][33];

	if (la > 32 || lb > 32)
		return cap + 1;
	if ((la > lb ? la - lb : lb - la) > cap)
		return cap + 1;
	for (i = 0; i <= la; i++)
		d[i][0] = i;
	for (j = 0; j <= lb; j++)
		d[0][j] = j;
	for (i = 1; i <= la; i++) {
		for (j = 1; j <= lb; j++) {
			size_t cost = a[i - 1] != b[j - 1];
			size_t best = d[i - 1][j] + 1;

			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < best)
				best = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	}
	return d[la][lb] > cap ? cap + 1 : d[la][lb];
}

const char *ngojst_schema_suggest(const ngojst_schema *schema, const char *name)
{
	const char *best = NULL;
	size_t best_d = 3, i, len = strlen(name);
	/* Allow more slack for longer names: a third of the length, at most 3. */
	size_t cap = len / 3 < 1 ? 1 : (len / 3 > 3 ? 3 : len / 3);

	for (i = 0; i < schema->nfields; i++) {
		size_t d = ngojst_edit_distance(name, schema->fields[i].name, cap);

		if (d <= cap && d < best_d + (best ? 0 : 1)) {
			best = schema->fields[i].name;
			best_d = d;
		}
	}
	return best;
}

void ngojst_schema_init(const ngojst_schema *schema, void *data)
{
	size_t i;

	memset(data, 0, schema->size);
	for (i = 0; i < schema->nfields; i++) {
		const ngojst_field *f = &schema->fields[i];
		char *p = (char *)data + f->offset;

		switch (f->type) {
		case NGOJST_FT_INT:
			*(int64_t *)(void *)p = NGOJST_INT_NONE;
			break;
		case NGOJST_FT_MONEY:
			*(ngojst_money *)(void *)p = NGOJST_MONEY_NONE;
			break;
		case NGOJST_FT_STRUCT:
			ngojst_schema_init(f->sub, p);
			break;
		default:
			break;
		}
	}
}

static bool blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return false;
	return true;
}

bool ngojst_field_present(const ngojst_field *f, const void *base)
{
	const void *p = NGOJST_FIELD_PTR(base, f);
	size_t i;

	switch (f->type) {
	case NGOJST_FT_STRING: {
		const char *s = *(const char *const *)p;
		return s && !blank(s);
	}
	case NGOJST_FT_INT:
		return *(const int64_t *)p != NGOJST_INT_NONE;
	case NGOJST_FT_MONEY:
		return *(const ngojst_money *)p != NGOJST_MONEY_NONE;
	case NGOJST_FT_DATE:
		return !ngojst_date_is_none(*(const ngojst_date *)p);
	case NGOJST_FT_FLAG:
		return *(const ngojst_flag *)p != NGOJST_FLAG_UNSET;
	case NGOJST_FT_STRINGS: {
		const ngojst_strings *l = p;
		/* A list whose every item is blank says nothing. */
		for (i = 0; i < l->count; i++)
			if (l->items[i] && !blank(l->items[i]))
				return true;
		return false;
	}
	case NGOJST_FT_STRUCT:
		for (i = 0; i < f->sub->nfields; i++)
			if (ngojst_field_present(&f->sub->fields[i], p))
				return true;
		return false;
	case NGOJST_FT_LIST: {
		/* A list says something only if one of its items does. */
		const char *items = *(const char *const *)p;
		size_t count = *(const size_t *)(const void *)((const char *)base + f->count_offset), k;

		for (i = 0; i < count; i++)
			for (k = 0; k < f->sub->nfields; k++)
				if (ngojst_field_present(&f->sub->fields[k], items + i * f->sub->size))
					return true;
		return false;
	}
	}
	return false;
}
