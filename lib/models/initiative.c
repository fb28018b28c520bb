/* Local initiative (udpp art. 19b–19h): the application and the council's
 * resolution on evaluating applications. Field tables, the law date of
 * each kind and the built-in checks. The scoring of applications is in
 * lib/rules/scoring.c; the checks below read its section where a rule set
 * has one (the social-work weight, a share in a gap of the bands). */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <ngojst/initiative.h>

#include "../rules/eval.h"
#include "../rules/scoring-private.h"
#include "fields.h"
#include "models.h"

/* ---- LocalInitiativeApplication ----------------------------------------- */

static const ngojst_field applicant_fields[] = {
	F(ngojst_initiative_applicant, name, NGOJST_FT_STRING, 0, "Name of the resident", "Imię i nazwisko mieszkańca"),
	F(ngojst_initiative_applicant, lives_in, NGOJST_FT_STRING, 0,
	  "The JST where the resident lives, named as in jst/name", "JST, w której mieszkaniec mieszka, nazwana jak w jst/name"),
	F(ngojst_initiative_applicant, teryt, NGOJST_FT_STRING, 0, "TERYT code of the place of residence",
	  "Kod TERYT miejsca zamieszkania"),
};
SCHEMA(applicant_schema, ngojst_initiative_applicant, applicant_fields);

static const ngojst_field organisation_fields[] = {
	F(ngojst_initiative_organisation, name, NGOJST_FT_STRING, 0, "Name of the organisation", "Nazwa organizacji"),
	F(ngojst_initiative_organisation, type, NGOJST_FT_STRING, 0,
	  "organizacja_pozarzadowa or podmiot_art_3_ust_3 (list initiative_organisation_types)",
	  "organizacja_pozarzadowa albo podmiot_art_3_ust_3 (lista initiative_organisation_types)"),
	F(ngojst_initiative_organisation, seat, NGOJST_FT_STRING, 0, "The JST where it has its seat",
	  "JST, w której ma siedzibę"),
	F(ngojst_initiative_organisation, teryt, NGOJST_FT_STRING, 0, "TERYT code of the seat", "Kod TERYT siedziby"),
	F(ngojst_initiative_organisation, on_behalf_of_residents, NGOJST_FT_FLAG, 0,
	  "It applies on the residents' behalf (art. 19b ust. 1)", "Składa wniosek w imieniu mieszkańców (art. 19b ust. 1)"),
};
SCHEMA(organisation_schema, ngojst_initiative_organisation, organisation_fields);

static const ngojst_field task_fields[] = {
	F(ngojst_initiative_task, title, NGOJST_FT_STRING, 0, "Title of the task", "Nazwa zadania"),
	F(ngojst_initiative_task, description, NGOJST_FT_STRING, 0, "What will be done", "Opis zadania"),
	F(ngojst_initiative_task, area, NGOJST_FT_STRING, 0, "Point of art. 19b ust. 1 udpp (1-7), e.g. 5 or pkt 5",
	  "Punkt art. 19b ust. 1 udpp (1-7), np. 5 albo pkt 5"),
	F(ngojst_initiative_task, type, NGOJST_FT_STRING, 0, "The municipality's type of task (for exclusions)",
	  "Rodzaj zadania według gminy (do wyłączeń)"),
	F(ngojst_initiative_task, location, NGOJST_FT_STRING, 0, "Where the task is carried out", "Miejsce realizacji"),
	F(ngojst_initiative_task, starts_on, NGOJST_FT_DATE, 0, "First day of the task", "Pierwszy dzień realizacji"),
	F(ngojst_initiative_task, ends_on, NGOJST_FT_DATE, 0, "Last day of the task", "Ostatni dzień realizacji"),
};
SCHEMA(task_schema, ngojst_initiative_task, task_fields);

static const ngojst_field cost_fields[] = {
	F(ngojst_initiative_cost_item, name, NGOJST_FT_STRING, 0, "What is paid for", "Pozycja kosztorysu"),
	F(ngojst_initiative_cost_item, amount, NGOJST_FT_MONEY, NGOJST_FIELD_NONNEG, "Its cost", "Koszt"),
};
SCHEMA(cost_schema, ngojst_initiative_cost_item, cost_fields);

static const ngojst_field contribution_fields[] = {
	F(ngojst_initiative_contribution, social_work_hours, NGOJST_FT_INT, NGOJST_FIELD_NONNEG, "Hours of social work",
	  "Liczba godzin pracy społecznej"),
	F(ngojst_initiative_contribution, social_work_rate, NGOJST_FT_MONEY, NGOJST_FIELD_NONNEG,
	  "Value of one hour of social work", "Wartość godziny pracy społecznej"),
	F(ngojst_initiative_contribution, social_work_value, NGOJST_FT_MONEY, NGOJST_FIELD_NONNEG,
	  "Value of the social work", "Wartość pracy społecznej"),
	F(ngojst_initiative_contribution, money, NGOJST_FT_MONEY, NGOJST_FIELD_NONNEG, "Cash (świadczenia pieniężne)",
	  "Świadczenia pieniężne"),
	F(ngojst_initiative_contribution, in_kind, NGOJST_FT_MONEY, NGOJST_FIELD_NONNEG,
	  "Value of goods and services given (świadczenia rzeczowe)", "Wartość świadczeń rzeczowych"),
	F(ngojst_initiative_contribution, in_kind_description, NGOJST_FT_STRING, 0, "What is given in kind",
	  "Opis świadczeń rzeczowych"),
};
SCHEMA(contribution_schema, ngojst_initiative_contribution, contribution_fields);

