/* Rule sets: the built-in set, strict loading with positioned diagnostics,
 * overlays that tighten and conflicts for those that loosen. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "test-common.h"

static ngojst_ruleset *builtin(ngojst_context *ctx)
{
	ngojst_ruleset *rs = NULL;
	int rc = ngojst_ruleset_load_builtin(&rs, ctx);

	if (rc)
		test_print_diags(ctx);
	assert_int_equal(rc, NGOJST_OK);
	return rs;
}

static void test_builtin(void **state)
{
	ngojst_context *ctx = test_context_new();
	ngojst_ruleset *rs = builtin(ctx);
	ngojst_report_ruleset layer;
	const ngojst_rule_info *r;
	size_t i;

	(void)state;
	assert_int_equal(ngojst_ruleset_layer_count(rs), 1);
	assert_int_equal(ngojst_ruleset_layer(rs, 0, &layer), NGOJST_OK);
	assert_string_equal(layer.id, "pl");
	assert_string_equal(layer.source, "<builtin>");
	/* The hash the library reports is the hash the build embedded. */
	assert_string_equal(layer.sha256, ngojst_ruleset_builtin_sha256());
	assert_int_equal(strlen(layer.sha256), 64);
	assert_int_equal(ngojst_ruleset_layer(rs, 1, &layer), NGOJST_EINVAL);
	assert_true(ngojst_ruleset_rule_count(rs) > 20);
	for (i = 0; i < ngojst_ruleset_rule_count(rs); i++) {
		r = ngojst_ruleset_rule_at(rs, i);
		/* Every rule carries its citation and both languages. */
		assert_non_null(r->citation_pl);
		assert_non_null(r->citation_en);
		assert_non_null(r->message_pl);
		assert_non_null(r->message_en);
		assert_non_null(r->title_pl);
		assert_non_null(r->title_en);
		if (r->status == NGOJST_STATUS_UNCONFIRMED)
			assert_int_equal(r->severity, NGOJST_SEVERITY_NOTE);
	}
	assert_null(ngojst_ruleset_rule_at(rs, i));
	r = ngojst_ruleset_find_rule(rs, "udpp.5a.4.pt11");
	assert_non_null(r);
	assert_string_equal(r->citation_pl, "art. 5a ust. 4 pkt 11 udpp");
	assert_string_equal(r->citation_en, "art. 5a sec. 4 item 11 udpp");
	assert_string_equal(r->check, "required");
	assert_null(ngojst_ruleset_find_rule(rs, "udpp.nope"));
	assert_int_equal(ngojst_ruleset_conflict_count(rs), 0);
	ngojst_ruleset_free(rs);
	ngojst_ruleset_free(NULL);
	ngojst_context_free(ctx);
}

/* A minimal valid rule set; each bad case below changes one thing. */
#define HEAD "ruleset: {id: t, version: \"1\"}\nsources:\n  - {id: udpp, title: Act, short: {pl: udpp, en: udpp}}\n"
#define RULE(id, check, extra) \
	"rules:\n  - id: " id "\n    kinds: [AnnualProgramme]\n    title: {pl: T, en: T}\n    check: " check "\n" \
	"    severity: error\n    basis: {act: udpp, art: 5a, ust: \"4\", pkt: \"1\"}\n    status: CONFIRMED-CUR\n" \
	"    message: {pl: P, en: E}\n" extra

static void expect_bad(const char *text, int want_rc, const char *want, unsigned want_line)
{
	ngojst_context *ctx = test_context_new();
	ngojst_ruleset *rs = NULL;
	int rc = ngojst_ruleset_load_buffer(&rs, ctx, "bad.yaml", text, strlen(text), NULL);
	size_t i;
	bool found = false;

	for (i = 0; i < ngojst_diag_count(ctx); i++) {
		const ngojst_diag *d = ngojst_diag_at(ctx, i);

		if (strstr(d->message, want) && (!want_line || d->line == want_line))
			found = true;
	}
	if (rc != want_rc || !found) {
		fprintf(stderr, "wanted rc %d and \"%s\" at line %u; got rc %d:\n", want_rc, want, want_line, rc);
		test_print_diags(ctx);
	}
	assert_int_equal(rc, want_rc);
	assert_true(found);
	assert_null(rs);
	ngojst_context_free(ctx);
}

