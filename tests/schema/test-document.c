/* Documents: binding YAML/JSON to the structs of their kinds, and every
 * kind of bad input reported with its position. */
#include <stdio.h>
#include <string.h>

#include "test-common.h"

static const char good[] =
	"kind: AnnualProgramme\n"
	"year: 2026\n"
	"resolution: {number: XVI/1/2025, adopted_on: 2025-11-27}\n"
	"objectives:\n"
	"  main: Cel\n"
	"  specific: [a, b]\n"
	"priority_tasks:\n"
	"  - {name: Sport, area: \"17\", amount: 120000}\n"
	"  - {name: Kultura, area: \"16\", amount: \"45 000,50 zł\"}\n"
	"council_opinion: {attached: true}\n"
	"funds: 165000.50\n";

static ngojst_document *load_ok(ngojst_context *ctx, const char *text)
{
	ngojst_document *doc = NULL;
	int rc = ngojst_document_load_buffer(&doc, ctx, "t.yaml", text, strlen(text), NULL);

	if (rc)
		test_print_diags(ctx);
	assert_int_equal(rc, NGOJST_OK);
	return doc;
}

static void test_binds_fields(void **state)
{
	ngojst_context *ctx = test_context_new();
	ngojst_document *doc = load_ok(ctx, good);
	const ngojst_programme *p = ngojst_document_data(doc);
	unsigned line, col;

	(void)state;
	assert_string_equal(ngojst_document_kind(doc), "AnnualProgramme");
	assert_int_equal(p->year, 2026);
	assert_string_equal(p->resolution.number, "XVI/1/2025");
	assert_int_equal(p->resolution.adopted_on.year, 2025);
	assert_int_equal(p->resolution.adopted_on.day, 27);
	assert_int_equal(p->objectives.specific.count, 2);
	assert_string_equal(p->objectives.specific.items[1], "b");
	assert_int_equal(p->priority_tasks_count, 2);
	assert_int_equal(p->priority_tasks[0].amount, 12000000);
	assert_int_equal(p->priority_tasks[1].amount, 4500050);
	assert_int_equal(p->funds, 16500050);
	assert_int_equal(p->council_opinion.attached, NGOJST_FLAG_YES);
	assert_int_equal(p->council_opinion.council_exists, NGOJST_FLAG_UNSET);
	/* Absent values are absent, not zero. */
	assert_null(p->scope);
	assert_true(ngojst_date_is_none(p->period.from));
	assert_int_equal(ngojst_document_position(doc, "/priority_tasks/1/amount", &line, &col), NGOJST_OK);
	assert_int_equal(line, 9);
	assert_int_equal(col, 41);
	assert_int_equal(ngojst_document_position(doc, "/scope", &line, &col), NGOJST_ENOTFOUND);
	ngojst_document_free(doc);
	ngojst_context_free(ctx);
}

static void test_json_input(void **state)
{
	static const char json[] = "{\"kind\": \"ProgrammeReport\", \"year\": 2024, "
				   "\"submitted_on\": \"2025-05-30\", \"funds_spent\": 1234.5, "
				   "\"bip_url\": \"https:\\/\\/bip.example\\/r\"}";
	ngojst_context *ctx = test_context_new();
	ngojst_document *doc = load_ok(ctx, json);
	const ngojst_programme_report *r = ngojst_document_data(doc);

	(void)state;
	assert_int_equal(r->year, 2024);
	assert_int_equal(r->funds_spent, 123450);
	assert_int_equal(r->submitted_on.month, 5);
	assert_string_equal(r->bip_url, "https://bip.example/r");
	ngojst_document_free(doc);
	ngojst_context_free(ctx);
}

