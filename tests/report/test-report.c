/* Reports: building, sorting, counting, limits, and the three output
 * formats compared byte-for-byte with tests/golden/report.{txt,json,sarif}.
 *
 * Set NGOJST_UPDATE_GOLDEN=1 to rewrite the golden files from the current
 * output (then review the diff by eye before committing). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test-common.h"
#include "test-config.h"

#include "report/report-private.h"

static ngojst_date mkdate(int y, int m, int d)
{
	ngojst_date r = { (int16_t)y, (uint8_t)m, (uint8_t)d };

	return r;
}

static ngojst_finding mkfinding(const char *rule, ngojst_severity sev, ngojst_consequence con,
				ngojst_status st, const char *path, unsigned line, unsigned col,
				const char *msg, const char *cit, const char *rs)
{
	ngojst_finding f;

	memset(&f, 0, sizeof(f));
	f.rule_id = rule;
	f.severity = sev;
	f.consequence = con;
	f.status = st;
	f.path = path;
	f.line = line;
	f.column = col;
	f.message = msg;
	f.citation = cit;
	f.ruleset_id = rs;
	return f;
}

static const ngojst_report_ruleset rs_pl = {
	"pl", "2026.1",
	"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
	"<builtin>",
};
static const ngojst_report_ruleset rs_gmina = {
	"gmina-x", "1.0",
	"60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752",
	"rules/gmina-x.yaml",
};

/* The findings of the first report, deliberately out of order. */
static const struct {
	const char *rule;
	ngojst_severity sev;
	ngojst_consequence con;
	ngojst_status st;
	const char *path;
	unsigned line, col;
	const char *msg, *cit, *rs;
} doc1[] = {
	{ "udpp.5a.4.pt5", NGOJST_SEVERITY_ERROR, NGOJST_CONSEQUENCE_DEFECT, NGOJST_STATUS_CONFIRMED_CUR,
	  "/tasks/0/budget", 12, 3, "Brak wysokości środków: \"kwota\" nie podana",
	  "art. 5a ust. 4 pkt 5 udpp", "pl" },
	{ "udpp.5a.1.deadline", NGOJST_SEVERITY_WARNING, NGOJST_CONSEQUENCE_LATE, NGOJST_STATUS_CONFIRMED,
	  "", 0, 0, "Program uchwalono po 30 listopada", "art. 5a ust. 1 udpp", "pl" },
	{ "gmina.advice", NGOJST_SEVERITY_NOTE, NGOJST_CONSEQUENCE_ADVICE, NGOJST_STATUS_UNCONFIRMED,
	  "/tasks/0/budget", 12, 3,
	  "Ścieżka C:\\dane\tz\nnową linią, \x01 i \x7f; ąęłóśżźćń ĄĘŁÓŚŻŹĆŃ",
	  "zasada \"dobrej\" praktyki", "gmina-x" },
	{ "udpp.5a.4.pt1", NGOJST_SEVERITY_ERROR, NGOJST_CONSEQUENCE_INVALID, NGOJST_STATUS_SECONDARY,
	  "/name", 3, 1, "Brak celu głównego programu", "art. 5a ust. 4 pkt 1 udpp", "pl" },
	{ "udpp.5a.4.pt2", NGOJST_SEVERITY_WARNING, NGOJST_CONSEQUENCE_NONE, NGOJST_STATUS_INFERRED,
	  "/tasks/0", 12, 1, "Cele szczegółowe są ogólnikowe", "", "" },
	{ "udpp.5a.4.pt5", NGOJST_SEVERITY_ERROR, NGOJST_CONSEQUENCE_DEFECT, NGOJST_STATUS_CONFIRMED_OLD,
	  "/tasks/0/budget", 12, 3, "A kwota ujemna", "art. 5a ust. 4 pkt 5 udpp", "pl" },
};

/* The expected sealed order of doc1, as indexes into it. */
static const size_t doc1_order[] = { 1, 3, 4, 2, 5, 0 };

