/* Scoring local-initiative applications (lib/rules/scoring*.c): the
 * `scoring:` section of a rule set, its strict loader, the points of each
 * method at every threshold (hand-computed), ranking, formats, the errors
 * of ngojst_score() and allocation failures. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test-common.h"

#define AS_OF ((ngojst_date){ 2026, 1, 15 })

static ngojst_ruleset *overlay(ngojst_context *ctx, const char *rel)
{
	ngojst_ruleset *base = NULL, *rs = NULL;
	int rc = ngojst_ruleset_load_builtin(&base, ctx);

	assert_int_equal(rc, NGOJST_OK);
	rc = ngojst_ruleset_load_file(&rs, ctx, test_src_path(rel), base);
	if (rc)
		test_print_diags(ctx);
	assert_int_equal(rc, NGOJST_OK);
	ngojst_ruleset_free(base);
	return rs;
}

static int score_text(ngojst_context *ctx, const ngojst_ruleset *rs, const char *yaml, ngojst_lang lang,
		      ngojst_score_result **out)
{
	ngojst_validate_options vo = NGOJST_VALIDATE_OPTIONS_INIT;
	ngojst_document *doc = NULL;
	int rc;

	vo.as_of = AS_OF;
	vo.lang = lang;
	rc = ngojst_document_load_buffer(&doc, ctx, "app.yaml", yaml, strlen(yaml), NULL);
	if (rc) {
		if (rc != NGOJST_ENOMEM)
			test_print_diags(ctx);
		return rc;
	}
	rc = ngojst_score(ctx, rs, doc, &vo, out);
	ngojst_document_free(doc);
	return rc;
}

static ngojst_score_result *score(ngojst_context *ctx, const ngojst_ruleset *rs, const char *yaml)
{
	ngojst_score_result *r = NULL;
	int rc = score_text(ctx, rs, yaml, NGOJST_LANG_EN, &r);

	if (rc)
		test_print_diags(ctx);
	assert_int_equal(rc, NGOJST_OK);
	assert_non_null(r);
	return r;
}

static const ngojst_score_item *item(const ngojst_score_result *r, const char *id)
{
	size_t i;

	for (i = 0; i < ngojst_score_item_count(r); i++)
		if (!strcmp(ngojst_score_item_at(r, i)->id, id))
			return ngojst_score_item_at(r, i);
	fail_msg("no criterion %s", id);
	return NULL;
}

static bool has_diag(ngojst_context *ctx, const char *want, unsigned line)
{
	size_t i;

	for (i = 0; i < ngojst_diag_count(ctx); i++) {
		const ngojst_diag *d = ngojst_diag_at(ctx, i);

		if (strstr(d->message, want) && (!line || d->line == line))
			return true;
	}
	return false;
}

/* An application for tests/cases/overlays/initiative-gmina-testowa.yaml:
 * total cost 10 000 zł; the rest as given. */
static const char *testowa_app(char *buf, size_t size, const char *social_value, long hours, long supporters,
			       const char *opinion, long celowosc)
{
	char eval[128] = "";

	if (celowosc >= 0)
		snprintf(eval, sizeof(eval), "evaluation: [{criterion: celowosc, points: %ld}]\n", celowosc);
	snprintf(buf, size,
		 "kind: LocalInitiativeApplication\n"
		 "total_cost: 10000\n"
		 "contribution: {social_work_value: %s, social_work_hours: %ld}\n"
		 "supporters: %ld\n"
		 "%s%s",
		 social_value, hours, supporters, opinion, eval);
	return buf;
}

/* ---- hand-computed points at every threshold ---------------------------------- */

static void test_share_bands(void **state)
{
	/* praca: share of social work in total_cost, bands [0,10) 0, [10,25) 10,
	 * [25,40) 15, [40,..) 20 points, weight 2. */
	static const struct {
		const char *value;
		int64_t points;
	} cases[] = {
		{ "0", 0 }, { "999.99", 0 }, { "1000", 2000 }, { "2499.99", 2000 }, { "2500", 3000 },
		{ "3999.99", 3000 }, { "4000", 4000 }, { "10000", 4000 },
	};
	ngojst_context *ctx = test_context_new();
	ngojst_ruleset *rs = overlay(ctx, "tests/cases/overlays/initiative-gmina-testowa.yaml");
	char buf[512];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ngojst_score_result *r = score(ctx, rs, testowa_app(buf, sizeof(buf), cases[i].value, 0, 0, "", 0));
		const ngojst_score_item *it = item(r, "praca");

		if (it->points != cases[i].points)
			fail_msg("social work %s: %lld points, expected %lld (%s)", cases[i].value, (long long)it->points,
				 (long long)cases[i].points, it->explanation);
		assert_int_equal(it->max, 4000);
		assert_int_equal(it->weight, 200);
		assert_true(it->social_work);
		assert_true(it->evaluated);
		ngojst_score_free(r);
	}
	ngojst_ruleset_free(rs);
	ngojst_context_free(ctx);
}

