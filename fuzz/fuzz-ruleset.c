/* libFuzzer harness: the rule-set loader, and the rules it accepts.
 *
 * The input is loaded as a rule set, by the parity of its length either on
 * its own (a file with `extends:` is then put on top of the built-in set)
 * or as an overlay on the built-in set loaded once at start-up. Every rule
 * set that loads is walked through the public accessors and then used: a
 * document of every kind (the first of each in tests/cases/documents) is
 * validated against it and the reports formatted in every format. Failures
 * must be clean: a known code, the out-pointer NULL, diagnostics for a
 * malformed rule set, no leak. */
#include <dirent.h>

#include "fuzz-common.h"

#ifndef FUZZ_SRCDIR
#  error "FUZZ_SRCDIR must name the source tree"
#endif

#define MAX_DOCS 64

static ngojst_context *base_ctx;
static ngojst_ruleset *base;
static ngojst_document *docs[MAX_DOCS];
static size_t ndocs;

/* The first document of every kind in tests/cases/documents. */
static void load_docs(void)
{
	char dir[4096], path[8192];
	struct dirent **names;
	int n, i;
	size_t k;

	snprintf(dir, sizeof(dir), "%s/tests/cases/documents", FUZZ_SRCDIR);
	n = scandir(dir, &names, NULL, alphasort);
	if (n < 0) {
		fprintf(stderr, "fuzz-ruleset: cannot list %s\n", dir);
		abort();
	}
	for (i = 0; i < n; i++) {
		ngojst_document *doc = NULL;
		int dup = 0;

		snprintf(path, sizeof(path), "%s/%s", dir, names[i]->d_name);
		free(names[i]);
		if (ndocs == MAX_DOCS || !strstr(path, ".yaml") ||
		    ngojst_document_load_file(&doc, base_ctx, path, NULL) != NGOJST_OK)
			continue;
		for (k = 0; k < ndocs; k++)
			dup |= strcmp(ngojst_document_kind(docs[k]), ngojst_document_kind(doc)) == 0;
		if (dup)
			ngojst_document_free(doc);
		else
			docs[ndocs++] = doc;
	}
	free(names);
	if (ndocs < ngojst_kind_count()) {
		fprintf(stderr, "fuzz-ruleset: documents of only %zu of %zu kinds in %s\n", ndocs,
			ngojst_kind_count(), dir);
		abort();
	}
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	base_ctx = fuzz_context();
	if (ngojst_ruleset_load_builtin(&base, base_ctx) != NGOJST_OK)
		abort();
	load_docs();
	return 0;
}

static void walk_ruleset(ngojst_context *ctx, const ngojst_ruleset *rs)
{
	size_t i, n = ngojst_ruleset_rule_count(rs);
	ngojst_report_ruleset layer;
	ngojst_diag d;

	FUZZ_ASSERT(ngojst_ruleset_layer_count(rs) >= 1);
	for (i = 0; i < ngojst_ruleset_layer_count(rs); i++) {
		FUZZ_ASSERT(ngojst_ruleset_layer(rs, i, &layer) == NGOJST_OK);
		FUZZ_ASSERT(layer.id && layer.version && layer.sha256 && layer.source);
		FUZZ_ASSERT(strlen(layer.sha256) == 64);
	}
	FUZZ_ASSERT(ngojst_ruleset_layer(rs, i, &layer) != NGOJST_OK);
	for (i = 0; i < n; i++) {
		const ngojst_rule_info *r = ngojst_ruleset_rule_at(rs, i);

		FUZZ_ASSERT(r != NULL && r->id != NULL);
		FUZZ_ASSERT(ngojst_ruleset_find_rule(rs, r->id) != NULL);
	}
	FUZZ_ASSERT(ngojst_ruleset_rule_at(rs, n) == NULL);
	for (i = 0; i < ngojst_ruleset_conflict_count(rs); i++) {
		FUZZ_ASSERT(ngojst_ruleset_conflict(rs, i, &d) == NGOJST_OK);
		FUZZ_ASSERT(d.message != NULL && d.source != NULL);
	}
	(void)ctx;
}

/* Validate every sample document and format the reports. */
static void use_ruleset(ngojst_context *ctx, const ngojst_ruleset *rs, size_t size)
{
	ngojst_validate_options vo = NGOJST_VALIDATE_OPTIONS_INIT;
	ngojst_report *reps[MAX_DOCS];
	size_t i;

	vo.as_of = (ngojst_date){ 2026, 1, 10 };
	vo.lang = size & 2 ? NGOJST_LANG_EN : NGOJST_LANG_PL;
	for (i = 0; i < ndocs; i++) {
		int rc;

		reps[i] = (ngojst_report *)(uintptr_t)1;
		rc = ngojst_validate(ctx, rs, docs[i], &vo, &reps[i]);
		FUZZ_ASSERT(rc == NGOJST_OK);
		FUZZ_ASSERT(reps[i] != NULL);
		fuzz_walk_report(reps[i]);
	}
	fuzz_format_all(ctx, reps, ndocs);
	for (i = 0; i < ndocs; i++)
		ngojst_report_free(reps[i]);
}

static void load(ngojst_context *ctx, const uint8_t *data, size_t size, const ngojst_ruleset *on)
{
	ngojst_ruleset *rs = (ngojst_ruleset *)(uintptr_t)1;
	int rc = ngojst_ruleset_load_buffer(&rs, ctx, "fuzz.yaml", (const char *)data, size, on);

	if (rc) {
		FUZZ_ASSERT(rs == NULL);
		fuzz_check_failure(ctx, rc);
		return;
	}
	FUZZ_ASSERT(rs != NULL);
	walk_ruleset(ctx, rs);
	use_ruleset(ctx, rs, size);
	ngojst_ruleset_free(rs);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ngojst_context *ctx = fuzz_context();

	/* One way per input (loading on a base compiles the base again, so
	 * both ways at once would halve the speed); the length decides. */
	load(ctx, data, size, size & 1 ? base : NULL);
	ngojst_context_free(ctx);
	return 0;
}