static const ngojst_field opinion_fields[] = {
	F(ngojst_initiative_opinion, unit, NGOJST_FT_STRING, 0, "The auxiliary unit that gave it",
	  "Jednostka pomocnicza, która ją wydała"),
	F(ngojst_initiative_opinion, positive, NGOJST_FT_FLAG, 0, "The opinion is positive", "Opinia jest pozytywna"),
	F(ngojst_initiative_opinion, given_on, NGOJST_FT_DATE, 0, "When it was given", "Data wydania"),
};
SCHEMA(opinion_schema, ngojst_initiative_opinion, opinion_fields);

static const ngojst_field evaluation_fields[] = {
	F(ngojst_initiative_evaluation, criterion, NGOJST_FT_STRING, 0, "Id of a criterion of the scoring section",
	  "Identyfikator kryterium z sekcji scoring"),
	F(ngojst_initiative_evaluation, points, NGOJST_FT_INT, NGOJST_FIELD_NONNEG, "Whole points given",
	  "Przyznane punkty (całkowite)"),
	F(ngojst_initiative_evaluation, note, NGOJST_FT_STRING, 0, "Reason", "Uzasadnienie"),
};
SCHEMA(evaluation_schema, ngojst_initiative_evaluation, evaluation_fields);

#define APP ngojst_initiative_application
static const ngojst_field application_fields[] = {
	F(APP, number, NGOJST_FT_STRING, 0, "Registration number", "Numer wniosku"),
	F(APP, year, NGOJST_FT_INT, NGOJST_FIELD_YEAR, "The year the task is for (for a resolution's yearly filing dates)",
	  "Rok, na który składany jest wniosek (do rocznych terminów z uchwały)"),
	FS(APP, jst, ngojst_jst_schema, "The JST applied to", "JST, do której złożono wniosek"),
	F(APP, submitted_on, NGOJST_FT_DATE, 0, "Date of filing", "Data złożenia"),
	FL(APP, applicants, applicant_schema, "The residents applying (directly or through the organisation)",
	   "Mieszkańcy wnioskujący (bezpośrednio albo przez organizację)"),
	FS(APP, organisation, organisation_schema, "The organisation acting for the residents",
	   "Organizacja działająca w imieniu mieszkańców"),
	F(APP, supporters, NGOJST_FT_INT, NGOJST_FIELD_NONNEG, "Number of residents' support signatures",
	  "Liczba podpisów mieszkańców popierających"),
	FS(APP, task, task_schema, "The public task", "Zadanie publiczne"),
	FL(APP, cost_estimate, cost_schema, "The cost estimate", "Kosztorys"),
	F(APP, total_cost, NGOJST_FT_MONEY, NGOJST_FIELD_NONNEG, "Total cost of the task", "Całkowity koszt zadania"),
	FS(APP, contribution, contribution_schema, "The applicants' contribution", "Wkład wnioskodawców"),
	F(APP, jst_share, NGOJST_FT_MONEY, NGOJST_FIELD_NONNEG, "What the JST is asked to contribute",
	  "Wkład, o który wnioskodawcy proszą JST"),
	FS(APP, auxiliary_unit_opinion, opinion_schema, "An auxiliary unit's opinion",
	   "Opinia jednostki pomocniczej"),
	FL(APP, evaluation, evaluation_schema, "Points given by the evaluating body, per criterion",
	   "Punkty przyznane przez oceniających, według kryteriów"),
};
#undef APP
SCHEMA(application_schema, ngojst_initiative_application, application_fields);

/* ---- LocalInitiativeResolution ------------------------------------------ */

static const ngojst_field band_fields[] = {
	F(ngojst_initiative_band, min_percent, NGOJST_FT_INT, NGOJST_FIELD_NONNEG, "Lower bound, inclusive (od)",
	  "Dolna granica włącznie (od)"),
	F(ngojst_initiative_band, above_percent, NGOJST_FT_INT, NGOJST_FIELD_NONNEG, "Lower bound, exclusive (powyżej)",
	  "Dolna granica wyłącznie (powyżej)"),
	F(ngojst_initiative_band, max_percent, NGOJST_FT_INT, NGOJST_FIELD_NONNEG, "Upper bound, inclusive (do)",
	  "Górna granica włącznie (do)"),
	F(ngojst_initiative_band, below_percent, NGOJST_FT_INT, NGOJST_FIELD_NONNEG, "Upper bound, exclusive (poniżej)",
	  "Górna granica wyłącznie (poniżej)"),
	F(ngojst_initiative_band, points, NGOJST_FT_INT, NGOJST_FIELD_NONNEG, "Points for the band", "Punkty za przedział"),
};
SCHEMA(band_schema, ngojst_initiative_band, band_fields);

