/* Shared helpers for the libFuzzer harnesses (fuzz/run.sh builds and runs
 * them): the invariants every public call must keep whatever the input.
 * A broken invariant aborts, which libFuzzer reports as a crash. */
#ifndef NGOJST_FUZZ_COMMON_H
#define NGOJST_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ngojst/ngojst.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

#define FUZZ_ASSERT(cond)                                                                   \
	do {                                                                                \
		if (!(cond)) {                                                              \
			fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #cond); \
			abort();                                                            \
		}                                                                           \
	} while (0)

/* A context with the default allocator and default limits, except a
 * smaller input cap so that one execution stays fast. */
static inline ngojst_context *fuzz_context(void)
{
	ngojst_context_options opts = NGOJST_CONTEXT_OPTIONS_INIT;
	ngojst_context *ctx = NULL;

	opts.limits.max_input_bytes = 1u << 20;
	opts.limits.max_document_bytes = 1u << 20;
	if (ngojst_context_new(&ctx, &opts) != NGOJST_OK)
		abort();
	return ctx;
}

static inline int fuzz_known_code(int rc)
{
	return rc <= NGOJST_OK && rc >= NGOJST_EOF;
}

/* After a failed call: the code is a known one, and every diagnostic is
 * well-formed (a message, a source, a known code). Formatting them must work. */
static inline void fuzz_check_failure(ngojst_context *ctx, int rc)
{
	size_t i, n = ngojst_diag_count(ctx);
	char *text = NULL;

	FUZZ_ASSERT(fuzz_known_code(rc));
	FUZZ_ASSERT(rc != NGOJST_OK);
	/* Input problems are always explained. */
	if (rc == NGOJST_EPARSE || rc == NGOJST_EINPUT || rc == NGOJST_ELIMIT || rc == NGOJST_ERULESET)
		FUZZ_ASSERT(n > 0 || ngojst_diag_dropped(ctx) > 0);
	FUZZ_ASSERT(n <= ngojst_context_limits(ctx)->max_diagnostics);
	for (i = 0; i < n; i++) {
		const ngojst_diag *d = ngojst_diag_at(ctx, i);

		FUZZ_ASSERT(d != NULL);
		FUZZ_ASSERT(d->message != NULL && d->message[0] != '\0');
		FUZZ_ASSERT(d->source != NULL);
		FUZZ_ASSERT(fuzz_known_code(d->code) && d->code != NGOJST_OK);
		FUZZ_ASSERT(strlen(d->message) < (1u << 20));
	}
	FUZZ_ASSERT(ngojst_diag_at(ctx, n) == NULL);
	if (ngojst_diag_format(ctx, &text) == NGOJST_OK) {
		FUZZ_ASSERT(text != NULL);
		ngojst_free(ctx, text);
	}
}

/* Every output format of a set of reports; each must succeed. */
static inline void fuzz_format_all(ngojst_context *ctx, ngojst_report **reps, size_t n)
{
	static const ngojst_format formats[] = { NGOJST_FORMAT_TEXT, NGOJST_FORMAT_JSON, NGOJST_FORMAT_SARIF };
	size_t i;

	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		char *out = NULL;
		int rc = ngojst_report_format(ctx, (const ngojst_report *const *)reps, n, formats[i], &out);

		FUZZ_ASSERT(rc == NGOJST_OK);
		FUZZ_ASSERT(out != NULL);
		ngojst_free(ctx, out);
	}
}

/* Read every finding of a report (touches all the borrowed strings). */
static inline void fuzz_walk_report(const ngojst_report *rep)
{
	size_t i, n = ngojst_report_count(rep), sev = 0;

	for (i = 0; i < n; i++) {
		const ngojst_finding *f = ngojst_report_at(rep, i);

		FUZZ_ASSERT(f != NULL);
		FUZZ_ASSERT(f->rule_id && f->message && f->path && f->citation && f->ruleset_id);
		FUZZ_ASSERT(strlen(f->rule_id) + strlen(f->message) + strlen(f->path) + strlen(f->citation) > 0);
		FUZZ_ASSERT((unsigned)f->severity < 3);
	}
	FUZZ_ASSERT(ngojst_report_at(rep, n) == NULL);
	for (i = 0; i < 3; i++)
		sev += ngojst_report_count_severity(rep, (ngojst_severity)i);
	FUZZ_ASSERT(sev <= n);
}

#endif
