/* Public benefit councils (udpp art. 35-41, 41a-41i): field tables, the law
 * date of each kind and the built-in checks. The statutory numbers the
 * built-ins use (requesting organisations, NGO share, periods, absences) are
 * rule-set parameters; a level-dependent one is named BASE_local (gmina,
 * powiat), BASE_voivodeship or BASE_national and chosen by the document's
 * level, while the rules that call the built-in are split per level by
 * their `when` conditions, each with its own citation. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <ngojst/calendar.h>
#include <ngojst/council.h>

#include "../rules/eval.h"
#include "fields.h"
#include "builtin-util.h"
#include "models.h"

/* The JST, act and period tables have the same fields as programme.c's
 * (whose tables are private to that file). */
#define LEVEL_FIELD(t, en, pl) F(t, level, NGOJST_FT_STRING, NGOJST_FIELD_REQUIRED, en, pl)

/* ---- CouncilRequest ----------------------------------------------------------- */

static const ngojst_field applicant_fields[] = {
	F(ngojst_council_applicant, name, NGOJST_FT_STRING, 0, "Name of the organisation", "Nazwa organizacji"),
	F(ngojst_council_applicant, krs, NGOJST_FT_STRING, 0, "KRS number or other register entry",
	  "Numer KRS lub innego rejestru"),
	F(ngojst_council_applicant, active_in_jst, NGOJST_FT_FLAG, 0,
	  "Active in the JST's area (only false keeps it out of the count)",
	  "Działa na terenie JST (tylko false wyłącza ją z liczby wnioskodawców)"),
};
SCHEMA(applicant_schema, ngojst_council_applicant, applicant_fields);

static const ngojst_field request_fields[] = {
	LEVEL_FIELD(ngojst_council_request, "Level of the council requested: gmina, powiat or wojewodztwo",
		    "Szczebel rady: gmina, powiat albo wojewodztwo"),
	FS(ngojst_council_request, jst, ngojst_jst_schema, "The local government unit", "Jednostka samorządu terytorialnego"),
	FL(ngojst_council_request, organisations, applicant_schema, "The organisations that made the joint request",
	   "Organizacje, które złożyły wspólny wniosek"),
	F(ngojst_council_request, received_on, NGOJST_FT_DATE, 0, "Request received by the executive body",
	  "Data otrzymania wniosku przez organ wykonawczy"),
	FS(ngojst_council_request, creation, ngojst_act_schema, "The act creating the council (its date: the day of creation)",
	   "Akt tworzący radę (jego data: dzień utworzenia)"),
};
SCHEMA(request_schema, ngojst_council_request, request_fields);

/* ---- PublicBenefitCouncil ----------------------------------------------------- */

static const ngojst_field member_fields[] = {
	F(ngojst_council_member, name, NGOJST_FT_STRING, 0, "Name of the member", "Imię i nazwisko członka"),
	F(ngojst_council_member, side, NGOJST_FT_STRING, NGOJST_FIELD_REQUIRED,
	  "Whom the member represents: organ_stanowiacy, organ_wykonawczy, organizacje, wojewoda (voivodeship); "
	  "administracja_rzadowa, jst (national)",
	  "Kogo członek reprezentuje: organ_stanowiacy, organ_wykonawczy, organizacje, wojewoda (województwo); "
	  "administracja_rzadowa, jst (rada krajowa)"),
	F(ngojst_council_member, represents, NGOJST_FT_STRING, 0, "The organisation or body that nominated the member",
	  "Organizacja lub organ, który wskazał członka"),
	F(ngojst_council_member, appointed_on, NGOJST_FT_DATE, 0, "Appointed on (if later than the start of the term)",
	  "Data powołania (jeśli późniejsza niż początek kadencji)"),
	F(ngojst_council_member, dismissed_on, NGOJST_FT_DATE, 0, "Dismissed before the end of the term on",
	  "Data odwołania przed upływem kadencji"),
	F(ngojst_council_member, dismissal_ground, NGOJST_FT_STRING, 0,
	  "Ground of the dismissal: point of art. 41g ust. 2 (1 to 5)", "Podstawa odwołania: punkt art. 41g ust. 2 (1–5)"),
};
SCHEMA(member_schema, ngojst_council_member, member_fields);