static ngojst_report *build_doc1(ngojst_context *ctx)
{
	ngojst_report *r = NULL;
	size_t i;

	assert_int_equal(ngojst_report_new(&r, ctx, "uchwały/program 2026.yaml", 0, "AnnualProgramme",
					   mkdate(2025, 11, 30), mkdate(2026, 1, 1), NGOJST_LANG_PL),
			 NGOJST_OK);
	assert_int_equal(ngojst_report_add_ruleset(r, &rs_pl), NGOJST_OK);
	assert_int_equal(ngojst_report_add_ruleset(r, &rs_gmina), NGOJST_OK);
	for (i = 0; i < sizeof(doc1) / sizeof(doc1[0]); i++) {
		ngojst_finding f = mkfinding(doc1[i].rule, doc1[i].sev, doc1[i].con, doc1[i].st,
					     doc1[i].path, doc1[i].line, doc1[i].col, doc1[i].msg,
					     doc1[i].cit, doc1[i].rs);

		assert_int_equal(ngojst_report_add(r, &f), NGOJST_OK);
	}
	ngojst_report_seal(r);
	return r;
}

/* A second document: English, no law date, a line without a column, a
 * rule shared with the first report, and bytes that are not UTF-8. */
static ngojst_report *build_doc2(ngojst_context *ctx)
{
	ngojst_report *r = NULL;
	ngojst_finding f;

	assert_int_equal(ngojst_report_new(&r, ctx, "<string>", 1, "Resolution",
					   mkdate(2025, 11, 30), mkdate(0, 0, 0), NGOJST_LANG_EN),
			 NGOJST_OK);
	assert_int_equal(ngojst_report_add_ruleset(r, &rs_pl), NGOJST_OK);
	f = mkfinding("udpp.5a.1.deadline", NGOJST_SEVERITY_WARNING, NGOJST_CONSEQUENCE_LATE,
		      NGOJST_STATUS_CONFIRMED, "/adopted", 5, 0,
		      "Adopted after 30 November (bad byte: \xff)", "art. 5a(1) udpp", "pl");
	assert_int_equal(ngojst_report_add(r, &f), NGOJST_OK);
	f = mkfinding("udpp.4.1", NGOJST_SEVERITY_NOTE, NGOJST_CONSEQUENCE_NONE,
		      NGOJST_STATUS_CONFIRMED_CUR, "/tasks/1/area", 2, 7,
		      "Area \"sport\" matches art. 4(1)(17)", "art. 4 ust. 1 udpp", "pl");
	assert_int_equal(ngojst_report_add(r, &f), NGOJST_OK);
	ngojst_report_seal(r);
	return r;
}

static void test_names(void **state)
{
	ngojst_format fmt = NGOJST_FORMAT_TEXT;

	(void)state;
	assert_string_equal(ngojst_severity_name(NGOJST_SEVERITY_ERROR), "error");
	assert_string_equal(ngojst_severity_name(NGOJST_SEVERITY_WARNING), "warning");
	assert_string_equal(ngojst_severity_name(NGOJST_SEVERITY_NOTE), "note");
	assert_string_equal(ngojst_severity_name((ngojst_severity)7), "unknown");
	assert_string_equal(ngojst_consequence_name(NGOJST_CONSEQUENCE_NONE), "none");
	assert_string_equal(ngojst_consequence_name(NGOJST_CONSEQUENCE_LATE), "late");
	assert_string_equal(ngojst_consequence_name(NGOJST_CONSEQUENCE_DEFECT), "defect");
	assert_string_equal(ngojst_consequence_name(NGOJST_CONSEQUENCE_INVALID), "invalid");
	assert_string_equal(ngojst_consequence_name(NGOJST_CONSEQUENCE_ADVICE), "advice");
	assert_string_equal(ngojst_consequence_name((ngojst_consequence)-1), "unknown");
	assert_string_equal(ngojst_status_name(NGOJST_STATUS_CONFIRMED_CUR), "CONFIRMED-CUR");
	assert_string_equal(ngojst_status_name(NGOJST_STATUS_CONFIRMED_OLD), "CONFIRMED-OLD");
	assert_string_equal(ngojst_status_name(NGOJST_STATUS_CONFIRMED), "CONFIRMED");
	assert_string_equal(ngojst_status_name(NGOJST_STATUS_SECONDARY), "SECONDARY");
	assert_string_equal(ngojst_status_name(NGOJST_STATUS_INFERRED), "INFERRED");
	assert_string_equal(ngojst_status_name(NGOJST_STATUS_UNCONFIRMED), "UNCONFIRMED");
	assert_string_equal(ngojst_status_name((ngojst_status)6), "unknown");

	assert_int_equal(ngojst_format_parse(&fmt, "json"), NGOJST_OK);
	assert_int_equal(fmt, NGOJST_FORMAT_JSON);
	assert_int_equal(ngojst_format_parse(&fmt, "sarif"), NGOJST_OK);
	assert_int_equal(fmt, NGOJST_FORMAT_SARIF);
	assert_int_equal(ngojst_format_parse(&fmt, "text"), NGOJST_OK);
	assert_int_equal(fmt, NGOJST_FORMAT_TEXT);
	assert_int_equal(ngojst_format_parse(&fmt, "JSON"), NGOJST_EINVAL);
	assert_int_equal(ngojst_format_parse(&fmt, ""), NGOJST_EINVAL);
	assert_int_equal(ngojst_format_parse(&fmt, NULL), NGOJST_EINVAL);
	assert_int_equal(ngojst_format_parse(NULL, "text"), NGOJST_EINVAL);
}

