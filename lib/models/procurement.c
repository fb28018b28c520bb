/* Public procurement and its social clauses (Pzp 2019; Pzp 2004 for
 * procedures started before 2021): the field table of the Procurement kind,
 * its law date (the start of the procedure) and the built-in checks the
 * generic checks cannot express: percentages written as text, exact ids,
 * CPV codes and the art. 361 code list with its range, thresholds that
 * apply from the threshold itself ("równej lub przekraczającej"), and the
 * price-weight cap over a list of criteria. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <ngojst/procurement.h>

#include "../rules/eval.h"
#include "builtin-util.h"
#include "models.h"

#define F(type_, name_, ftype, flags_, en, pl) \
	{ #name_, ftype, offsetof(type_, name_), 0, NULL, flags_, en, pl }
#define FS(type_, name_, sub_, en, pl) \
	{ #name_, NGOJST_FT_STRUCT, offsetof(type_, name_), 0, &sub_, 0, en, pl }
#define FL(type_, name_, sub_, en, pl) \
	{ #name_, NGOJST_FT_LIST, offsetof(type_, name_), offsetof(type_, name_##_count), &sub_, 0, en, pl }
#define SCHEMA(var, type_, fields_) \
	static const ngojst_schema var = { #type_, sizeof(type_), fields_, sizeof(fields_) / sizeof(fields_[0]) }

static const ngojst_field authority_fields[] = {
	F(ngojst_procurement_authority, name, NGOJST_FT_STRING, 0, "Name of the contracting authority",
	  "Nazwa zamawiającego"),
	F(ngojst_procurement_authority, type, NGOJST_FT_STRING, 0,
	  "gmina, powiat, wojewodztwo, zwiazek_jst, jednostka_jst, inny_publiczny, podmiot_prawa_publicznego or inny",
	  "gmina, powiat, wojewodztwo, zwiazek_jst, jednostka_jst, inny_publiczny, podmiot_prawa_publicznego albo inny"),
};
SCHEMA(authority_schema, ngojst_procurement_authority, authority_fields);

static const ngojst_field subject_fields[] = {
	F(ngojst_procurement_subject, type, NGOJST_FT_STRING, 0, "works, supplies or services",
	  "works (roboty budowlane), supplies (dostawy) albo services (usługi)"),
	F(ngojst_procurement_subject, description, NGOJST_FT_STRING, 0, "Description of the subject",
	  "Opis przedmiotu zamówienia"),
	F(ngojst_procurement_subject, cpv, NGOJST_FT_STRINGS, 0, "CPV codes (NNNNNNNN-N), the main code first",
	  "Kody CPV (NNNNNNNN-N), najpierw główny"),
	F(ngojst_procurement_subject, social_services, NGOJST_FT_FLAG, 0,
	  "Social and other specific services (annex XIV to directive 2014/24/EU)",
	  "Usługi społeczne i inne szczególne usługi (załącznik XIV do dyrektywy 2014/24/UE)"),
	F(ngojst_procurement_subject, for_natural_persons, NGOJST_FT_FLAG, 0,
	  "To be used by natural persons, incl. the authority's staff (art. 100 ust. 1)",
	  "Przeznaczone do użytku osób fizycznych, w tym personelu zamawiającego (art. 100 ust. 1)"),
};
SCHEMA(subject_schema, ngojst_procurement_subject, subject_fields);

static const ngojst_field value_fields[] = {
	F(ngojst_procurement_value, amount, NGOJST_FT_MONEY, NGOJST_FIELD_NONNEG, "Net estimated value",
	  "Szacunkowa wartość netto (bez VAT)"),
	F(ngojst_procurement_value, currency, NGOJST_FT_STRING, 0, "Currency: PLN (absent means PLN)",
	  "Waluta: PLN (brak oznacza PLN)"),
	F(ngojst_procurement_value, estimated_on, NGOJST_FT_DATE, 0, "Date of the estimation",
	  "Data ustalenia wartości"),
};
SCHEMA(value_schema, ngojst_procurement_value, value_fields);

static const ngojst_field procedure_fields[] = {
	F(ngojst_procurement_procedure, reference, NGOJST_FT_STRING, 0, "Case number", "Znak sprawy"),
	F(ngojst_procurement_procedure, started_on, NGOJST_FT_DATE, NGOJST_FIELD_REQUIRED,
	  "Start of the procedure (selects the law)", "Data wszczęcia postępowania (wyznacza stan prawny)"),
	F(ngojst_procurement_procedure, mode, NGOJST_FT_STRING, 0, "Procedure type", "Tryb udzielenia zamówienia"),
	F(ngojst_procurement_procedure, below_eu_threshold, NGOJST_FT_FLAG, 0,
	  "Conducted as a procedure below the EU thresholds", "Postępowanie prowadzone jako poniżej progów unijnych"),
};
SCHEMA(procedure_schema, ngojst_procurement_procedure, procedure_fields);

static const ngojst_field reserved_fields[] = {
	F(ngojst_procurement_reserved, in_notice, NGOJST_FT_FLAG, 0, "Reservation made in the contract notice",
	  "Zastrzeżenie w ogłoszeniu o zamówieniu"),
	F(ngojst_procurement_reserved, contractors, NGOJST_FT_STRINGS, 0,
	  "Who may apply: zpch, spoldzielnia_socjalna, integracja",
	  "Kto może się ubiegać: zpch, spoldzielnia_socjalna, integracja"),
	F(ngojst_procurement_reserved, groups, NGOJST_FT_STRINGS, 0, "Disadvantaged groups (art. 94 ust. 1 pkt 1-10)",
	  "Grupy osób społecznie marginalizowanych (art. 94 ust. 1 pkt 1-10)"),
	F(ngojst_procurement_reserved, min_share, NGOJST_FT_STRING, 0,
	  "Minimum share of employees from the groups, a percentage (0-100)",
	  "Minimalny procentowy wskaźnik zatrudnienia osób z tych grup (0-100)"),
};
SCHEMA(reserved_schema, ngojst_procurement_reserved, reserved_fields);

static const ngojst_field employment_fields[] = {
	F(ngojst_procurement_employment, applies, NGOJST_FT_FLAG, 0,
	  "The activities are work as in art. 22 § 1 of the Labour Code",
	  "Czynności polegają na wykonywaniu pracy w sposób określony w art. 22 § 1 Kodeksu pracy"),
	F(ngojst_procurement_employment, reason_not_applied, NGOJST_FT_STRING, 0,
	  "Why no activity has those features", "Dlaczego żadne czynności nie mają tych cech"),
	F(ngojst_procurement_employment, activities, NGOJST_FT_STRINGS, 0, "The activities covered",
	  "Rodzaje czynności objętych wymaganiem"),
	F(ngojst_procurement_employment, verification, NGOJST_FT_STRING, 0, "How employment is verified",
	  "Sposób weryfikacji zatrudnienia"),
	F(ngojst_procurement_employment, control_powers, NGOJST_FT_STRING, 0, "The authority's control powers",
	  "Uprawnienia zamawiającego w zakresie kontroli"),
	F(ngojst_procurement_employment, sanctions, NGOJST_FT_STRING, 0, "Sanctions for non-compliance",
	  "Sankcje z tytułu niespełnienia wymagań"),
};
SCHEMA(employment_schema, ngojst_procurement_employment, employment_fields);

static const ngojst_field social_employment_fields[] = {
	F(ngojst_procurement_social_employment, groups, NGOJST_FT_STRINGS, 0,
	  "Groups to employ (art. 96 ust. 2 pkt 2 lit. a-g)", "Grupy osób (art. 96 ust. 2 pkt 2 lit. a-g)"),
	F(ngojst_procurement_social_employment, persons, NGOJST_FT_INT, NGOJST_FIELD_NONNEG, "Number of persons",
	  "Liczba osób"),
	F(ngojst_procurement_social_employment, period, NGOJST_FT_STRING, 0, "Period of employment",
	  "Okres zatrudnienia"),
	F(ngojst_procurement_social_employment, control_powers, NGOJST_FT_STRING, 0, "The authority's control powers",
	  "Uprawnienia zamawiającego w zakresie kontroli"),
	F(ngojst_procurement_social_employment, sanctions, NGOJST_FT_STRING, 0, "Sanctions", "Sankcje"),
};
SCHEMA(social_employment_schema, ngojst_procurement_social_employment, social_employment_fields);

static const ngojst_field accessibility_fields[] = {
	F(ngojst_procurement_accessibility, requirements, NGOJST_FT_STRING, 0,
	  "How accessibility and design for all users are taken into account",
	  "Jak uwzględniono dostępność dla osób niepełnosprawnych i projektowanie z myślą o wszystkich użytkownikach"),
	F(ngojst_procurement_accessibility, exception, NGOJST_FT_STRING, 0,
	  "Why the nature of the subject does not justify it (Pzp 2019)",
	  "Dlaczego nie jest to uzasadnione charakterem przedmiotu zamówienia (Pzp 2019)"),
};
SCHEMA(accessibility_schema, ngojst_procurement_accessibility, accessibility_fields);

static const ngojst_field reserved_services_fields[] = {
	F(ngojst_procurement_reserved_services, stated_in, NGOJST_FT_STRING, 0,
	  "ogloszenie_o_zamowieniu or wstepne_ogloszenie_informacyjne",
	  "ogloszenie_o_zamowieniu albo wstepne_ogloszenie_informacyjne"),
	F(ngojst_procurement_reserved_services, public_service_mission, NGOJST_FT_FLAG, 0,
	  "Condition pkt 1: public-service mission and social integration",
	  "Warunek pkt 1: cel użyteczności publicznej i integracja społeczna"),
	F(ngojst_procurement_reserved_services, not_for_profit, NGOJST_FT_FLAG, 0, "Condition pkt 2: not for profit",
	  "Warunek pkt 2: działalność nie dla zysku"),
	F(ngojst_procurement_reserved_services, employee_participation, NGOJST_FT_FLAG, 0,
	  "Condition pkt 3: employee participation", "Warunek pkt 3: partycypacja pracowników"),
	F(ngojst_procurement_reserved_services, no_recent_award, NGOJST_FT_FLAG, 0,
	  "Condition pkt 4: no such award by this authority in the last 3 years",
	  "Warunek pkt 4: brak takiego zamówienia od tego zamawiającego w ostatnich 3 latach"),
	F(ngojst_procurement_reserved_services, duration_months, NGOJST_FT_INT, NGOJST_FIELD_NONNEG,
	  "Maximum duration of the contract, in months", "Maksymalny okres obowiązywania umowy w miesiącach"),
	F(ngojst_procurement_reserved_services, previous_award_on, NGOJST_FT_DATE, 0,
	  "Previous award on this basis by the same authority", "Poprzednie takie zamówienie tego zamawiającego"),
};
SCHEMA(reserved_services_schema, ngojst_procurement_reserved_services, reserved_services_fields);

static const ngojst_field clauses_fields[] = {
	FS(ngojst_procurement_clauses, reserved, reserved_schema, "Reserved contract (art. 94)",
	   "Zamówienie zastrzeżone (art. 94)"),
	FS(ngojst_procurement_clauses, employment_contract, employment_schema,
	   "Employment-contract requirement (art. 95)", "Wymóg zatrudnienia na podstawie stosunku pracy (art. 95)"),
	FS(ngojst_procurement_clauses, social_employment, social_employment_schema,
	   "Employment of specific groups (art. 96 ust. 2 pkt 2)", "Zatrudnienie określonych osób (art. 96 ust. 2 pkt 2)"),
	FS(ngojst_procurement_clauses, accessibility, accessibility_schema, "Accessibility (art. 100)",
	   "Dostępność (art. 100)"),
	FS(ngojst_procurement_clauses, reserved_services, reserved_services_schema,
	   "Reserved social, health and cultural services (art. 361)",
	   "Zamówienie zastrzeżone na usługi zdrowotne, społeczne i kulturalne (art. 361)"),
};
SCHEMA(clauses_schema, ngojst_procurement_clauses, clauses_fields);

static const ngojst_field criterion_fields[] = {
	F(ngojst_award_criterion, name, NGOJST_FT_STRING, 0, "Name of the criterion", "Nazwa kryterium"),
	F(ngojst_award_criterion, kind, NGOJST_FT_STRING, 0, "price, cost or quality", "price, cost albo quality"),
	F(ngojst_award_criterion, aspect, NGOJST_FT_STRING, 0,
	  "quality, accessibility, social, environmental, innovation, staff or service (art. 242 ust. 2)",
	  "quality, accessibility, social, environmental, innovation, staff albo service (art. 242 ust. 2)"),
	F(ngojst_award_criterion, weight, NGOJST_FT_STRING, 0, "Weight, a percentage (0-100)", "Waga w procentach (0-100)"),
	F(ngojst_award_criterion, description, NGOJST_FT_STRING, 0, "How offers are scored on it",
	  "Opis sposobu oceny ofert"),
};
SCHEMA(criterion_schema, ngojst_award_criterion, criterion_fields);

static const ngojst_field award_fields[] = {
	FL(ngojst_procurement_award, criteria, criterion_schema, "The award criteria", "Kryteria oceny ofert"),
	F(ngojst_procurement_award, quality_requirements, NGOJST_FT_FLAG, 0,
	  "The description of the subject sets quality requirements (art. 246 ust. 2)",
	  "Opis przedmiotu zamówienia określa standardy jakościowe (art. 246 ust. 2)"),
	F(ngojst_procurement_award, life_cycle_costs, NGOJST_FT_FLAG, 0,
	  "Life-cycle costs accounted for (art. 91 ust. 2a Pzp 2004)",
	  "Wykazano uwzględnienie kosztów cyklu życia (art. 91 ust. 2a Pzp 2004)"),
};
SCHEMA(award_schema, ngojst_procurement_award, award_fields);

static const ngojst_field procurement_fields[] = {
	FS(ngojst_procurement, authority, authority_schema, "The contracting authority", "Zamawiający"),
	F(ngojst_procurement, title, NGOJST_FT_STRING, 0, "Name of the contract", "Nazwa zamówienia"),
	FS(ngojst_procurement, subject, subject_schema, "The subject of the contract", "Przedmiot zamówienia"),
	FS(ngojst_procurement, estimated_value, value_schema, "The estimated value", "Wartość zamówienia"),
	/* required, as is its start date: without it the law cannot be chosen */
	{ "procedure", NGOJST_FT_STRUCT, offsetof(ngojst_procurement, procedure), 0, &procedure_schema,
	  NGOJST_FIELD_REQUIRED, "The procedure", "Postępowanie" },
	FS(ngojst_procurement, clauses, clauses_schema, "The social clauses used", "Zastosowane klauzule społeczne"),
	FS(ngojst_procurement, award, award_schema, "The award criteria", "Kryteria oceny ofert"),
};
SCHEMA(procurement_schema, ngojst_procurement, procurement_fields);