static void test_good_minimal(void **state)
{
	static const char text[] = HEAD RULE("udpp.5a.4.pt1", "{required: scope}", "");
	ngojst_context *ctx = test_context_new();
	ngojst_ruleset *rs = NULL;

	(void)state;
	if (ngojst_ruleset_load_buffer(&rs, ctx, NULL, text, strlen(text), NULL))
		test_print_diags(ctx);
	assert_non_null(rs);
	assert_int_equal(ngojst_ruleset_rule_count(rs), 1);
	ngojst_ruleset_free(rs);
	ngojst_context_free(ctx);
}

static void test_strict_loader(void **state)
{
	(void)state;
	expect_bad(HEAD "rulez: []\n", NGOJST_ERULESET, "unknown key \"rulez\" in a rule-set document (did you mean \"rules\"?)", 4);
	expect_bad(HEAD RULE("udpp.5a.4.pt1", "{requird: scope}", ""), NGOJST_ERULESET, "unknown check kind \"requird\"", 8);
	expect_bad(HEAD RULE("udpp.5a.4.pt1", "{required: scop}", ""), NGOJST_ERULESET,
		   "\"scop\" is not a field path of AnnualProgramme (at \"scop\"; did you mean \"scope\"?)", 8);
	expect_bad(HEAD RULE("udpp.5a.4.pt1", "{deadline: {field: title, due: resolution/adopted_on}}", ""),
		   NGOJST_ERULESET, "\"title\" is a string, expected a date", 0);
	expect_bad(HEAD RULE("udpp.5a.4.pt1", "{range: {field: funds, max: $nope}}", ""), NGOJST_ERULESET,
		   "unknown parameter $nope", 0);
	expect_bad(HEAD RULE("udpp.5a.4.pt1", "{in_list: {field: \"forms/*\", list: nope}}", ""), NGOJST_ERULESET,
		   "unknown list \"nope\"", 0);
	expect_bad(HEAD RULE("udpp.5a.4.pt1", "{builtin: nope}", ""), NGOJST_ERULESET, "unknown built-in check \"nope\"", 0);
	expect_bad(HEAD RULE("udpp.5a.4.pt1", "{range: {field: funds, max: 12.345}}", ""), NGOJST_ERULESET,
		   "max \"12.345\" is not a money", 0);
	expect_bad(HEAD RULE("udpp.5a.4", "{required: scope}", ""), NGOJST_ERULESET,
		   "the id does not follow its citation: expected \"udpp.5a.4.pt1\"", 0);
	expect_bad(HEAD RULE("udpp.5a.4.pt1", "{required: scope}", "    status: UNCONFIRMED\n"), NGOJST_EPARSE,
		   "duplicate key", 0);
	expect_bad(HEAD "rules:\n  - id: udpp.5a.4.pt1\n    kinds: [AnnualProgramme]\n    title: {pl: T, en: T}\n"
		   "    check: {required: scope}\n    severity: error\n    basis: {act: udpp, art: 5a, ust: \"4\", pkt: \"1\"}\n"
		   "    status: UNCONFIRMED\n    message: {pl: P, en: E}\n",
		   NGOJST_ERULESET, "UNCONFIRMED, so its severity can only be note", 0);
	expect_bad(HEAD "rules:\n  - id: udpp.5a.4.pt1\n    kinds: [AnnualProgramme]\n    title: {pl: T, en: T}\n"
		   "    check: {required: scope}\n    severity: error\n    basis: {act: udpp, art: 5a, ust: \"4\", pkt: \"1\"}\n"
		   "    status: CONFIRMED-CUR\n    message: {pl: P}\n",
		   NGOJST_ERULESET, "message has no \"en\"", 12);
	expect_bad(HEAD "rules:\n  - id: udpp.5a.4.pt1\n    kinds: [AnnualProgramme]\n    title: {pl: T, en: T}\n"
		   "    check: {required: scope}\n    severity: error\n    status: CONFIRMED-CUR\n    message: {pl: P, en: E}\n",
		   NGOJST_ERULESET, "a rule without a legal basis", 0);
	expect_bad(HEAD RULE("udpp.5a.4.pt1", "{required: scope}", "") RULE("udpp.5a.4.pt1", "{required: title}", ""),
		   NGOJST_EPARSE, "duplicate key \"rules\"", 0);
	expect_bad(HEAD RULE("udpp.5a.4.pt1", "{required: scope}",
			     "  - id: udpp.5a.4.pt1\n    kinds: [AnnualProgramme]\n    title: {pl: T, en: T}\n"
			     "    check: {required: title}\n    severity: error\n    basis: {act: udpp, art: 5a, ust: \"4\", pkt: \"1\"}\n"
			     "    status: CONFIRMED-CUR\n    message: {pl: P, en: E}\n"),
		   NGOJST_ERULESET, "rule udpp.5a.4.pt1 is defined twice", 0);
	expect_bad(HEAD RULE("udpp.5a.4.pt1", "{required: scope}", "    valid_from: 2020-01-01\n    valid_to: 2019-01-01\n"),
		   NGOJST_ERULESET, "valid_to is before valid_from", 0);
	expect_bad(HEAD RULE("udpp.5a.4.pt1", "{required: scope}", "    kinds: [Nope]\n"), NGOJST_EPARSE, "duplicate key", 0);
	expect_bad(HEAD "rules:\n  - id: udpp.5a.4.pt1\n    kinds: [Programme]\n    title: {pl: T, en: T}\n"
		   "    check: {required: scope}\n    severity: error\n    basis: {act: udpp, art: 5a, ust: \"4\", pkt: \"1\"}\n"
		   "    status: CONFIRMED-CUR\n    message: {pl: P, en: E}\n",
		   NGOJST_ERULESET, "unknown document kind \"Programme\"", 6);
}

