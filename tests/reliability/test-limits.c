/* Resource limits (ngojst_limits): the documented defaults, and for each
 * limit an input exactly at it (accepted) and one past it (refused with
 * NGOJST_ELIMIT and a positioned diagnostic naming the limit), through the
 * public API, for documents and for rule sets. Limits that are not errors
 * (findings, diagnostics) are counted as dropped instead. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test-common.h"

/* ---- helpers -------------------------------------------------------------- */

typedef struct text {
	char *s;
	size_t len, cap;
} text;

static void put(text *t, const char *s, size_t n)
{
	if (t->len + n + 1 > t->cap) {
		t->cap = (t->len + n + 1) * 2;
		t->s = realloc(t->s, t->cap);
		assert_non_null(t->s);
	}
	memcpy(t->s + t->len, s, n);
	t->len += n;
	t->s[t->len] = '\0';
}

static void puts_(text *t, const char *s)
{
	put(t, s, strlen(s));
}

static void repeat(text *t, const char *s, size_t times)
{
	while (times--)
		puts_(t, s);
}

static ngojst_context *ctx_with(const char *field, size_t value)
{
	ngojst_limits l;

	memset(&l, 0, sizeof(l));
	if (!strcmp(field, "max_input_bytes"))
		l.max_input_bytes = value;
	else if (!strcmp(field, "max_document_bytes"))
		l.max_document_bytes = value;
	else if (!strcmp(field, "max_depth"))
		l.max_depth = (unsigned)value;
	else if (!strcmp(field, "max_nodes"))
		l.max_nodes = value;
	else if (!strcmp(field, "max_alias_expansions"))
		l.max_alias_expansions = value;
	else if (!strcmp(field, "max_scalar_bytes"))
		l.max_scalar_bytes = value;
	else if (!strcmp(field, "max_findings"))
		l.max_findings = value;
	else if (!strcmp(field, "max_diagnostics"))
		l.max_diagnostics = value;
	else if (strcmp(field, "defaults") != 0)
		fail_msg("unknown limit %s", field);
	return test_context_new_limits(&l);
}

/* The diagnostic of a limit: ELIMIT, names the limit, has a line. */
static void expect_limit_diag(ngojst_context *ctx, const char *field, bool positioned)
{
	size_t i;

	for (i = 0; i < ngojst_diag_count(ctx); i++) {
		const ngojst_diag *d = ngojst_diag_at(ctx, i);

		if (d->code == NGOJST_ELIMIT && strstr(d->message, field)) {
			if (positioned)
				assert_true(d->line > 0);
			return;
		}
	}
	test_print_diags(ctx);
	fail_msg("no ELIMIT diagnostic naming %s", field);
}

/* Load a document under one limit; returns the code. */
static int load_doc(const char *field, size_t value, const text *t, bool positioned)
{
	ngojst_context *ctx = ctx_with(field, value);
	ngojst_document *doc = (ngojst_document *)(uintptr_t)1;
	int rc = ngojst_document_load_buffer(&doc, ctx, "limit.yaml", t->s, t->len, NULL);

	if (rc == NGOJST_ELIMIT)
		expect_limit_diag(ctx, field, positioned);
	if (rc)
		assert_null(doc);
	ngojst_document_free(doc);
	ngojst_context_free(ctx);
	return rc;
}

static int load_rs(const char *field, size_t value, const text *t, bool positioned)
{
	ngojst_context *ctx = ctx_with(field, value);
	ngojst_ruleset *rs = (ngojst_ruleset *)(uintptr_t)1;
	int rc = ngojst_ruleset_load_buffer(&rs, ctx, "limit.yaml", t->s, t->len, NULL);

	if (rc == NGOJST_ELIMIT)
		expect_limit_diag(ctx, field, positioned);
	if (rc)
		assert_null(rs);
	ngojst_ruleset_free(rs);
	ngojst_context_free(ctx);
	return rc;
}

/* At the limit the loader gets past it (success, or an error that is not
 * about limits); one past it, ELIMIT. */
static void at_and_past(const char *field, size_t at, const text *doc, const text *rs, bool positioned)
{
	if (doc) {
		assert_int_not_equal(load_doc(field, at, doc, positioned), NGOJST_ELIMIT);
		assert_int_equal(load_doc(field, at - 1, doc, positioned), NGOJST_ELIMIT);
	}
	if (rs) {
		assert_int_not_equal(load_rs(field, at, rs, positioned), NGOJST_ELIMIT);
		assert_int_equal(load_rs(field, at - 1, rs, positioned), NGOJST_ELIMIT);
	}
}