static void test_sort_and_counts(void **state)
{
	ngojst_context *ctx = *state;
	ngojst_report *r = build_doc1(ctx);
	const ngojst_report_ruleset *rs;
	size_t i;

	assert_int_equal(ngojst_report_count(r), 6);
	for (i = 0; i < 6; i++) {
		const ngojst_finding *f = ngojst_report_at(r, i);
		size_t k = doc1_order[i];

		assert_non_null(f);
		assert_string_equal(f->rule_id, doc1[k].rule);
		assert_string_equal(f->message, doc1[k].msg);
		assert_string_equal(f->path, doc1[k].path);
		assert_string_equal(f->citation, doc1[k].cit);
		assert_string_equal(f->ruleset_id, doc1[k].rs);
		assert_int_equal(f->line, doc1[k].line);
		assert_int_equal(f->column, doc1[k].col);
		assert_int_equal(f->severity, doc1[k].sev);
		assert_int_equal(f->consequence, doc1[k].con);
		assert_int_equal(f->status, doc1[k].st);
		/* Copied, not borrowed from the caller. */
		assert_ptr_not_equal(f->message, doc1[k].msg);
	}
	assert_null(ngojst_report_at(r, 6));
	assert_null(ngojst_report_at(r, (size_t)-1));

	assert_int_equal(ngojst_report_count_severity(r, NGOJST_SEVERITY_ERROR), 3);
	assert_int_equal(ngojst_report_count_severity(r, NGOJST_SEVERITY_WARNING), 2);
	assert_int_equal(ngojst_report_count_severity(r, NGOJST_SEVERITY_NOTE), 1);
	assert_int_equal(ngojst_report_count_severity(r, (ngojst_severity)3), 0);
	assert_int_equal(ngojst_report_dropped(r), 0);
	assert_false(ngojst_report_ok(r));

	assert_string_equal(ngojst_report_source(r), "uchwały/program 2026.yaml");
	assert_string_equal(ngojst_report_kind(r), "AnnualProgramme");
	assert_int_equal(ngojst_report_document_index(r), 0);
	assert_int_equal(ngojst_report_as_of(r).year, 2025);
	assert_int_equal(ngojst_report_as_of(r).month, 11);
	assert_int_equal(ngojst_report_as_of(r).day, 30);
	assert_int_equal(ngojst_report_law_date(r).year, 2026);
	assert_int_equal(ngojst_report_lang(r), NGOJST_LANG_PL);

	assert_int_equal(ngojst_report_ruleset_count(r), 2);
	rs = ngojst_report_ruleset_at(r, 0);
	assert_non_null(rs);
	assert_string_equal(rs->id, "pl");
	assert_string_equal(rs->version, "2026.1");
	assert_string_equal(rs->sha256, rs_pl.sha256);
	assert_string_equal(rs->source, "<builtin>");
	rs = ngojst_report_ruleset_at(r, 1);
	assert_non_null(rs);
	assert_string_equal(rs->id, "gmina-x");
	assert_null(ngojst_report_ruleset_at(r, 2));

	/* Sealing again changes nothing. */
	ngojst_report_seal(r);
	assert_string_equal(ngojst_report_at(r, 0)->rule_id, "udpp.5a.1.deadline");
	ngojst_report_free(r);
}