static void test_strict_loader_more(void **state)
{
	(void)state;
	expect_bad(HEAD "rules:\n  - id: udpp.5a.4.pt1\n    kinds: [AnnualProgramme]\n    title: {pl: T, en: T}\n"
		   "    check: {required: scope}\n    severity: error\n    basis: {act: udpp, art: 5a, ust: \"4\", pkt: \"1\"}\n"
		   "    status: CONFIRMED-CUR\n    message: {pl: \"{nope} x\", en: E}\n",
		   NGOJST_ERULESET, "placeholder {nope} is neither filled in by a required check nor a single field", 0);
	expect_bad(HEAD "params:\n  p: {type: monthday, values: [{value: {month: 2, day: 30}}]}\n", NGOJST_ERULESET,
		   "month 2, day 30 is not a day of every year", 5);
	expect_bad(HEAD "params:\n  p: {type: money, values: [{value: -5}]}\n", NGOJST_ERULESET, "must not be negative", 5);
	expect_bad(HEAD "params:\n  p: {type: whatever, values: [{value: 1}]}\n", NGOJST_ERULESET,
		   "unknown parameter type \"whatever\"", 5);
	expect_bad(HEAD RULE("udpp.5a.4.pt1", "{required: scope}", "    missing_message: {pl: P, en: E}\n"),
		   NGOJST_ERULESET, "missing_message is only for a deadline with if_missing: overdue", 0);
	expect_bad(HEAD "overrides:\n  - {rule: x, severity: error}\n", NGOJST_ERULESET,
		   "\"overrides\" belong in an overlay", 5);
	expect_bad(HEAD "rules: [\n", NGOJST_EPARSE, "", 0);
	expect_bad("sources: []\n", NGOJST_ERULESET, "must have \"ruleset\" with its id and version", 1);
	expect_bad("", NGOJST_ERULESET, "empty rule set", 0);
	expect_bad("ruleset: {id: T, version: \"1\"}\n", NGOJST_ERULESET, "rule-set id \"T\" may hold only", 1);
	expect_bad("ruleset: {id: t, version: \"1\"}\nsources: []\n" RULE("udpp.5a.4.pt1", "{required: scope}", ""),
		   NGOJST_ERULESET, "basis names act \"udpp\", which is not among the rule set's sources", 0);
	expect_bad(HEAD RULE("udpp.5a.4.pt1", "{required: scope}", "    when: {present: scope, absent: title}\n"),
		   NGOJST_ERULESET, "a condition has exactly one of", 0);
	expect_bad("ruleset: {id: t, version: \"1\"}\nsources:\n  - {id: udpp, title: Act, short: {pl: udpp, en: udpp}}\n"
		   "rules:\n  - id: udpp.5a.3\n    kinds: [ProgrammeReport]\n    title: {pl: T, en: T}\n"
		   "    check: {builtin: public_task_area}\n    severity: error\n    basis: {act: udpp, art: 5a, ust: \"3\"}\n"
		   "    status: CONFIRMED-CUR\n    message: {pl: P, en: E}\n",
		   NGOJST_ERULESET, "the built-in check \"public_task_area\" does not apply to ProgrammeReport", 0);
	expect_bad(HEAD RULE("udpp.5a.4.pt1", "{date_order: {first: {date: period/from, days: 3, after: period/to}, then: period/to}}", ""),
		   NGOJST_ERULESET, "a date expression has exactly one of", 0);
	expect_bad(HEAD RULE("udpp.5a.4.pt1", "{date_order: {first: {working_days: 3, after: period/from, roll: saturday}, then: period/to}}", ""),
		   NGOJST_ERULESET, "a period of working days always ends on a working day", 0);
	expect_bad(HEAD "rules:\n  - id: udpp.5a.4.pt1\n    kinds: [AnnualProgramme]\n    title: {pl: T, en: T}\n"
		   "    check: {range: {field: funds, min: 1}}\n    severity: error\n    basis: {act: udpp, art: 5a, ust: \"4\", pkt: \"1\"}\n"
		   "    status: CONFIRMED-CUR\n    message: {pl: \"{due}\", en: E}\n",
		   NGOJST_ERULESET, "placeholder {due} is neither filled in by a range check", 0);
	expect_bad(HEAD RULE("udpp.5a.4.pt1", "{date_order: {first: period/from, then: funds}}", ""), NGOJST_ERULESET,
		   "\"funds\" is a amount, expected a date", 0);
}