#define DOC_HEAD "kind: AnnualProgramme\nyear: 2026\n"
#define RS_HEAD "ruleset: {id: t, version: \"1\"}\n"

/* ---- defaults ------------------------------------------------------------- */

static void test_defaults(void **state)
{
	ngojst_context *ctx = ctx_with("defaults", 0);
	const ngojst_limits *l = ngojst_context_limits(ctx);
	ngojst_limits set;

	(void)state;
	/* The values documented in common.h. */
	assert_int_equal(l->max_input_bytes, 64u << 20);
	assert_int_equal(l->max_document_bytes, 16u << 20);
	assert_int_equal(l->max_depth, 64);
	assert_int_equal(l->max_nodes, 1000000);
	assert_int_equal(l->max_alias_expansions, 10000);
	assert_int_equal(l->max_scalar_bytes, 1u << 20);
	assert_int_equal(l->max_findings, 10000);
	assert_int_equal(l->max_diagnostics, 100);
	ngojst_context_free(ctx);
	/* Set fields are kept, zero fields take the default. */
	memset(&set, 0, sizeof(set));
	set.max_depth = 7;
	set.max_findings = 3;
	ctx = test_context_new_limits(&set);
	l = ngojst_context_limits(ctx);
	assert_int_equal(l->max_depth, 7);
	assert_int_equal(l->max_findings, 3);
	assert_int_equal(l->max_nodes, 1000000);
	assert_int_equal(l->max_diagnostics, 100);
	ngojst_context_free(ctx);
	/* No context: the defaults. */
	assert_int_equal(ngojst_context_limits(NULL)->max_depth, 64);
}

/* ---- input size --------------------------------------------------------------- */

static void test_input_bytes(void **state)
{
	text doc = { 0 }, rs = { 0 };
	ngojst_context *ctx;
	ngojst_stream *s = (ngojst_stream *)(uintptr_t)1;

	(void)state;
	puts_(&doc, DOC_HEAD);
	puts_(&rs, RS_HEAD);
	at_and_past("max_input_bytes", doc.len, &doc, NULL, true);
	at_and_past("max_input_bytes", rs.len, NULL, &rs, false);
	/* A stream over a buffer is refused at once. */
	ctx = ctx_with("max_input_bytes", doc.len - 1);
	assert_int_equal(ngojst_stream_open_buffer(&s, ctx, NULL, doc.s, doc.len), NGOJST_ELIMIT);
	assert_null(s);
	expect_limit_diag(ctx, "max_input_bytes", true);
	ngojst_context_free(ctx);
	free(doc.s);
	free(rs.s);
}

/* One document in a stream: its bytes from `---` to the end of its last line. */
static void test_document_bytes(void **state)
{
	static const char one[] = "---\n" DOC_HEAD;
	text two = { 0 };
	ngojst_context *ctx;
	ngojst_stream *s;
	ngojst_document *doc;
	size_t n = strlen(one);

	(void)state;
	puts_(&two, one);
	puts_(&two, one);
	/* Each document is n bytes; the stream is 2n. At n both bind. */
	ctx = ctx_with("max_document_bytes", n);
	assert_int_equal(ngojst_stream_open_buffer(&s, ctx, NULL, two.s, two.len), NGOJST_OK);
	assert_int_equal(ngojst_stream_next(s, NULL, &doc), NGOJST_OK);
	ngojst_document_free(doc);
	assert_int_equal(ngojst_stream_next(s, NULL, &doc), NGOJST_OK);
	ngojst_document_free(doc);
	assert_int_equal(ngojst_stream_next(s, NULL, &doc), NGOJST_EOF);
	ngojst_stream_free(s);
	ngojst_context_free(ctx);
	/* At n - 1 the first is refused, and the stream ends there. */
	ctx = ctx_with("max_document_bytes", n - 1);
	assert_int_equal(ngojst_stream_open_buffer(&s, ctx, NULL, two.s, two.len), NGOJST_OK);
	doc = (ngojst_document *)(uintptr_t)1;
	assert_int_equal(ngojst_stream_next(s, NULL, &doc), NGOJST_ELIMIT);
	assert_null(doc);
	expect_limit_diag(ctx, "max_document_bytes", true);
	assert_int_equal(ngojst_stream_next(s, NULL, &doc), NGOJST_ELIMIT);
	ngojst_stream_free(s);
	ngojst_context_free(ctx);
	/* The same for a single document and a rule set. */
	{
		text d = { 0 }, r = { 0 };

		puts_(&d, one);
		puts_(&r, "---\n" RS_HEAD);
		at_and_past("max_document_bytes", d.len, &d, NULL, true);
		at_and_past("max_document_bytes", r.len, NULL, &r, true);
		free(d.s);
		free(r.s);
	}
	free(two.s);
}