/* The law in force on the day the procedure started: Pzp 2019 from
 * 2021-01-01, Pzp 2004 before (the introductory act, Dz.U. 2019 poz. 2020,
 * keeps the old law for procedures started before 2021). */
static ngojst_date procurement_law_date(const void *data)
{
	return ((const ngojst_procurement *)data)->procedure.started_on;
}

const ngojst_kind ngojst_kind_procurement = {
	"Procurement", "Public procurement procedure and its social clauses (Pzp 2019, Pzp 2004)", &procurement_schema,
	procurement_law_date, "the start of the procedure (procedure/started_on)",
};

/* ---- helpers ---------------------------------------------------------------- */

static const char *format_percent(ngojst_eval *ev, int64_t hundredths, char *buf, size_t size)
{
	ngojst_value v = { NGOJST_V_PERCENT, { 0 } };

	v.u.i = hundredths;
	return ngojst_eval_format_value(ev, &v, buf, size);
}

static const char *format_money(ngojst_eval *ev, ngojst_money amount, char *buf, size_t size)
{
	ngojst_value v = { NGOJST_V_MONEY, { 0 } };

	v.u.i = amount;
	return ngojst_eval_format_value(ev, &v, buf, size);
}

/* A percentage as people write it: "30", "30 %", "35,5%", "12.25 %".
 * Returns hundredths of a percent, or -1 when s is not a number with at
 * most two decimals, or -2 when it is one but above 100. */