/* ---- overlays --------------------------------------------------------------- */

static ngojst_ruleset *overlay(ngojst_context *ctx, const ngojst_ruleset *base, const char *text)
{
	ngojst_ruleset *rs = NULL;
	int rc = ngojst_ruleset_load_buffer(&rs, ctx, "overlay.yaml", text, strlen(text), base);

	if (rc)
		test_print_diags(ctx);
	assert_int_equal(rc, NGOJST_OK);
	return rs;
}

static ngojst_report *check(ngojst_context *ctx, const ngojst_ruleset *rs, const char *doc_text, const char *as_of)
{
	ngojst_document *doc = NULL;
	ngojst_report *rep = NULL;
	ngojst_validate_options o = NGOJST_VALIDATE_OPTIONS_INIT;

	assert_int_equal(ngojst_document_load_buffer(&doc, ctx, "doc.yaml", doc_text, strlen(doc_text), NULL), NGOJST_OK);
	assert_int_equal(ngojst_date_parse(&o.as_of, as_of, strlen(as_of)), NGOJST_OK);
	o.lang = NGOJST_LANG_EN;
	assert_int_equal(ngojst_validate(ctx, rs, doc, &o, &rep), NGOJST_OK);
	ngojst_document_free(doc);
	return rep;
}

static size_t count_rule(const ngojst_report *rep, const char *id)
{
	size_t i, n = 0;

	for (i = 0; i < ngojst_report_count(rep); i++)
		n += !strcmp(ngojst_report_at(rep, i)->rule_id, id);
	return n;
}

static const ngojst_finding *find_rule(const ngojst_report *rep, const char *id)
{
	size_t i;

	for (i = 0; i < ngojst_report_count(rep); i++)
		if (!strcmp(ngojst_report_at(rep, i)->rule_id, id))
			return ngojst_report_at(rep, i);
	return NULL;
}

static const char adopted_nov10[] =
	"kind: AnnualProgramme\nyear: 2026\nresolution: {number: X/1/2025, adopted_on: 2025-11-10}\n"
	"principles: [lojalność]\n";