/* ---- nesting depth ------------------------------------------------------------ */

#define LIMIT "max_depth"
static void test_depth(void **state)
{
	text doc = { 0 }, rs = { 0 }, deep = { 0 }, deep_rs = { 0 };

	(void)state;
	/* root mapping (1) > priority_tasks sequence (2) > task mapping (3) */
	puts_(&doc, DOC_HEAD "priority_tasks:\n  - {name: a, area: \"1\", amount: 10}\n");
	at_and_past("max_depth", 3, &doc, NULL, true);
	/* root (1) > sources (2) > source (3) > short (4) */
	puts_(&rs, RS_HEAD "sources:\n  - {id: udpp, title: Act, short: {pl: udpp, en: udpp}}\n");
	at_and_past("max_depth", 4, NULL, &rs, true);
	/* The default: 64 levels in all (the root and 63 sequences). */
	puts_(&deep, DOC_HEAD "x: ");
	repeat(&deep, "[", 63);
	repeat(&deep, "]", 63);
	puts_(&deep, "\n");
	assert_int_equal(load_doc(LIMIT, 0, &deep, true), NGOJST_EINPUT); /* unknown key x */
	puts_(&deep_rs, RS_HEAD "x: ");
	repeat(&deep_rs, "[", 63);
	repeat(&deep_rs, "]", 63);
	puts_(&deep_rs, "\n");
	assert_int_equal(load_rs(LIMIT, 0, &deep_rs, true), NGOJST_ERULESET);
	free(deep.s);
	free(deep_rs.s);
	memset(&deep, 0, sizeof(deep));
	memset(&deep_rs, 0, sizeof(deep_rs));
	puts_(&deep, DOC_HEAD "x: ");
	repeat(&deep, "[", 64);
	repeat(&deep, "]", 64);
	puts_(&deep, "\n");
	assert_int_equal(load_doc(LIMIT, 0, &deep, true), NGOJST_ELIMIT);
	puts_(&deep_rs, RS_HEAD "x: ");
	repeat(&deep_rs, "[", 64);
	repeat(&deep_rs, "]", 64);
	puts_(&deep_rs, "\n");
	assert_int_equal(load_rs(LIMIT, 0, &deep_rs, true), NGOJST_ELIMIT);
	free(doc.s);
	free(rs.s);
	free(deep.s);
	free(deep_rs.s);
}

/* ---- node count ----------------------------------------------------------------- */

#undef LIMIT
#define LIMIT "max_nodes"
static void test_nodes(void **state)
{
	text doc = { 0 }, rs = { 0 }, big = { 0 };
	size_t items;

	(void)state;
	/* the root mapping and four scalars */
	puts_(&doc, DOC_HEAD);
	at_and_past("max_nodes", 5, &doc, NULL, true);
	/* root, "ruleset", the mapping, and four scalars */
	puts_(&rs, RS_HEAD);
	at_and_past("max_nodes", 7, NULL, &rs, true);
	/* An alias adds no node. */
	free(doc.s);
	memset(&doc, 0, sizeof(doc));
	puts_(&doc, DOC_HEAD "title: &t T\nscope: *t\n");
	at_and_past("max_nodes", 8, &doc, NULL, true);
	/* The default, 1 000 000: the root, kind, its value, x, the sequence
	 * (5) and the items. */
	items = 1000000 - 5;
	puts_(&big, "kind: AnnualProgramme\nx: [");
	repeat(&big, "1,", items - 1);
	puts_(&big, "1]\n");
	assert_int_equal(load_doc(LIMIT, 0, &big, true), NGOJST_EINPUT); /* unknown key x */
	big.len -= 2; /* "]\n" */
	big.s[big.len] = '\0';
	puts_(&big, ",1]\n");
	assert_int_equal(load_doc(LIMIT, 0, &big, true), NGOJST_ELIMIT);
	free(doc.s);
	free(rs.s);
	free(big.s);
}