static void test_per_unit_and_value_bands(void **state)
{
	/* godziny: 1 point per 10 hours, at most 15. poparcie: 20-49 5,
	 * 50-99 10, 100+ 15 (below 20: no band, 0). */
	static const struct {
		long n;
		int64_t hours_points, support_points;
	} cases[] = {
		{ 0, 0, 0 }, { 9, 0, 0 }, { 10, 100, 0 }, { 19, 100, 0 }, { 20, 200, 500 }, { 49, 400, 500 },
		{ 50, 500, 1000 }, { 99, 900, 1000 }, { 100, 1000, 1500 }, { 149, 1400, 1500 }, { 150, 1500, 1500 },
		{ 151, 1500, 1500 }, { 100000, 1500, 1500 },
	};
	ngojst_context *ctx = test_context_new();
	ngojst_ruleset *rs = overlay(ctx, "tests/cases/overlays/initiative-gmina-testowa.yaml");
	char buf[512];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ngojst_score_result *r = score(ctx, rs, testowa_app(buf, sizeof(buf), "0", cases[i].n, cases[i].n, "", 0));

		if (item(r, "godziny")->points != cases[i].hours_points ||
		    item(r, "poparcie")->points != cases[i].support_points)
			fail_msg("%ld: %lld and %lld points (%s; %s)", cases[i].n, (long long)item(r, "godziny")->points,
				 (long long)item(r, "poparcie")->points, item(r, "godziny")->explanation,
				 item(r, "poparcie")->explanation);
		ngojst_score_free(r);
	}
	ngojst_ruleset_free(rs);
	ngojst_context_free(ctx);
}

static void test_yes_no_manual_minimum(void **state)
{
	ngojst_context *ctx = test_context_new();
	ngojst_ruleset *rs = overlay(ctx, "tests/cases/overlays/initiative-gmina-testowa.yaml");
	ngojst_score_result *r;
	char buf[512];

	(void)state;
	/* 10 % social work (20) + 150 hours (15) + 100 supporters (15) = 50,
	 * exactly the minimum, with celowość 0: passes. */
	r = score(ctx, rs, testowa_app(buf, sizeof(buf), "1000", 150, 100, "", 0));
	assert_int_equal(ngojst_score_total(r), 5000);
	assert_int_equal(ngojst_score_max(r), 10000);
	assert_int_equal(ngojst_score_minimum(r), 5000);
	assert_true(ngojst_score_complete(r));
	assert_true(ngojst_score_passed(r));
	assert_int_equal(item(r, "opinia")->points, 0);
	assert_non_null(strstr(item(r, "opinia")->explanation, "not given (counts as no)"));
	ngojst_score_free(r);
	/* One unit of hours less: 49, below the minimum. */
	r = score(ctx, rs, testowa_app(buf, sizeof(buf), "1000", 149, 100, "", 0));
	assert_int_equal(ngojst_score_total(r), 4900);
	assert_true(ngojst_score_complete(r));
	assert_false(ngojst_score_passed(r));
	ngojst_score_free(r);
	/* A positive opinion gives 10, a negative one 0. */
	r = score(ctx, rs, testowa_app(buf, sizeof(buf), "1000", 149, 100, "auxiliary_unit_opinion: {positive: true}\n", 0));
	assert_int_equal(item(r, "opinia")->points, 1000);
	assert_int_equal(ngojst_score_total(r), 5900);
	ngojst_score_free(r);
	r = score(ctx, rs, testowa_app(buf, sizeof(buf), "1000", 149, 100, "auxiliary_unit_opinion: {positive: false}\n", 0));
	assert_int_equal(item(r, "opinia")->points, 0);
	ngojst_score_free(r);
	/* No points for celowość yet: incomplete, so not passed even at 59. */
	r = score(ctx, rs, testowa_app(buf, sizeof(buf), "1000", 149, 100, "auxiliary_unit_opinion: {positive: true}\n", -1));
	assert_int_equal(ngojst_score_total(r), 5900);
	assert_false(ngojst_score_complete(r));
	assert_false(ngojst_score_passed(r));
	assert_false(item(r, "celowosc")->evaluated);
	assert_non_null(strstr(item(r, "celowosc")->explanation, "not evaluated"));
	ngojst_score_free(r);
	/* The committee's 20 of 20. */
	r = score(ctx, rs, testowa_app(buf, sizeof(buf), "4000", 150, 100, "auxiliary_unit_opinion: {positive: true}\n", 20));
	assert_int_equal(ngojst_score_total(r), 10000);
	assert_int_equal(item(r, "celowosc")->points, 2000);
	ngojst_score_free(r);
	ngojst_ruleset_free(rs);
	ngojst_context_free(ctx);
}