static void test_overlay_tightens(void **state)
{
	static const char text[] =
		"ruleset: {id: gmina-x, version: \"2025.1\", extends: pl, title: Uchwała nr X/100/2025}\n"
		"sources:\n  - {id: uchwala-x, title: Uchwała nr X/100/2025 Rady Gminy X, short: {pl: uchwały X/100/2025, en: resolution X/100/2025}}\n"
		"params:\n  programme_adoption_deadline:\n"
		"    values: [{valid_from: 2025-01-01, value: {month: 10, day: 31, year_offset: -1}}]\n"
		"overrides:\n  - {rule: udpp.5.3, severity: error}\n"
		"rules:\n  - id: uchwala-x.par3.1\n    kinds: [AnnualProgramme]\n    title: {pl: T, en: Title}\n"
		"    check: {required: title}\n    severity: warning\n    basis: {act: uchwala-x, par: \"3\", ust: \"1\"}\n"
		"    status: CONFIRMED\n    message: {pl: Brak tytułu, en: No title}\n";
	ngojst_context *ctx = test_context_new();
	ngojst_ruleset *base = builtin(ctx), *rs = overlay(ctx, base, text);
	ngojst_report *before, *after;
	const ngojst_finding *f;
	const ngojst_rule_info *info;

	(void)state;
	ngojst_ruleset_free(base); /* the overlay does not depend on its base */
	before = check(ctx, rs, adopted_nov10, "2026-01-10");
	assert_int_equal(ngojst_report_ruleset_count(before), 2);
	assert_string_equal(ngojst_report_ruleset_at(before, 1)->id, "gmina-x");
	f = find_rule(before, "udpp.5a.1.deadline");
	assert_non_null(f);
	/* The municipality's deadline imposed it. */
	assert_non_null(strstr(f->message, "2025-10-31"));
	f = find_rule(before, "udpp.5.3");
	assert_non_null(f);
	assert_int_equal(f->severity, NGOJST_SEVERITY_ERROR);
	assert_string_equal(f->ruleset_id, "gmina-x");
	f = find_rule(before, "uchwala-x.par3.1");
	assert_non_null(f);
	assert_string_equal(f->citation, "§ 3 sec. 1 resolution X/100/2025");
	assert_string_equal(f->ruleset_id, "gmina-x");
	info = ngojst_ruleset_find_rule(rs, "udpp.5.3");
	assert_string_equal(info->ruleset_id, "pl");
	assert_string_equal(info->changed_by, "gmina-x");
	assert_int_equal(ngojst_ruleset_conflict_count(rs), 0);
	/* Without the overlay, 10 November is on time. */
	base = builtin(ctx);
	after = check(ctx, base, adopted_nov10, "2026-01-10");
	assert_null(find_rule(after, "udpp.5a.1.deadline"));
	assert_int_equal(find_rule(after, "udpp.5.3")->severity, NGOJST_SEVERITY_NOTE);
	ngojst_report_free(before);
	ngojst_report_free(after);
	ngojst_ruleset_free(base);
	ngojst_ruleset_free(rs);
	ngojst_context_free(ctx);
}

static void test_overlay_conflicts(void **state)
{
	static const char text[] =
		"ruleset: {id: gmina-y, version: \"1\", extends: pl}\n"
		"params:\n  programme_adoption_deadline:\n"
		"    values: [{value: {month: 12, day: 31, year_offset: -1}}]\n"
		"  public_task_area_last_point:\n    values: [{value: 40}]\n"
		"lists:\n  cooperation_principles: [pomocniczosc, lojalnosc]\n"
		"overrides:\n"
		"  - {rule: udpp.5a.4.pt9, enabled: false}\n"
		"  - {rule: udpp.5a.1.deadline, severity: note}\n"
		"  - {rule: udpp.4.1.area.known, severity: error}\n";
	ngojst_context *ctx = test_context_new();
	ngojst_ruleset *rs = overlay(ctx, NULL, text); /* NULL base: extends the built-in set */
	ngojst_report *rep;
	ngojst_diag d;
	size_t i;

	(void)state;
	assert_int_equal(ngojst_ruleset_layer_count(rs), 2);
	assert_int_equal(ngojst_ruleset_conflict_count(rs), 6);
	/* Lists are read before parameters, parameters before overrides. */
	assert_int_equal(ngojst_ruleset_conflict(rs, 0, &d), NGOJST_OK);
	assert_string_equal(d.source, "overlay.yaml");
	assert_int_equal(d.line, 8);
	assert_non_null(strstr(d.message, "adds \"lojalnosc\" to the statutory list \"cooperation_principles\""));
	assert_int_equal(ngojst_ruleset_conflict(rs, 1, &d), NGOJST_OK);
	assert_int_equal(d.line, 3);
	assert_non_null(strstr(d.message, "raises the statutory limit \"programme_adoption_deadline\" and so loosens the law"));
	for (i = 0; i < 6; i++)
		assert_int_equal(ngojst_ruleset_conflict(rs, i, &d), NGOJST_OK);
	assert_int_equal(ngojst_ruleset_conflict(rs, 6, &d), NGOJST_EINVAL);
	/* Nothing loosened was applied, and every report says so. */
	assert_int_equal(ngojst_ruleset_find_rule(rs, "udpp.5a.4.pt9")->enabled, 1);
	assert_int_equal(ngojst_ruleset_find_rule(rs, "udpp.5a.1.deadline")->severity, NGOJST_SEVERITY_ERROR);
	assert_int_equal(ngojst_ruleset_find_rule(rs, "udpp.4.1.area.known")->severity, NGOJST_SEVERITY_NOTE);
	rep = check(ctx, rs, "kind: AnnualProgramme\nyear: 2026\nresolution: {adopted_on: 2025-12-15}\n", "2026-01-10");
	assert_int_equal(count_rule(rep, "ngojst.overlay.conflict"), 6);
	assert_int_equal(count_rule(rep, "udpp.5a.1.deadline"), 1);
	assert_int_equal(count_rule(rep, "udpp.5a.4.pt9"), 1);
	assert_false(ngojst_report_ok(rep));
	ngojst_report_free(rep);
	ngojst_ruleset_free(rs);
	ngojst_context_free(ctx);
}