static int64_t parse_percent(const char *s)
{
	int64_t whole = 0, frac = 0;
	int digits = 0, decimals = 0;

	while (*s == ' ')
		s++;
	while (*s >= '0' && *s <= '9') {
		if (++digits > 6)
			return -1;
		whole = whole * 10 + (*s++ - '0');
	}
	if (!digits)
		return -1;
	if (*s == ',' || *s == '.') {
		s++;
		while (*s >= '0' && *s <= '9') {
			if (++decimals > 2)
				return -1;
			frac = frac * 10 + (*s++ - '0');
		}
		if (!decimals)
			return -1;
		if (decimals == 1)
			frac *= 10;
	}
	while (*s == ' ')
		s++;
	if (*s == '%')
		s++;
	while (*s == ' ')
		s++;
	if (*s)
		return -1;
	whole = whole * 100 + frac;
	return whole > 10000 ? -2 : whole;
}

/* "NNNNNNNN-N": eight digits, a hyphen, the check digit. On success *code
 * is the eight-digit number. */
static bool parse_cpv(const char *s, long *code)
{
	long n = 0;
	int i;

	for (i = 0; i < 8; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		n = n * 10 + (s[i] - '0');
	}
	if (s[8] != '-' || s[9] < '0' || s[9] > '9' || s[10] != '\0')
		return false;
	*code = n;
	return true;
}

