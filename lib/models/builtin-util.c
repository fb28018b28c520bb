#include <string.h>

#include "builtin-util.h"

bool ngojst_blank(const char *s)
{
	while (s && *s == ' ')
		s++;
	return !s || !*s;
}

int ngojst_emit_actual(ngojst_eval *ev, const char *pointer, const char *actual)
{
	ngojst_var vars[] = { { "actual", actual } };

	return ngojst_eval_emit(ev, pointer, vars, 1, false) == NGOJST_ENOMEM ? NGOJST_ENOMEM : NGOJST_OK;
}

int ngojst_exact_id(ngojst_eval *ev, const char *list, const char *value, const char *pointer)
{
	const ngojst_list *l = ngojst_ruleset_list(ev->rs, list);
	size_t i;

	if (!l || ngojst_blank(value))
		return NGOJST_OK;
	for (i = 0; i < l->count; i++)
		if (!strcmp(l->items[i], value))
			return NGOJST_OK;
	return ngojst_emit_actual(ev, pointer, value);
}