static const ngojst_field criterion_fields[] = {
	F(ngojst_initiative_criterion, id, NGOJST_FT_STRING, 0, "A short name", "Krótka nazwa"),
	F(ngojst_initiative_criterion, text, NGOJST_FT_STRING, 0, "The criterion as worded", "Brzmienie kryterium"),
	F(ngojst_initiative_criterion, social_work, NGOJST_FT_FLAG, 0, "It assesses the residents' social work",
	  "Ocenia wkład pracy społecznej mieszkańców"),
	F(ngojst_initiative_criterion, weight, NGOJST_FT_INT, NGOJST_FIELD_NONNEG, "Multiplier of its points (default 1)",
	  "Mnożnik punktów (domyślnie 1)"),
	F(ngojst_initiative_criterion, min_points, NGOJST_FT_INT, NGOJST_FIELD_NONNEG, "Lowest points of its scale",
	  "Najniższa liczba punktów"),
	F(ngojst_initiative_criterion, max_points, NGOJST_FT_INT, NGOJST_FIELD_NONNEG, "Highest points of its scale",
	  "Najwyższa liczba punktów"),
	FL(ngojst_initiative_criterion, bands, band_schema, "Bands of its scale, in percent of the total cost",
	   "Przedziały skali, w procentach całkowitego kosztu"),
};
SCHEMA(criterion_schema, ngojst_initiative_criterion, criterion_fields);

static const ngojst_field eligibility_fields[] = {
	F(ngojst_initiative_eligibility, types, NGOJST_FT_STRINGS, 0, "Who may apply (list initiative_applicant_types)",
	  "Kto może złożyć wniosek (lista initiative_applicant_types)"),
	F(ngojst_initiative_eligibility, min_age, NGOJST_FT_INT, NGOJST_FIELD_NONNEG, "A minimum age of residents",
	  "Minimalny wiek mieszkańców"),
	F(ngojst_initiative_eligibility, registered_residence_required, NGOJST_FT_FLAG, 0,
	  "Registered residence (zameldowanie) required", "Wymóg zameldowania"),
	F(ngojst_initiative_eligibility, organisation_min_years, NGOJST_FT_INT, NGOJST_FIELD_NONNEG,
	  "A minimum age of the organisation, in years", "Minimalny okres działania organizacji w latach"),
	F(ngojst_initiative_eligibility, min_count, NGOJST_FT_INT, NGOJST_FIELD_NONNEG,
	  "A minimum number of residents applying together", "Minimalna liczba wnioskujących mieszkańców"),
};
SCHEMA(eligibility_schema, ngojst_initiative_eligibility, eligibility_fields);

#define RES ngojst_initiative_resolution
static const ngojst_field resolution_fields[] = {
	FS(RES, jst, ngojst_jst_schema, "The JST", "Jednostka samorządu terytorialnego"),
	FS(RES, resolution, ngojst_act_schema, "The resolution", "Uchwała"),
	FS(RES, applicants, eligibility_schema, "Who may apply", "Kto może złożyć wniosek"),
	F(RES, areas, NGOJST_FT_STRINGS, 0, "Eligible areas: points of art. 19b ust. 1 udpp",
	  "Dopuszczone obszary: punkty art. 19b ust. 1 udpp"),
	F(RES, criteria_intro, NGOJST_FT_STRING, 0, "The words introducing the criteria", "Wprowadzenie do wyliczenia kryteriów"),
	FL(RES, criteria, criterion_schema, "The detailed evaluation criteria (art. 19c ust. 1)",
	   "Szczegółowe kryteria oceny (art. 19c ust. 1)"),
	F(RES, minimum_score, NGOJST_FT_INT, NGOJST_FIELD_NONNEG, "Points an application needs", "Minimalna liczba punktów"),
	F(RES, jst_share_max_percent, NGOJST_FT_INT, NGOJST_FIELD_NONNEG, "A cap on the JST's share, in percent",
	  "Górna granica udziału JST w procentach"),
	F(RES, jst_share_max_amount, NGOJST_FT_MONEY, NGOJST_FIELD_NONNEG, "A cap on the JST's share, in złoty",
	  "Górna granica udziału JST w złotych"),
};
#undef RES
SCHEMA(resolution_schema, ngojst_initiative_resolution, resolution_fields);

/* The law of the day an application is filed (it is a k.p.a. application,
 * art. 19b ust. 2) and of the day a resolution is adopted. */
static ngojst_date application_law_date(const void *data)
{
	return ((const ngojst_initiative_application *)data)->submitted_on;
}

static ngojst_date resolution_law_date(const void *data)
{
	return ((const ngojst_initiative_resolution *)data)->resolution.adopted_on;
}

const ngojst_kind ngojst_kind_initiative_application = {
	"LocalInitiativeApplication", "Local initiative application (udpp art. 19b)", &application_schema,
	application_law_date, "the day it was filed (submitted_on)",
};

const ngojst_kind ngojst_kind_initiative_resolution = {
	"LocalInitiativeResolution", "Resolution on the procedure and criteria for local initiatives (udpp art. 19c ust. 1)",
	&resolution_schema, resolution_law_date, "the day it was adopted (resolution/adopted_on)",
};

/* ---- helpers ---------------------------------------------------------------- */