static void test_szczecin_rounding(void **state)
{
	/* Szczecin (C-02): whole of 10 000 zł, bands do 10 % 1, 11-20 % 4,
	 * 21-30 % 6, 31-40 % 8, powyżej 41 % 10; shares rounded half up. */
	static const struct {
		const char *social;
		int64_t points;
		const char *explains;
	} cases[] = {
		{ "1049", 100, "10.49 % (rounded to 10 %), band to 10 %" },
		{ "1050", 400, "10.50 % (rounded to 11 %), band from 11 % to 20 %" },
		{ "4049", 800, "40.49 % (rounded to 40 %), band from 31 % to 40 %" },
		{ "4050", 0, "40.50 % (rounded to 41 %), in no band of the scale (between 40 % and 41 %): 0 points" },
		{ "4149", 0, "in no band" },
		{ "4150", 1000, "41.50 % (rounded to 42 %), band above 41 %" },
	};
	ngojst_context *ctx = test_context_new();
	ngojst_ruleset *rs = overlay(ctx, "examples/overlays/szczecin-inicjatywa-lokalna.yaml");
	char buf[512];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ngojst_score_result *r;
		const ngojst_score_item *it;
		long money = 10000 - atol(cases[i].social);

		snprintf(buf, sizeof(buf),
			 "kind: LocalInitiativeApplication\ncontribution: {social_work_value: %s, money: %ld}\n", cases[i].social,
			 money);
		r = score(ctx, rs, buf);
		it = item(r, "praca_spoleczna");
		if (it->points != cases[i].points || !strstr(it->explanation, cases[i].explains))
			fail_msg("%s: %lld points: %s", cases[i].social, (long long)it->points, it->explanation);
		/* No minimum: every complete application passes. */
		assert_int_equal(ngojst_score_minimum(r), -1);
		assert_true(ngojst_score_passed(r));
		ngojst_score_free(r);
	}
	/* No whole: nothing to divide, no points. */
	{
		ngojst_score_result *r = score(ctx, rs, "kind: LocalInitiativeApplication\n");

		assert_int_equal(ngojst_score_total(r), 0);
		assert_non_null(strstr(item(r, "praca_spoleczna")->explanation, "the whole is absent or 0"));
		ngojst_score_free(r);
	}
	ngojst_ruleset_free(rs);
	ngojst_context_free(ctx);
}

static void test_krakow_and_languages(void **state)
{
	ngojst_context *ctx = test_context_new();
	ngojst_ruleset *rs = overlay(ctx, "examples/overlays/krakow-inicjatywa-lokalna.yaml");
	char *yaml = test_read_file(test_src_path("tests/cases/documents/initiative-krakow-ogrod.yaml"), NULL);
	ngojst_score_result *r = NULL;

	(void)state;
	assert_int_equal(score_text(ctx, rs, yaml, NGOJST_LANG_PL, &r), NGOJST_OK);
	/* 40 + 35 + 10 (the hand computation in the document). */
	assert_int_equal(ngojst_score_total(r), 8500);
	assert_true(ngojst_score_passed(r));
	assert_string_equal(ngojst_score_number(r), "IL/12/2019");
	assert_string_equal(ngojst_score_source(r), "app.yaml");
	assert_int_equal(ngojst_score_document_index(r), 0);
	assert_int_equal(ngojst_score_rank(r), 0);
	assert_int_equal(ngojst_score_item_count(r), 3);
	assert_null(ngojst_score_item_at(r, 3));
	assert_string_equal(item(r, "celowosc")->title,
			    "Celowość realizacji zadania z punktu widzenia potrzeb społeczności lokalnej");
	assert_non_null(strstr(item(r, "opinia_rady_dzielnicy")->explanation, "tak, 10,00 pkt"));
	assert_non_null(ngojst_score_report(r));
	assert_int_equal(ngojst_report_count(ngojst_score_report(r)), 0);
	/* The result outlives the rule set it was made with. */
	ngojst_ruleset_free(rs);
	assert_string_equal(item(r, "wklad_wlasny")->id, "wklad_wlasny");
	ngojst_score_free(r);
	ngojst_score_free(NULL);
	test_free(yaml);
	ngojst_context_free(ctx);
}

/* ---- ranking and formats ------------------------------------------------------------- */