static void test_ok_and_empty(void **state)
{
	ngojst_context *ctx = *state;
	ngojst_report *r = NULL;
	ngojst_finding f = mkfinding("x.note", NGOJST_SEVERITY_NOTE, NGOJST_CONSEQUENCE_ADVICE,
				     NGOJST_STATUS_CONFIRMED, NULL, 0, 0, "m", NULL, NULL);

	assert_int_equal(ngojst_report_new(&r, ctx, "a.yaml", 2, "Report", mkdate(0, 0, 0),
					   mkdate(0, 0, 0), NGOJST_LANG_EN), NGOJST_OK);
	ngojst_report_seal(r);
	assert_int_equal(ngojst_report_count(r), 0);
	assert_null(ngojst_report_at(r, 0));
	assert_true(ngojst_report_ok(r));
	assert_int_equal(ngojst_report_ruleset_count(r), 0);
	assert_null(ngojst_report_ruleset_at(r, 0));

	/* Notes do not spoil a report; NULL strings become "". */
	assert_int_equal(ngojst_report_add(r, &f), NGOJST_OK);
	assert_true(ngojst_report_ok(r));
	assert_string_equal(ngojst_report_at(r, 0)->path, "");
	assert_string_equal(ngojst_report_at(r, 0)->citation, "");
	assert_string_equal(ngojst_report_at(r, 0)->ruleset_id, "");
	f.severity = NGOJST_SEVERITY_WARNING;
	assert_int_equal(ngojst_report_add(r, &f), NGOJST_OK);
	assert_false(ngojst_report_ok(r));
	ngojst_report_free(r);
}

static void test_null_and_invalid(void **state)
{
	ngojst_context *ctx = *state;
	ngojst_report *r = NULL;
	const ngojst_report *arr[1];
	ngojst_finding f = mkfinding("x", NGOJST_SEVERITY_NOTE, NGOJST_CONSEQUENCE_NONE,
				     NGOJST_STATUS_CONFIRMED, "", 1, 1, "m", "", "");
	ngojst_report_ruleset rs = { NULL, "1", "", "" };
	char *out = (char *)1;

	ngojst_report_free(NULL);
	assert_int_equal(ngojst_report_count(NULL), 0);
	assert_null(ngojst_report_at(NULL, 0));
	assert_int_equal(ngojst_report_count_severity(NULL, NGOJST_SEVERITY_ERROR), 0);
	assert_int_equal(ngojst_report_dropped(NULL), 0);
	assert_false(ngojst_report_ok(NULL));
	assert_null(ngojst_report_source(NULL));
	assert_null(ngojst_report_kind(NULL));
	assert_int_equal(ngojst_report_document_index(NULL), 0);
	assert_int_equal(ngojst_report_as_of(NULL).year, 0);
	assert_int_equal(ngojst_report_law_date(NULL).year, 0);
	assert_int_equal(ngojst_report_ruleset_count(NULL), 0);
	assert_null(ngojst_report_ruleset_at(NULL, 0));
	ngojst_report_seal(NULL);

	assert_int_equal(ngojst_report_new(NULL, ctx, "s", 0, "k", mkdate(0, 0, 0), mkdate(0, 0, 0),
					   NGOJST_LANG_PL), NGOJST_EINVAL);
	assert_int_equal(ngojst_report_new(&r, NULL, "s", 0, "k", mkdate(0, 0, 0), mkdate(0, 0, 0),
					   NGOJST_LANG_PL), NGOJST_EINVAL);
	assert_int_equal(ngojst_report_new(&r, ctx, NULL, 0, "k", mkdate(0, 0, 0), mkdate(0, 0, 0),
					   NGOJST_LANG_PL), NGOJST_EINVAL);
	assert_int_equal(ngojst_report_new(&r, ctx, "s", 0, NULL, mkdate(0, 0, 0), mkdate(0, 0, 0),
					   NGOJST_LANG_PL), NGOJST_EINVAL);
	assert_int_equal(ngojst_report_new(&r, ctx, "s", 0, "k", mkdate(0, 0, 0), mkdate(0, 0, 0),
					   (ngojst_lang)2), NGOJST_EINVAL);
	assert_null(r);
	assert_int_equal(ngojst_report_new(&r, ctx, "s", 0, "k", mkdate(0, 0, 0), mkdate(0, 0, 0),
					   NGOJST_LANG_PL), NGOJST_OK);

	assert_int_equal(ngojst_report_add(NULL, &f), NGOJST_EINVAL);
	assert_int_equal(ngojst_report_add(r, NULL), NGOJST_EINVAL);
	f.rule_id = NULL;
	assert_int_equal(ngojst_report_add(r, &f), NGOJST_EINVAL);
	f.rule_id = "x";
	f.message = NULL;
	assert_int_equal(ngojst_report_add(r, &f), NGOJST_EINVAL);
	f.message = "m";
	f.severity = (ngojst_severity)3;
	assert_int_equal(ngojst_report_add(r, &f), NGOJST_EINVAL);
	f.severity = NGOJST_SEVERITY_NOTE;
	f.consequence = (ngojst_consequence)5;
	assert_int_equal(ngojst_report_add(r, &f), NGOJST_EINVAL);
	f.consequence = NGOJST_CONSEQUENCE_NONE;
	f.status = (ngojst_status)6;
	assert_int_equal(ngojst_report_add(r, &f), NGOJST_EINVAL);
	assert_int_equal(ngojst_report_count(r), 0);
	assert_int_equal(ngojst_report_add_ruleset(r, NULL), NGOJST_EINVAL);
	assert_int_equal(ngojst_report_add_ruleset(r, &rs), NGOJST_EINVAL);
	assert_int_equal(ngojst_report_add_ruleset(NULL, &rs_pl), NGOJST_EINVAL);

	arr[0] = r;
	assert_int_equal(ngojst_report_format(ctx, arr, 1, NGOJST_FORMAT_JSON, NULL), NGOJST_EINVAL);
	assert_int_equal(ngojst_report_format(NULL, arr, 1, NGOJST_FORMAT_JSON, &out), NGOJST_EINVAL);
	assert_null(out);
	out = (char *)1;
	assert_int_equal(ngojst_report_format(ctx, NULL, 1, NGOJST_FORMAT_JSON, &out), NGOJST_EINVAL);
	assert_null(out);
	assert_int_equal(ngojst_report_format(ctx, arr, 1, (ngojst_format)99, &out), NGOJST_EINVAL);
	assert_null(out);
	arr[0] = NULL;
	assert_int_equal(ngojst_report_format(ctx, arr, 1, NGOJST_FORMAT_TEXT, &out), NGOJST_EINVAL);
	assert_null(out);
	ngojst_report_free(r);
}