static int emit(ngojst_eval *ev, const char *pointer, const char *actual)
{
	ngojst_var var = { "actual", actual };

	return ngojst_eval_emit(ev, pointer, &var, 1, false) == NGOJST_ENOMEM ? NGOJST_ENOMEM : NGOJST_OK;
}

static const char *money(ngojst_eval *ev, ngojst_money m, char *buf, size_t size)
{
	ngojst_value v;

	memset(&v, 0, sizeof(v));
	v.type = NGOJST_V_MONEY;
	v.u.i = m;
	return ngojst_eval_format_value(ev, &v, buf, size);
}

/* Whether s names the same thing as name, with the list matching rules
 * (surrounding spaces and ASCII case ignored). */
static bool same_name(const char *s, const char *name)
{
	const char *items[1];
	ngojst_list l;

	memset(&l, 0, sizeof(l));
	items[0] = name;
	l.items = items;
	l.count = 1;
	return ngojst_list_contains(&l, s);
}

/* TERYT (TERC) codes: a voivodeship has 2 digits, a powiat 4, a gmina 7
 * whose last digit is its type; a place lies in a unit when the unit's
 * digits (at most the first 6) begin its code. A city with powiat rights
 * (powiat number 61 or more) is one gmina whose districts (delegatury,
 * dzielnice) have codes of their own within the powiat: there the powiat's
 * 4 digits decide. */
static bool teryt_in(const char *place, const char *unit)
{
	char a[16], b[16];
	size_t na = 0, nb = 0;

	for (; *place && na < sizeof(a) - 1; place++)
		if (*place >= '0' && *place <= '9')
			a[na++] = *place;
	for (; *unit && nb < sizeof(b) - 1; unit++)
		if (*unit >= '0' && *unit <= '9')
			b[nb++] = *unit;
	if (nb > 6)
		nb = 6;
	if (nb == 6 && (b[2] > '6' || (b[2] == '6' && b[3] >= '1')))
		nb = 4;
	return nb > 0 && na >= nb && !memcmp(a, b, nb);
}

/* The list entry a value matches, reduced to its item's id (an alias entry
 * names its id through the label slot, see load.c); NULL when none. */
static const char *canonical(const ngojst_list *l, const char *value)
{
	size_t i, j;

	for (i = 0; i < l->count; i++) {
		ngojst_list one = *l;

		one.items = &l->items[i];
		one.count = 1;
		if (!ngojst_list_contains(&one, value))
			continue;
		for (j = i + 1; j < l->count; j++)
			if (l->labels[i] && l->items[j] == l->labels[i])
				return l->items[j];
		return l->items[i];
	}
	return NULL;
}

static bool is_alias(const ngojst_list *l, size_t i)
{
	size_t j;

	for (j = i + 1; j < l->count; j++)
		if (l->labels[i] && l->items[j] == l->labels[i])
			return true;
	return false;
}

/* Lowercase for searching: ASCII and the Polish capitals (two-byte UTF-8),
 * runs of blanks collapsed to one space. */
static void fold(const char *s, char *out, size_t size)
{
	static const unsigned char pairs[][3] = {
		{ 0xc4, 0x84, 0x85 }, { 0xc4, 0x86, 0x87 }, { 0xc4, 0x98, 0x99 }, { 0xc5, 0x81, 0x82 },
		{ 0xc5, 0x83, 0x84 }, { 0xc3, 0x93, 0xb3 }, { 0xc5, 0x9a, 0x9b }, { 0xc5, 0xb9, 0xba },
		{ 0xc5, 0xbb, 0xbc },
	};
	size_t n = 0, k;
	bool space = false;

	for (; *s && n + 2 < size; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = true;
			continue;
		}
		if (space && n)
			out[n++] = ' ';
		space = false;
		if (c >= 'A' && c <= 'Z') {
			out[n++] = (char)(c - 'A' + 'a');
			continue;
		}
		for (k = 0; k < sizeof(pairs) / sizeof(pairs[0]); k++) {
			if (c == pairs[k][0] && (unsigned char)s[1] == pairs[k][1]) {
				out[n++] = (char)c;
				out[n++] = (char)pairs[k][2];
				s++;
				break;
			}
		}
		if (k == sizeof(pairs) / sizeof(pairs[0]))
			out[n++] = (char)c;
	}
	out[n] = '\0';
}

/* ---- application checks ------------------------------------------------------- */

/* art. 19b ust. 1: residents apply to the JST in whose territory they live,
 * organisations to the one where they have their seat. Compared by TERYT
 * when both codes are given, else by name. */