static void test_rank_and_format(void **state)
{
	ngojst_context *ctx = test_context_new();
	ngojst_ruleset *rs = overlay(ctx, "tests/cases/overlays/initiative-gmina-testowa.yaml");
	ngojst_ruleset *other = overlay(ctx, "examples/overlays/krakow-inicjatywa-lokalna.yaml");
	ngojst_score_result *r[6], *mixed[2];
	char buf[6][768], tmp[512], *out = NULL;
	size_t i;

	(void)state;
	/* 0: 50 points (passes), praca 20, filed 2025-03-02.
	 * 1: 50 points, praca 20, filed 2025-03-01: before 0 by the field tie-break.
	 * 2: 50 points, praca 30 (25 %), fewer hours: before 0 and 1 by the criterion tie-break.
	 * 3: 90 points but an applicant of another gmina: an error, so after those that pass.
	 * 4: 40 points: below the minimum.
	 * 5: the same as 1 in a second stream position: after 1 by position. */
#define OK_APP "applicants: [{name: A}, {name: B}, {name: C}]\ntask: {area: \"5\"}\n"
	snprintf(buf[0], sizeof(buf[0]), "%s" OK_APP "submitted_on: 2025-03-02\n",
		 testowa_app(tmp, sizeof(tmp), "1000", 150, 100, "", 0));
	snprintf(buf[1], sizeof(buf[1]), "%s" OK_APP "submitted_on: 2025-03-01\n",
		 testowa_app(tmp, sizeof(tmp), "1000", 150, 100, "", 0));
	snprintf(buf[2], sizeof(buf[2]), "%s" OK_APP "submitted_on: 2025-03-03\n",
		 testowa_app(tmp, sizeof(tmp), "2500", 50, 100, "", 0));
	snprintf(buf[3], sizeof(buf[3]),
		 "%sjst: {name: Gmina Testowa}\napplicants: [{name: A, lives_in: Gmina Inna}, {name: B}, {name: C}]\ntask: {area: \"5\"}\n",
		 testowa_app(tmp, sizeof(tmp), "4000", 150, 100, "auxiliary_unit_opinion: {positive: true}\n", 10));
	snprintf(buf[4], sizeof(buf[4]), "%s" OK_APP, testowa_app(tmp, sizeof(tmp), "1000", 50, 100, "", 0));
#undef OK_APP
	for (i = 0; i < 5; i++)
		r[i] = score(ctx, rs, buf[i]);
	r[5] = score(ctx, rs, buf[1]);
	assert_int_equal(ngojst_score_total(r[0]), 5000);
	assert_int_equal(ngojst_score_total(r[1]), 5000);
	assert_int_equal(ngojst_score_total(r[2]), 5000);
	assert_int_equal(ngojst_score_total(r[3]), 9000);
	assert_int_equal(ngojst_score_total(r[4]), 4000);
	{
		ngojst_score_result *order[6] = { r[4], r[3], r[0], r[5], r[2], r[1] };
		const ngojst_score_result *want[6] = { r[2], r[1], r[5], r[0], r[3], r[4] };

		/* r[1] and r[5] come from equal texts with the same source name and
		 * index: either order is the same output. */
		assert_int_equal(ngojst_rank(ctx, order, 6), NGOJST_OK);
		for (i = 0; i < 6; i++) {
			if (i == 1 || i == 2)
				assert_true(order[i] == r[1] || order[i] == r[5]);
			else
				assert_ptr_equal(order[i], want[i]);
			assert_int_equal(ngojst_score_rank(order[i]), i + 1);
		}
		assert_int_equal(ngojst_score_format(ctx, (const ngojst_score_result *const *)order, 6, NGOJST_FORMAT_TEXT, &out),
				 NGOJST_OK);
		assert_non_null(strstr(out, "Minimum score: 50.00 of 100.00 points"));
		assert_non_null(strstr(out, "then criterion praca (higher first); then submitted_on (ascending)"));
		assert_non_null(strstr(out, "1. app.yaml: 50.00 of 100.00 points, reaches the minimum; check:"));
		assert_non_null(strstr(out, "5. app.yaml: 90.00 of 100.00 points, reaches the minimum; check: 1 error,"));
		assert_non_null(strstr(out, "6 applications, 4 passed without errors"));
		ngojst_free(ctx, out);
		out = NULL;
		assert_int_equal(ngojst_score_format(ctx, (const ngojst_score_result *const *)order, 6, NGOJST_FORMAT_JSON, &out),
				 NGOJST_OK);
		assert_non_null(strstr(out, "\"minimum_score\": 50.00,"));
		assert_non_null(strstr(out, "\"key\": \"criterion\",\n        \"criterion\": \"praca\""));
		assert_non_null(strstr(out, "\"rank\": 6,"));
		assert_non_null(strstr(out, "\"total\": 90.00,"));
		ngojst_free(ctx, out);
		out = NULL;
		assert_int_equal(ngojst_score_format(ctx, (const ngojst_score_result *const *)order, 6, NGOJST_FORMAT_SARIF, &out),
				 NGOJST_EINVAL);
		assert_null(out);
	}
	/* Results of two scoring sections cannot be ranked together. */
	mixed[0] = r[0];
	mixed[1] = score(ctx, other, "kind: LocalInitiativeApplication\n");
	assert_int_equal(ngojst_rank(ctx, mixed, 2), NGOJST_EINVAL);
	assert_true(has_diag(ctx, "different scoring sections", 0));
	assert_int_equal(ngojst_score_format(ctx, (const ngojst_score_result *const *)mixed, 2, NGOJST_FORMAT_TEXT, &out),
			 NGOJST_EINVAL);
	assert_int_equal(ngojst_rank(NULL, mixed, 2), NGOJST_EINVAL);
	assert_int_equal(ngojst_rank(ctx, NULL, 0), NGOJST_OK);
	assert_int_equal(ngojst_score_format(ctx, NULL, 0, NGOJST_FORMAT_TEXT, &out), NGOJST_OK);
	assert_string_equal(out, "0 applications\n");
	ngojst_free(ctx, out);
	assert_int_equal(ngojst_score_format(ctx, NULL, 0, NGOJST_FORMAT_JSON, &out), NGOJST_OK);
	assert_non_null(strstr(out, "\"scoring\": null"));
	ngojst_free(ctx, out);
	ngojst_score_free(mixed[1]);
	for (i = 0; i < 6; i++)
		ngojst_score_free(r[i]);
	ngojst_ruleset_free(other);
	ngojst_ruleset_free(rs);
	ngojst_context_free(ctx);
}

/* ---- errors of ngojst_score() ------------------------------------------------------------ */