/* Each overlay is measured against the law, not against the last overlay. */
static void test_overlay_stack(void **state)
{
	static const char first[] =
		"ruleset: {id: a, version: \"1\", extends: pl}\n"
		"lists:\n  cooperation_forms: [zlecanie, informowanie]\n";
	static const char second[] =
		"ruleset: {id: b, version: \"1\", extends: a}\n"
		"lists:\n  cooperation_forms: [zlecanie, informowanie, konsultowanie_aktow, pikniki]\n"
		"overrides:\n"
		"  - {rule: udpp.5a.4.pt3, consequence: advice}\n"
		"  - {rule: udpp.5.2, severity: error, consequence: defect}\n";
	ngojst_context *ctx = test_context_new();
	ngojst_ruleset *a = overlay(ctx, NULL, first), *b = overlay(ctx, a, second);
	ngojst_report *rep;
	ngojst_diag d;

	(void)state;
	assert_int_equal(ngojst_ruleset_layer_count(b), 3);
	assert_int_equal(ngojst_ruleset_conflict_count(a), 0);
	assert_int_equal(ngojst_ruleset_conflict_count(b), 2);
	assert_int_equal(ngojst_ruleset_conflict(b, 0, &d), NGOJST_OK);
	assert_non_null(strstr(d.message, "adds \"pikniki\" to the statutory list"));
	assert_int_equal(ngojst_ruleset_conflict(b, 1, &d), NGOJST_OK);
	assert_non_null(strstr(d.message, "changes the consequence of statutory rule udpp.5a.4.pt3"));
	/* The refused list change leaves the first overlay's narrower list. */
	rep = check(ctx, b, "kind: AnnualProgramme\nyear: 2026\nforms: [konsultowanie_aktow]\n", "2025-06-01");
	assert_int_equal(find_rule(rep, "udpp.5.2")->severity, NGOJST_SEVERITY_ERROR);
	assert_int_equal(find_rule(rep, "udpp.5.2")->consequence, NGOJST_CONSEQUENCE_DEFECT);
	assert_string_equal(find_rule(rep, "udpp.5.2")->ruleset_id, "b");
	assert_int_equal(find_rule(rep, "udpp.5a.4.pt3")->consequence, NGOJST_CONSEQUENCE_DEFECT);
	assert_string_equal(find_rule(rep, "ngojst.overlay.conflict")->citation, "list cooperation_forms (pl)");
	ngojst_report_free(rep);
	ngojst_ruleset_free(b);
	ngojst_ruleset_free(a);
	ngojst_context_free(ctx);
}