static int check_residence(ngojst_eval *ev, const void *data)
{
	const ngojst_initiative_application *a = data;
	char ptr[64], actual[512];
	size_t i;

	for (i = 0; i < a->applicants_count; i++) {
		const ngojst_initiative_applicant *p = &a->applicants[i];
		bool ok;

		if (p->teryt && a->jst.teryt)
			ok = teryt_in(p->teryt, a->jst.teryt);
		else if (p->lives_in && a->jst.name)
			ok = same_name(p->lives_in, a->jst.name);
		else
			continue;
		if (ok)
			continue;
		snprintf(ptr, sizeof(ptr), "/applicants/%zu/%s", i, p->teryt && a->jst.teryt ? "teryt" : "lives_in");
		snprintf(actual, sizeof(actual), "%s (%s)", p->name ? p->name : "?",
			 p->teryt && a->jst.teryt ? p->teryt : p->lives_in);
		if (emit(ev, ptr, actual))
			return NGOJST_ENOMEM;
	}
	if (a->organisation.name || a->organisation.seat) {
		const ngojst_initiative_organisation *o = &a->organisation;
		bool ok = true, known = true;

		if (o->teryt && a->jst.teryt)
			ok = teryt_in(o->teryt, a->jst.teryt);
		else if (o->seat && a->jst.name)
			ok = same_name(o->seat, a->jst.name);
		else
			known = false;
		if (known && !ok) {
			snprintf(actual, sizeof(actual), "%s (%s)", o->name ? o->name : "?",
				 o->teryt && a->jst.teryt ? o->teryt : o->seat);
			return emit(ev, o->teryt && a->jst.teryt ? "/organisation/teryt" : "/organisation/seat", actual);
		}
	}
	return NGOJST_OK;
}

/* The residents contribute something: social work, money or goods. */
static int check_contribution(ngojst_eval *ev, const void *data)
{
	const ngojst_initiative_contribution *c = &((const ngojst_initiative_application *)data)->contribution;

	if ((c->social_work_hours != NGOJST_INT_NONE && c->social_work_hours > 0) ||
	    (c->social_work_value != NGOJST_MONEY_NONE && c->social_work_value > 0) ||
	    (c->money != NGOJST_MONEY_NONE && c->money > 0) || (c->in_kind != NGOJST_MONEY_NONE && c->in_kind > 0))
		return NGOJST_OK;
	return emit(ev, "/contribution", "");
}

/* The contributions and the share asked of the JST add up to the total cost. */
static int check_balance(ngojst_eval *ev, const void *data)
{
	const ngojst_initiative_application *a = data;
	const ngojst_initiative_contribution *c = &a->contribution;
	const ngojst_money parts[] = { c->social_work_value, c->money, c->in_kind, a->jst_share };
	ngojst_money sum = 0;
	char s[64], actual[256];
	bool any = false;
	size_t i;

	if (a->total_cost == NGOJST_MONEY_NONE)
		return NGOJST_OK;
	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		if (parts[i] == NGOJST_MONEY_NONE)
			continue;
		any = true;
		if (ngojst_money_add(&sum, sum, parts[i]) != NGOJST_OK)
			return NGOJST_OK;
	}
	if (!any || sum == a->total_cost)
		return NGOJST_OK;
	snprintf(actual, sizeof(actual), "%s", money(ev, sum, s, sizeof(s)));
	return emit(ev, "/total_cost", actual);
}

/* Hours times the value of an hour give the value of the social work. */
static int check_social_work_value(ngojst_eval *ev, const void *data)
{
	const ngojst_initiative_contribution *c = &((const ngojst_initiative_application *)data)->contribution;
	char r[64], v[64], actual[256];

	if (c->social_work_hours == NGOJST_INT_NONE || c->social_work_rate == NGOJST_MONEY_NONE ||
	    c->social_work_value == NGOJST_MONEY_NONE)
		return NGOJST_OK;
	if (c->social_work_rate && c->social_work_hours > INT64_MAX / c->social_work_rate)
		return NGOJST_OK;
	if (c->social_work_hours * c->social_work_rate == c->social_work_value)
		return NGOJST_OK;
	snprintf(actual, sizeof(actual), "%lld × %s = %s", (long long)c->social_work_hours,
		 money(ev, c->social_work_rate, r, sizeof(r)),
		 money(ev, c->social_work_hours * c->social_work_rate, v, sizeof(v)));
	return emit(ev, "/contribution/social_work_value", actual);
}

/* A municipality's overlay may list task types its resolution excludes
 * (list `initiative_excluded_task_types`). */
static int check_not_excluded(ngojst_eval *ev, const void *data)
{
	const ngojst_initiative_application *a = data;
	const ngojst_list *l = ngojst_ruleset_list(ev->rs, "initiative_excluded_task_types");

	if (!l || !a->task.type || !ngojst_list_contains(l, a->task.type))
		return NGOJST_OK;
	if (l->layer > ev->param_layer)
		ev->param_layer = l->layer;
	return emit(ev, "/task/type", a->task.type);
}

/* The scoring section of the rule set: the social-work criterion should
 * weigh most ("przede wszystkim", art. 19c ust. 1). */
static int check_scoring_weight(ngojst_eval *ev, const void *data)
{
	const ngojst_scoring *sc = ngojst_ruleset_scoring(ev->rs);
	const ngojst_sc_criterion *sw, *heavy;
	char a[32], b[32], actual[512];
	bool pl = ev->lang == NGOJST_LANG_PL;

	(void)data;
	if (!sc || !(sw = ngojst_sc_social_work(sc)) || !(heavy = ngojst_sc_heaviest(sc)))
		return NGOJST_OK;
	if (ngojst_sc_weighted(sw->max_points, sw->weight) >= ngojst_sc_weighted(heavy->max_points, heavy->weight))
		return NGOJST_OK;
	if (sc->layer > ev->param_layer)
		ev->param_layer = sc->layer;
	snprintf(actual, sizeof(actual), pl ? "%s (najwyżej %s pkt) < %s (najwyżej %s pkt)" : "%s (at most %s points) < %s (at most %s points)",
		 sw->id, ngojst_sc_points_str(a, sizeof(a), ngojst_sc_weighted(sw->max_points, sw->weight), pl), heavy->id,
		 ngojst_sc_points_str(b, sizeof(b), ngojst_sc_weighted(heavy->max_points, heavy->weight), pl));
	return emit(ev, "", actual);
}