/* ---- alias expansions --------------------------------------------------------- */

#undef LIMIT
#define LIMIT "max_alias_expansions"
static void test_alias_expansions(void **state)
{
	text doc = { 0 }, rs = { 0 }, many = { 0 };

	(void)state;
	/* Two aliases to a scalar expand to two nodes; to a 3-node mapping, 3. */
	puts_(&doc, DOC_HEAD "title: &t T\nscope: *t\nimplementation: *t\n");
	at_and_past("max_alias_expansions", 2, &doc, NULL, true);
	puts_(&rs, "ruleset: &m {id: t, version: \"1\"}\nx: *m\n");
	/* the mapping and its four scalars: 5 */
	at_and_past("max_alias_expansions", 5, NULL, &rs, true);
	/* The default, 10 000. */
	puts_(&many, DOC_HEAD "title: &t T\nx: [");
	repeat(&many, "*t, ", 9999);
	puts_(&many, "*t]\n");
	assert_int_equal(load_doc(LIMIT, 0, &many, true), NGOJST_EINPUT); /* unknown key x */
	many.len -= 2; /* "]\n" */
	many.s[many.len] = '\0';
	puts_(&many, ", *t]\n");
	assert_int_equal(load_doc(LIMIT, 0, &many, true), NGOJST_ELIMIT);
	free(doc.s);
	free(rs.s);
	free(many.s);
}

/* ---- scalar length ---------------------------------------------------------------- */

#undef LIMIT
#define LIMIT "max_scalar_bytes"
static void test_scalar_bytes(void **state)
{
	text doc = { 0 }, rs = { 0 }, big = { 0 }, big_rs = { 0 };
	const size_t mib = 1u << 20;

	(void)state;
	/* "AnnualProgramme" is the longest scalar: 15 bytes. */
	puts_(&doc, DOC_HEAD "title: abcdefghijklmno\n");
	at_and_past("max_scalar_bytes", 15, &doc, NULL, true);
	puts_(&rs, RS_HEAD "sources:\n  - {id: udpp, title: \"ąąąąąąąąą\", short: {pl: udpp, en: udpp}}\n");
	at_and_past("max_scalar_bytes", 18, NULL, &rs, true); /* 9 two-byte letters */
	/* The default, 1 MiB, in a valid document (accepted) and past it. */
	puts_(&big, DOC_HEAD "title: ");
	repeat(&big, "a", mib);
	puts_(&big, "\n");
	assert_int_equal(load_doc(LIMIT, 0, &big, true), NGOJST_OK);
	big.len -= 1;
	puts_(&big, "a\n");
	assert_int_equal(load_doc(LIMIT, 0, &big, true), NGOJST_ELIMIT);
	puts_(&big_rs, RS_HEAD "sources:\n  - {id: udpp, short: {pl: udpp, en: udpp}, title: \"");
	repeat(&big_rs, "b", mib);
	puts_(&big_rs, "\"}\n");
	assert_int_equal(load_rs(LIMIT, 0, &big_rs, true), NGOJST_OK);
	big_rs.len -= 3;
	puts_(&big_rs, "b\"}\n");
	assert_int_equal(load_rs(LIMIT, 0, &big_rs, true), NGOJST_ELIMIT);
	free(doc.s);
	free(rs.s);
	free(big.s);
	free(big_rs.s);
}

#undef LIMIT

/* ---- findings --------------------------------------------------------------------- */

static size_t findings_under(size_t limit, const ngojst_ruleset *rs, const char *path, size_t *dropped,
			     char **json)
{
	ngojst_context *ctx = ctx_with("max_findings", limit);
	ngojst_document *doc = NULL;
	ngojst_report *rep = NULL;
	ngojst_validate_options vo = NGOJST_VALIDATE_OPTIONS_INIT;
	size_t n;

	vo.as_of = (ngojst_date){ 2026, 6, 10 };
	assert_int_equal(ngojst_document_load_file(&doc, ctx, path, NULL), NGOJST_OK);
	assert_int_equal(ngojst_validate(ctx, rs, doc, &vo, &rep), NGOJST_OK);
	n = ngojst_report_count(rep);
	*dropped = ngojst_report_dropped(rep);
	if (json) {
		char *out = NULL;

		assert_int_equal(ngojst_report_format(ctx, (const ngojst_report *const *)&rep, 1, NGOJST_FORMAT_JSON,
						      &out),
				 NGOJST_OK);
		*json = strdup(out);
		ngojst_free(ctx, out);
	}
	ngojst_report_free(rep);
	ngojst_document_free(doc);
	ngojst_context_free(ctx);
	return n;
}