static void test_overlay_errors(void **state)
{
	ngojst_context *ctx = test_context_new();
	ngojst_ruleset *base = builtin(ctx), *rs = NULL;
	static const char unknown[] = "ruleset: {id: o, version: \"1\", extends: pl}\n"
				      "overrides:\n  - {rule: udpp.5a.4.pt99, severity: error}\n";
	static const char other[] = "ruleset: {id: o, version: \"1\", extends: de}\n";
	static const char no_extends[] = "ruleset: {id: o, version: \"1\"}\n";

	(void)state;
	assert_int_equal(ngojst_ruleset_load_buffer(&rs, ctx, "o.yaml", unknown, strlen(unknown), base), NGOJST_ERULESET);
	assert_non_null(strstr(ngojst_diag_at(ctx, 0)->message, "did you mean \"udpp.5a.4.pt9\""));
	assert_int_equal(ngojst_diag_at(ctx, 0)->line, 3);
	assert_int_equal(ngojst_ruleset_load_buffer(&rs, ctx, "o.yaml", other, strlen(other), base), NGOJST_ERULESET);
	assert_non_null(strstr(ngojst_diag_at(ctx, 0)->message, "extends \"de\", but is loaded on top of \"pl\""));
	assert_int_equal(ngojst_ruleset_load_buffer(&rs, ctx, "o.yaml", no_extends, strlen(no_extends), base),
			 NGOJST_ERULESET);
	assert_non_null(strstr(ngojst_diag_at(ctx, 0)->message, "has no \"extends\""));
	assert_int_equal(ngojst_ruleset_load_file(&rs, ctx, "/nonexistent.yaml", base), NGOJST_EIO);
	assert_null(rs);
	ngojst_ruleset_free(base);
	ngojst_context_free(ctx);
}

/* ---- validation -------------------------------------------------------------- */

static void test_validate_api(void **state)
{
	ngojst_context *ctx = test_context_new();
	ngojst_ruleset *rs = builtin(ctx);
	ngojst_document *doc = NULL;
	ngojst_report *rep = NULL;
	ngojst_validate_options o = NGOJST_VALIDATE_OPTIONS_INIT;
	ngojst_programme p;

	(void)state;
	assert_int_equal(ngojst_kind_init("AnnualProgramme", &p), NGOJST_OK);
	p.year = 2026;
	p.resolution.adopted_on = (ngojst_date){ 2025, 12, 1 };
	assert_int_equal(ngojst_document_wrap(&doc, ctx, "AnnualProgramme", &p, "mine"), NGOJST_OK);
	/* as_of is required. */
	assert_int_equal(ngojst_validate(ctx, rs, doc, &o, &rep), NGOJST_EINVAL);
	o.as_of = (ngojst_date){ 2026, 2, 30 };
	assert_int_equal(ngojst_validate(ctx, rs, doc, &o, &rep), NGOJST_EINVAL);
	o.as_of = (ngojst_date){ 2026, 1, 10 };
	o.version = 99;
	assert_int_equal(ngojst_validate(ctx, rs, doc, &o, &rep), NGOJST_EINVAL);
	o.version = NGOJST_VALIDATE_OPTIONS_VERSION;
	assert_int_equal(ngojst_validate(ctx, rs, doc, &o, &rep), NGOJST_OK);
	assert_string_equal(ngojst_report_source(rep), "mine");
	assert_string_equal(ngojst_report_kind(rep), "AnnualProgramme");
	assert_int_equal(ngojst_report_law_date(rep).year, 2026);
	assert_int_equal(ngojst_report_as_of(rep).day, 10);
	/* A struct built in C has no positions. */
	assert_int_equal(find_rule(rep, "udpp.5a.1.deadline")->line, 0);
	assert_string_equal(find_rule(rep, "udpp.5a.1.deadline")->path, "/resolution/adopted_on");
	assert_non_null(strstr(find_rule(rep, "udpp.5a.1.deadline")->message, "uchwalono 2025-12-01, po terminie 2025-11-30"));
	assert_int_equal(find_rule(rep, "udpp.5a.1.deadline")->consequence, NGOJST_CONSEQUENCE_LATE);
	ngojst_report_free(rep);
	ngojst_document_free(doc);
	ngojst_ruleset_free(rs);
	ngojst_context_free(ctx);
}

/* The same inputs give byte-identical reports. */
static void test_deterministic(void **state)
{
	ngojst_context *ctx = test_context_new();
	ngojst_ruleset *rs = builtin(ctx);
	char *out[2];
	int k;

	(void)state;
	for (k = 0; k < 2; k++) {
		ngojst_report *rep = check(ctx, rs, adopted_nov10, "2026-01-10");
		const ngojst_report *one[1] = { rep };

		assert_int_equal(ngojst_report_format(ctx, one, 1, NGOJST_FORMAT_JSON, &out[k]), NGOJST_OK);
		ngojst_report_free(rep);
	}
	assert_string_equal(out[0], out[1]);
	ngojst_free(ctx, out[0]);
	ngojst_free(ctx, out[1]);
	ngojst_ruleset_free(rs);
	ngojst_context_free(ctx);
}