/* Every diagnostic of a failed load, as "line:col: message" lines. */
static void expect_input_error(const char *text, int want_rc, const char *const *want)
{
	ngojst_context *ctx = test_context_new();
	ngojst_document *doc = NULL;
	char all[4096] = "";
	size_t i, n = 0;
	int rc = ngojst_document_load_buffer(&doc, ctx, "bad.yaml", text, strlen(text), NULL);

	for (i = 0; i < ngojst_diag_count(ctx); i++) {
		const ngojst_diag *d = ngojst_diag_at(ctx, i);

		assert_string_equal(d->source, "bad.yaml");
		n += (size_t)snprintf(all + n, sizeof(all) - n, "%u:%u: %s\n", d->line, d->column, d->message);
	}
	if (rc != want_rc)
		fprintf(stderr, "rc %d, diagnostics:\n%s", rc, all);
	assert_int_equal(rc, want_rc);
	assert_null(doc);
	for (i = 0; want[i]; i++) {
		if (!strstr(all, want[i]))
			fprintf(stderr, "wanted \"%s\" in:\n%s", want[i], all);
		assert_non_null(strstr(all, want[i]));
	}
	ngojst_context_free(ctx);
}

static void test_all_errors_at_once(void **state)
{
	static const char text[] =
		"kind: AnnualProgramme\n"
		"yaer: 2026\n"
		"title: [not, a, string]\n"
		"funds: -5\n"
		"resolution: {adopted_on: 2026-02-30}\n"
		"council_opinion: {attached: yes}\n"
		"period: {from: 26.11.2026}\n"
		"priority_tasks:\n"
		"  - {name: x, amount: 1.234}\n"
		"  - {name: y, amount: 92233720368547758.08}\n";
	static const char *const want[] = {
		"2:1: /yaer: unknown key \"yaer\" (did you mean \"year\"?)",
		"3:8: /title: expected a string, found a sequence",
		"4:8: /funds: the amount -5 must not be negative",
		"5:26: /resolution/adopted_on: 2026-02-30 is not a date in the calendar",
		"6:29: /council_opinion/attached: expected true or false",
		"7:16: /period/from: expected a date written YYYY-MM-DD",
		"9:23: /priority_tasks/0/amount: \"1.234\" is not an amount",
		"10:23: /priority_tasks/1/amount: the amount 92233720368547758.08 is too large",
		NULL,
	};

	(void)state;
	expect_input_error(text, NGOJST_EINPUT, want);
}

static void test_integers_and_tags(void **state)
{
	static const char *const big[] = { "the integer 99999999999999999999 is out of range", NULL };
	static const char *const quoted[] = { "expected an integer, found a quoted string", NULL };
	static const char *const tag[] = { "the tag tag:yaml.org,2002:python/object", NULL };
	static const char *const float_amount[] = { "\"1e309\" is not an amount", NULL };

	(void)state;
	expect_input_error("kind: AnnualProgramme\nyear: 99999999999999999999\n", NGOJST_EINPUT, big);
	expect_input_error("kind: AnnualProgramme\nyear: \"2026\"\n", NGOJST_EINPUT, quoted);
	expect_input_error("kind: AnnualProgramme\ntitle: !!python/object:os.system x\n", NGOJST_EINPUT, tag);
	expect_input_error("kind: AnnualProgramme\nfunds: 1e309\n", NGOJST_EINPUT, float_amount);
}

