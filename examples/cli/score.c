/* ngojst score: score local-initiative applications with a municipality's
 * overlay and print them ranked.
 * SPDX-License-Identifier: CC0-1.0 (copy freely) */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

typedef struct batch {
	ngojst_context *ctx;
	const cli_options *o;
	const ngojst_ruleset *rs;
	ngojst_validate_options opts;
	ngojst_score_result **results;
	size_t n, cap;
	bool input_error;
	bool internal_error;
	bool stop;            /* the rule set cannot score anything */
} batch;

static void keep(batch *b, ngojst_score_result *r)
{
	if (b->n == b->cap) {
		size_t ncap = b->cap ? b->cap * 2 : 16;
		ngojst_score_result **p = realloc(b->results, ncap * sizeof(*p));

		if (!p) {
			ngojst_score_free(r);
			b->internal_error = true;
			return;
		}
		b->results = p;
		b->cap = ncap;
	}
	b->results[b->n++] = r;
}

static void score_stream(batch *b, ngojst_stream *s, const char *name)
{
	int rc;

	for (;;) {
		ngojst_document *doc = NULL;
		ngojst_score_result *r = NULL;

		rc = ngojst_stream_next(s, b->o->kind, &doc);
		if (rc == NGOJST_EOF) {
			if (ngojst_stream_position(s) == 0) {
				fprintf(stderr, "%s: error: the input holds no document\n", name);
				b->input_error = true;
			}
			return;
		}
		if (rc) {
			cli_print_diags(b->ctx);
			if (rc == NGOJST_ENOMEM || rc == NGOJST_ERROR)
				b->internal_error = true;
			else
				b->input_error = true;
			if (rc == NGOJST_EINPUT)
				continue; /* the next document may be fine */
			return;
		}
		rc = ngojst_score(b->ctx, b->rs, doc, &b->opts, &r);
		ngojst_document_free(doc);
		if (rc == NGOJST_ENOMEM) {
			b->internal_error = true;
			return;
		}
		if (rc == NGOJST_ENOTFOUND) {
			cli_print_diags(b->ctx);
			b->input_error = b->stop = true;
			return;
		}
		if (rc) {
			/* A document of another kind, or an evaluation naming an
			 * unknown criterion: say so and go on with the others. */
			fprintf(stderr, "%s: error: cannot score the application: %s\n", name, ngojst_strerror(rc));
			cli_print_diags(b->ctx);
			b->input_error = true;
			continue;
		}
		keep(b, r);
	}
}

static bool any_entry(const char *name)
{
	(void)name;
	return true;
}

static void score_path(batch *b, const char *path)
{
	ngojst_stream *s = NULL;
	struct stat st;
	int rc;

	if (strcmp(path, "-") && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		char **names;
		long n = cli_list_dir(path, any_entry, &names), i;

		if (n < 0) {
			fprintf(stderr, "%s: error: cannot open the folder\n", path);
			b->input_error = true;
			return;
		}
		for (i = 0; i < n && !b->stop; i++) {
			const char *dot = strrchr(names[i], '.');

			if ((stat(names[i], &st) == 0 && S_ISDIR(st.st_mode)) ||
			    (dot && (!strcmp(dot, ".yaml") || !strcmp(dot, ".yml") || !strcmp(dot, ".json"))))
				score_path(b, names[i]);
		}
		cli_free_names(names, n);
		return;
	}
	if (!strcmp(path, "-"))
		rc = ngojst_stream_open_fp(&s, b->ctx, "<stdin>", stdin);
	else
		rc = ngojst_stream_open_file(&s, b->ctx, path);
	if (rc) {
		cli_print_diags(b->ctx);
		b->input_error = true;
		return;
	}
	score_stream(b, s, strcmp(path, "-") ? path : "<stdin>");
	ngojst_stream_free(s);
}

int cli_score(int argc, char **argv)
{
	cli_options o;
	batch b;
	ngojst_context *ctx = NULL;
	ngojst_ruleset *rs = NULL;
	ngojst_calendar *cal = NULL;
	char *text = NULL;
	bool all_passed = true;
	size_t i;
	int rc = cli_parse(&o, argc, argv, "score", OPT_RULESET | OPT_AS_OF | OPT_LANG | OPT_FORMAT_JSON | OPT_KIND | OPT_HOLIDAY);

	memset(&b, 0, sizeof(b));
	if (rc)
		goto out;
	if (!o.nrulesets) {
		fprintf(stderr, "ngojst score: give the municipality's overlay with its criteria (--ruleset FILE)\n");
		rc = EXIT_USAGE;
		goto out;
	}
	if (!o.nargs) {
		fprintf(stderr, "ngojst score: no input (give application files, folders or - for standard input)\n");
		rc = EXIT_USAGE;
		goto out;
	}
	if ((rc = cli_setup(&o, &ctx, &rs, &cal)))
		goto out;
	b.ctx = ctx;
	b.o = &o;
	b.rs = rs;
	b.opts.version = NGOJST_VALIDATE_OPTIONS_VERSION;
	b.opts.as_of = o.as_of;
	b.opts.lang = o.lang;
	b.opts.calendar = cal;
	for (i = 0; i < o.nargs && !b.internal_error && !b.stop; i++)
		score_path(&b, o.args[i]);
	if (!b.internal_error && (rc = ngojst_rank(ctx, b.results, b.n)) != NGOJST_OK) {
		cli_print_diags(ctx);
		b.internal_error = true;
	}
	/* A rule set that cannot score leaves nothing to print. */
	if (!b.stop && !b.internal_error) {
		if (ngojst_score_format(ctx, (const ngojst_score_result *const *)b.results, b.n, o.format, &text) == NGOJST_OK)
			fputs(text, stdout);
		else
			b.internal_error = true;
	}
	ngojst_free(ctx, text);
	for (i = 0; i < b.n; i++) {
		const ngojst_report *rep = ngojst_score_report(b.results[i]);

		if (!ngojst_score_passed(b.results[i]) || ngojst_report_count_severity(rep, NGOJST_SEVERITY_ERROR))
			all_passed = false;
	}
	rc = b.internal_error ? EXIT_INTERNAL : b.input_error ? EXIT_USAGE : all_passed ? EXIT_CLEAN : EXIT_FINDINGS;
out:
	for (i = 0; i < b.n; i++)
		ngojst_score_free(b.results[i]);
	free(b.results);
	ngojst_calendar_free(cal);
	ngojst_ruleset_free(rs);
	ngojst_context_free(ctx);
	free(o.args);
	return rc;
}