static const ngojst_field meeting_fields[] = {
	F(ngojst_council_meeting, held_on, NGOJST_FT_DATE, 0, "Date of the meeting", "Data posiedzenia"),
	F(ngojst_council_meeting, absent_unexcused, NGOJST_FT_STRINGS, 0, "Members absent without excuse (names)",
	  "Członkowie nieobecni bez usprawiedliwienia (imiona i nazwiska)"),
	F(ngojst_council_meeting, absent_excused, NGOJST_FT_STRINGS, 0, "Members whose absence was excused (names)",
	  "Członkowie, których nieobecność usprawiedliwiono (imiona i nazwiska)"),
};
SCHEMA(meeting_schema, ngojst_council_meeting, meeting_fields);

static const ngojst_field council_fields[] = {
	LEVEL_FIELD(ngojst_council, "Level: gmina, powiat, wojewodztwo or kraj (national)",
		    "Szczebel: gmina, powiat, wojewodztwo albo kraj (rada krajowa)"),
	FS(ngojst_council, jst, ngojst_jst_schema, "The local government unit", "Jednostka samorządu terytorialnego"),
	F(ngojst_council, name, NGOJST_FT_STRING, 0, "Name of the council", "Nazwa rady"),
	FS(ngojst_council, appointment, ngojst_act_schema, "The act appointing the members", "Akt powołujący członków rady"),
	FS(ngojst_council, term, ngojst_period_schema, "Term of office", "Kadencja"),
	FL(ngojst_council, members, member_schema, "Members", "Członkowie"),
	FL(ngojst_council, meetings, meeting_schema, "Meetings and absences", "Posiedzenia i nieobecności"),
};
SCHEMA(council_schema, ngojst_council, council_fields);

/* ---- CouncilResolution -------------------------------------------------------- */

static const ngojst_field nomination_fields[] = {
	F(ngojst_council_nomination, dates, NGOJST_FT_STRING, 0, "When candidates are nominated", "Terminy zgłaszania kandydatów"),
	F(ngojst_council_nomination, manner, NGOJST_FT_STRING, 0, "How candidates are nominated", "Sposób zgłaszania kandydatów"),
};
SCHEMA(nomination_schema, ngojst_council_nomination, nomination_fields);

static const ngojst_field publication_fields[] = {
	F(ngojst_council_publication, journal, NGOJST_FT_STRING, 0, "Official journal and position",
	  "Dziennik urzędowy i pozycja"),
	F(ngojst_council_publication, published_on, NGOJST_FT_DATE, 0, "Day of publication", "Data ogłoszenia"),
};
SCHEMA(publication_schema, ngojst_council_publication, publication_fields);

static const ngojst_field resolution_fields[] = {
	LEVEL_FIELD(ngojst_council_resolution, "Level of the council: gmina, powiat or wojewodztwo",
		    "Szczebel rady: gmina, powiat albo wojewodztwo"),
	FS(ngojst_council_resolution, jst, ngojst_jst_schema, "The local government unit", "Jednostka samorządu terytorialnego"),
	FS(ngojst_council_resolution, resolution, ngojst_act_schema, "The resolution", "Uchwała"),
	F(ngojst_council_resolution, appointment_procedure, NGOJST_FT_STRING, 0, "How members are appointed",
	  "Tryb powoływania członków rady"),
	F(ngojst_council_resolution, organisation, NGOJST_FT_STRING, 0, "Organisation and working mode of the council",
	  "Organizacja i tryb działania rady"),
	FS(ngojst_council_resolution, nomination, nomination_schema, "Dates and manner of nominating candidates",
	   "Terminy i sposób zgłaszania kandydatów"),
	F(ngojst_council_resolution, representativeness, NGOJST_FT_STRING, 0,
	  "How the representativeness of the organisations is ensured",
	  "Sposób zapewnienia reprezentatywności organizacji"),
	FS(ngojst_council_resolution, publication, publication_schema, "Publication in the official journal",
	   "Ogłoszenie w dzienniku urzędowym"),
	F(ngojst_council_resolution, in_force_from, NGOJST_FT_DATE, 0, "Enters into force on", "Data wejścia w życie"),
};
SCHEMA(resolution_schema, ngojst_council_resolution, resolution_fields);