static void test_score_errors(void **state)
{
	ngojst_context *ctx = test_context_new();
	ngojst_ruleset *rs = overlay(ctx, "examples/overlays/krakow-inicjatywa-lokalna.yaml");
	ngojst_ruleset *base = NULL;
	ngojst_validate_options vo = NGOJST_VALIDATE_OPTIONS_INIT;
	ngojst_document *doc = NULL;
	ngojst_score_result *r = (ngojst_score_result *)1;

	(void)state;
	/* Every problem of the evaluation at once, positioned. */
	assert_int_equal(score_text(ctx, rs,
				    "kind: LocalInitiativeApplication\n"
				    "evaluation:\n"
				    "  - {criterion: celowość, points: 40}\n"
				    "  - {criterion: wklad_wlasny, points: 46}\n"
				    "  - {criterion: wklad_wlasny, points: 20}\n"
				    "  - {criterion: opinia_rady_dzielnicy, points: 10}\n"
				    "  - {criterion: nic, points: 1}\n"
				    "  - {criterion: celowosc}\n",
				    NGOJST_LANG_EN, &r),
			 NGOJST_EINPUT);
	assert_null(r);
	assert_true(has_diag(ctx, "unknown criterion \"celowość\" in the evaluation (did you mean \"celowosc\"?)", 3));
	assert_true(has_diag(ctx, "46 points are outside the scale of criterion \"wklad_wlasny\" (0 to 45)", 4));
	assert_true(has_diag(ctx, "criterion \"wklad_wlasny\" is evaluated twice", 5));
	assert_true(has_diag(ctx, "criterion \"opinia_rady_dzielnicy\" is scored from the application's data", 6));
	assert_true(has_diag(ctx, "unknown criterion \"nic\" in the evaluation: the scoring has no such criterion", 7));
	assert_true(has_diag(ctx, "the evaluation of criterion \"celowosc\" gives no points", 0));
	assert_int_equal(ngojst_diag_count(ctx), 6);
	assert_string_equal(ngojst_diag_at(ctx, 0)->path, "/evaluation/0/criterion");
	/* 45 is the top of the scale and allowed. */
	r = NULL;
	assert_int_equal(score_text(ctx, rs, "kind: LocalInitiativeApplication\nevaluation: [{criterion: wklad_wlasny, points: 45}]\n",
				    NGOJST_LANG_EN, &r),
			 NGOJST_OK);
	ngojst_score_free(r);
	/* A document of another kind. */
	assert_int_equal(score_text(ctx, rs, "kind: AnnualProgramme\nyear: 2026\n", NGOJST_LANG_EN, &r), NGOJST_EINVAL);
	assert_true(has_diag(ctx, "only LocalInitiativeApplication documents are scored, not AnnualProgramme", 0));
	/* A rule set without a scoring section. */
	assert_int_equal(ngojst_ruleset_load_builtin(&base, ctx), NGOJST_OK);
	assert_int_equal(score_text(ctx, base, "kind: LocalInitiativeApplication\n", NGOJST_LANG_EN, &r), NGOJST_ENOTFOUND);
	assert_true(has_diag(ctx, "rule set \"pl\" has no scoring section", 0));
	/* Misuse. */
	assert_int_equal(ngojst_document_load_buffer(&doc, ctx, NULL, "kind: LocalInitiativeApplication\n", 33, NULL), NGOJST_OK);
	assert_int_equal(ngojst_score(ctx, rs, doc, &vo, &r), NGOJST_EINVAL); /* no as_of */
	assert_null(r);
	vo.as_of = AS_OF;
	assert_int_equal(ngojst_score(NULL, rs, doc, &vo, &r), NGOJST_EINVAL);
	assert_int_equal(ngojst_score(ctx, NULL, doc, &vo, &r), NGOJST_EINVAL);
	assert_int_equal(ngojst_score(ctx, rs, NULL, &vo, &r), NGOJST_EINVAL);
	assert_int_equal(ngojst_score(ctx, rs, doc, NULL, &r), NGOJST_EINVAL);
	assert_int_equal(ngojst_score(ctx, rs, doc, &vo, NULL), NGOJST_EINVAL);
	assert_int_equal(ngojst_score_total(NULL), 0);
	assert_int_equal(ngojst_score_max(NULL), 0);
	assert_int_equal(ngojst_score_minimum(NULL), -1);
	assert_int_equal(ngojst_score_passed(NULL), 0);
	assert_int_equal(ngojst_score_complete(NULL), 0);
	assert_null(ngojst_score_report(NULL));
	assert_null(ngojst_score_source(NULL));
	assert_null(ngojst_score_number(NULL));
	assert_int_equal(ngojst_score_item_count(NULL), 0);
	assert_null(ngojst_score_item_at(NULL, 0));
	/* A wrapped struct (no tree) is scored too. */
	{
		ngojst_initiative_application app;

		ngojst_document_free(doc);
		doc = NULL;
		assert_int_equal(ngojst_kind_init("LocalInitiativeApplication", &app), NGOJST_OK);
		app.auxiliary_unit_opinion.positive = NGOJST_FLAG_YES;
		assert_int_equal(ngojst_document_wrap(&doc, ctx, "LocalInitiativeApplication", &app, NULL), NGOJST_OK);
		assert_int_equal(ngojst_score(ctx, rs, doc, &vo, &r), NGOJST_OK);
		assert_int_equal(ngojst_score_total(r), 1000);
		assert_string_equal(ngojst_score_source(r), "<data>");
		ngojst_score_free(r);
	}
	ngojst_document_free(doc);
	ngojst_ruleset_free(base);
	ngojst_ruleset_free(rs);
	ngojst_context_free(ctx);
}

/* ---- the loader ---------------------------------------------------------------------- */

#define SC_HEAD "ruleset: {id: t, version: \"1\", extends: pl}\nsources:\n  - {id: u, title: U, short: {pl: u, en: u}}\n"
#define SOCIAL "    - {id: praca, title: {pl: P, en: W}, social_work: true, manual: {max: 10}}\n"

