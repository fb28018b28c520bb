/* Cooperation programmes and their reports (udpp art. 5, 5a): field tables,
 * the law date of each kind and the built-in checks. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <ngojst/programme.h>

#include "../rules/eval.h"
#include "fields.h"
#include "models.h"

static const ngojst_field objectives_fields[] = {
	F(ngojst_objectives, main, NGOJST_FT_STRING, 0, "Main objective", "Cel główny"),
	F(ngojst_objectives, specific, NGOJST_FT_STRINGS, 0, "Specific objectives", "Cele szczegółowe"),
};
SCHEMA(objectives_schema, ngojst_objectives, objectives_fields);

static const ngojst_field task_fields[] = {
	F(ngojst_priority_task, name, NGOJST_FT_STRING, 0, "The task", "Zadanie"),
	F(ngojst_priority_task, area, NGOJST_FT_STRING, 0, "Point of art. 4 ust. 1 udpp, e.g. 13 or 32a",
	  "Punkt art. 4 ust. 1 udpp, np. 13 albo 32a"),
	F(ngojst_priority_task, amount, NGOJST_FT_MONEY, NGOJST_FIELD_NONNEG, "Funds planned for the task",
	  "Środki planowane na zadanie"),
};
SCHEMA(task_schema, ngojst_priority_task, task_fields);

static const ngojst_field consultation_fields[] = {
	FS(ngojst_consultation, basis, ngojst_act_schema, "The resolution on the consultation mode (art. 5 ust. 5)",
	   "Uchwała w sprawie trybu konsultacji (art. 5 ust. 5)"),
	F(ngojst_consultation, started_on, NGOJST_FT_DATE, 0, "First day of the consultation", "Pierwszy dzień konsultacji"),
	F(ngojst_consultation, ended_on, NGOJST_FT_DATE, 0, "Last day of the consultation", "Ostatni dzień konsultacji"),
	F(ngojst_consultation, forms, NGOJST_FT_STRINGS, 0, "Forms of consultation used", "Formy konsultacji"),
};
SCHEMA(consultation_schema, ngojst_consultation, consultation_fields);

static const ngojst_field opinion_fields[] = {
	F(ngojst_council_opinion, council_exists, NGOJST_FT_FLAG, 0, "The JST has a public benefit council",
	  "W JST działa rada działalności pożytku publicznego"),
	F(ngojst_council_opinion, delivered_on, NGOJST_FT_DATE, 0, "Draft delivered to the council",
	  "Data doręczenia projektu radzie"),
	F(ngojst_council_opinion, given_on, NGOJST_FT_DATE, 0, "Opinion given", "Data wydania opinii"),
	F(ngojst_council_opinion, attached, NGOJST_FT_FLAG, 0, "Opinion attached to the draft (art. 5a ust. 2a)",
	  "Opinię dołączono do projektu (art. 5a ust. 2a)"),
};
SCHEMA(opinion_schema, ngojst_council_opinion, opinion_fields);

#define PROGRAMME_COMMON(t) \
	FS(t, jst, ngojst_jst_schema, "The local government unit", "Jednostka samorządu terytorialnego"), \
	F(t, title, NGOJST_FT_STRING, 0, "Title", "Tytuł"), \
	FS(t, resolution, ngojst_act_schema, "The adopting resolution", "Uchwała przyjmująca program"), \
	FS(t, objectives, objectives_schema, "pkt 1: objectives", "pkt 1: cele"), \
	F(t, principles, NGOJST_FT_STRINGS, 0, "pkt 2: principles (art. 5 ust. 3)", "pkt 2: zasady współpracy"), \
	F(t, scope, NGOJST_FT_STRING, 0, "pkt 3: subject scope", "pkt 3: zakres przedmiotowy"), \
	F(t, forms, NGOJST_FT_STRINGS, 0, "pkt 4: forms of cooperation (art. 5 ust. 2)", "pkt 4: formy współpracy"), \
	FL(t, priority_tasks, task_schema, "pkt 5: priority public tasks", "pkt 5: priorytetowe zadania publiczne"), \
	FS(t, period, ngojst_period_schema, "pkt 6: period of implementation", "pkt 6: okres realizacji"), \
	F(t, implementation, NGOJST_FT_STRING, 0, "pkt 7: manner of implementation", "pkt 7: sposób realizacji"), \
	F(t, funds, NGOJST_FT_MONEY, NGOJST_FIELD_NONNEG, "pkt 8: funds planned", "pkt 8: wysokość środków"), \
	F(t, evaluation, NGOJST_FT_STRING, 0, "pkt 9: how implementation is evaluated", "pkt 9: sposób oceny realizacji"), \
	F(t, creation, NGOJST_FT_STRING, 0, "pkt 10: how the programme was created and consulted", \
	  "pkt 10: sposób tworzenia programu i przebieg konsultacji"), \
	F(t, commissions, NGOJST_FT_STRING, 0, "pkt 11: competition commissions", "pkt 11: komisje konkursowe"), \
	FS(t, consultation, consultation_schema, "The consultation of the draft", "Konsultacje projektu"), \
	FS(t, council_opinion, opinion_schema, "The public benefit council's opinion", "Opinia rady działalności pożytku publicznego")

static const ngojst_field annual_fields[] = {
	F(ngojst_programme, year, NGOJST_FT_INT, NGOJST_FIELD_REQUIRED | NGOJST_FIELD_YEAR, "Programme year",
	  "Rok, na który przyjęto program"),
	PROGRAMME_COMMON(ngojst_programme),
};
SCHEMA(annual_schema, ngojst_programme, annual_fields);

/* A multi-annual programme has no single year: its period says which years. */
static const ngojst_field multiannual_fields[] = {
	PROGRAMME_COMMON(ngojst_programme),
};
SCHEMA(multiannual_schema, ngojst_programme, multiannual_fields);

