/* libFuzzer harness: the whole `check` path, as the CLI runs it.
 *
 * The input is a document stream, checked against the built-in rule set or
 * the built-in set with a tightening overlay (tests/cases/overlays); an
 * input that starts with a line `#%overlay` carries its own overlay up to a
 * line `#%documents`, loaded on top of the built-in set first. Each
 * document that binds is validated (and validated again through
 * ngojst_document_wrap(), the path without a tree), and the reports are
 * formatted as text one by one and as text, JSON and SARIF all together.
 * The "today" date, language and calendar come from the input's length. */
#include "fuzz-common.h"

#ifndef FUZZ_SRCDIR
#  error "FUZZ_SRCDIR must name the source tree"
#endif

#define MAX_REPORTS 32

static ngojst_context *base_ctx;
static ngojst_ruleset *builtin, *tightened;
static ngojst_calendar *calendar;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char path[4096];

	(void)argc;
	(void)argv;
	base_ctx = fuzz_context();
	snprintf(path, sizeof(path), "%s/tests/cases/overlays/tightening.yaml", FUZZ_SRCDIR);
	if (ngojst_ruleset_load_builtin(&builtin, base_ctx) != NGOJST_OK ||
	    ngojst_ruleset_load_file(&tightened, base_ctx, path, builtin) != NGOJST_OK ||
	    ngojst_calendar_new(&calendar, base_ctx) != NGOJST_OK ||
	    ngojst_calendar_add_day_off(calendar, (ngojst_date){ 2025, 11, 10 }) != NGOJST_OK ||
	    ngojst_calendar_add_day_off(calendar, (ngojst_date){ 2026, 5, 29 }) != NGOJST_OK) {
		fprintf(stderr, "fuzz-check: cannot set up (%s)\n", path);
		abort();
	}
	return 0;
}

static const char *find(const char *hay, size_t n, const char *needle)
{
	size_t k = strlen(needle), i;

	for (i = 0; i + k <= n; i++)
		if (memcmp(hay + i, needle, k) == 0)
			return hay + i;
	return NULL;
}

static void check_one(ngojst_context *ctx, const ngojst_ruleset *rs, ngojst_document *doc,
		      const ngojst_validate_options *vo, ngojst_report **reps, size_t *nreps)
{
	ngojst_report *rep = (ngojst_report *)(uintptr_t)1;
	ngojst_document *wrapped = (ngojst_document *)(uintptr_t)1;
	char *text = NULL;
	int rc;

	rc = ngojst_validate(ctx, rs, doc, vo, &rep);
	FUZZ_ASSERT(rc == NGOJST_OK && rep != NULL);
	fuzz_walk_report(rep);
	FUZZ_ASSERT(ngojst_report_count(rep) <= ngojst_context_limits(ctx)->max_findings);
	FUZZ_ASSERT(ngojst_report_format(ctx, (const ngojst_report *const *)&rep, 1, NGOJST_FORMAT_TEXT, &text) ==
		    NGOJST_OK);
	ngojst_free(ctx, text);
	if (*nreps < MAX_REPORTS)
		reps[(*nreps)++] = rep;
	else
		ngojst_report_free(rep);

	/* The same data without a tree. */
	rc = ngojst_document_wrap(&wrapped, ctx, ngojst_document_kind(doc), ngojst_document_data(doc), NULL);
	FUZZ_ASSERT(rc == NGOJST_OK && wrapped != NULL);
	rep = (ngojst_report *)(uintptr_t)1;
	rc = ngojst_validate(ctx, rs, wrapped, vo, &rep);
	FUZZ_ASSERT(rc == NGOJST_OK && rep != NULL);
	fuzz_walk_report(rep);
	ngojst_report_free(rep);
	ngojst_document_free(wrapped);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const ngojst_date today[] = {
		{ 2026, 1, 10 }, { 2025, 10, 31 }, { 2026, 6, 1 }, { 2030, 12, 31 }, { 2024, 2, 29 },
	};
	const char *text = (const char *)data, *docs = text;
	size_t docs_len = size, nreps = 0, i;
	ngojst_context *ctx = fuzz_context();
	const ngojst_ruleset *rs = size & 1 ? tightened : builtin;
	ngojst_ruleset *own = NULL;
	ngojst_validate_options vo = NGOJST_VALIDATE_OPTIONS_INIT;
	ngojst_report *reps[MAX_REPORTS];
	ngojst_stream *s = NULL;
	int rc;

	vo.as_of = today[(size / 2) % (sizeof(today) / sizeof(today[0]))];
	vo.lang = size & 4 ? NGOJST_LANG_EN : NGOJST_LANG_PL;
	vo.calendar = size & 8 ? calendar : NULL;

	if (size >= 10 && memcmp(text, "#%overlay\n", 10) == 0) {
		const char *sep = find(text, size, "\n#%documents\n");

		if (!sep) {
			ngojst_context_free(ctx);
			return 0;
		}
		rc = ngojst_ruleset_load_buffer(&own, ctx, "overlay.yaml", text, (size_t)(sep - text) + 1, builtin);
		if (rc) {
			FUZZ_ASSERT(own == NULL);
			fuzz_check_failure(ctx, rc);
			ngojst_context_free(ctx);
			return 0;
		}
		rs = own;
		docs = sep + 13;
		docs_len = size - (size_t)(docs - text);
	}

	rc = ngojst_stream_open_buffer(&s, ctx, "fuzz.yaml", docs, docs_len);
	FUZZ_ASSERT(rc == NGOJST_OK);
	for (i = 0; i < 64; i++) {
		ngojst_document *doc = NULL;

		rc = ngojst_stream_next(s, NULL, &doc);
		if (rc == NGOJST_EOF)
			break;
		if (rc == NGOJST_EINPUT) {
			fuzz_check_failure(ctx, rc);
			continue;
		}
		if (rc) {
			FUZZ_ASSERT(doc == NULL);
			fuzz_check_failure(ctx, rc);
			break;
		}
		check_one(ctx, rs, doc, &vo, reps, &nreps);
		ngojst_document_free(doc);
	}
	ngojst_stream_free(s);
	fuzz_format_all(ctx, reps, nreps);
	for (i = 0; i < nreps; i++)
		ngojst_report_free(reps[i]);
	ngojst_ruleset_free(own);
	ngojst_context_free(ctx);
	return 0;
}