static void expect_bad(const char *text, const char *want, unsigned want_line)
{
	ngojst_context *ctx = test_context_new();
	ngojst_ruleset *base = NULL, *rs = NULL;
	int rc;

	assert_int_equal(ngojst_ruleset_load_builtin(&base, ctx), NGOJST_OK);
	rc = ngojst_ruleset_load_buffer(&rs, ctx, "bad.yaml", text, strlen(text), base);
	if (rc != NGOJST_ERULESET || !has_diag(ctx, want, want_line)) {
		fprintf(stderr, "wanted \"%s\" at line %u; got rc %d:\n", want, want_line, rc);
		test_print_diags(ctx);
	}
	assert_int_equal(rc, NGOJST_ERULESET);
	assert_true(has_diag(ctx, want, want_line));
	assert_null(rs);
	ngojst_ruleset_free(base);
	ngojst_context_free(ctx);
}

static void test_loader_errors(void **state)
{
	(void)state;
	expect_bad(SC_HEAD "scoring:\n  source: u\n  status: CONFIRMED\n  criteria:\n"
		   "    - {id: celowosc, title: {pl: C, en: P}, manual: {max: 10}}\n",
		   "the scoring has no criterion for the residents' social work: art. 19c ust. 1 udpp", 8);
	expect_bad(SC_HEAD "scoring:\n  source: u\n  status: CONFIRMED\n  weights_total: 3\n  criteria:\n" SOCIAL
		   "    - {id: b, title: {pl: B, en: B}, weight: 1.5, manual: {max: 10}}\n",
		   "the criteria's weights add up to 2.50, not 3.00 (weights_total)", 7);
	expect_bad(SC_HEAD "scoring:\n  source: u\n  status: CONFIRMED\n  max_score: 100\n  criteria:\n" SOCIAL,
		   "the criteria give at most 10.00 points, not 100.00 (max_score)", 7);
	expect_bad(SC_HEAD "scoring:\n  source: u\n  status: CONFIRMED\n  minimum_score: 10.01\n  criteria:\n" SOCIAL,
		   "minimum_score 10.01 can never be reached: the criteria give at most 10.00 points", 7);
	expect_bad(SC_HEAD "scoring:\n  source: u\n  status: CONFIRMED\n  criteria:\n"
		   "    - {id: praca, title: {pl: P, en: W}, social_work: true, manual: {min: 5, max: 3}}\n",
		   "criterion praca: the scale's maximum 3.00 is below its minimum 5.00", 8);
	expect_bad(SC_HEAD "scoring:\n  source: u\n  status: CONFIRMED\n  criteria:\n"
		   "    - {id: praca, title: {pl: P, en: W}, social_work: true, manual: {max: 10.5}}\n",
		   "points given by judgment are whole points", 8);
	expect_bad(SC_HEAD "scoring:\n  source: u\n  status: CONFIRMED\n  criteria:\n"
		   "    - id: praca\n      title: {pl: P, en: W}\n      social_work: true\n"
		   "      share_of_total: {part: contribution/money, whole: total_cost, bands: [{min_percent: 30, max_percent: 20, points: 1}]}\n",
		   "the band's upper bound 20 % is below its lower bound 30 %: no value is in it", 11);
	expect_bad(SC_HEAD "scoring:\n  source: u\n  status: CONFIRMED\n  criteria:\n"
		   "    - id: praca\n      title: {pl: P, en: W}\n      social_work: true\n"
		   "      share_of_total: {part: contribution/money, whole: total_cost, bands: [{max_percent: 20, points: 1}, {min_percent: 20, points: 2}]}\n",
		   "criterion praca: two bands overlap (from 20 % on, both give points)", 11);
	expect_bad(SC_HEAD "scoring:\n  source: u\n  status: CONFIRMED\n  criteria:\n"
		   "    - id: praca\n      title: {pl: P, en: W}\n      social_work: true\n"
		   "      share_of_total: {part: contribution/money, whole: total_cost, bands: [{points: 1}, {min_percent: 20, points: 2}]}\n",
		   "two bands overlap", 11);
	expect_bad(SC_HEAD "scoring:\n  source: u\n  status: CONFIRMED\n  criteria:\n"
		   "    - id: praca\n      title: {pl: P, en: W}\n      social_work: true\n"
		   "      share_of_total: {part: contribution/mony, whole: total_cost, bands: [{points: 1}]}\n",
		   "\"contribution/mony\" is not a field path of LocalInitiativeApplication (at \"mony\"; did you mean \"money\"?)", 11);
	expect_bad(SC_HEAD "scoring:\n  source: u\n  status: CONFIRMED\n  criteria:\n"
		   "    - id: praca\n      title: {pl: P, en: W}\n      social_work: true\n"
		   "      yes_no: {field: total_cost, yes: 5}\n",
		   "field \"total_cost\" is of type amount, which cannot be used here", 11);
	expect_bad(SC_HEAD "scoring:\n  source: u\n  status: CONFIRMED\n  criteria:\n"
		   "    - id: praca\n      title: {pl: P, en: W}\n      social_work: true\n"
		   "      per_unit: {field: applicants/*/name, unit: 1, max: 5}\n",
		   "must reach one value, not every item of a list", 11);
	expect_bad(SC_HEAD "scoring:\n  source: u\n  status: CONFIRMED\n  criteria:\n"
		   "    - id: praca\n      title: {pl: P, en: W}\n      social_work: true\n"
		   "      per_unit: {field: supporters, unit: 0, max: 5}\n",
		   "\"unit\" must be more than 0", 11);
	expect_bad(SC_HEAD "scoring:\n  source: u\n  status: CONFIRMED\n  criteria:\n"
		   "    - id: praca\n      title: {pl: P, en: W}\n      social_work: true\n"
		   "      per_unit: {field: supporters, unit: 10}\n",
		   "per_unit needs \"max\"", 11);
	expect_bad(SC_HEAD "scoring:\n  source: u\n  status: CONFIRMED\n  criteria:\n"
		   "    - {id: praca, title: {pl: P, en: W}, social_work: true, manual: {max: 10}, yes_no: {field: organisation/on_behalf_of_residents, yes: 1}}\n",
		   "criterion praca needs exactly one of manual, yes_no, per_unit, share_of_total, value_bands", 8);
	expect_bad(SC_HEAD "scoring:\n  source: u\n  status: CONFIRMED\n  criteria:\n"
		   "    - {id: praca, title: {pl: P, en: W}, social_wrk: true, manual: {max: 10}}\n",
		   "unknown key \"social_wrk\" in a criterion (did you mean \"social_work\"?)", 8);
	expect_bad(SC_HEAD "scoring:\n  source: u\n  status: CONFIRMED\n  criteria:\n" SOCIAL SOCIAL,
		   "criterion praca is defined twice", 9);
	expect_bad(SC_HEAD "scoring:\n  source: u\n  status: CONFIRMED\n  tie_break: [{criterion: prca}]\n  criteria:\n" SOCIAL,
		   "tie_break names an unknown criterion \"prca\" (did you mean \"praca\"?)", 7);
	expect_bad(SC_HEAD "scoring:\n  source: u\n  status: CONFIRMED\n  tie_break: [{field: applicants}]\n  criteria:\n" SOCIAL,
		   "a tie-break field \"applicants\" is of type list of mappings, which cannot be used here", 7);
	expect_bad(SC_HEAD "scoring:\n  source: u\n  status: CONFIRMED\n  tie_break: [{criterion: praca, field: submitted_on}]\n  criteria:\n" SOCIAL,
		   "a tie-break key has exactly one of \"criterion\" and \"field\"", 7);
	expect_bad(SC_HEAD "scoring:\n  source: nope\n  status: CONFIRMED\n  criteria:\n" SOCIAL,
		   "scoring names source \"nope\", which is not among the rule set's sources", 5);
	expect_bad(SC_HEAD "scoring:\n  source: u\n  status: SURE\n  criteria:\n" SOCIAL, "status is CONFIRMED-CUR", 6);
	expect_bad(SC_HEAD "scoring:\n  source: u\n  status: CONFIRMED\n  minimum_score: 1.005\n  criteria:\n" SOCIAL,
		   "minimum_score must be a number with at most two decimals, not \"1.005\"", 7);
	expect_bad(SC_HEAD "scoring:\n  source: u\n  status: CONFIRMED\n  minimum_score: \"5\"\n  criteria:\n" SOCIAL,
		   "minimum_score must be an unquoted number", 7);
	expect_bad(SC_HEAD "scoring:\n  source: u\n  status: CONFIRMED\n  criteria:\n"
		   "    - id: praca\n      title: {pl: P, en: W}\n      social_work: true\n      weight: 0\n      manual: {max: 5}\n",
		   "a weight must be more than 0", 11);
	expect_bad(SC_HEAD "scoring:\n  source: u\n  status: CONFIRMED\n  criteria:\n"
		   "    - id: praca\n      title: {pl: P, en: W}\n      social_work: true\n"
		   "      share_of_total: {part: contribution/money, whole: total_cost, rounding: up, bands: [{points: 1}]}\n",
		   "rounding is exact, nearest or down, not \"up\"", 11);
	expect_bad(SC_HEAD "scoring:\n  source: u\n  status: CONFIRMED\n  criteria: []\n",
		   "scoring needs \"criteria\": a non-empty list of criteria", 7);
	expect_bad(SC_HEAD "scoring:\n  source: u\n  status: CONFIRMED\n  critera: []\n",
		   "unknown key \"critera\" in scoring (did you mean \"criteria\"?)", 7);
	expect_bad(SC_HEAD "scoring:\n  source: u\n  status: CONFIRMED\n  criteria:\n" SOCIAL
		   "---\nscoring:\n  source: u\n  status: CONFIRMED\n  criteria:\n" SOCIAL,
		   "a rule set has one \"scoring\" section; this one repeats it", 11);
	expect_bad(SC_HEAD "scoring:\n  source: u\n  status: CONFIRMED\n  criteria:\n"
		   "    - {id: Praca, title: {pl: P, en: W}, social_work: true, manual: {max: 10}}\n",
		   "criterion id \"Praca\" may hold only lowercase letters", 8);
	expect_bad(SC_HEAD "scoring:\n  source: u\n  status: CONFIRMED\n  criteria:\n"
		   "    - {id: praca, title: {pl: P}, social_work: true, manual: {max: 10}}\n",
		   "\"title\" of a criterion has no \"en\"", 8);
}