/* Whether a CPV code is on a list whose items are codes or ranges written
 * "FROM..TO" (art. 361 ust. 1: "od 85000000-9 do 85323000-9"). A code
 * matches an item by its eight digits; a range includes both ends. */
static bool cpv_on_list(const ngojst_list *l, long code)
{
	size_t i;

	for (i = 0; i < l->count; i++) {
		const char *it = l->items[i], *dots = strstr(it, "..");
		long a, b;

		if (!dots) {
			if (parse_cpv(it, &a) && a == code)
				return true;
			continue;
		}
		{
			char from[16];
			size_t n = (size_t)(dots - it);

			if (n >= sizeof(from))
				continue;
			memcpy(from, it, n);
			from[n] = '\0';
			if (parse_cpv(from, &a) && parse_cpv(dots + 2, &b) && a <= code && code <= b)
				return true;
		}
	}
	return false;
}

/* ---- built-in checks ---------------------------------------------------------- */

static int check_currency(ngojst_eval *ev, const void *data)
{
	const char *c = ((const ngojst_procurement *)data)->estimated_value.currency;

	if (ngojst_blank(c) || !strcmp(c, "PLN"))
		return NGOJST_OK;
	return ngojst_emit_actual(ev, "/estimated_value/currency", c);
}

static int check_subject_type(ngojst_eval *ev, const void *data)
{
	return ngojst_exact_id(ev, "procurement_subjects", ((const ngojst_procurement *)data)->subject.type, "/subject/type");
}

