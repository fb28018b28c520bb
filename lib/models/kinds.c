/* The registry of document kinds and built-in checks. A new instrument adds
 * its kinds and its built-ins here. */
#include <string.h>

#include "models.h"

static const ngojst_kind *const kinds[] = {
	&ngojst_kind_annual_programme,
	&ngojst_kind_multiannual_programme,
	&ngojst_kind_programme_report,
	&ngojst_kind_council_request,
	&ngojst_kind_public_benefit_council,
	&ngojst_kind_council_resolution,
	&ngojst_kind_council_opinion_request,
	&ngojst_kind_initiative_application,
	&ngojst_kind_initiative_resolution,
	&ngojst_kind_procurement,
};

static const struct {
	const ngojst_builtin_check *checks;
	const size_t *count;
} builtin_tables[] = {
	{ ngojst_programme_builtins, &ngojst_programme_builtin_count },
	{ ngojst_council_builtins, &ngojst_council_builtin_count },
	{ ngojst_initiative_builtins, &ngojst_initiative_builtin_count },
	{ ngojst_procurement_builtins, &ngojst_procurement_builtin_count },
};

const ngojst_kind *ngojst_kind_at(size_t index)
{
	return index < sizeof(kinds) / sizeof(kinds[0]) ? kinds[index] : NULL;
}

const ngojst_kind *ngojst_kind_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (!strcmp(kinds[i]->name, name))
			return kinds[i];
	return NULL;
}

const ngojst_builtin_check *ngojst_builtin_at(size_t index)
{
	size_t t;

	for (t = 0; t < sizeof(builtin_tables) / sizeof(builtin_tables[0]); t++) {
		if (index < *builtin_tables[t].count)
			return &builtin_tables[t].checks[index];
		index -= *builtin_tables[t].count;
	}
	return NULL;
}

const ngojst_builtin_check *ngojst_builtin_find(const char *name)
{
	size_t t, i;

	for (t = 0; t < sizeof(builtin_tables) / sizeof(builtin_tables[0]); t++)
		for (i = 0; i < *builtin_tables[t].count; i++)
			if (!strcmp(builtin_tables[t].checks[i].name, name))
				return &builtin_tables[t].checks[i];
	return NULL;
}