static void test_kind_errors(void **state)
{
	static const char *const unknown[] = { "unknown kind \"AnualProgramme\"", "AnnualProgramme", NULL };
	static const char *const none[] = { "has no \"kind\"", NULL };
	static const char *const empty[] = { "holds no document", NULL };
	static const char *const scalar[] = { "must be a mapping", NULL };
	static const char *const two[] = { "more than one document", NULL };
	static const char *const no_year[] = { "1:1: /: missing required key \"year\"", NULL };
	static const char *const null_year[] = { "2:6: /year: \"year\" is required and may not be empty", NULL };
	static const char *const bad_year[] = { "2:8: /year: -2026 is not a year (1 to 9999)", NULL };
	static const char *const syntax[] = { "3:1: syntax error", "line 2, column 7", NULL };

	(void)state;
	expect_input_error("kind: AnualProgramme\nyear: 1\n", NGOJST_EINPUT, unknown);
	expect_input_error("kind: AnnualProgramme\ntitle: x\n", NGOJST_EINPUT, no_year);
	expect_input_error("kind: AnnualProgramme\nyear:\n", NGOJST_EINPUT, null_year);
	expect_input_error("kind: ProgrammeReport\nyear:  -2026\n", NGOJST_EINPUT, bad_year);
	expect_input_error("year: 2026\n", NGOJST_EINPUT, none);
	expect_input_error("", NGOJST_EINPUT, empty);
	expect_input_error("# only a comment\n", NGOJST_EINPUT, empty);
	expect_input_error("just text\n", NGOJST_EINPUT, scalar);
	expect_input_error("kind: AnnualProgramme\nyear: 2026\n---\nkind: AnnualProgramme\n", NGOJST_EINPUT, two);
	expect_input_error("kind: AnnualProgramme\nyear: [1\n", NGOJST_EPARSE, syntax);
}

static void test_default_kind(void **state)
{
	ngojst_context *ctx = test_context_new();
	ngojst_document *doc = NULL;

	(void)state;
	assert_int_equal(ngojst_document_load_buffer(&doc, ctx, NULL, "year: 2020\n", 11, "AnnualProgramme"),
			 NGOJST_OK);
	assert_string_equal(ngojst_document_source(doc), "<string>");
	assert_int_equal(((const ngojst_programme *)ngojst_document_data(doc))->year, 2020);
	ngojst_document_free(doc);
	ngojst_context_free(ctx);
}

/* A bad document in the middle of a stream does not stop the stream; a
 * syntax error does. */
static void test_stream_continues_after_input_error(void **state)
{
	static const char text[] =
		"kind: AnnualProgramme\nyear: 2025\n"
		"---\nkind: AnnualProgramme\nyear: nope\n"
		"---\nkind: ProgrammeReport\nyear: 2024\n"
		"---\nkind: [\n";
	ngojst_context *ctx = test_context_new();
	ngojst_stream *s = NULL;
	ngojst_document *doc = NULL;

	(void)state;
	assert_int_equal(ngojst_stream_open_buffer(&s, ctx, "s.yaml", text, strlen(text)), NGOJST_OK);
	assert_int_equal(ngojst_stream_next(s, NULL, &doc), NGOJST_OK);
	assert_int_equal(ngojst_document_index(doc), 0);
	ngojst_document_free(doc);
	assert_int_equal(ngojst_stream_next(s, NULL, &doc), NGOJST_EINPUT);
	assert_null(doc);
	assert_int_equal(ngojst_diag_at(ctx, 0)->line, 5);
	assert_int_equal(ngojst_stream_next(s, NULL, &doc), NGOJST_OK);
	assert_int_equal(ngojst_document_index(doc), 2);
	assert_string_equal(ngojst_document_kind(doc), "ProgrammeReport");
	ngojst_document_free(doc);
	assert_int_equal(ngojst_stream_next(s, NULL, &doc), NGOJST_EPARSE);
	assert_int_equal(ngojst_stream_next(s, NULL, &doc), NGOJST_EPARSE);
	ngojst_stream_free(s);
	ngojst_context_free(ctx);
}

