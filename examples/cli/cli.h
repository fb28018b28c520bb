/* The ngojst command-line tool: shared options and helpers.
 * SPDX-License-Identifier: CC0-1.0 (copy freely) */
#ifndef NGOJST_CLI_H
#define NGOJST_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include <ngojst/ngojst.h>

enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_USAGE = 2, EXIT_INTERNAL = 3 };

typedef struct cli_options {
	const char *rulesets[32];
	size_t nrulesets;
	ngojst_date as_of;
	bool as_of_set;
	ngojst_lang lang;
	ngojst_format format;
	const char *kind;
	ngojst_severity fail_level;
	ngojst_date holidays[64];
	size_t nholidays;
	char **args;          /* positional arguments */
	size_t nargs;
} cli_options;

/* The options a command accepts; any other is a usage error, so an option
 * is never silently ignored. */
enum {
	OPT_RULESET = 1 << 0,
	OPT_AS_OF = 1 << 1,
	OPT_LANG = 1 << 2,
	OPT_FORMAT = 1 << 3,     /* text, json, sarif */
	OPT_FORMAT_JSON = 1 << 4, /* text, json */
	OPT_KIND = 1 << 5,
	OPT_FAIL_LEVEL = 1 << 6,
	OPT_HOLIDAY = 1 << 7
};

/* Parse a command's options; returns 0 or EXIT_USAGE. */
int cli_parse(cli_options *o, int argc, char **argv, const char *command, unsigned allowed);
/* Print the context's diagnostics to stderr. */
void cli_print_diags(ngojst_context *ctx);
/* Load the built-in rule set and the --ruleset overlays in order; prints
 * overlay conflicts as warnings. Returns 0 or EXIT_USAGE. */
int cli_load_rules(ngojst_context *ctx, const cli_options *o, ngojst_ruleset **out);
/* Build the calendar with --holiday days. */
int cli_calendar(ngojst_context *ctx, const cli_options *o, ngojst_calendar **out);
/* The context, the rule sets and the calendar every command starts from;
 * 0 or an exit status (the objects are then NULL or to be freed by the caller). */
int cli_setup(const cli_options *o, ngojst_context **ctx, ngojst_ruleset **rs, ngojst_calendar **cal);

/* The entries of a folder accepted by keep(), as "path/name", sorted so the
 * output is the same on every machine. Returns the count, or -1 when the
 * folder cannot be read; free with cli_free_names(). */
long cli_list_dir(const char *path, bool (*keep)(const char *name), char ***names);
void cli_free_names(char **names, long n);

int cli_check(int argc, char **argv);
int cli_rules(int argc, char **argv);
int cli_explain(int argc, char **argv);
int cli_test(int argc, char **argv);
int cli_kinds(int argc, char **argv);
int cli_score(int argc, char **argv);

#endif