static void test_loader_layers(void **state)
{
	ngojst_context *ctx = test_context_new();
	ngojst_ruleset *first = overlay(ctx, "tests/cases/overlays/initiative-gmina-testowa.yaml"), *second = NULL;
	ngojst_score_result *r;
	static const char weak[] = "ruleset: {id: druga, version: \"1\", extends: gmina-testowa-il}\n"
				   "sources:\n  - {id: d, title: D, short: {pl: d, en: d}}\n"
				   "scoring:\n  source: d\n  status: CONFIRMED\n  criteria:\n" SOCIAL;

	(void)state;
	/* A later overlay's scoring section replaces the earlier one. */
	assert_int_equal(ngojst_ruleset_load_buffer(&second, ctx, "second.yaml", weak, strlen(weak), first), NGOJST_OK);
	r = score(ctx, second, "kind: LocalInitiativeApplication\nevaluation: [{criterion: praca, points: 7}]\n");
	assert_int_equal(ngojst_score_item_count(r), 1);
	assert_int_equal(ngojst_score_total(r), 700);
	assert_int_equal(ngojst_score_max(r), 1000);
	ngojst_score_free(r);
	/* The first still scores with its own. */
	r = score(ctx, first, "kind: LocalInitiativeApplication\n");
	assert_int_equal(ngojst_score_item_count(r), 5);
	ngojst_score_free(r);
	ngojst_ruleset_free(second);
	ngojst_ruleset_free(first);
	ngojst_context_free(ctx);
}

