/* ngojst test: run declarative test-case files.
 * SPDX-License-Identifier: CC0-1.0 (copy freely) */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

typedef struct tally {
	size_t passed, failed;
	bool bad_file;
} tally;

static void run_file(ngojst_context *ctx, const ngojst_ruleset *rs, const ngojst_calendar *cal, const char *path,
		     tally *t)
{
	ngojst_cases *cases = NULL;
	size_t i;
	int rc = ngojst_cases_run_file(&cases, ctx, path, rs, cal);

	if (rc) {
		fprintf(stderr, "%s: error: cannot run the test cases: %s\n", path, ngojst_strerror(rc));
		cli_print_diags(ctx);
		t->bad_file = true;
		return;
	}
	for (i = 0; i < ngojst_cases_count(cases); i++) {
		const ngojst_case_result *c = ngojst_cases_at(cases, i);

		if (c->passed) {
			t->passed++;
			continue;
		}
		t->failed++;
		printf("FAIL %s:%u: %s\n%s\n", c->source, c->line, c->name, c->detail);
	}
	ngojst_cases_free(cases);
}

static bool is_case_file(const char *name)
{
	size_t len = strlen(name);

	return len >= 11 && !strcmp(name + len - 11, ".cases.yaml");
}

static void run_path(ngojst_context *ctx, const ngojst_ruleset *rs, const ngojst_calendar *cal, const char *path,
		     tally *t)
{
	struct stat st;
	char **names;
	long n, i;

	if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
		run_file(ctx, rs, cal, path, t);
		return;
	}
	n = cli_list_dir(path, is_case_file, &names);
	if (n < 0) {
		fprintf(stderr, "%s: error: cannot open the folder\n", path);
		t->bad_file = true;
		return;
	}
	for (i = 0; i < n; i++)
		run_file(ctx, rs, cal, names[i], t);
	cli_free_names(names, n);
}

int cli_test(int argc, char **argv)
{
	cli_options o;
	ngojst_context *ctx = NULL;
	ngojst_ruleset *rs = NULL;
	ngojst_calendar *cal = NULL;
	tally t = { 0, 0, false };
	size_t i;
	int rc = cli_parse(&o, argc, argv, "test", OPT_RULESET | OPT_HOLIDAY);

	if (rc)
		goto out;
	if (!o.nargs) {
		fprintf(stderr, "ngojst test: give test-case files or folders (*.cases.yaml)\n");
		rc = EXIT_USAGE;
		goto out;
	}
	if ((rc = cli_setup(&o, &ctx, &rs, &cal)))
		goto out;
	for (i = 0; i < o.nargs; i++)
		run_path(ctx, rs, cal, o.args[i], &t);
	printf("%zu passed, %zu failed\n", t.passed, t.failed);
	rc = t.bad_file ? EXIT_USAGE : t.failed ? EXIT_FINDINGS : EXIT_CLEAN;
out:
	ngojst_calendar_free(cal);
	ngojst_ruleset_free(rs);
	ngojst_context_free(ctx);
	free(o.args);
	return rc;
}