/* ---- CouncilOpinionRequest ---------------------------------------------------- */

static const ngojst_field draft_fields[] = {
	F(ngojst_council_draft, type, NGOJST_FT_STRING, 0,
	  "program_wspolpracy, strategia_rozwoju, akt_prawa_miejscowego, uchwala or inny",
	  "program_wspolpracy, strategia_rozwoju, akt_prawa_miejscowego, uchwala albo inny"),
	F(ngojst_council_draft, title, NGOJST_FT_STRING, 0, "Title of the draft", "Tytuł projektu"),
};
SCHEMA(draft_schema, ngojst_council_draft, draft_fields);

static const ngojst_field opinion_request_fields[] = {
	LEVEL_FIELD(ngojst_council_opinion_request, "Level of the council: gmina, powiat, wojewodztwo or kraj",
		    "Szczebel rady: gmina, powiat, wojewodztwo albo kraj"),
	FS(ngojst_council_opinion_request, jst, ngojst_jst_schema, "The local government unit", "Jednostka samorządu terytorialnego"),
	F(ngojst_council_opinion_request, council, NGOJST_FT_STRING, 0, "Name of the council", "Nazwa rady"),
	FS(ngojst_council_opinion_request, draft, draft_schema, "The draft sent for an opinion", "Projekt przekazany do zaopiniowania"),
	F(ngojst_council_opinion_request, delivered_on, NGOJST_FT_DATE, 0, "Draft delivered to the council",
	  "Data doręczenia projektu radzie"),
	F(ngojst_council_opinion_request, given_on, NGOJST_FT_DATE, 0, "Opinion given", "Data wydania opinii"),
	F(ngojst_council_opinion_request, adopted_on, NGOJST_FT_DATE, 0,
	  "The act adopted (or the draft sent on to the decision-making body)",
	  "Data przyjęcia aktu (albo przekazania projektu organowi stanowiącemu)"),
};
SCHEMA(opinion_request_schema, ngojst_council_opinion_request, opinion_request_fields);

/* ---- law dates and kinds ---------------------------------------------------------- */

static ngojst_date request_law_date(const void *data)
{
	return ((const ngojst_council_request *)data)->received_on;
}

static ngojst_date council_law_date(const void *data)
{
	return ((const ngojst_council *)data)->term.from;
}

static ngojst_date resolution_law_date(const void *data)
{
	return ((const ngojst_council_resolution *)data)->resolution.adopted_on;
}

static ngojst_date opinion_request_law_date(const void *data)
{
	return ((const ngojst_council_opinion_request *)data)->delivered_on;
}

const ngojst_kind ngojst_kind_council_request = {
	"CouncilRequest", "Request to create a public benefit council (udpp art. 41e ust. 1, art. 41a ust. 1)",
	&request_schema, request_law_date, "the day the request was received (received_on)",
};

const ngojst_kind ngojst_kind_public_benefit_council = {
	"PublicBenefitCouncil", "Public benefit council: composition, term, members (udpp art. 41e-41g, 41a-41b, 35-36)",
	&council_schema, council_law_date, "the first day of the term (term/from)",
};

const ngojst_kind ngojst_kind_council_resolution = {
	"CouncilResolution", "Resolution on a public benefit council's appointment and working mode (udpp art. 41g ust. 1)",
	&resolution_schema, resolution_law_date, "the day the resolution was adopted (resolution/adopted_on)",
};

const ngojst_kind ngojst_kind_council_opinion_request = {
	"CouncilOpinionRequest", "Draft sent to a public benefit council for its opinion (udpp art. 41i, art. 41a ust. 3)",
	&opinion_request_schema, opinion_request_law_date, "the day the draft was delivered to the council (delivered_on)",
};

/* ---- helpers for the built-ins ------------------------------------------------ */

/* The parameter BASE_local / _voivodeship / _national for a level. The level
 * is compared exactly, like the rules' `when: {equals: ...}` conditions. */
