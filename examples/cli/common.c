/* Options and helpers shared by the commands.
 * SPDX-License-Identifier: CC0-1.0 (copy freely) */
#include <dirent.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"

static int usage_error(const char *command, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int usage_error(const char *command, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "ngojst %s: ", command);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'ngojst --help'.\n");
	return EXIT_USAGE;
}

/* The CLI's one concession to the wall clock: without --as-of it checks as
 * of today (local date). The library itself never reads the clock. */
static ngojst_date today(void)
{
	time_t t = time(NULL);
	struct tm tm;
	ngojst_date d = { 0, 0, 0 };

	if (localtime_r(&t, &tm))
		ngojst_date_make(&d, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	return d;
}

static const char *value_of(int argc, char **argv, int *i, const char *opt)
{
	size_t len = strlen(opt);

	if (!strncmp(argv[*i], opt, len) && argv[*i][len] == '=')
		return argv[*i] + len + 1;
	if (!strcmp(argv[*i], opt)) {
		if (*i + 1 >= argc)
			return NULL;
		return argv[++*i];
	}
	return NULL;
}

static bool is_opt(const char *arg, const char *opt)
{
	size_t len = strlen(opt);

	return !strncmp(arg, opt, len) && (arg[len] == '\0' || arg[len] == '=');
}

int cli_parse(cli_options *o, int argc, char **argv, const char *command, unsigned allowed)
{
	int i;
	bool only_args = false;

	memset(o, 0, sizeof(*o));
	o->lang = NGOJST_LANG_PL;
	o->format = NGOJST_FORMAT_TEXT;
	o->fail_level = NGOJST_SEVERITY_WARNING;
	o->args = calloc((size_t)argc + 1, sizeof(*o->args));
	if (!o->args)
		return EXIT_INTERNAL;
	for (i = 0; i < argc; i++) {
		const char *a = argv[i], *v;

		if (only_args || a[0] != '-' || !strcmp(a, "-")) {
			o->args[o->nargs++] = argv[i];
			continue;
		}
		if (!strcmp(a, "--")) {
			only_args = true;
			continue;
		}
		if (is_opt(a, "--ruleset")) {
			if (!(allowed & (OPT_RULESET)))
				return usage_error(command, "does not take %s", a);
			if (!(v = value_of(argc, argv, &i, "--ruleset")))
				return usage_error(command, "%s needs a file", a);
			if (o->nrulesets == sizeof(o->rulesets) / sizeof(o->rulesets[0]))
				return usage_error(command, "too many rule sets (%s)", v);
			o->rulesets[o->nrulesets++] = v;
		} else if (is_opt(a, "--as-of")) {
			if (!(allowed & (OPT_AS_OF)))
				return usage_error(command, "does not take %s", a);
			if (!(v = value_of(argc, argv, &i, "--as-of")) || ngojst_date_parse(&o->as_of, v, strlen(v)))
				return usage_error(command, "--as-of needs a date written YYYY-MM-DD (got '%s')", v ? v : "");
			o->as_of_set = true;
		} else if (is_opt(a, "--lang")) {
			if (!(allowed & (OPT_LANG)))
				return usage_error(command, "does not take %s", a);
			if (!(v = value_of(argc, argv, &i, "--lang")) || ngojst_lang_parse(&o->lang, v))
				return usage_error(command, "--lang is pl or en (got '%s')", v ? v : "");
		} else if (is_opt(a, "--format")) {
			if (!(allowed & (OPT_FORMAT | OPT_FORMAT_JSON)))
				return usage_error(command, "does not take %s", a);
			if (!(v = value_of(argc, argv, &i, "--format")) || ngojst_format_parse(&o->format, v) ||
			    (!(allowed & OPT_FORMAT) && o->format == NGOJST_FORMAT_SARIF))
				return usage_error(command, "--format is %s (got '%s')",
						   allowed & OPT_FORMAT ? "text, json or sarif" : "text or json", v ? v : "");
		} else if (is_opt(a, "--kind")) {
			if (!(allowed & (OPT_KIND)))
				return usage_error(command, "does not take %s", a);
			if (!(v = value_of(argc, argv, &i, "--kind")))
				return usage_error(command, "%s needs a kind", a);
			o->kind = v;
		} else if (is_opt(a, "--fail-level")) {
			if (!(allowed & (OPT_FAIL_LEVEL)))
				return usage_error(command, "does not take %s", a);
			if (!(v = value_of(argc, argv, &i, "--fail-level")))
				return usage_error(command, "%s needs error, warning or note", a);
			if (!strcmp(v, "error"))
				o->fail_level = NGOJST_SEVERITY_ERROR;
			else if (!strcmp(v, "warning"))
				o->fail_level = NGOJST_SEVERITY_WARNING;
			else if (!strcmp(v, "note"))
				o->fail_level = NGOJST_SEVERITY_NOTE;
			else
				return usage_error(command, "--fail-level is error, warning or note (got '%s')", v);
		} else if (is_opt(a, "--holiday")) {
			if (!(allowed & (OPT_HOLIDAY)))
				return usage_error(command, "does not take %s", a);
			if (!(v = value_of(argc, argv, &i, "--holiday")) ||
			    o->nholidays == sizeof(o->holidays) / sizeof(o->holidays[0]) ||
			    ngojst_date_parse(&o->holidays[o->nholidays], v, strlen(v)))
				return usage_error(command, "--holiday needs a date written YYYY-MM-DD (got '%s')", v ? v : "");
			o->nholidays++;
		} else {
			return usage_error(command, "unknown option '%s'", a);
		}
	}
	if (!o->as_of_set)
		o->as_of = today();
	return 0;
}

void cli_print_diags(ngojst_context *ctx)
{
	char *text = NULL;

	if (ngojst_diag_format(ctx, &text) == NGOJST_OK && text) {
		fputs(text, stderr);
		ngojst_free(ctx, text);
	}
}

int cli_load_rules(ngojst_context *ctx, const cli_options *o, ngojst_ruleset **out)
{
	ngojst_ruleset *rs = NULL;
	size_t i, k;
	int rc = ngojst_ruleset_load_builtin(&rs, ctx);

	*out = NULL;
	if (rc) {
		fprintf(stderr, "ngojst: the built-in rule set: %s\n", ngojst_strerror(rc));
		cli_print_diags(ctx);
		return EXIT_USAGE;
	}
	for (i = 0; i < o->nrulesets; i++) {
		ngojst_ruleset *next;

		rc = ngojst_ruleset_load_file(&next, ctx, o->rulesets[i], rs);
		if (rc) {
			fprintf(stderr, "ngojst: rule set %s: %s\n", o->rulesets[i], ngojst_strerror(rc));
			cli_print_diags(ctx);
			ngojst_ruleset_free(rs);
			return EXIT_USAGE;
		}
		ngojst_ruleset_free(rs);
		rs = next;
	}
	for (k = 0; k < ngojst_ruleset_conflict_count(rs); k++) {
		ngojst_diag d;

		ngojst_ruleset_conflict(rs, k, &d);
		fprintf(stderr, "%s:%u:%u: warning: %s [ngojst.overlay.conflict]\n", d.source, d.line, d.column,
			d.message);
	}
	*out = rs;
	return 0;
}

int cli_calendar(ngojst_context *ctx, const cli_options *o, ngojst_calendar **out)
{
	size_t i;

	*out = NULL;
	if (!o->nholidays)
		return 0;
	if (ngojst_calendar_new(out, ctx))
		return EXIT_INTERNAL;
	for (i = 0; i < o->nholidays; i++)
		if (ngojst_calendar_add_day_off(*out, o->holidays[i]))
			return EXIT_INTERNAL;
	return 0;
}

int cli_setup(const cli_options *o, ngojst_context **ctx, ngojst_ruleset **rs, ngojst_calendar **cal)
{
	int rc;

	*rs = NULL;
	*cal = NULL;
	if (ngojst_context_new(ctx, NULL))
		return EXIT_INTERNAL;
	if ((rc = cli_load_rules(*ctx, o, rs)))
		return rc;
	return cli_calendar(*ctx, o, cal);
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

long cli_list_dir(const char *path, bool (*keep)(const char *name), char ***out)
{
	DIR *d = opendir(path);
	struct dirent *e;
	char **names = NULL;
	const char *sep = path[0] && path[strlen(path) - 1] == '/' ? "" : "/";
	size_t n = 0, cap = 0;

	*out = NULL;
	if (!d)
		return -1;
	while ((e = readdir(d))) {
		char *full;

		if (e->d_name[0] == '.' || !keep(e->d_name))
			continue;
		if (n == cap) {
			char **p = realloc(names, (cap = cap ? cap * 2 : 32) * sizeof(*names));

			if (!p)
				break;
			names = p;
		}
		full = malloc(strlen(path) + strlen(sep) + strlen(e->d_name) + 1);
		if (!full)
			break;
		sprintf(full, "%s%s%s", path, sep, e->d_name);
		names[n++] = full;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), name_cmp);
	*out = names;
	return (long)n;
}

void cli_free_names(char **names, long n)
{
	long i;

	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}