static void test_dropped(void **state)
{
	ngojst_limits lim = { 0, 0, 0, 0, 0, 0, 2, 0 };
	ngojst_context *ctx = test_context_new_limits(&lim);
	ngojst_report *r = NULL;
	const ngojst_report *arr[1];
	ngojst_finding f = mkfinding("n", NGOJST_SEVERITY_NOTE, NGOJST_CONSEQUENCE_NONE,
				     NGOJST_STATUS_CONFIRMED, "", 4, 1, "note", "", "");
	char *out = NULL;

	(void)state;
	assert_int_equal(ngojst_report_new(&r, ctx, "big.yaml", 0, "K", mkdate(2026, 1, 1),
					   mkdate(2026, 1, 1), NGOJST_LANG_PL), NGOJST_OK);
	assert_int_equal(ngojst_report_add(r, &f), NGOJST_OK);
	f.line = 2;
	assert_int_equal(ngojst_report_add(r, &f), NGOJST_OK);
	f.line = 1;
	assert_int_equal(ngojst_report_add(r, &f), NGOJST_OK);
	f.severity = NGOJST_SEVERITY_ERROR;
	assert_int_equal(ngojst_report_add(r, &f), NGOJST_OK);
	/* Still validated past the limit. */
	f.rule_id = NULL;
	assert_int_equal(ngojst_report_add(r, &f), NGOJST_EINVAL);
	ngojst_report_seal(r);

	assert_int_equal(ngojst_report_count(r), 2);
	assert_int_equal(ngojst_report_dropped(r), 2);
	assert_int_equal(ngojst_report_at(r, 0)->line, 2);
	assert_int_equal(ngojst_report_at(r, 1)->line, 4);
	assert_null(ngojst_report_at(r, 2));
	/* The counts include dropped findings, so a dropped error still
	 * makes the report fail. */
	assert_int_equal(ngojst_report_count_severity(r, NGOJST_SEVERITY_NOTE), 3);
	assert_int_equal(ngojst_report_count_severity(r, NGOJST_SEVERITY_ERROR), 1);
	assert_false(ngojst_report_ok(r));

	arr[0] = r;
	assert_int_equal(ngojst_report_format(ctx, arr, 1, NGOJST_FORMAT_TEXT, &out), NGOJST_OK);
	assert_string_equal(out,
		"big.yaml:2:1: note: note [n]\n"
		"  consequence: none\n"
		"big.yaml:4:1: note: note [n]\n"
		"  consequence: none\n"
		"(2 more findings in big.yaml not shown)\n"
		"1 error, 0 warnings, 3 notes in 1 document\n");
	ngojst_free(ctx, out);
	assert_int_equal(ngojst_report_format(ctx, arr, 1, NGOJST_FORMAT_JSON, &out), NGOJST_OK);
	assert_non_null(strstr(out,
		"      \"summary\": {\n"
		"        \"errors\": 1,\n"
		"        \"warnings\": 0,\n"
		"        \"notes\": 3,\n"
		"        \"dropped\": 2,\n"
		"        \"ok\": false\n"
		"      },\n"));
	ngojst_free(ctx, out);
	ngojst_report_free(r);
	ngojst_context_free(ctx);
}