static const ngojst_field report_fields[] = {
	FS(ngojst_programme_report, jst, ngojst_jst_schema, "The local government unit", "Jednostka samorządu terytorialnego"),
	F(ngojst_programme_report, year, NGOJST_FT_INT, NGOJST_FIELD_REQUIRED | NGOJST_FIELD_YEAR, "The year reported on",
	  "Rok, którego dotyczy sprawozdanie"),
	FS(ngojst_programme_report, programme, ngojst_act_schema, "The resolution adopting the programme",
	   "Uchwała przyjmująca program"),
	F(ngojst_programme_report, submitted_on, NGOJST_FT_DATE, 0, "Submitted to the decision-making body",
	  "Data przedłożenia organowi stanowiącemu"),
	F(ngojst_programme_report, published_on, NGOJST_FT_DATE, 0, "Published in the BIP", "Data publikacji w BIP"),
	F(ngojst_programme_report, bip_url, NGOJST_FT_STRING, 0, "Address of the publication", "Adres publikacji"),
	F(ngojst_programme_report, funds_planned, NGOJST_FT_MONEY, NGOJST_FIELD_NONNEG, "Funds planned",
	  "Środki planowane"),
	F(ngojst_programme_report, funds_spent, NGOJST_FT_MONEY, NGOJST_FIELD_NONNEG, "Funds spent", "Środki wydatkowane"),
};
SCHEMA(report_schema, ngojst_programme_report, report_fields);

static ngojst_date annual_law_date(const void *data)
{
	return ngojst_january_first(((const ngojst_programme *)data)->year);
}

static ngojst_date multiannual_law_date(const void *data)
{
	return ((const ngojst_programme *)data)->period.from;
}

/* The report for year N is due in N + 1: the law of that year decides the deadline. */
static ngojst_date report_law_date(const void *data)
{
	int64_t y = ((const ngojst_programme_report *)data)->year;

	return ngojst_january_first(y == NGOJST_INT_NONE || y >= 9999 ? NGOJST_INT_NONE : y + 1);
}

const ngojst_kind ngojst_kind_annual_programme = {
	"AnnualProgramme", "Annual cooperation programme (udpp art. 5a ust. 1)", &annual_schema, annual_law_date,
	"1 January of the programme year (year)",
};

const ngojst_kind ngojst_kind_multiannual_programme = {
	"MultiAnnualProgramme", "Multi-annual cooperation programme (udpp art. 5a ust. 2)", &multiannual_schema,
	multiannual_law_date, "the first day of the programme's period (period/from)",
};

const ngojst_kind ngojst_kind_programme_report = {
	"ProgrammeReport", "Report on a cooperation programme's implementation (udpp art. 5a ust. 3)", &report_schema,
	report_law_date, "1 January of the year after the year reported on (year + 1)",
};

/* ---- built-in checks ------------------------------------------------------ */

/* A point of art. 4 ust. 1: "13", "32a", optionally written with one of
 * the prefixes the rule set's list of areas strips ("pkt 13"), numbered 1
 * to the last point (a rule-set parameter) with an optional letter. */
static bool is_task_area(const char *s, int64_t last, const ngojst_list *areas)
{
	size_t i;
	int n = 0, digits = 0;

	for (i = 0; areas && i < areas->nstrip; i++) {
		size_t len = strlen(areas->strip[i]);

		if (!strncmp(s, areas->strip[i], len)) {
			s += len;
			break;
		}
	}
	while (*s >= '0' && *s <= '9' && digits < 3) {
		n = n * 10 + (*s++ - '0');
		digits++;
	}
	if (!digits || n < 1 || n > last)
		return false;
	if (*s >= 'a' && *s <= 'z')
		s++;
	return *s == '\0';
}

static int check_public_task_area(ngojst_eval *ev, const void *data)
{
	const ngojst_programme *p = data;
	const ngojst_value *last = ngojst_eval_param(ev, "public_task_area_last_point", NGOJST_V_INT);
	char ptr[64];
	size_t i;

	if (!last)
		return NGOJST_OK; /* no catalogue in force for that date */
	for (i = 0; i < p->priority_tasks_count; i++) {
		const char *area = p->priority_tasks[i].area;

		if (!area || is_task_area(area, last->u.i, ngojst_ruleset_list(ev->rs, "public_task_areas")))
			continue;
		{
			ngojst_var vars[] = { { "actual", area } };

			snprintf(ptr, sizeof(ptr), "/priority_tasks/%zu/area", i);
			if (ngojst_eval_emit(ev, ptr, vars, 1, false) == NGOJST_ENOMEM)
				return NGOJST_ENOMEM;
		}
	}
	return NGOJST_OK;
}

static const char *const programme_kinds[] = { "AnnualProgramme", "MultiAnnualProgramme", NULL };

const ngojst_builtin_check ngojst_programme_builtins[] = {
	{ "public_task_area", check_public_task_area,
	  "Each priority task's area is a point of art. 4 ust. 1 udpp (1 to $public_task_area_last_point, optional letter).",
	  programme_kinds },
};
const size_t ngojst_programme_builtin_count = sizeof(ngojst_programme_builtins) / sizeof(ngojst_programme_builtins[0]);
