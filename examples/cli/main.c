/* ngojst: check documents of Polish JST-NGO cooperation law.
 * SPDX-License-Identifier: CC0-1.0 (copy freely) */
#include <string.h>

#include "cli.h"

static const char usage[] =
	"Usage: ngojst COMMAND [OPTIONS] [ARGS...]\n"
	"\n"
	"Commands:\n"
	"  check FILE|DIR|-...   check documents (YAML or JSON, multi-document streams)\n"
	"  rules                 list the rules with their status and citations\n"
	"  explain RULE-ID       show one rule: basis, status, dates, message\n"
	"  test CASES|DIR...     run declarative test cases (*.cases.yaml) and print 'N passed, N failed'\n"
	"  kinds                 list the document kinds\n"
	"  score --ruleset OVERLAY FILE|DIR|-...   score local-initiative applications with a\n"
	"                        municipality's criteria and print them ranked (text or json)\n"
	"\n"
	"Options:\n"
	"  --ruleset FILE        an overlay on top of the built-in national rule set (repeatable, in order)\n"
	"  --as-of YYYY-MM-DD    the date to check as of (default: today)\n"
	"  --lang pl|en          language of messages (default: pl)\n"
	"  --format text|json|sarif   output format (default: text)\n"
	"  --kind KIND           kind of documents that have no 'kind:' key\n"
	"  --fail-level error|warning|note   lowest severity that makes 'check' exit 1 (default: warning)\n"
	"  --holiday YYYY-MM-DD  an extra day off (e.g. declared by regulation); repeatable\n"
	"  -h, --help            this help\n"
	"  --version             versions of the tool, the library and the built-in rule set\n"
	"\n"
	"Exit status: 0 clean, 1 findings (or failed cases), 2 usage or input error, 3 internal error.\n";

int main(int argc, char **argv)
{
	const char *cmd = argc > 1 ? argv[1] : NULL;

	if (!cmd || !strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
		fputs(usage, cmd ? stdout : stderr);
		return cmd ? EXIT_CLEAN : EXIT_USAGE;
	}
	if (!strcmp(cmd, "--version")) {
		printf("ngojst %s (library %s, built-in rule set sha256 %s)\n", NGOJST_VERSION, ngojst_version(),
		       ngojst_ruleset_builtin_sha256());
		return EXIT_CLEAN;
	}
	if (ngojst_version_number() / 1000 != NGOJST_VERSION_NUMBER / 1000) {
		fprintf(stderr, "ngojst: built with headers %s but running library %s\n", NGOJST_VERSION, ngojst_version());
		return EXIT_INTERNAL;
	}
	if (!strcmp(cmd, "check"))
		return cli_check(argc - 2, argv + 2);
	if (!strcmp(cmd, "rules"))
		return cli_rules(argc - 2, argv + 2);
	if (!strcmp(cmd, "explain"))
		return cli_explain(argc - 2, argv + 2);
	if (!strcmp(cmd, "test"))
		return cli_test(argc - 2, argv + 2);
	if (!strcmp(cmd, "kinds"))
		return cli_kinds(argc - 2, argv + 2);
	if (!strcmp(cmd, "score"))
		return cli_score(argc - 2, argv + 2);
	fprintf(stderr, "ngojst: unknown command '%s'\n%s", cmd, usage);
	return EXIT_USAGE;
}
