/* Allocation-failure injection: the context's allocator refuses the 1st,
 * 2nd, ... Nth allocation in turn, in two modes: "once" (only the Nth
 * fails, later ones succeed again) and "from" (the Nth and every later one
 * fail). Each scenario goes through the public API: loading the built-in
 * rule set, overlays with conflicts, a document of every kind
 * (ngojst_kind_count()/ngojst_kind_name()), streams over a buffer, a file
 * and a FILE, test-case files, validation and every output format, and
 * failing inputs whose diagnostics are formatted.
 *
 * Every run must end cleanly: the call returns the code it returns without
 * the failure or NGOJST_ENOMEM; an out-pointer is NULL after a failure; no
 * block stays allocated once everything is freed (counted here, and by
 * cmocka); and a run that succeeds in spite of a refused allocation gives
 * exactly the output of a run without failures (nothing silently lost). */
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test-common.h"
#include "test-config.h"

/* ---- the failing allocator ---------------------------------------------- */

typedef struct fail_alloc {
	long fail_at; /* 1-based index of the allocation to refuse; 0: none */
	bool once;    /* refuse only that one, or that one and all later ones */
	long count;   /* allocations asked for (malloc and realloc) */
	long live;    /* blocks allocated and not freed */
	long refused;
} fail_alloc;

static bool refuse(fail_alloc *f)
{
	f->count++;
	if (!f->fail_at || f->count < f->fail_at || (f->once && f->count > f->fail_at))
		return false;
	f->refused++;
	return true;
}

static void *fa_malloc(size_t size, void *ud)
{
	fail_alloc *f = ud;
	void *p;

	if (refuse(f))
		return NULL;
	p = test_malloc(size);
	if (p)
		f->live++;
	return p;
}

static void *fa_realloc(void *ptr, size_t size, void *ud)
{
	fail_alloc *f = ud;
	void *p;

	if (refuse(f))
		return NULL;
	p = test_realloc(ptr, size);
	if (p && !ptr)
		f->live++;
	return p;
}

static void fa_free(void *ptr, void *ud)
{
	fail_alloc *f = ud;

	if (ptr)
		f->live--;
	test_free(ptr);
}

/* ---- what a run produced --------------------------------------------------- */

typedef struct digest {
	char *s;
	size_t len, cap;
} digest;

static void dg_add(digest *d, const char *s)
{
	size_t n = strlen(s);

	if (d->len + n + 2 > d->cap) {
		d->cap = (d->len + n + 2) * 2;
		d->s = realloc(d->s, d->cap);
		assert_non_null(d->s);
	}
	memcpy(d->s + d->len, s, n);
	d->len += n;
	d->s[d->len++] = '\n';
	d->s[d->len] = '\0';
}

static void dg_addf(digest *d, const char *label, size_t a)
{
	char buf[256];

	snprintf(buf, sizeof(buf), "%s %zu", label, a);
	dg_add(d, buf);
}

/* An out-pointer must be NULL after a failure: it starts as a sentinel. */
#define SENTINEL ((void *)(uintptr_t)0x5e)
#define CHECK_OUT(rc, ptr)                        \
	do {                                      \
		if ((rc) != NGOJST_OK)            \
			assert_null(ptr);         \
		else                              \
			assert_non_null(ptr);     \
	} while (0)

/* Shared inputs, read once (outside the failing allocator). */
typedef struct input {
	char *text;
	size_t len;
	const char *path;
} input;

static input read_input(const char *rel)
{
	input in;

	in.path = strdup(test_src_path(rel));
	in.text = test_read_file(in.path, &in.len);
	assert_non_null(in.text);
	return in;
}

static void free_input(input *in)
{
	test_free(in->text);
	free((char *)in->path);
}

#define MAX_KINDS 64
static input kind_docs[MAX_KINDS]; /* one document per kind, in kind order */
static size_t nkind_docs;
static input ov_loose, ov_conflicts, ov_tight, bad_doc, bomb_doc;