static void test_empty_output(void **state)
{
	ngojst_context *ctx = *state;
	char *out = NULL;
	char want[512];

	assert_int_equal(ngojst_report_format(ctx, NULL, 0, NGOJST_FORMAT_TEXT, &out), NGOJST_OK);
	assert_string_equal(out, "0 errors, 0 warnings, 0 notes in 0 documents\n");
	ngojst_free(ctx, out);

	assert_int_equal(ngojst_report_format(ctx, NULL, 0, NGOJST_FORMAT_JSON, &out), NGOJST_OK);
	snprintf(want, sizeof(want), "{\n  \"ngojst\": \"%s\",\n  \"reports\": []\n}\n", ngojst_version());
	assert_string_equal(out, want);
	ngojst_free(ctx, out);

	assert_int_equal(ngojst_report_format(ctx, NULL, 0, NGOJST_FORMAT_SARIF, &out), NGOJST_OK);
	snprintf(want, sizeof(want),
		 "{\n"
		 "  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
		 "  \"version\": \"2.1.0\",\n"
		 "  \"runs\": [\n"
		 "    {\n"
		 "      \"tool\": {\n"
		 "        \"driver\": {\n"
		 "          \"name\": \"ngojst\",\n"
		 "          \"version\": \"%s\",\n"
		 "          \"informationUri\": \"https://example.invalid/ngojst\",\n"
		 "          \"rules\": []\n"
		 "        }\n"
		 "      },\n"
		 "      \"columnKind\": \"unicodeCodePoints\",\n"
		 "      \"results\": [],\n"
		 "      \"properties\": {\n"
		 "        \"as_of\": null,\n"
		 "        \"rulesets\": []\n"
		 "      }\n"
		 "    }\n"
		 "  ]\n"
		 "}\n", ngojst_version());
	assert_string_equal(out, want);
	ngojst_free(ctx, out);
}

/* Byte-level cleaning: ill-formed UTF-8 becomes U+FFFD, well-formed text
 * (including 4-byte sequences) passes through. */
static void test_utf8_cleaning(void **state)
{
	ngojst_context *ctx = *state;
	ngojst_report *r = NULL;
	const ngojst_report *arr[1];
	ngojst_finding f = mkfinding("u", NGOJST_SEVERITY_NOTE, NGOJST_CONSEQUENCE_NONE,
				     NGOJST_STATUS_CONFIRMED, "", 1, 1,
				     "a\xc0\xaf" "b\xed\xa0\x80" "c\xf4\x90\x80\x80" "d\xf0\x9f\x98\x80" "e\xe2\x82",
				     "", "");
	char *out = NULL;

	assert_int_equal(ngojst_report_new(&r, ctx, "s", 0, "k", mkdate(0, 0, 0), mkdate(0, 0, 0),
					   NGOJST_LANG_PL), NGOJST_OK);
	assert_int_equal(ngojst_report_add(r, &f), NGOJST_OK);
	arr[0] = r;
	assert_int_equal(ngojst_report_format(ctx, arr, 1, NGOJST_FORMAT_JSON, &out), NGOJST_OK);
	assert_non_null(strstr(out, "\"message\": \"a\xef\xbf\xbd\xef\xbf\xbd"
				    "b\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
				    "c\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
				    "d\xf0\x9f\x98\x80"
				    "e\xef\xbf\xbd\xef\xbf\xbd\",\n"));
	ngojst_free(ctx, out);
	assert_int_equal(ngojst_report_format(ctx, arr, 1, NGOJST_FORMAT_TEXT, &out), NGOJST_OK);
	assert_non_null(strstr(out, "s:1:1: note: a\xef\xbf\xbd\xef\xbf\xbd"
				    "b\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"));
	ngojst_free(ctx, out);
	ngojst_report_free(r);
}

