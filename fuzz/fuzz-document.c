/* libFuzzer harness: the document loader, for every kind.
 *
 * One input is read three ways: as exactly one document
 * (ngojst_document_load_buffer), as a stream over the buffer and as a
 * stream over a FILE (the incremental reader). The default kind (none, or
 * one of ngojst_kind_name()) is picked from the input's length, so every
 * kind's binder sees the corpus. Whatever the input, each call returns a
 * known code, leaves the out-pointer NULL on failure, explains input errors
 * with diagnostics, and leaks nothing (LeakSanitizer). */
#include "fuzz-common.h"

/* JSON pointers worth asking a bound document about. */
static const char *const pointers[] = {
	"", "/kind", "/year", "/resolution/adopted_on", "/priority_tasks/0/amount", "/priority_tasks/1",
	"/consultation", "/a~1b", "/~0", "/0", "/priority_tasks/-1", "/priority_tasks/99999999999999999999",
};

static void check_document(ngojst_document *doc)
{
	size_t i;
	unsigned line, column;
	const char *kind = ngojst_document_kind(doc);
	int known = 0;

	FUZZ_ASSERT(kind != NULL);
	for (i = 0; i < ngojst_kind_count(); i++)
		if (strcmp(kind, ngojst_kind_name(i)) == 0)
			known = 1;
	FUZZ_ASSERT(known);
	FUZZ_ASSERT(ngojst_document_data(doc) != NULL);
	FUZZ_ASSERT(ngojst_document_source(doc) != NULL);
	for (i = 0; i < sizeof(pointers) / sizeof(pointers[0]); i++) {
		int rc = ngojst_document_position(doc, pointers[i], &line, &column);

		FUZZ_ASSERT(rc == NGOJST_OK || rc == NGOJST_ENOTFOUND);
		if (rc == NGOJST_OK)
			FUZZ_ASSERT(line > 0 && column > 0);
	}
}

static void read_stream(ngojst_context *ctx, ngojst_stream *s, const char *kind)
{
	size_t n;

	for (n = 0; n < 64; n++) {
		ngojst_document *doc = (ngojst_document *)(uintptr_t)1;
		int rc = ngojst_stream_next(s, kind, &doc);

		if (rc == NGOJST_EOF) {
			FUZZ_ASSERT(doc == NULL);
			/* EOF is sticky. */
			FUZZ_ASSERT(ngojst_stream_next(s, kind, &doc) == NGOJST_EOF && doc == NULL);
			return;
		}
		if (rc) {
			FUZZ_ASSERT(doc == NULL);
			fuzz_check_failure(ctx, rc);
			if (rc == NGOJST_EINPUT)
				continue; /* the stream goes on */
			/* A syntax error or a limit ends the stream for good. */
			FUZZ_ASSERT(ngojst_stream_next(s, kind, &doc) == rc && doc == NULL);
			return;
		}
		FUZZ_ASSERT(doc != NULL);
		FUZZ_ASSERT(ngojst_document_index(doc) == ngojst_stream_position(s) - 1);
		check_document(doc);
		ngojst_document_free(doc);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ngojst_context *ctx = fuzz_context();
	size_t nkinds = ngojst_kind_count();
	const char *kind = size % (nkinds + 1) == nkinds ? NULL : ngojst_kind_name(size % (nkinds + 1));
	ngojst_document *doc = (ngojst_document *)(uintptr_t)1;
	ngojst_stream *s = NULL;
	FILE *f;
	int rc;

	/* Exactly one document. */
	rc = ngojst_document_load_buffer(&doc, ctx, "fuzz.yaml", (const char *)data, size, kind);
	if (rc == NGOJST_OK) {
		FUZZ_ASSERT(doc != NULL);
		FUZZ_ASSERT(ngojst_diag_count(ctx) == 0);
		check_document(doc);
		ngojst_document_free(doc);
	} else {
		FUZZ_ASSERT(doc == NULL);
		FUZZ_ASSERT(rc != NGOJST_EOF);
		fuzz_check_failure(ctx, rc);
	}

	/* A stream over the buffer. */
	rc = ngojst_stream_open_buffer(&s, ctx, NULL, (const char *)data, size);
	FUZZ_ASSERT(rc == NGOJST_OK);
	read_stream(ctx, s, kind);
	ngojst_stream_free(s);

	/* A stream over a FILE, read incrementally (another path through the
	 * source: refills, a BOM or bad UTF-8 cut across reads). */
	if (size > 0 && (f = fmemopen((void *)data, size, "rb")) != NULL) {
		s = NULL;
		rc = ngojst_stream_open_fp(&s, ctx, "<stdin>", f);
		FUZZ_ASSERT(rc == NGOJST_OK);
		read_stream(ctx, s, kind);
		ngojst_stream_free(s);
		fclose(f);
	}
	ngojst_context_free(ctx);
	return 0;
}