static int check_authority_type(ngojst_eval *ev, const void *data)
{
	return ngojst_exact_id(ev, "procurement_authority_types", ((const ngojst_procurement *)data)->authority.type,
			"/authority/type");
}

static int check_share_format(ngojst_eval *ev, const void *data)
{
	const char *s = ((const ngojst_procurement *)data)->clauses.reserved.min_share;

	if (ngojst_blank(s) || parse_percent(s) >= 0)
		return NGOJST_OK;
	return ngojst_emit_actual(ev, "/clauses/reserved/min_share", s);
}

static int check_weight_format(ngojst_eval *ev, const void *data)
{
	const ngojst_procurement_award *a = &((const ngojst_procurement *)data)->award;
	char ptr[64];
	size_t i;

	for (i = 0; i < a->criteria_count; i++) {
		const char *w = a->criteria[i].weight;

		if (ngojst_blank(w) || parse_percent(w) >= 0)
			continue;
		snprintf(ptr, sizeof(ptr), "/award/criteria/%zu/weight", i);
		if (ngojst_emit_actual(ev, ptr, w) == NGOJST_ENOMEM)
			return NGOJST_ENOMEM;
	}
	return NGOJST_OK;
}

/* The share stated against a statutory floor. strict: the share must be
 * above the floor (Pzp 2004 before 2016-07-28: "ponad 50%"); otherwise at
 * least the floor (art. 94 ust. 2, art. 22 ust. 2a: "nie mniejszy niż 30%"). */