static void test_findings(void **state)
{
	ngojst_context *base_ctx = ctx_with("defaults", 0);
	ngojst_ruleset *rs = NULL;
	const char *path = test_src_path("tests/cases/documents/gmina-stara-wola-2025-defective.yaml");
	size_t all, dropped;
	char *json = NULL;

	(void)state;
	assert_int_equal(ngojst_ruleset_load_builtin(&rs, base_ctx), NGOJST_OK);
	all = findings_under(0, rs, path, &dropped, NULL);
	assert_true(all >= 3);
	assert_int_equal(dropped, 0);
	/* At the limit: all kept. */
	assert_int_equal(findings_under(all, rs, path, &dropped, NULL), all);
	assert_int_equal(dropped, 0);
	/* One under: one dropped, and the output says so. */
	assert_int_equal(findings_under(all - 1, rs, path, &dropped, &json), all - 1);
	assert_int_equal(dropped, 1);
	assert_non_null(strstr(json, "dropped"));
	free(json);
	assert_int_equal(findings_under(1, rs, path, &dropped, NULL), 1);
	assert_int_equal(dropped, all - 1);
	ngojst_ruleset_free(rs);
	ngojst_context_free(base_ctx);
}

/* ---- diagnostics of one failed call -------------------------------------------- */

static size_t diags_under(size_t limit, const text *t, bool doc, size_t *dropped)
{
	ngojst_context *ctx = ctx_with("max_diagnostics", limit);
	ngojst_ruleset *rs = NULL;
	ngojst_document *d = NULL;
	size_t n;

	if (doc)
		assert_int_equal(ngojst_document_load_buffer(&d, ctx, NULL, t->s, t->len, NULL), NGOJST_EINPUT);
	else
		assert_int_equal(ngojst_ruleset_load_buffer(&rs, ctx, NULL, t->s, t->len, NULL), NGOJST_ERULESET);
	n = ngojst_diag_count(ctx);
	*dropped = ngojst_diag_dropped(ctx);
	assert_null(ngojst_diag_at(ctx, n));
	ngojst_context_free(ctx);
	return n;
}

static void test_diagnostics(void **state)
{
	text rs = { 0 }, doc = { 0 }, many = { 0 };
	size_t dropped, i;
	char line[64];

	(void)state;
	/* Five unknown keys: five diagnostics. */
	puts_(&rs, RS_HEAD "a: 1\nb: 1\nc: 1\nd: 1\ne: 1\n");
	assert_int_equal(diags_under(5, &rs, false, &dropped), 5);
	assert_int_equal(dropped, 0);
	assert_int_equal(diags_under(4, &rs, false, &dropped), 4);
	assert_int_equal(dropped, 1);
	puts_(&doc, DOC_HEAD "a: 1\nb: 1\nc: 1\nd: 1\ne: 1\n");
	assert_int_equal(diags_under(5, &doc, true, &dropped), 5);
	assert_int_equal(dropped, 0);
	assert_int_equal(diags_under(4, &doc, true, &dropped), 4);
	assert_int_equal(dropped, 1);
	/* The default, 100. */
	puts_(&many, DOC_HEAD);
	for (i = 0; i < 101; i++) {
		snprintf(line, sizeof(line), "unknown_%zu: 1\n", i);
		puts_(&many, line);
	}
	assert_int_equal(diags_under(0, &many, true, &dropped), 100);
	assert_int_equal(dropped, 1);
	free(rs.s);
	free(doc.s);
	free(many.s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_input_bytes),
		cmocka_unit_test(test_document_bytes),
		cmocka_unit_test(test_depth),
		cmocka_unit_test(test_nodes),
		cmocka_unit_test(test_alias_expansions),
		cmocka_unit_test(test_scalar_bytes),
		cmocka_unit_test(test_findings),
		cmocka_unit_test(test_diagnostics),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