static const ngojst_value *level_param(ngojst_eval *ev, const char *base, const char *level, ngojst_vtype type)
{
	const char *suffix = NULL;
	char name[96];

	if (!level)
		return NULL;
	if (!strcmp(level, "gmina") || !strcmp(level, "powiat"))
		suffix = "local";
	else if (!strcmp(level, "wojewodztwo"))
		suffix = "voivodeship";
	else if (!strcmp(level, "kraj"))
		suffix = "national";
	if (!suffix)
		return NULL;
	snprintf(name, sizeof(name), "%s_%s", base, suffix);
	return ngojst_eval_param(ev, name, type);
}

/* Two names or ids are the same after ignoring surrounding spaces and the case
 * of A-Z (Polish letters compare exactly), as lists match values. */
static bool same_name(const char *a, const char *b)
{
	size_t la, lb, i;

	if (!a || !b)
		return false;
	while (*a == ' ')
		a++;
	while (*b == ' ')
		b++;
	la = strlen(a);
	lb = strlen(b);
	while (la && a[la - 1] == ' ')
		la--;
	while (lb && b[lb - 1] == ' ')
		lb--;
	if (la != lb)
		return false;
	for (i = 0; i < la; i++) {
		char x = a[i], y = b[i];

		if (x >= 'A' && x <= 'Z')
			x = (char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (char)(y - 'A' + 'a');
		if (x != y)
			return false;
	}
	return true;
}

static const char *format_date(ngojst_eval *ev, ngojst_date d, char *buf, size_t size)
{
	ngojst_value v = { NGOJST_V_DATE, { 0 } };

	v.u.d = d;
	return ngojst_eval_format_value(ev, &v, buf, size);
}

/* ---- exact ids ------------------------------------------------------------- */

/* The level of every council kind: council_levels_jst for the kinds a JST
 * creates on request or by resolution, council_levels for the others. */
static int check_level(ngojst_eval *ev, const void *data)
{
	const char *name = ev->kind->name;

	if (!strcmp(name, "CouncilRequest"))
		return ngojst_exact_id(ev, "council_levels_jst", ((const ngojst_council_request *)data)->level, "/level");
	if (!strcmp(name, "CouncilResolution"))
		return ngojst_exact_id(ev, "council_levels_jst", ((const ngojst_council_resolution *)data)->level, "/level");
	if (!strcmp(name, "PublicBenefitCouncil"))
		return ngojst_exact_id(ev, "council_levels", ((const ngojst_council *)data)->level, "/level");
	if (!strcmp(name, "CouncilOpinionRequest"))
		return ngojst_exact_id(ev, "council_levels", ((const ngojst_council_opinion_request *)data)->level, "/level");
	return NGOJST_OK;
}

static int check_draft_type(ngojst_eval *ev, const void *data)
{
	return ngojst_exact_id(ev, "council_draft_types", ((const ngojst_council_opinion_request *)data)->draft.type,
			"/draft/type");
}

/* ---- CouncilRequest built-ins ----------------------------------------------- */

/* The organisations that count towards the threshold: all but those marked
 * as not active in the JST, each name once. */
static size_t requesting_organisations(const ngojst_council_request *r)
{
	size_t i, j, n = 0;

	for (i = 0; i < r->organisations_count; i++) {
		const ngojst_council_applicant *a = &r->organisations[i];
		bool again = false;

		if (a->active_in_jst == NGOJST_FLAG_NO)
			continue;
		for (j = 0; j < i && !ngojst_blank(a->name); j++)
			if (r->organisations[j].active_in_jst != NGOJST_FLAG_NO && same_name(r->organisations[j].name, a->name))
				again = true;
		if (!again)
			n++;
	}
	return n;
}

static int check_request_threshold(ngojst_eval *ev, const void *data)
{
	const ngojst_council_request *r = data;
	const ngojst_value *min = level_param(ev, "council_request_min_organisations", r->level, NGOJST_V_INT);
	size_t n = requesting_organisations(r);
	char buf[32];

	if (!min || (int64_t)n >= min->u.i)
		return NGOJST_OK;
	snprintf(buf, sizeof(buf), "%zu", n);
	return ngojst_emit_actual(ev, "/organisations", buf);
}

/* The day by which the council must be created, when the request obliges
 * the executive body to create it (enough organisations, a period in force). */
static bool creation_due(ngojst_eval *ev, const ngojst_council_request *r, ngojst_date *due)
{
	const ngojst_value *min = level_param(ev, "council_request_min_organisations", r->level, NGOJST_V_INT);
	const ngojst_value *months = level_param(ev, "council_creation_months", r->level, NGOJST_V_INT);
	const ngojst_value *roll = ngojst_eval_param(ev, "council_creation_roll", NGOJST_V_ROLLOVER);

	if (!min || !months || ngojst_date_is_none(r->received_on) ||
	    (int64_t)requesting_organisations(r) < min->u.i || months->u.i < 0 || months->u.i > 12000)
		return false;
	return ngojst_deadline_months(ev->cal, due, r->received_on, (int32_t)months->u.i,
				      roll ? roll->u.roll : NGOJST_ROLL_NONE) == NGOJST_OK;
}

static int check_creation_late(ngojst_eval *ev, const void *data)
{
	const ngojst_council_request *r = data;
	ngojst_date due;
	char buf[32];

	if (ngojst_date_is_none(r->creation.adopted_on) || !creation_due(ev, r, &due) ||
	    ngojst_date_cmp(r->creation.adopted_on, due) <= 0)
		return NGOJST_OK;
	return ngojst_emit_actual(ev, "/creation/adopted_on", format_date(ev, due, buf, sizeof(buf)));
}

static int check_creation_overdue(ngojst_eval *ev, const void *data)
{
	const ngojst_council_request *r = data;
	ngojst_date due;
	char buf[32];

	if (!ngojst_date_is_none(r->creation.adopted_on) || !creation_due(ev, r, &due) ||
	    ngojst_date_cmp(ev->as_of, due) <= 0)
		return NGOJST_OK;
	return ngojst_emit_actual(ev, "/creation/adopted_on", format_date(ev, due, buf, sizeof(buf)));
}

/* ---- PublicBenefitCouncil built-ins ------------------------------------------- */

#define NGO_SIDE "organizacje"

/* NGO representatives at least the share in force of the members in office
 * (those not dismissed). Nothing when a member's side is not given. */
static int check_ngo_share(ngojst_eval *ev, const void *data)
{
	const ngojst_council *c = data;
	const ngojst_value *min = level_param(ev, "council_ngo_min_share", c->level, NGOJST_V_PERCENT);
	uint64_t total = 0, ngo = 0;
	size_t i;
	char buf[64];

	if (!min)
		return NGOJST_OK;
	for (i = 0; i < c->members_count; i++) {
		const ngojst_council_member *m = &c->members[i];

		if (!ngojst_date_is_none(m->dismissed_on))
			continue;
		if (ngojst_blank(m->side))
			return NGOJST_OK;
		total++;
		if (same_name(m->side, NGO_SIDE))
			ngo++;
	}
	/* ngo / total >= min / 10000, in integers */
	if (!total || ngo * 10000u >= (uint64_t)min->u.i * total)
		return NGOJST_OK;
	snprintf(buf, sizeof(buf), "%llu/%llu", (unsigned long long)ngo, (unsigned long long)total);
	return ngojst_emit_actual(ev, "/members", buf);
}

static const char *member_label(const ngojst_council *c, size_t i, char *buf, size_t size)
{
	if (!ngojst_blank(c->members[i].name))
		return c->members[i].name;
	snprintf(buf, size, "#%zu", i + 1);
	return buf;
}

/* A member dismissed before the end of the term without a stated ground. */
static int check_dismissal_ground(ngojst_eval *ev, const void *data)
{
	const ngojst_council *c = data;
	char ptr[64], label[32];
	size_t i;

	for (i = 0; i < c->members_count; i++) {
		const ngojst_council_member *m = &c->members[i];

		if (ngojst_date_is_none(m->dismissed_on) || !ngojst_blank(m->dismissal_ground))
			continue;
		snprintf(ptr, sizeof(ptr), "/members/%zu/dismissal_ground", i);
		if (ngojst_emit_actual(ev, ptr, member_label(c, i, label, sizeof(label))) == NGOJST_ENOMEM)
			return NGOJST_ENOMEM;
	}
	return NGOJST_OK;
}

static bool in_names(const ngojst_strings *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->count; i++)
		if (same_name(s->items[i], name))
			return true;
	return false;
}