/* ---- allocation failures ---------------------------------------------------------- */

typedef struct failing {
	long countdown; /* allocations left before failing; < 0: never fail */
	long made;
} failing;

static void *f_malloc(size_t size, void *ud)
{
	failing *f = ud;

	f->made++;
	if (f->countdown == 0)
		return NULL;
	if (f->countdown > 0)
		f->countdown--;
	return test_malloc(size);
}

static void *f_realloc(void *ptr, size_t size, void *ud)
{
	failing *f = ud;

	f->made++;
	if (f->countdown == 0)
		return NULL;
	if (f->countdown > 0)
		f->countdown--;
	return test_realloc(ptr, size);
}

static void f_free(void *ptr, void *ud)
{
	(void)ud;
	test_free(ptr);
}

/* Load the rule set, an overlay and a document, validate and format; with
 * the n-th allocation failing every step must fail cleanly (no crash, no
 * leak, ENOMEM). Returns true when the whole pipeline succeeded. */
static bool pipeline(long fail_at)
{
	static const char ov[] = "ruleset: {id: o, version: \"1\", extends: pl}\n"
				 "overrides:\n  - {rule: udpp.5a.4.pt9, enabled: false}\n";
	failing f = { fail_at, 0 };
	ngojst_allocator a = { f_malloc, f_realloc, f_free, &f };
	ngojst_context_options opts = NGOJST_CONTEXT_OPTIONS_INIT;
	ngojst_context *ctx = NULL;
	ngojst_ruleset *base = NULL, *rs = NULL;
	ngojst_document *doc = NULL;
	ngojst_report *rep = NULL;
	ngojst_validate_options vo = NGOJST_VALIDATE_OPTIONS_INIT;
	char *out = NULL;
	bool ok = false;
	int rc;

	opts.allocator = &a;
	if (ngojst_context_new(&ctx, &opts))
		return false;
	vo.as_of = (ngojst_date){ 2026, 1, 10 };
	if ((rc = ngojst_ruleset_load_builtin(&base, ctx)))
		goto out;
	if ((rc = ngojst_ruleset_load_buffer(&rs, ctx, "o.yaml", ov, strlen(ov), base)))
		goto out;
	if ((rc = ngojst_document_load_buffer(&doc, ctx, "d.yaml", adopted_nov10, strlen(adopted_nov10), NULL)))
		goto out;
	if ((rc = ngojst_validate(ctx, rs, doc, &vo, &rep)))
		goto out;
	if ((rc = ngojst_report_format(ctx, (const ngojst_report *const *)&rep, 1, NGOJST_FORMAT_SARIF, &out)))
		goto out;
	ok = true;
out:
	/* Anything but success must be the allocation failure itself. */
	if (!ok)
		assert_int_equal(rc, NGOJST_ENOMEM);
	else
		assert_true(out != NULL);
	ngojst_free(ctx, out);
	ngojst_report_free(rep);
	ngojst_document_free(doc);
	ngojst_ruleset_free(rs);
	ngojst_ruleset_free(base);
	ngojst_context_free(ctx);
	return ok;
}

static void test_allocation_failures(void **state)
{
	long n;

	(void)state;
	/* Every allocation point in turn; the pipeline makes a few hundred. */
	for (n = 1; n < 100000; n++) {
		if (pipeline(n))
			break;
	}
	print_message("the pipeline succeeded once %ld allocations could succeed\n", n - 1);
	assert_true(n < 100000);
	assert_true(n > 10);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin),
		cmocka_unit_test(test_good_minimal),
		cmocka_unit_test(test_strict_loader),
		cmocka_unit_test(test_strict_loader_more),
		cmocka_unit_test(test_overlay_tightens),
		cmocka_unit_test(test_overlay_conflicts),
		cmocka_unit_test(test_overlay_stack),
		cmocka_unit_test(test_overlay_errors),
		cmocka_unit_test(test_validate_api),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_allocation_failures),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
