/* ngojst check: validate documents and print a report.
 * SPDX-License-Identifier: CC0-1.0 (copy freely) */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

typedef struct run {
	ngojst_context *ctx;
	const cli_options *o;
	const ngojst_ruleset *rs;
	const ngojst_calendar *cal;
	ngojst_report **reports;     /* kept for JSON and SARIF, which print all at the end */
	size_t nreports, cap;
	size_t ndocs;                /* documents checked */
	size_t counts[3];            /* findings by severity */
	bool input_error;
	bool failed;          /* a finding at or above --fail-level */
	bool internal_error;
} run;

static bool keep(run *r, ngojst_report *rep)
{
	size_t i;

	for (i = 0; i < ngojst_report_count(rep); i++)
		if (ngojst_report_at(rep, i)->severity >= r->o->fail_level)
			r->failed = true;
	r->ndocs++;
	for (i = 0; i < 3; i++)
		r->counts[i] += ngojst_report_count_severity(rep, (ngojst_severity)i);
	/* Text output streams: print and forget each report, so a long
	 * stream is checked in bounded memory. */
	if (r->o->format == NGOJST_FORMAT_TEXT) {
		const ngojst_report *one[1] = { rep };
		char *text = NULL;
		/* One summary ends the run, not one per report. */
		int rc = ngojst_report_format(r->ctx, one, 1, NGOJST_FORMAT_TEXT_FINDINGS, &text);

		if (rc == NGOJST_OK)
			fputs(text, stdout);
		ngojst_free(r->ctx, text);
		ngojst_report_free(rep);
		if (rc != NGOJST_OK)
			r->internal_error = true;
		return rc == NGOJST_OK;
	}
	if (r->nreports == r->cap) {
		size_t ncap = r->cap ? r->cap * 2 : 16;
		ngojst_report **p = realloc(r->reports, ncap * sizeof(*p));

		if (!p) {
			ngojst_report_free(rep);
			r->internal_error = true;
			return false;
		}
		r->reports = p;
		r->cap = ncap;
	}
	r->reports[r->nreports++] = rep;
	return true;
}

static void check_stream(run *r, ngojst_stream *s, const char *name)
{
	ngojst_validate_options opts = NGOJST_VALIDATE_OPTIONS_INIT;
	int rc;

	opts.as_of = r->o->as_of;
	opts.lang = r->o->lang;
	opts.calendar = r->cal;
	for (;;) {
		ngojst_document *doc = NULL;
		ngojst_report *rep = NULL;

		rc = ngojst_stream_next(s, r->o->kind, &doc);
		if (rc == NGOJST_EOF) {
			/* An empty input is a mistake, not a clean bill of health. */
			if (ngojst_stream_position(s) == 0) {
				fprintf(stderr, "%s: error: the input holds no document\n", name);
				r->input_error = true;
			}
			return;
		}
		if (rc == NGOJST_EINPUT) {
			/* This document cannot be checked; the next one may. */
			cli_print_diags(r->ctx);
			r->input_error = true;
			continue;
		}
		if (rc) {
			cli_print_diags(r->ctx);
			if (rc == NGOJST_ENOMEM || rc == NGOJST_ERROR)
				r->internal_error = true;
			else
				r->input_error = true;
			return;
		}
		rc = ngojst_validate(r->ctx, r->rs, doc, &opts, &rep);
		ngojst_document_free(doc);
		if (rc) {
			fprintf(stderr, "ngojst: %s\n", ngojst_strerror(rc));
			r->internal_error = true;
			return;
		}
		if (!keep(r, rep))
			return;
	}
}

static void check_path(run *r, const char *path);

static bool any_entry(const char *name)
{
	(void)name;
	return true;
}

static bool document_file(const char *path)
{
	const char *dot = strrchr(path, '.');

	return dot && (!strcmp(dot, ".yaml") || !strcmp(dot, ".yml") || !strcmp(dot, ".json"));
}

/* A folder: its YAML and JSON files and its subfolders, in name order. */
static void check_dir(run *r, const char *path)
{
	char **names;
	long n = cli_list_dir(path, any_entry, &names), i;

	if (n < 0) {
		fprintf(stderr, "%s: error: cannot open the folder\n", path);
		r->input_error = true;
		return;
	}
	for (i = 0; i < n; i++) {
		struct stat st;

		if (stat(names[i], &st) == 0 && (S_ISDIR(st.st_mode) || document_file(names[i])))
			check_path(r, names[i]);
	}
	cli_free_names(names, n);
}

static void check_path(run *r, const char *path)
{
	ngojst_stream *s = NULL;
	struct stat st;
	int rc;

	if (!strcmp(path, "-")) {
		rc = ngojst_stream_open_fp(&s, r->ctx, "<stdin>", stdin);
	} else if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		check_dir(r, path);
		return;
	} else {
		rc = ngojst_stream_open_file(&s, r->ctx, path);
	}
	if (rc) {
		cli_print_diags(r->ctx);
		r->input_error = true;
		return;
	}
	check_stream(r, s, strcmp(path, "-") ? path : "<stdin>");
	ngojst_stream_free(s);
}

static void summary(run *r)
{
	size_t e = r->counts[NGOJST_SEVERITY_ERROR], w = r->counts[NGOJST_SEVERITY_WARNING];
	size_t n = r->counts[NGOJST_SEVERITY_NOTE];

	printf("%zu error%s, %zu warning%s, %zu note%s in %zu document%s\n", e, e == 1 ? "" : "s", w,
	       w == 1 ? "" : "s", n, n == 1 ? "" : "s", r->ndocs, r->ndocs == 1 ? "" : "s");
}

int cli_check(int argc, char **argv)
{
	cli_options o;
	run r;
	ngojst_context *ctx = NULL;
	ngojst_ruleset *rs = NULL;
	ngojst_calendar *cal = NULL;
	size_t i;
	int rc = cli_parse(&o, argc, argv, "check", OPT_RULESET | OPT_AS_OF | OPT_LANG | OPT_FORMAT | OPT_KIND | OPT_FAIL_LEVEL | OPT_HOLIDAY);

	if (rc)
		goto out;
	if (!o.nargs) {
		fprintf(stderr, "ngojst check: no input (give files, folders or - for standard input)\n");
		rc = EXIT_USAGE;
		goto out;
	}
	if ((rc = cli_setup(&o, &ctx, &rs, &cal)))
		goto out;
	memset(&r, 0, sizeof(r));
	r.ctx = ctx;
	r.o = &o;
	r.rs = rs;
	r.cal = cal;
	for (i = 0; i < o.nargs; i++)
		check_path(&r, o.args[i]);
	if (o.format == NGOJST_FORMAT_TEXT) {
		summary(&r);
	} else {
		char *text = NULL;

		if (ngojst_report_format(ctx, (const ngojst_report *const *)r.reports, r.nreports, o.format, &text)) {
			r.internal_error = true;
		} else {
			fputs(text, stdout);
			ngojst_free(ctx, text);
		}
	}
	for (i = 0; i < r.nreports; i++)
		ngojst_report_free(r.reports[i]);
	free(r.reports);
	rc = r.internal_error ? EXIT_INTERNAL : r.input_error ? EXIT_USAGE : r.failed ? EXIT_FINDINGS : EXIT_CLEAN;
out:
	ngojst_calendar_free(cal);
	ngojst_ruleset_free(rs);
	ngojst_context_free(ctx);
	free(o.args);
	return rc;
}