/* Dated meetings in date order (document order among meetings of one day). */
static size_t meetings_in_order(ngojst_eval *ev, const ngojst_council *c, size_t **out)
{
	size_t *idx, n = 0, i, j;

	*out = NULL;
	if (!c->meetings_count)
		return 0;
	idx = ngojst_calloc(ev->ctx, c->meetings_count, sizeof(*idx));
	if (!idx)
		return (size_t)-1;
	for (i = 0; i < c->meetings_count; i++) {
		if (ngojst_date_is_none(c->meetings[i].held_on))
			continue;
		for (j = n; j > 0 && ngojst_date_cmp(c->meetings[idx[j - 1]].held_on, c->meetings[i].held_on) > 0; j--)
			idx[j] = idx[j - 1];
		idx[j] = i;
		n++;
	}
	*out = idx;
	return n;
}

/* A member still in office who missed the statutory number of consecutive
 * meetings without excuse (art. 41g ust. 2 pkt 5): grounds for dismissal.
 * Only meetings from the member's appointment on count; an excused absence
 * or attendance ends a run. */
static int check_absences(ngojst_eval *ev, const void *data)
{
	const ngojst_council *c = data;
	const ngojst_value *limit = ngojst_eval_param(ev, "council_absence_meetings", NGOJST_V_INT);
	size_t *order = NULL, n, i, k;
	int rc = NGOJST_OK;

	if (!limit || limit->u.i < 1)
		return NGOJST_OK;
	n = meetings_in_order(ev, c, &order);
	if (n == (size_t)-1)
		return NGOJST_ENOMEM;
	for (i = 0; i < c->members_count && rc == NGOJST_OK; i++) {
		const ngojst_council_member *m = &c->members[i];
		char text[512], ptr[64];
		size_t len = 0;
		int64_t run = 0;

		if (ngojst_blank(m->name) || !ngojst_date_is_none(m->dismissed_on))
			continue;
		for (k = 0; k < n; k++) {
			const ngojst_council_meeting *mt = &c->meetings[order[k]];
			char d[32];

			if (!ngojst_date_is_none(m->appointed_on) && ngojst_date_cmp(mt->held_on, m->appointed_on) < 0)
				continue;
			if (!in_names(&mt->absent_unexcused, m->name)) {
				run = 0;
				continue;
			}
			if (run++ == 0)
				len = (size_t)snprintf(text, sizeof(text), "%s (", m->name);
			if (len < sizeof(text))
				len += (size_t)snprintf(text + len, sizeof(text) - len, "%s%s", run > 1 ? ", " : "",
							format_date(ev, mt->held_on, d, sizeof(d)));
			if (run == limit->u.i) {
				if (len < sizeof(text))
					snprintf(text + len, sizeof(text) - len, ")");
				snprintf(ptr, sizeof(ptr), "/members/%zu", i);
				rc = ngojst_emit_actual(ev, ptr, text);
				break;
			}
		}
	}
	ngojst_free(ev->ctx, order);
	return rc;
}