static void check_golden(const char *name, const char *got)
{
	char rel[256];
	const char *path;
	char *want;
	size_t len;

	snprintf(rel, sizeof(rel), "tests/golden/%s", name);
	path = test_src_path(rel);
	if (getenv("NGOJST_UPDATE_GOLDEN")) {
		FILE *fp = fopen(path, "wb");

		assert_non_null(fp);
		assert_int_equal(fwrite(got, 1, strlen(got), fp), strlen(got));
		assert_int_equal(fclose(fp), 0);
	}
	want = test_read_file(path, &len);
	if (!want)
		fail_msg("cannot read %s (set NGOJST_UPDATE_GOLDEN=1 to create it)", path);
	if (strlen(got) != len || memcmp(got, want, len) != 0) {
		char actual[4096];
		FILE *fp;

		snprintf(actual, sizeof(actual), "%s/%s.actual", TOP_BUILDDIR, name);
		fp = fopen(actual, "wb");
		if (fp) {
			fwrite(got, 1, strlen(got), fp);
			fclose(fp);
		}
		test_free(want);
		fail_msg("%s differs from the golden file; output written to %s", name, actual);
	}
	test_free(want);
}

static void test_golden(void **state)
{
	static const struct {
		ngojst_format format;
		const char *file;
	} cases[] = {
		{ NGOJST_FORMAT_TEXT, "report.txt" },
		{ NGOJST_FORMAT_JSON, "report.json" },
		{ NGOJST_FORMAT_SARIF, "report.sarif" },
	};
	ngojst_context *ctx = *state;
	const ngojst_report *arr[2];
	size_t i;

	arr[0] = build_doc1(ctx);
	arr[1] = build_doc2(ctx);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *out = NULL, *again = NULL;

		assert_int_equal(ngojst_report_format(ctx, arr, 2, cases[i].format, &out), NGOJST_OK);
		assert_non_null(out);
		check_golden(cases[i].file, out);
		/* Deterministic: the same reports give the same bytes. */
		assert_int_equal(ngojst_report_format(ctx, arr, 2, cases[i].format, &again), NGOJST_OK);
		assert_string_equal(out, again);
		ngojst_free(ctx, out);
		ngojst_free(ctx, again);
	}
	{
		/* The findings-only text is the text without its summary line. */
		char *text = NULL, *findings = NULL;
		size_t n;

		assert_int_equal(ngojst_report_format(ctx, arr, 2, NGOJST_FORMAT_TEXT, &text), NGOJST_OK);
		assert_int_equal(ngojst_report_format(ctx, arr, 2, NGOJST_FORMAT_TEXT_FINDINGS, &findings), NGOJST_OK);
		n = strlen(findings);
		assert_true(n > 0 && findings[n - 1] == '\n');
		assert_memory_equal(text, findings, n);
		assert_non_null(strstr(text + n, " in 2 documents\n"));
		assert_null(strchr(text + n, '\n') == text + strlen(text) - 1 ? NULL : "more than one line");
		ngojst_free(ctx, text);
		ngojst_free(ctx, findings);
	}
	ngojst_report_free((ngojst_report *)arr[0]);
	ngojst_report_free((ngojst_report *)arr[1]);
}

/* An allocator over cmocka's that fails the Nth request (and, in sticky
 * mode, every one after it), so each failure path is taken once and any
 * leak on it is reported by cmocka. */
typedef struct failing {
	size_t calls;
	size_t fail_at;  /* 0: never fail */
	int sticky;
} failing;

static int should_fail(failing *fa)
{
	fa->calls++;
	return fa->fail_at && (fa->calls == fa->fail_at || (fa->sticky && fa->calls > fa->fail_at));
}

static void *f_malloc(size_t size, void *ud)
{
	return should_fail(ud) ? NULL : test_malloc(size);
}

static void *f_realloc(void *ptr, size_t size, void *ud)
{
	return should_fail(ud) ? NULL : test_realloc(ptr, size);
}

static void f_free(void *ptr, void *ud)
{
	(void)ud;
	test_free(ptr);
}

static ngojst_context *failing_context_new(failing *fa)
{
	ngojst_allocator a = { f_malloc, f_realloc, f_free, NULL };
	ngojst_context_options opts = NGOJST_CONTEXT_OPTIONS_INIT;
	ngojst_context *ctx = NULL;

	a.ud = fa;
	memset(fa, 0, sizeof(*fa));
	opts.allocator = &a;
	assert_int_equal(ngojst_context_new(&ctx, &opts), NGOJST_OK);
	return ctx;
}

static void arm(failing *fa, size_t n, int sticky)
{
	fa->calls = 0;
	fa->fail_at = n;
	fa->sticky = sticky;
}

