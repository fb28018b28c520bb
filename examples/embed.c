/* The smallest useful embedding: load the national rules, load a document,
 * check it as of a given day, print the report, free everything.
 * SPDX-License-Identifier: CC0-1.0 (copy freely)
 *
 * Usage: embed FILE.yaml YYYY-MM-DD */
#include <stdio.h>
#include <string.h>

#include <ngojst/ngojst.h>

int main(int argc, char **argv)
{
	ngojst_context *ctx = NULL;
	ngojst_ruleset *rules = NULL;
	ngojst_document *doc = NULL;
	ngojst_report *report = NULL;
	ngojst_validate_options opts = NGOJST_VALIDATE_OPTIONS_INIT;
	char *text = NULL;
	int rc, ok = 0;

	if (argc != 3) {
		fprintf(stderr, "usage: %s FILE.yaml YYYY-MM-DD\n", argv[0]);
		return 2;
	}
	rc = ngojst_context_new(&ctx, NULL);
	if (!rc)
		rc = ngojst_ruleset_load_builtin(&rules, ctx);
	if (!rc)
		rc = ngojst_document_load_file(&doc, ctx, argv[1], NULL);
	if (!rc)
		rc = ngojst_date_parse(&opts.as_of, argv[2], strlen(argv[2])); /* "today" is a parameter */
	if (!rc)
		rc = ngojst_validate(ctx, rules, doc, &opts, &report);
	if (!rc)
		rc = ngojst_report_format(ctx, (const ngojst_report *const[]){ report }, 1, NGOJST_FORMAT_TEXT, &text);
	if (rc) {
		char *diags = NULL;

		fprintf(stderr, "error: %s\n", ngojst_strerror(rc));
		if (ctx && ngojst_diag_format(ctx, &diags) == NGOJST_OK)
			fputs(diags, stderr);
		ngojst_free(ctx, diags);
	} else {
		fputs(text, stdout);
		ok = ngojst_report_ok(report);
	}
	ngojst_free(ctx, text);
	ngojst_report_free(report);
	ngojst_document_free(doc);
	ngojst_ruleset_free(rules);
	ngojst_context_free(ctx);
	return rc ? 2 : ok ? 0 : 1;
}