/* A document read from a stream outlives the stream. */
static void test_document_outlives_stream(void **state)
{
	ngojst_context *ctx = test_context_new();
	ngojst_stream *s = NULL;
	ngojst_document *doc = NULL;
	FILE *f = tmpfile();
	unsigned line, col;

	(void)state;
	assert_non_null(f);
	fputs("kind: AnnualProgramme\nyear: 2026\ntitle: Program\n---\nkind: AnnualProgramme\n", f);
	rewind(f);
	assert_int_equal(ngojst_stream_open_fp(&s, ctx, NULL, f), NGOJST_OK);
	assert_int_equal(ngojst_stream_next(s, NULL, &doc), NGOJST_OK);
	ngojst_stream_free(s);
	fclose(f);
	assert_string_equal(ngojst_document_source(doc), "<stdin>");
	assert_string_equal(((const ngojst_programme *)ngojst_document_data(doc))->title, "Program");
	assert_int_equal(ngojst_document_position(doc, "/title", &line, &col), NGOJST_OK);
	assert_int_equal(line, 3);
	ngojst_document_free(doc);
	ngojst_context_free(ctx);
}

static void test_file_errors(void **state)
{
	ngojst_context *ctx = test_context_new();
	ngojst_document *doc = NULL;

	(void)state;
	assert_int_equal(ngojst_document_load_file(&doc, ctx, "/nonexistent/x.yaml", NULL), NGOJST_EIO);
	assert_non_null(strstr(ngojst_diag_at(ctx, 0)->message, "cannot open"));
	assert_string_equal(ngojst_diag_at(ctx, 0)->source, "/nonexistent/x.yaml");
	assert_int_equal(ngojst_document_load_file(&doc, ctx, test_src_path("examples/samples/programme-2026.yaml"), NULL),
			 NGOJST_OK);
	ngojst_document_free(doc);
	ngojst_context_free(ctx);
}

static void test_limits(void **state)
{
	ngojst_limits lim = { 0 };
	ngojst_context *ctx;
	ngojst_document *doc = NULL;

	(void)state;
	lim.max_input_bytes = 64;
	ctx = test_context_new_limits(&lim);
	assert_int_equal(ngojst_document_load_buffer(&doc, ctx, NULL, good, strlen(good), NULL), NGOJST_ELIMIT);
	assert_null(doc);
	ngojst_context_free(ctx);
}

static void test_wrap_and_kind_init(void **state)
{
	ngojst_context *ctx = test_context_new();
	ngojst_programme p;
	ngojst_document *doc = NULL;

	(void)state;
	assert_int_equal(ngojst_kind_init("NoSuchKind", &p), NGOJST_ENOTFOUND);
	assert_int_equal(ngojst_kind_init("AnnualProgramme", &p), NGOJST_OK);
	assert_int_equal(p.year, NGOJST_INT_NONE);
	assert_int_equal(p.funds, NGOJST_MONEY_NONE);
	assert_null(p.title);
	assert_int_equal(ngojst_document_wrap(&doc, ctx, "Nope", &p, NULL), NGOJST_ENOTFOUND);
	assert_int_equal(ngojst_document_wrap(&doc, ctx, "AnnualProgramme", &p, NULL), NGOJST_OK);
	assert_string_equal(ngojst_document_source(doc), "<data>");
	assert_ptr_equal(ngojst_document_data(doc), &p);
	ngojst_document_free(doc);
	ngojst_document_free(NULL);
	ngojst_context_free(ctx);
}

static void test_kind_registry(void **state)
{
	size_t i;

	(void)state;
	assert_true(ngojst_kind_count() >= 3);
	for (i = 0; i < ngojst_kind_count(); i++) {
		assert_non_null(ngojst_kind_name(i));
		assert_non_null(ngojst_kind_description(i));
	}
	assert_null(ngojst_kind_name(ngojst_kind_count()));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_binds_fields),
		cmocka_unit_test(test_json_input),
		cmocka_unit_test(test_all_errors_at_once),
		cmocka_unit_test(test_integers_and_tags),
		cmocka_unit_test(test_kind_errors),
		cmocka_unit_test(test_default_kind),
		cmocka_unit_test(test_stream_continues_after_input_error),
		cmocka_unit_test(test_document_outlives_stream),
		cmocka_unit_test(test_file_errors),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_wrap_and_kind_init),
		cmocka_unit_test(test_kind_registry),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