/* Folders searched for a document of every kind. */
static const char *const doc_dirs[] = { "tests/cases/documents", "examples/samples" };

static int by_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Find a document of every kind the library knows (the first by name in
 * doc_dirs that loads): a kind added without a test document fails here. */
static int setup_inputs(void **state)
{
	ngojst_context *ctx = NULL;
	char *names[1024];
	size_t nnames = 0, k, i, d;

	(void)state;
	for (d = 0; d < sizeof(doc_dirs) / sizeof(doc_dirs[0]); d++) {
		DIR *dir = opendir(test_src_path(doc_dirs[d]));
		struct dirent *de;

		assert_non_null(dir);
		while ((de = readdir(dir)) && nnames < 1024) {
			size_t n = strlen(de->d_name);
			char rel[512];

			if (n < 6 || strcmp(de->d_name + n - 5, ".yaml") != 0)
				continue;
			snprintf(rel, sizeof(rel), "%s/%s", doc_dirs[d], de->d_name);
			names[nnames++] = strdup(rel);
		}
		closedir(dir);
	}
	qsort(names, nnames, sizeof(names[0]), by_name);
	assert_int_equal(ngojst_context_new(&ctx, NULL), NGOJST_OK);
	nkind_docs = ngojst_kind_count();
	assert_true(nkind_docs >= 3 && nkind_docs <= MAX_KINDS);
	for (k = 0; k < nkind_docs; k++) {
		bool found = false;

		for (i = 0; i < nnames && !found; i++) {
			ngojst_document *doc = NULL;

			if (ngojst_document_load_file(&doc, ctx, test_src_path(names[i]), NULL) != NGOJST_OK)
				continue;
			if (strcmp(ngojst_document_kind(doc), ngojst_kind_name(k)) == 0) {
				kind_docs[k] = read_input(names[i]);
				found = true;
			}
			ngojst_document_free(doc);
		}
		if (!found)
			fail_msg("no test document of kind %s in tests/cases/documents or examples/samples: "
				 "add one, so that every kind is checked with allocations failing",
				 ngojst_kind_name(k));
	}
	for (i = 0; i < nnames; i++)
		free(names[i]);
	ngojst_context_free(ctx);
	ov_loose = read_input("examples/overlays/bad-loosening.yaml");
	ov_conflicts = read_input("tests/cases/overlays/more-conflicts.yaml");
	ov_tight = read_input("tests/cases/overlays/tightening.yaml");
	bad_doc = read_input("tests/hostile/duplicate-key-nested.yaml");
	bomb_doc = read_input("tests/hostile/alias-bomb-billion-laughs.yaml");
	return 0;
}

static int teardown_inputs(void **state)
{
	size_t k;

	(void)state;
	for (k = 0; k < nkind_docs; k++)
		free_input(&kind_docs[k]);
	free_input(&ov_loose);
	free_input(&ov_conflicts);
	free_input(&ov_tight);
	free_input(&bad_doc);
	free_input(&bomb_doc);
	return 0;
}

/* ---- scenarios ---------------------------------------------------------------- */

typedef int (*scenario_fn)(ngojst_context *ctx, digest *dg);

/* Format reports in every format into the digest. */
static int format_all(ngojst_context *ctx, ngojst_report **reps, size_t n, digest *dg)
{
	static const ngojst_format formats[] = { NGOJST_FORMAT_TEXT, NGOJST_FORMAT_JSON, NGOJST_FORMAT_SARIF };
	size_t i;
	int rc;

	for (i = 0; i < 3; i++) {
		char *out = SENTINEL;

		rc = ngojst_report_format(ctx, (const ngojst_report *const *)reps, n, formats[i], &out);
		CHECK_OUT(rc, out);
		if (rc)
			return rc;
		dg_add(dg, out);
		ngojst_free(ctx, out);
	}
	return NGOJST_OK;
}