static int share_against(ngojst_eval *ev, const void *data, const char *param, bool strict)
{
	const char *s = ((const ngojst_procurement *)data)->clauses.reserved.min_share;
	const ngojst_value *floor = ngojst_eval_param(ev, param, NGOJST_V_PERCENT);
	int64_t share;
	char a[32], b[32], actual[96];

	if (ngojst_blank(s) || !floor || (share = parse_percent(s)) < 0)
		return NGOJST_OK; /* a malformed share is the format rule's finding */
	if (strict ? share > floor->u.i : share >= floor->u.i)
		return NGOJST_OK;
	snprintf(actual, sizeof(actual), "%s (%s %s)", format_percent(ev, share, a, sizeof(a)),
		 strict ? (ev->lang == NGOJST_LANG_PL ? "wymagane ponad" : "required: more than")
			: (ev->lang == NGOJST_LANG_PL ? "wymagane co najmniej" : "required: at least"),
		 format_percent(ev, floor->u.i, b, sizeof(b)));
	return ngojst_emit_actual(ev, "/clauses/reserved/min_share", actual);
}

static int check_share_minimum(ngojst_eval *ev, const void *data)
{
	return share_against(ev, data, "pzp_reserved_min_share", false);
}

static int check_share_disabled_majority(ngojst_eval *ev, const void *data)
{
	return share_against(ev, data, "pzp2004_reserved_disabled_share", true);
}

static int check_cpv_format(ngojst_eval *ev, const void *data)
{
	const ngojst_strings *cpv = &((const ngojst_procurement *)data)->subject.cpv;
	char ptr[64];
	size_t i;
	long code;

	for (i = 0; i < cpv->count; i++) {
		const char *c = cpv->items[i];

		if (ngojst_blank(c) || parse_cpv(c, &code))
			continue;
		snprintf(ptr, sizeof(ptr), "/subject/cpv/%zu", i);
		if (ngojst_emit_actual(ev, ptr, c) == NGOJST_ENOMEM)
			return NGOJST_ENOMEM;
	}
	return NGOJST_OK;
}

/* Every well-formed CPV code is one of the codes (or in the range) of the
 * list pzp_361_cpv; malformed codes are the format rule's finding. */
static int check_cpv_reserved_services(ngojst_eval *ev, const void *data)
{
	const ngojst_strings *cpv = &((const ngojst_procurement *)data)->subject.cpv;
	const ngojst_list *l = ngojst_ruleset_list(ev->rs, "pzp_361_cpv");
	char ptr[64];
	size_t i;
	long code;

	if (!l)
		return NGOJST_OK;
	for (i = 0; i < cpv->count; i++) {
		const char *c = cpv->items[i];

		if (ngojst_blank(c) || !parse_cpv(c, &code) || cpv_on_list(l, code))
			continue;
		snprintf(ptr, sizeof(ptr), "/subject/cpv/%zu", i);
		if (ngojst_emit_actual(ev, ptr, c) == NGOJST_ENOMEM)
			return NGOJST_ENOMEM;
	}
	return NGOJST_OK;
}

