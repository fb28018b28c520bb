/* Built twice, against the shared and against the static library
 * (tests/reliability/meson.build); check-determinism.py runs both on the
 * same inputs and compares what they write byte for byte.
 *
 *   determinism OUT-PREFIX [--lang pl|en] [--overlay FILE]... DOCUMENT...
 *
 * Checks every document of every file (streams included) against the
 * built-in rule set with the overlays stacked on it, as of 2026-01-10, and
 * writes OUT-PREFIX.json, OUT-PREFIX.sarif and OUT-PREFIX.txt. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ngojst/ngojst.h>

static int die(const char *what, ngojst_context *ctx)
{
	char *text = NULL;

	fprintf(stderr, "determinism: %s\n", what);
	if (ctx && ngojst_diag_format(ctx, &text) == NGOJST_OK) {
		fputs(text, stderr);
		ngojst_free(ctx, text);
	}
	exit(2);
}

static void write_out(const char *prefix, const char *ext, const char *text)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s.%s", prefix, ext);
	if (!(f = fopen(path, "wb")) || fputs(text, f) == EOF || fclose(f) != 0)
		die("cannot write the output", NULL);
}

int main(int argc, char **argv)
{
	ngojst_context *ctx = NULL;
	ngojst_ruleset *rs = NULL, *next;
	ngojst_validate_options vo = NGOJST_VALIDATE_OPTIONS_INIT;
	ngojst_report **reps = NULL;
	size_t nreps = 0, cap = 0, i;
	static const struct {
		ngojst_format format;
		const char *ext;
	} outs[] = { { NGOJST_FORMAT_JSON, "json" }, { NGOJST_FORMAT_SARIF, "sarif" }, { NGOJST_FORMAT_TEXT, "txt" } };
	int a;

	if (argc < 3)
		die("usage: determinism OUT-PREFIX [--lang pl|en] [--overlay FILE]... DOCUMENT...", NULL);
	if (ngojst_context_new(&ctx, NULL) || ngojst_ruleset_load_builtin(&rs, ctx))
		die("cannot load the built-in rule set", ctx);
	vo.as_of = (ngojst_date){ 2026, 1, 10 };
	for (a = 2; a < argc; a++) {
		if (!strcmp(argv[a], "--lang") && a + 1 < argc) {
			if (ngojst_lang_parse(&vo.lang, argv[++a]))
				die("bad --lang", NULL);
		} else if (!strcmp(argv[a], "--overlay") && a + 1 < argc) {
			if (ngojst_ruleset_load_file(&next, ctx, argv[++a], rs))
				die("cannot load an overlay", ctx);
			ngojst_ruleset_free(rs);
			rs = next;
		} else {
			ngojst_stream *s = NULL;
			int rc;

			if (ngojst_stream_open_file(&s, ctx, argv[a]))
				die("cannot open a document", ctx);
			for (;;) {
				ngojst_document *doc = NULL;

				rc = ngojst_stream_next(s, NULL, &doc);
				if (rc == NGOJST_EOF)
					break;
				if (rc == NGOJST_EINPUT)
					continue;
				if (rc)
					die("cannot read a document", ctx);
				if (nreps == cap) {
					cap = cap ? 2 * cap : 16;
					if (!(reps = realloc(reps, cap * sizeof(*reps))))
						die("out of memory", NULL);
				}
				if (ngojst_validate(ctx, rs, doc, &vo, &reps[nreps]))
					die("cannot validate", ctx);
				nreps++;
				ngojst_document_free(doc);
			}
			ngojst_stream_free(s);
		}
	}
	for (i = 0; i < sizeof(outs) / sizeof(outs[0]); i++) {
		char *text = NULL;

		if (ngojst_report_format(ctx, (const ngojst_report *const *)reps, nreps, outs[i].format, &text))
			die("cannot format", ctx);
		write_out(argv[1], outs[i].ext, text);
		ngojst_free(ctx, text);
	}
	for (i = 0; i < nreps; i++)
		ngojst_report_free(reps[i]);
	free(reps);
	ngojst_ruleset_free(rs);
	ngojst_context_free(ctx);
	return 0;
}