/* Validate one document (loaded from a buffer) and format its report. */
static int check_doc(ngojst_context *ctx, const ngojst_ruleset *rs, const input *in, const ngojst_calendar *cal,
		     ngojst_lang lang, digest *dg)
{
	ngojst_validate_options vo = NGOJST_VALIDATE_OPTIONS_INIT;
	ngojst_document *doc = SENTINEL;
	ngojst_report *rep = SENTINEL;
	int rc;

	vo.as_of = (ngojst_date){ 2026, 6, 10 };
	vo.lang = lang;
	vo.calendar = cal;
	rc = ngojst_document_load_buffer(&doc, ctx, in->path, in->text, in->len, NULL);
	CHECK_OUT(rc, doc);
	if (rc)
		return rc;
	rc = ngojst_validate(ctx, rs, doc, &vo, &rep);
	CHECK_OUT(rc, rep);
	if (rc == NGOJST_OK) {
		rc = format_all(ctx, &rep, 1, dg);
		ngojst_report_free(rep);
	}
	ngojst_document_free(doc);
	return rc;
}

/* The built-in rule set, a calendar, and a document of every kind checked
 * and formatted, one by one and all together. */
static int sc_every_kind(ngojst_context *ctx, digest *dg)
{
	ngojst_validate_options vo = NGOJST_VALIDATE_OPTIONS_INIT;
	ngojst_ruleset *rs = SENTINEL;
	ngojst_calendar *cal = SENTINEL;
	ngojst_document *docs[MAX_KINDS] = { NULL };
	ngojst_report *reps[MAX_KINDS] = { NULL };
	size_t k;
	int rc;

	rc = ngojst_ruleset_load_builtin(&rs, ctx);
	CHECK_OUT(rc, rs);
	if (rc)
		return rc;
	rc = ngojst_calendar_new(&cal, ctx);
	CHECK_OUT(rc, cal);
	if (rc == NGOJST_OK)
		rc = ngojst_calendar_add_day_off(cal, (ngojst_date){ 2025, 11, 28 });
	for (k = 0; rc == NGOJST_OK && k < nkind_docs; k++)
		rc = check_doc(ctx, rs, &kind_docs[k], cal, k & 1 ? NGOJST_LANG_EN : NGOJST_LANG_PL, dg);
	/* All the reports as one output. */
	vo.as_of = (ngojst_date){ 2026, 1, 10 };
	vo.calendar = cal;
	for (k = 0; rc == NGOJST_OK && k < nkind_docs; k++) {
		docs[k] = SENTINEL;
		rc = ngojst_document_load_buffer(&docs[k], ctx, kind_docs[k].path, kind_docs[k].text,
						 kind_docs[k].len, ngojst_kind_name(k));
		CHECK_OUT(rc, docs[k]);
		if (rc == NGOJST_OK) {
			reps[k] = SENTINEL;
			rc = ngojst_validate(ctx, rs, docs[k], &vo, &reps[k]);
			CHECK_OUT(rc, reps[k]);
		}
	}
	if (rc == NGOJST_OK)
		rc = format_all(ctx, reps, nkind_docs, dg);
	for (k = 0; k < nkind_docs; k++) {
		if (reps[k] != SENTINEL)
			ngojst_report_free(reps[k]);
		if (docs[k] != SENTINEL)
			ngojst_document_free(docs[k]);
	}
	ngojst_calendar_free(cal == SENTINEL ? NULL : cal);
	ngojst_ruleset_free(rs);
	return rc;
}

static void dg_conflicts(const ngojst_ruleset *rs, digest *dg)
{
	size_t i;
	ngojst_diag d;

	dg_addf(dg, "layers", ngojst_ruleset_layer_count(rs));
	dg_addf(dg, "rules", ngojst_ruleset_rule_count(rs));
	for (i = 0; i < ngojst_ruleset_conflict_count(rs); i++) {
		assert_int_equal(ngojst_ruleset_conflict(rs, i, &d), NGOJST_OK);
		dg_add(dg, d.message);
	}
}