/* A non-negative whole number with a space every three digits. */
static void group_thousands(char *buf, size_t size, int64_t n)
{
	char digits[24];
	size_t len, i, o = 0;

	snprintf(digits, sizeof(digits), "%lld", (long long)(n < 0 ? 0 : n));
	len = strlen(digits);
	for (i = 0; i < len && o + 2 < size; i++) {
		if (i && (len - i) % 3 == 0)
			buf[o++] = ' ';
		buf[o++] = digits[i];
	}
	buf[o] = '\0';
}

/* A value equal to or above the EU threshold for social services at the
 * start of the procedure (the PLN equivalent in force then). */
static int check_social_services_threshold(ngojst_eval *ev, const void *data)
{
	ngojst_money amount = ((const ngojst_procurement *)data)->estimated_value.amount;
	const ngojst_value *pln = ngojst_eval_param(ev, "pzp_social_services_threshold_pln", NGOJST_V_MONEY);
	const ngojst_value *eur = ngojst_eval_param(ev, "pzp_social_services_threshold_eur", NGOJST_V_MONEY);
	const ngojst_value *rate = ngojst_eval_param(ev, "pzp_eur_rate", NGOJST_V_STRING);
	char a[48], b[48], e[48], actual[256];

	if (amount == NGOJST_MONEY_NONE || !pln || amount < pln->u.i)
		return NGOJST_OK;
	format_money(ev, amount, a, sizeof(a));
	format_money(ev, pln->u.i, b, sizeof(b));
	if (eur && rate) {
		/* the EUR amount in whole euro, grouped like the PLN amounts
		 * ("750 000"): it is a money parameter in cents */
		group_thousands(e, sizeof(e), eur->u.i / 100);
		snprintf(actual, sizeof(actual), "%s ≥ %s (%s EUR × %s)", a, b, e, rate->u.s);
	} else {
		snprintf(actual, sizeof(actual), "%s ≥ %s", a, b);
	}
	return ngojst_emit_actual(ev, "/estimated_value/amount", actual);
}

/* Price as the only criterion, or a price weight above the cap
 * (art. 246 ust. 1; art. 91 ust. 2a Pzp 2004). The price weight is the sum
 * of the weights of the criteria of kind "price"; criteria of kind price
 * alone (no other kind) make price the only criterion whatever the weights
 * say. */
static int check_price_weight(ngojst_eval *ev, const void *data)
{
	const ngojst_procurement_award *a = &((const ngojst_procurement *)data)->award;
	const ngojst_value *cap = ngojst_eval_param(ev, "pzp_price_weight_cap", NGOJST_V_PERCENT);
	int64_t price = 0;
	bool any_price = false, other = false, weights_ok = true;
	size_t i, first = 0;
	char w[32], c[32], actual[160], ptr[64];

	if (!cap)
		return NGOJST_OK;
	for (i = 0; i < a->criteria_count; i++) {
		const ngojst_award_criterion *k = &a->criteria[i];

		if (ngojst_blank(k->kind))
			continue;
		if (strcmp(k->kind, "price")) {
			other = true;
			continue;
		}
		if (!any_price)
			first = i;
		any_price = true;
		if (ngojst_blank(k->weight) || parse_percent(k->weight) < 0)
			weights_ok = false;
		else
			price += parse_percent(k->weight);
	}
	if (!any_price)
		return NGOJST_OK;
	snprintf(ptr, sizeof(ptr), "/award/criteria/%zu", first);
	if (!other) {
		snprintf(actual, sizeof(actual), "%s",
			 ev->lang == NGOJST_LANG_PL ? "cena jest jedynym kryterium" : "price is the only criterion");
		return ngojst_emit_actual(ev, ptr, actual);
	}
	if (!weights_ok || price <= cap->u.i)
		return NGOJST_OK;
	snprintf(actual, sizeof(actual), "%s %s > %s", ev->lang == NGOJST_LANG_PL ? "waga ceny" : "price weight",
		 format_percent(ev, price, w, sizeof(w)), format_percent(ev, cap->u.i, c, sizeof(c)));
	return ngojst_emit_actual(ev, ptr, actual);
}