/* A share that falls between the bands of the scoring section gets no
 * points because the resolution says nothing about it. */
static int check_scoring_gap(ngojst_eval *ev, const void *data)
{
	const ngojst_scoring *sc = ngojst_ruleset_scoring(ev->rs);
	ngojst_buf ptr;
	size_t i;
	int rc = NGOJST_OK;

	if (!sc)
		return NGOJST_OK;
	ngojst_buf_init(&ptr, ev->ctx);
	for (i = 0; i < sc->ncriteria && rc == NGOJST_OK; i++) {
		const ngojst_sc_criterion *c = &sc->criteria[i];
		ngojst_sc_share s;
		char pointer[256], p[32], actual[512];

		if (c->method != NGOJST_SC_SHARE || ngojst_sc_share_of(c, ev->kind->schema, data, &ptr, &s) || !s.computed ||
		    s.band >= 0)
			continue;
		if (sc->layer > ev->param_layer)
			ev->param_layer = sc->layer;
		snprintf(pointer, sizeof(pointer), "/%s", c->part[0].text);
		snprintf(actual, sizeof(actual), "%s %% (%s)",
			 ngojst_sc_points_str(p, sizeof(p), s.exact, ev->lang == NGOJST_LANG_PL),
			 c->id);
		rc = emit(ev, pointer, actual);
	}
	if (ptr.failed && rc == NGOJST_OK)
		rc = NGOJST_ENOMEM;
	ngojst_buf_dispose(&ptr);
	return rc;
}

/* ---- resolution checks ------------------------------------------------------------ */

/* Criteria left open ("inne informacje", "w szczególności") hand the choice
 * of criteria to the executive, which art. 19c ust. 1 gives to the council. */
static int check_open_criteria(ngojst_eval *ev, const void *data)
{
	const ngojst_initiative_resolution *r = data;
	const ngojst_list *l = ngojst_ruleset_list(ev->rs, "initiative_open_ended_phrases");
	char text[4096], phrase[256], ptr[64];
	size_t i, k;

	if (!l)
		return NGOJST_OK;
	for (i = 0; i <= r->criteria_count; i++) {
		const char *s = i < r->criteria_count ? r->criteria[i].text : r->criteria_intro;

		if (!s)
			continue;
		fold(s, text, sizeof(text));
		for (k = 0; k < l->count; k++) {
			fold(l->items[k], phrase, sizeof(phrase));
			if (!*phrase || !strstr(text, phrase))
				continue;
			if (i < r->criteria_count)
				snprintf(ptr, sizeof(ptr), "/criteria/%zu/text", i);
			else
				snprintf(ptr, sizeof(ptr), "/criteria_intro");
			if (emit(ev, ptr, l->items[k]))
				return NGOJST_ENOMEM;
			break;
		}
	}
	return NGOJST_OK;
}

/* The items of a statutory list (by id) that none of the values names. */
static int narrowed(ngojst_eval *ev, const ngojst_strings *values, const char *list, const char *pointer)
{
	const ngojst_list *l = ngojst_ruleset_list(ev->rs, list);
	char missing[1024];
	size_t i, k, n = 0;

	if (!l || !values->count)
		return NGOJST_OK;
	missing[0] = '\0';
	for (i = 0; i < l->count; i++) {
		bool found = false;

		if (is_alias(l, i))
			continue;
		for (k = 0; k < values->count && !found; k++) {
			const char *id = values->items[k] ? canonical(l, values->items[k]) : NULL;

			found = id && !strcmp(id, l->items[i]);
		}
		if (found)
			continue;
		n += (size_t)snprintf(missing + n, n < sizeof(missing) ? sizeof(missing) - n : 0, "%s%s", n ? ", " : "",
				      l->labels[i] ? l->labels[i] : l->items[i]);
		if (n >= sizeof(missing))
			n = sizeof(missing) - 1;
	}
	return missing[0] ? emit(ev, pointer, missing) : NGOJST_OK;
}

static int check_applicants_narrowed(ngojst_eval *ev, const void *data)
{
	return narrowed(ev, &((const ngojst_initiative_resolution *)data)->applicants.types, "initiative_applicant_types",
			"/applicants/types");
}

static int check_areas_narrowed(ngojst_eval *ev, const void *data)
{
	return narrowed(ev, &((const ngojst_initiative_resolution *)data)->areas, "initiative_areas", "/areas");
}

static bool is_yes(ngojst_flag f)
{
	return f == NGOJST_FLAG_YES;
}