/* A name in a meeting's absence lists that is no member's. */
static int check_attendance_names(ngojst_eval *ev, const void *data)
{
	const ngojst_council *c = data;
	size_t j, k, i;
	char ptr[96];

	for (j = 0; j < c->meetings_count; j++) {
		const ngojst_strings *lists[2] = { &c->meetings[j].absent_unexcused, &c->meetings[j].absent_excused };
		static const char *const keys[2] = { "absent_unexcused", "absent_excused" };
		int l;

		for (l = 0; l < 2; l++)
			for (k = 0; k < lists[l]->count; k++) {
				const char *name = lists[l]->items[k];
				bool known = false;

				if (ngojst_blank(name))
					continue;
				for (i = 0; i < c->members_count && !known; i++)
					known = same_name(c->members[i].name, name);
				if (known)
					continue;
				snprintf(ptr, sizeof(ptr), "/meetings/%zu/%s/%zu", j, keys[l], k);
				if (ngojst_emit_actual(ev, ptr, name) == NGOJST_ENOMEM)
					return NGOJST_ENOMEM;
			}
	}
	return NGOJST_OK;
}

/* ---- CouncilOpinionRequest built-ins ------------------------------------------- */

/* The act was adopted while the opinion period still ran and before the
 * council gave its opinion: adopted on or before the period's last day and
 * either no opinion or one given later. Once the period has ended the
 * council is deemed to have waived its opinion, so adopting is lawful. */