/* ---- allocation failures ---------------------------------------------------------------- */

typedef struct fail_alloc {
	long count, fail_at, refused;
} fail_alloc;

static void *f_malloc(size_t size, void *ud)
{
	fail_alloc *f = ud;

	if (++f->count == f->fail_at) {
		f->refused++;
		return NULL;
	}
	return test_malloc(size);
}

static void *f_realloc(void *ptr, size_t size, void *ud)
{
	fail_alloc *f = ud;

	if (++f->count == f->fail_at) {
		f->refused++;
		return NULL;
	}
	return test_realloc(ptr, size);
}

static void f_free(void *ptr, void *ud)
{
	(void)ud;
	test_free(ptr);
}

/* Load the overlay, score two applications, rank, format: 0 and the
 * output, or ENOMEM. */
static int pipeline(fail_alloc *f, char **text)
{
	ngojst_allocator a = { f_malloc, f_realloc, f_free, f };
	ngojst_context_options opts = NGOJST_CONTEXT_OPTIONS_INIT;
	ngojst_context *ctx = NULL;
	ngojst_ruleset *base = NULL, *rs = NULL;
	ngojst_score_result *r[2] = { NULL, NULL };
	char *out = NULL, app[512];
	int rc;

	opts.allocator = &a;
	if (ngojst_context_new(&ctx, &opts))
		return NGOJST_ENOMEM;
	rc = ngojst_ruleset_load_builtin(&base, ctx);
	if (!rc)
		rc = ngojst_ruleset_load_file(&rs, ctx, test_src_path("tests/cases/overlays/initiative-gmina-testowa.yaml"), base);
	if (!rc)
		rc = score_text(ctx, rs, testowa_app(app, sizeof(app), "2500", 120, 64, "auxiliary_unit_opinion: {positive: true}\n", 14),
				NGOJST_LANG_PL, &r[0]);
	if (!rc)
		rc = score_text(ctx, rs, testowa_app(app, sizeof(app), "1000", 150, 100, "", -1), NGOJST_LANG_PL, &r[1]);
	if (!rc)
		rc = ngojst_rank(ctx, r, 2);
	if (!rc)
		rc = ngojst_score_format(ctx, (const ngojst_score_result *const *)r, 2, NGOJST_FORMAT_TEXT, &out);
	if (!rc) {
		*text = strdup(out);
		ngojst_free(ctx, out);
	}
	ngojst_score_free(r[0]);
	ngojst_score_free(r[1]);
	ngojst_ruleset_free(rs);
	ngojst_ruleset_free(base);
	ngojst_context_free(ctx);
	return rc;
}

static void test_allocation_failures(void **state)
{
	fail_alloc f = { 0, 0, 0 };
	char *ref = NULL;
	long n, total;

	(void)state;
	assert_int_equal(pipeline(&f, &ref), NGOJST_OK);
	total = f.count;
	for (n = 1; n <= total; n++) {
		char *text = NULL;
		int rc;

		f.count = f.refused = 0;
		f.fail_at = n;
		rc = pipeline(&f, &text);
		if (rc != NGOJST_OK && rc != NGOJST_ENOMEM)
			fail_msg("allocation %ld failing gave %d", n, rc);
		if (rc == NGOJST_OK && strcmp(text, ref) != 0)
			fail_msg("allocation %ld failing gave a different output:\n%s", n, text);
		free(text);
	}
	print_message("scoring pipeline: %ld allocations, each refused once\n", total);
	free(ref);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_share_bands),
		cmocka_unit_test(test_per_unit_and_value_bands),
		cmocka_unit_test(test_yes_no_manual_minimum),
		cmocka_unit_test(test_szczecin_rounding),
		cmocka_unit_test(test_krakow_and_languages),
		cmocka_unit_test(test_rank_and_format),
		cmocka_unit_test(test_score_errors),
		cmocka_unit_test(test_loader_errors),
		cmocka_unit_test(test_loader_layers),
		cmocka_unit_test(test_allocation_failures),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