/* Social and accessibility criteria (art. 242 ust. 2 pkt 1-2) say how
 * offers are scored on them. */
static int check_social_criteria_described(ngojst_eval *ev, const void *data)
{
	const ngojst_procurement_award *a = &((const ngojst_procurement *)data)->award;
	char ptr[64];
	size_t i;

	for (i = 0; i < a->criteria_count; i++) {
		const ngojst_award_criterion *k = &a->criteria[i];

		if (ngojst_blank(k->aspect) || (strcmp(k->aspect, "social") && strcmp(k->aspect, "accessibility")) ||
		    !ngojst_blank(k->description))
			continue;
		snprintf(ptr, sizeof(ptr), "/award/criteria/%zu/description", i);
		if (ngojst_emit_actual(ev, ptr, ngojst_blank(k->name) ? k->aspect : k->name) == NGOJST_ENOMEM)
			return NGOJST_ENOMEM;
	}
	return NGOJST_OK;
}

static const char *const procurement_kinds[] = { "Procurement", NULL };

const ngojst_builtin_check ngojst_procurement_builtins[] = {
	{ "procurement_currency", check_currency,
	  "The estimated value is in PLN: estimated_value/currency is absent or exactly \"PLN\". {actual}: the currency.",
	  procurement_kinds },
	{ "procurement_subject_type", check_subject_type,
	  "subject/type is written exactly as an item of the list procurement_subjects. {actual}: the value.",
	  procurement_kinds },
	{ "procurement_authority_type", check_authority_type,
	  "authority/type is written exactly as an item of the list procurement_authority_types. {actual}: the value.",
	  procurement_kinds },
	{ "procurement_share_format", check_share_format,
	  "clauses/reserved/min_share is a percentage from 0 to 100 with at most two decimals. {actual}: as written.",
	  procurement_kinds },
	{ "procurement_weight_format", check_weight_format,
	  "Each award/criteria/*/weight is a percentage from 0 to 100 with at most two decimals. {actual}: as written.",
	  procurement_kinds },
	{ "procurement_share_minimum", check_share_minimum,
	  "clauses/reserved/min_share is at least $pzp_reserved_min_share. {actual}: the share and the minimum.",
	  procurement_kinds },
	{ "procurement_share_disabled_majority", check_share_disabled_majority,
	  "clauses/reserved/min_share is above $pzp2004_reserved_disabled_share. {actual}: the share and the floor.",
	  procurement_kinds },
	{ "procurement_cpv_format", check_cpv_format,
	  "Each subject/cpv/* is a CPV code NNNNNNNN-N. {actual}: the code.", procurement_kinds },
	{ "procurement_cpv_reserved_services", check_cpv_reserved_services,
	  "Each well-formed subject/cpv/* is a code (or in a FROM..TO range) of the list pzp_361_cpv. {actual}: the code.",
	  procurement_kinds },
	{ "procurement_social_services_threshold", check_social_services_threshold,
	  "estimated_value/amount is at least $pzp_social_services_threshold_pln. {actual}: the value, the threshold, "
	  "$pzp_social_services_threshold_eur and $pzp_eur_rate.",
	  procurement_kinds },
	{ "procurement_price_weight", check_price_weight,
	  "Price is the only criterion (criteria of kind price and no other kind), or the weights of the price criteria "
	  "add up to more than $pzp_price_weight_cap. {actual}: which, with the weight and the cap.",
	  procurement_kinds },
	{ "procurement_social_criteria_described", check_social_criteria_described,
	  "Each criterion with aspect social or accessibility has a description. {actual}: the criterion's name.",
	  procurement_kinds },
};
const size_t ngojst_procurement_builtin_count =
	sizeof(ngojst_procurement_builtins) / sizeof(ngojst_procurement_builtins[0]);