/* A criterion's highest points after its weight; -1 when unknown. */
static int64_t criterion_max(const ngojst_initiative_criterion *c)
{
	int64_t max = c->max_points, w = c->weight == NGOJST_INT_NONE ? 1 : c->weight;
	size_t i;

	if (max == NGOJST_INT_NONE) {
		max = -1;
		for (i = 0; i < c->bands_count; i++)
			if (c->bands[i].points != NGOJST_INT_NONE && c->bands[i].points > max)
				max = c->bands[i].points;
	}
	if (max < 0 || (w && max > INT64_MAX / w))
		return -1;
	return max * w;
}

static int check_social_work_criterion(ngojst_eval *ev, const void *data)
{
	const ngojst_initiative_resolution *r = data;
	size_t i;

	if (!r->criteria_count)
		return NGOJST_OK;
	for (i = 0; i < r->criteria_count; i++)
		if (is_yes(r->criteria[i].social_work))
			return NGOJST_OK;
	return emit(ev, "/criteria", "");
}

static int check_social_work_weight(ngojst_eval *ev, const void *data)
{
	const ngojst_initiative_resolution *r = data;
	long sw = -1, other = -1;
	int64_t swmax = -1, othermax = -1;
	char ptr[64], actual[512];
	size_t i;

	for (i = 0; i < r->criteria_count; i++) {
		int64_t m = criterion_max(&r->criteria[i]);

		if (m < 0)
			continue;
		if (is_yes(r->criteria[i].social_work)) {
			if (m > swmax) {
				swmax = m;
				sw = (long)i;
			}
		} else if (m > othermax) {
			othermax = m;
			other = (long)i;
		}
	}
	if (sw < 0 || other < 0 || swmax >= othermax)
		return NGOJST_OK;
	snprintf(ptr, sizeof(ptr), "/criteria/%ld", sw);
	snprintf(actual, sizeof(actual), ev->lang == NGOJST_LANG_PL ? "%s (najwyżej %lld pkt) < %s (najwyżej %lld pkt)"
								   : "%s (at most %lld points) < %s (at most %lld points)",
		 r->criteria[sw].id ? r->criteria[sw].id : "?", (long long)swmax,
		 r->criteria[other].id ? r->criteria[other].id : "?", (long long)othermax);
	return emit(ev, ptr, actual);
}

/* Whole percents 0..100 a band covers. */
static bool band_covers(const ngojst_initiative_band *b, int64_t v)
{
	if (b->min_percent != NGOJST_INT_NONE && v < b->min_percent)
		return false;
	if (b->above_percent != NGOJST_INT_NONE && v <= b->above_percent)
		return false;
	if (b->max_percent != NGOJST_INT_NONE && v > b->max_percent)
		return false;
	if (b->below_percent != NGOJST_INT_NONE && v >= b->below_percent)
		return false;
	return true;
}

/* Append "41 %" or "41–45 %" ranges of the values where want(count) holds. */
static void ranges(const ngojst_initiative_criterion *c, bool overlap, char *out, size_t size)
{
	int64_t v, lo = -1, first = -1, last = -1;
	size_t n = 0, i;

	/* Only inside the scale: from the lowest value any band covers to the
	 * highest (bands need not start at 0). */
	for (v = 0; v <= 100; v++) {
		for (i = 0; i < c->bands_count; i++) {
			if (band_covers(&c->bands[i], v)) {
				if (first < 0)
					first = v;
				last = v;
			}
		}
	}
	out[0] = '\0';
	if (first < 0)
		return;
	for (v = first; v <= last + 1; v++) {
		size_t count = 0;
		bool hit;

		for (i = 0; v <= last && i < c->bands_count; i++)
			count += band_covers(&c->bands[i], v);
		hit = v <= last && (overlap ? count > 1 : count == 0);
		if (hit && lo < 0)
			lo = v;
		if (!hit && lo >= 0) {
			if (lo == v - 1)
				n += (size_t)snprintf(out + n, n < size ? size - n : 0, "%s%lld %%", n ? ", " : "", (long long)lo);
			else
				n += (size_t)snprintf(out + n, n < size ? size - n : 0, "%s%lld–%lld %%", n ? ", " : "",
						      (long long)lo, (long long)(v - 1));
			if (n >= size)
				n = size - 1;
			lo = -1;
		}
	}
}

static int check_bands(ngojst_eval *ev, const void *data, bool overlap)
{
	const ngojst_initiative_resolution *r = data;
	char ptr[64], actual[512];
	size_t i;

	for (i = 0; i < r->criteria_count; i++) {
		if (!r->criteria[i].bands_count)
			continue;
		ranges(&r->criteria[i], overlap, actual, sizeof(actual));
		if (!actual[0])
			continue;
		snprintf(ptr, sizeof(ptr), "/criteria/%zu/bands", i);
		if (emit(ev, ptr, actual))
			return NGOJST_ENOMEM;
	}
	return NGOJST_OK;
}

static int check_band_gaps(ngojst_eval *ev, const void *data)
{
	return check_bands(ev, data, false);
}

static int check_band_overlaps(ngojst_eval *ev, const void *data)
{
	return check_bands(ev, data, true);
}