static int check_opinion_awaited(ngojst_eval *ev, const void *data)
{
	const ngojst_council_opinion_request *o = data;
	const ngojst_value *days = level_param(ev, "council_opinion_days", o->level, NGOJST_V_INT);
	ngojst_date due;
	char buf[32];

	if (!days || days->u.i < 0 || days->u.i > 100000 || ngojst_date_is_none(o->delivered_on) ||
	    ngojst_date_is_none(o->adopted_on) ||
	    ngojst_deadline_days(ev->cal, &due, o->delivered_on, (int32_t)days->u.i, NGOJST_ROLL_NONE) != NGOJST_OK)
		return NGOJST_OK;
	if (ngojst_date_cmp(o->adopted_on, due) > 0)
		return NGOJST_OK;
	if (!ngojst_date_is_none(o->given_on) && ngojst_date_cmp(o->given_on, o->adopted_on) <= 0)
		return NGOJST_OK;
	return ngojst_emit_actual(ev, "/adopted_on", format_date(ev, due, buf, sizeof(buf)));
}

/* ---- the table ------------------------------------------------------------------ */

static const char *const all_kinds[] = { "CouncilRequest", "PublicBenefitCouncil", "CouncilResolution",
					 "CouncilOpinionRequest", NULL };
static const char *const request_kinds[] = { "CouncilRequest", NULL };
static const char *const council_kinds[] = { "PublicBenefitCouncil", NULL };
static const char *const opinion_kinds[] = { "CouncilOpinionRequest", NULL };

const ngojst_builtin_check ngojst_council_builtins[] = {
	{ "council_level", check_level,
	  "level is written exactly as an id of the list council_levels_jst (CouncilRequest, CouncilResolution) or "
	  "council_levels (the other council kinds), as the level conditions compare it. {actual}: the level.",
	  all_kinds },
	{ "council_draft_type", check_draft_type,
	  "draft/type is written exactly as an id of the list council_draft_types. {actual}: the type.",
	  opinion_kinds },
	{ "council_request_threshold", check_request_threshold,
	  "Fewer organisations joined the request than $council_request_min_organisations_<level> (those marked "
	  "active_in_jst: false and repeated names do not count). Placeholder {actual}: the number that counts.",
	  request_kinds },
	{ "council_creation_late", check_creation_late,
	  "A request that meets the threshold, and the council created (creation/adopted_on) after received_on + "
	  "$council_creation_months_<level> months (k.c. art. 112, rolled by $council_creation_roll). {actual}: the due date.",
	  request_kinds },
	{ "council_creation_overdue", check_creation_overdue,
	  "As council_creation_late, but no creation date and as_of past the due date. {actual}: the due date.",
	  request_kinds },
	{ "council_ngo_share", check_ngo_share,
	  "Members with side organizacje are fewer than $council_ngo_min_share_<level> % of the members not dismissed "
	  "(nothing when a side is missing). {actual}: NGO members/members, e.g. 3/8.",
	  council_kinds },
	{ "council_dismissal_ground", check_dismissal_ground,
	  "A member with dismissed_on but no dismissal_ground. {actual}: the member's name (or #N).",
	  council_kinds },
	{ "council_absences", check_absences,
	  "A member not dismissed who was absent without excuse from $council_absence_meetings consecutive dated "
	  "meetings (from appointed_on). {actual}: the name and the meetings' dates.",
	  council_kinds },
	{ "council_attendance_names", check_attendance_names,
	  "A name in meetings/*/absent_unexcused or absent_excused that is no member's name. {actual}: the name.",
	  council_kinds },
	{ "council_opinion_awaited", check_opinion_awaited,
	  "adopted_on on or before delivered_on + $council_opinion_days_<level> days, with no opinion given by then. "
	  "{actual}: the last day of the opinion period.",
	  opinion_kinds },
};
const size_t ngojst_council_builtin_count = sizeof(ngojst_council_builtins) / sizeof(ngojst_council_builtins[0]);