/* Two overlays with conflicts on the built-in set (from a buffer and from a
 * file) and a tightening one without a base (it finds the built-in set by
 * its `extends:`), each used for a check. */
static int sc_overlays(ngojst_context *ctx, digest *dg)
{
	ngojst_ruleset *base = SENTINEL, *o1 = SENTINEL, *o2 = SENTINEL, *o3 = SENTINEL;
	int rc;

	rc = ngojst_ruleset_load_builtin(&base, ctx);
	CHECK_OUT(rc, base);
	if (rc)
		return rc;
	rc = ngojst_ruleset_load_buffer(&o1, ctx, ov_loose.path, ov_loose.text, ov_loose.len, base);
	CHECK_OUT(rc, o1);
	if (rc == NGOJST_OK) {
		rc = ngojst_ruleset_load_file(&o2, ctx, ov_conflicts.path, base);
		CHECK_OUT(rc, o2);
	}
	if (rc == NGOJST_OK) {
		rc = ngojst_ruleset_load_buffer(&o3, ctx, NULL, ov_tight.text, ov_tight.len, NULL);
		CHECK_OUT(rc, o3);
	}
	if (rc == NGOJST_OK) {
		dg_conflicts(o1, dg);
		dg_conflicts(o2, dg);
		dg_conflicts(o3, dg);
		rc = check_doc(ctx, o1, &kind_docs[0], NULL, NGOJST_LANG_EN, dg);
	}
	if (rc == NGOJST_OK)
		rc = check_doc(ctx, o2, &kind_docs[1], NULL, NGOJST_LANG_EN, dg);
	if (rc == NGOJST_OK)
		rc = check_doc(ctx, o3, &kind_docs[0], NULL, NGOJST_LANG_PL, dg);
	if (o3 != SENTINEL)
		ngojst_ruleset_free(o3);
	if (o2 != SENTINEL)
		ngojst_ruleset_free(o2);
	if (o1 != SENTINEL)
		ngojst_ruleset_free(o1);
	ngojst_ruleset_free(base);
	return rc;
}

/* Read a stream to its end; an input error in the middle is skipped. */
static int read_stream(ngojst_context *ctx, ngojst_stream *s, digest *dg)
{
	int rc;

	for (;;) {
		ngojst_document *doc = SENTINEL;

		rc = ngojst_stream_next(s, NULL, &doc);
		if (rc == NGOJST_EOF) {
			assert_null(doc);
			return NGOJST_OK;
		}
		CHECK_OUT(rc, doc);
		if (rc == NGOJST_EINPUT) {
			dg_add(dg, "input error");
			continue;
		}
		if (rc)
			return rc;
		dg_add(dg, ngojst_document_kind(doc));
		dg_addf(dg, "index", ngojst_document_index(doc));
		ngojst_document_free(doc);
	}
}

static char stream_text[1 << 20];
static const char stream_path[] = TOP_BUILDDIR "/tests/reliability-oom-stream.yaml";

/* Streams over a buffer, a file and a FILE: a document of every kind with
 * one that does not fit its kind in the middle. */
static int sc_streams(ngojst_context *ctx, digest *dg)
{
	ngojst_stream *s = SENTINEL;
	FILE *f;
	int rc;

	rc = ngojst_stream_open_buffer(&s, ctx, "<string>", stream_text, strlen(stream_text));
	CHECK_OUT(rc, s);
	if (rc)
		return rc;
	rc = read_stream(ctx, s, dg);
	ngojst_stream_free(s);
	if (rc)
		return rc;
	s = SENTINEL;
	rc = ngojst_stream_open_file(&s, ctx, stream_path);
	CHECK_OUT(rc, s);
	if (rc)
		return rc;
	rc = read_stream(ctx, s, dg);
	ngojst_stream_free(s);
	if (rc)
		return rc;
	f = fmemopen(stream_text, strlen(stream_text), "rb");
	assert_non_null(f);
	s = SENTINEL;
	rc = ngojst_stream_open_fp(&s, ctx, NULL, f);
	CHECK_OUT(rc, s);
	if (rc == NGOJST_OK) {
		rc = read_stream(ctx, s, dg);
		ngojst_stream_free(s);
	}
	fclose(f);
	return rc;
}