/* A scale whose top is below its bottom cannot be applied. */
static int check_scale(ngojst_eval *ev, const void *data)
{
	const ngojst_initiative_resolution *r = data;
	char ptr[64], actual[128];
	size_t i, k;

	for (i = 0; i < r->criteria_count; i++) {
		const ngojst_initiative_criterion *c = &r->criteria[i];

		if (c->min_points != NGOJST_INT_NONE && c->max_points != NGOJST_INT_NONE && c->max_points < c->min_points) {
			snprintf(ptr, sizeof(ptr), "/criteria/%zu/max_points", i);
			snprintf(actual, sizeof(actual), "%lld < %lld", (long long)c->max_points, (long long)c->min_points);
			if (emit(ev, ptr, actual))
				return NGOJST_ENOMEM;
		}
		for (k = 0; k < c->bands_count; k++) {
			const ngojst_initiative_band *b = &c->bands[k];
			int64_t lo = b->min_percent != NGOJST_INT_NONE ? b->min_percent
				   : b->above_percent != NGOJST_INT_NONE ? b->above_percent + 1 : 0;
			int64_t hi = b->max_percent != NGOJST_INT_NONE ? b->max_percent
				   : b->below_percent != NGOJST_INT_NONE ? b->below_percent - 1 : 100;

			if (hi >= lo)
				continue;
			snprintf(ptr, sizeof(ptr), "/criteria/%zu/bands/%zu", i, k);
			snprintf(actual, sizeof(actual), "%lld %% < %lld %%", (long long)hi, (long long)lo);
			if (emit(ev, ptr, actual))
				return NGOJST_ENOMEM;
		}
	}
	return NGOJST_OK;
}

/* Caps on the JST's support (C-01 Racibórz): not among what art. 19c ust. 1
 * lists; arguably part of the procedure. A note for a human to review. */
static int check_support_caps(ngojst_eval *ev, const void *data)
{
	const ngojst_initiative_resolution *r = data;
	char buf[64], actual[96];

	if (r->jst_share_max_percent != NGOJST_INT_NONE) {
		snprintf(actual, sizeof(actual), "%lld %%", (long long)r->jst_share_max_percent);
		if (emit(ev, "/jst_share_max_percent", actual))
			return NGOJST_ENOMEM;
	}
	if (r->jst_share_max_amount != NGOJST_MONEY_NONE)
		return emit(ev, "/jst_share_max_amount", money(ev, r->jst_share_max_amount, buf, sizeof(buf)));
	return NGOJST_OK;
}

static const char *const application_kinds[] = { "LocalInitiativeApplication", NULL };
static const char *const resolution_kinds[] = { "LocalInitiativeResolution", NULL };

const ngojst_builtin_check ngojst_initiative_builtins[] = {
	{ "initiative_residence", check_residence,
	  "Each applicant lives, and the organisation has its seat, in the JST applied to (by TERYT when both codes are given, else by name).",
	  application_kinds },
	{ "initiative_contribution", check_contribution,
	  "The applicants contribute social work (hours or value), money or goods worth more than 0.", application_kinds },
	{ "initiative_cost_balance", check_balance,
	  "Social-work value, money, in-kind value and the JST's share add up to total_cost.", application_kinds },
	{ "initiative_social_work_value", check_social_work_value,
	  "social_work_hours × social_work_rate = social_work_value.", application_kinds },
	{ "initiative_not_excluded", check_not_excluded,
	  "task/type is not on the list initiative_excluded_task_types (an overlay's).", application_kinds },
	{ "initiative_scoring_weight", check_scoring_weight,
	  "In the rule set's scoring section no criterion can give more points than the social-work criterion.",
	  application_kinds },
	{ "initiative_scoring_gap", check_scoring_gap,
	  "The application's share falls in a band of every share_of_total criterion of the scoring section.",
	  application_kinds },
	{ "initiative_open_criteria", check_open_criteria,
	  "No criterion (nor the words introducing them) contains a phrase of the list initiative_open_ended_phrases.",
	  resolution_kinds },
	{ "initiative_applicants_narrowed", check_applicants_narrowed,
	  "applicants/types names every item of initiative_applicant_types.", resolution_kinds },
	{ "initiative_areas_narrowed", check_areas_narrowed, "areas names every item of initiative_areas.",
	  resolution_kinds },
	{ "initiative_social_work_criterion", check_social_work_criterion,
	  "Some criterion has social_work: true.", resolution_kinds },
	{ "initiative_social_work_weight", check_social_work_weight,
	  "No criterion can give more points (max_points or its highest band, times weight) than the social-work one.",
	  resolution_kinds },
	{ "initiative_band_gaps", check_band_gaps,
	  "Between its lowest and highest band, every whole percent is in a band of the criterion.", resolution_kinds },
	{ "initiative_band_overlaps", check_band_overlaps, "No whole percent is in two bands of one criterion.",
	  resolution_kinds },
	{ "initiative_scale", check_scale, "max_points is not below min_points, and no band's top is below its bottom.",
	  resolution_kinds },
	{ "initiative_support_caps", check_support_caps,
	  "Reports jst_share_max_percent and jst_share_max_amount when the resolution caps the JST's share.",
	  resolution_kinds },
};
const size_t ngojst_initiative_builtin_count = sizeof(ngojst_initiative_builtins) / sizeof(ngojst_initiative_builtins[0]);