/* Build both test reports through a failing context; returns 0 and the
 * reports, or the first error with nothing left allocated. */
static int try_build(ngojst_context *ctx, ngojst_report **r1)
{
	ngojst_report *r = NULL;
	size_t i;
	int rc;

	*r1 = NULL;
	rc = ngojst_report_new(&r, ctx, "uchwały/program 2026.yaml", 0, "AnnualProgramme",
			       mkdate(2025, 11, 30), mkdate(2026, 1, 1), NGOJST_LANG_PL);
	if (rc) {
		assert_null(r);
		return rc;
	}
	if ((rc = ngojst_report_add_ruleset(r, &rs_pl)) != 0 ||
	    (rc = ngojst_report_add_ruleset(r, &rs_gmina)) != 0)
		goto fail;
	for (i = 0; i < sizeof(doc1) / sizeof(doc1[0]); i++) {
		ngojst_finding f = mkfinding(doc1[i].rule, doc1[i].sev, doc1[i].con, doc1[i].st,
					     doc1[i].path, doc1[i].line, doc1[i].col, doc1[i].msg,
					     doc1[i].cit, doc1[i].rs);

		if ((rc = ngojst_report_add(r, &f)) != 0)
			goto fail;
	}
	ngojst_report_seal(r);
	*r1 = r;
	return 0;
fail:
	ngojst_report_free(r);
	return rc;
}

static void test_alloc_failure_build(void **state)
{
	failing fa;
	ngojst_context *ctx = failing_context_new(&fa);
	int sticky;

	(void)state;
	for (sticky = 0; sticky < 2; sticky++) {
		size_t n;

		for (n = 1;; n++) {
			ngojst_report *r = NULL;
			int rc;

			arm(&fa, n, sticky);
			rc = try_build(ctx, &r);
			arm(&fa, 0, 0);
			if (rc == 0) {
				assert_int_equal(ngojst_report_count(r), 6);
				ngojst_report_free(r);
				break;
			}
			assert_int_equal(rc, NGOJST_ENOMEM);
			assert_true(n < 1000);
		}
		/* At least the report, its arena and the two arrays. */
		assert_true(n > 4);
	}
	ngojst_context_free(ctx);
}

static void test_alloc_failure_format(void **state)
{
	failing fa;
	ngojst_context *ctx = failing_context_new(&fa);
	ngojst_context *build = *state;
	const ngojst_report *arr[2];
	int format, sticky;

	arr[0] = build_doc1(build);
	arr[1] = build_doc2(build);
	for (format = 0; format <= NGOJST_FORMAT_TEXT_FINDINGS; format++) {
		for (sticky = 0; sticky < 2; sticky++) {
			char *want = NULL;
			size_t n;

			assert_int_equal(ngojst_report_format(ctx, arr, 2, (ngojst_format)format, &want),
					 NGOJST_OK);
			for (n = 1;; n++) {
				char *out = (char *)1;
				int rc;

				arm(&fa, n, sticky);
				rc = ngojst_report_format(ctx, arr, 2, (ngojst_format)format, &out);
				arm(&fa, 0, 0);
				if (rc == NGOJST_OK) {
					assert_string_equal(out, want);
					ngojst_free(ctx, out);
					break;
				}
				assert_int_equal(rc, NGOJST_ENOMEM);
				assert_null(out);
				assert_true(n < 1000);
			}
			assert_true(n > 1);
			ngojst_free(ctx, want);
		}
	}
	ngojst_report_free((ngojst_report *)arr[0]);
	ngojst_report_free((ngojst_report *)arr[1]);
	ngojst_context_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test_setup_teardown(test_sort_and_counts, test_setup_context, test_teardown_context),
		cmocka_unit_test_setup_teardown(test_ok_and_empty, test_setup_context, test_teardown_context),
		cmocka_unit_test_setup_teardown(test_null_and_invalid, test_setup_context, test_teardown_context),
		cmocka_unit_test(test_dropped),
		cmocka_unit_test_setup_teardown(test_empty_output, test_setup_context, test_teardown_context),
		cmocka_unit_test_setup_teardown(test_utf8_cleaning, test_setup_context, test_teardown_context),
		cmocka_unit_test_setup_teardown(test_golden, test_setup_context, test_teardown_context),
		cmocka_unit_test(test_alloc_failure_build),
		cmocka_unit_test_setup_teardown(test_alloc_failure_format, test_setup_context, test_teardown_context),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