/* A test-case file: clean cases, findings, overlays with conflicts, a file
 * reference, a case failing on purpose and an expected input error. */
static int sc_cases(ngojst_context *ctx, digest *dg)
{
	ngojst_ruleset *base = SENTINEL;
	ngojst_cases *cases = SENTINEL;
	size_t i;
	int rc;

	rc = ngojst_ruleset_load_builtin(&base, ctx);
	CHECK_OUT(rc, base);
	if (rc)
		return rc;
	rc = ngojst_cases_run_file(&cases, ctx, test_src_path("tests/reliability/data/oom.cases.yaml"), base, NULL);
	CHECK_OUT(rc, cases);
	if (rc == NGOJST_OK) {
		dg_addf(dg, "cases", ngojst_cases_count(cases));
		dg_addf(dg, "passed", ngojst_cases_passed(cases));
		for (i = 0; i < ngojst_cases_count(cases); i++) {
			const ngojst_case_result *r = ngojst_cases_at(cases, i);

			/* The verdict must not change; the detail quotes
			 * diagnostics, and one that could not be recorded
			 * for lack of memory is counted, not shown. */
			dg_add(dg, r->name);
			dg_add(dg, r->passed ? "passed" : "failed");
			dg_add(dg, r->detail[0] ? "with a detail" : "without a detail");
		}
		ngojst_cases_free(cases);
	}
	ngojst_ruleset_free(base);
	return rc;
}

/* Inputs that fail (a duplicate key, an alias bomb, a malformed rule set)
 * with their diagnostics formatted: the error, or ENOMEM. */
static int sc_failures(ngojst_context *ctx, digest *dg)
{
	static const char bad_rs[] = "ruleset: {id: t, version: \"1\"}\nrules: [{id: x}]\nsurprise: 1\n";
	ngojst_document *doc = SENTINEL;
	ngojst_ruleset *rs = SENTINEL;
	char *text = SENTINEL;
	int rc;

	rc = ngojst_document_load_buffer(&doc, ctx, bad_doc.path, bad_doc.text, bad_doc.len, NULL);
	assert_null(doc);
	if (rc == NGOJST_ENOMEM)
		return rc;
	assert_int_equal(rc, NGOJST_EPARSE);
	rc = ngojst_diag_format(ctx, &text);
	CHECK_OUT(rc, text);
	if (rc)
		return rc;
	ngojst_free(ctx, text);
	doc = SENTINEL;
	rc = ngojst_document_load_file(&doc, ctx, bomb_doc.path, NULL);
	assert_null(doc);
	if (rc == NGOJST_ENOMEM)
		return rc;
	assert_int_equal(rc, NGOJST_ELIMIT);
	rc = ngojst_ruleset_load_buffer(&rs, ctx, "bad.yaml", bad_rs, strlen(bad_rs), NULL);
	assert_null(rs);
	if (rc == NGOJST_ENOMEM)
		return rc;
	assert_int_equal(rc, NGOJST_ERULESET);
	text = SENTINEL;
	rc = ngojst_diag_format(ctx, &text);
	CHECK_OUT(rc, text);
	if (rc)
		return rc;
	ngojst_free(ctx, text);
	dg_add(dg, "failed as expected");
	return NGOJST_OK;
}

/* ---- the sweep ------------------------------------------------------------- */

/* One run: a context through the failing allocator, the scenario, and
 * everything freed. Returns the scenario's code. */
static int run_once(scenario_fn fn, long fail_at, bool once, digest *dg, fail_alloc *f)
{
	ngojst_allocator a = { fa_malloc, fa_realloc, fa_free, f };
	ngojst_context_options opts = NGOJST_CONTEXT_OPTIONS_INIT;
	ngojst_context *ctx = SENTINEL;
	int rc;

	memset(f, 0, sizeof(*f));
	f->fail_at = fail_at;
	f->once = once;
	opts.allocator = &a;
	rc = ngojst_context_new(&ctx, &opts);
	CHECK_OUT(rc, ctx);
	if (rc == NGOJST_OK) {
		rc = fn(ctx, dg);
		ngojst_context_free(ctx);
	}
	if (f->live != 0)
		fail_msg("%ld block(s) left allocated (failing allocation %ld, %s)", f->live, fail_at,
			 once ? "once" : "from then on");
	return rc;
}

static void sweep(const char *name, scenario_fn fn)
{
	digest ref = { NULL, 0, 0 };
	fail_alloc f;
	long total, n, tolerated[2] = { 0, 0 };
	int mode, rc_ref, rc;

	rc_ref = run_once(fn, 0, false, &ref, &f);
	assert_int_equal(rc_ref, NGOJST_OK);
	total = f.count;
	for (mode = 0; mode < 2; mode++) {
		bool once = mode == 0;

		/* One past the end: a run that needs no failing allocation. */
		for (n = 1; n <= total + 1; n++) {
			digest dg = { NULL, 0, 0 };

			rc = run_once(fn, n, once, &dg, &f);
			if (rc != NGOJST_OK && rc != NGOJST_ENOMEM)
				fail_msg("%s: allocation %ld failing (%s) gave %d (%s)", name, n,
					 once ? "once" : "from then on", rc, ngojst_strerror(rc));
			if (rc == NGOJST_ENOMEM && f.refused == 0)
				fail_msg("%s: ENOMEM with no refused allocation (%ld)", name, n);
			if (rc == NGOJST_OK) {
				if (f.refused)
					tolerated[mode]++;
				/* Success must be the whole success. */
				if (!dg.s || strcmp(dg.s, ref.s) != 0)
					fail_msg("%s: allocation %ld failing (%s) succeeded with a different output",
						 name, n, once ? "once" : "from then on");
			}
			free(dg.s);
		}
	}
	print_message("%s: %ld allocations; each refused once and from then on: all clean "
		      "(%ld + %ld refusals absorbed without changing the output)\n",
		      name, total, tolerated[0], tolerated[1]);
	free(ref.s);
}

static void test_every_kind(void **state)
{
	(void)state;
	sweep("rule set + every kind + formats", sc_every_kind);
}

static void test_overlays(void **state)
{
	(void)state;
	sweep("overlays with conflicts", sc_overlays);
}

static void test_streams(void **state)
{
	FILE *f;
	size_t k, len = 0;

	(void)state;
	/* Every kind, with a document that does not bind in the middle. */
	for (k = 0; k < nkind_docs; k++) {
		len += (size_t)snprintf(stream_text + len, sizeof(stream_text) - len, "---\n%s\n", kind_docs[k].text);
		if (k == 0)
			len += (size_t)snprintf(stream_text + len, sizeof(stream_text) - len,
						"---\nkind: AnnualProgramme\nyear: \"2026\"\n");
		assert_true(len < sizeof(stream_text) - 1);
	}
	f = fopen(stream_path, "wb");
	assert_non_null(f);
	fputs(stream_text, f);
	fclose(f);
	sweep("streams (buffer, file, FILE)", sc_streams);
	remove(stream_path);
}

static void test_cases(void **state)
{
	(void)state;
	sweep("test-case file", sc_cases);
}

static void test_failures(void **state)
{
	(void)state;
	sweep("failing inputs and their diagnostics", sc_failures);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_kind),
		cmocka_unit_test(test_overlays),
		cmocka_unit_test(test_streams),
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_failures),
	};

	return cmocka_run_group_tests(tests, setup_inputs, teardown_inputs);
}
