/* ngojst rules, ngojst explain, ngojst kinds: what the library knows.
 * SPDX-License-Identifier: CC0-1.0 (copy freely) */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void json_str(const char *s)
{
	putchar('"');
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c == '\n')
			fputs("\\n", stdout);
		else if (c < 0x20)
			printf("\\u%04x", c);
		else
			putchar(c);
	}
	putchar('"');
}

static void json_str_or_null(const char *s)
{
	if (s)
		json_str(s);
	else
		fputs("null", stdout);
}

static void date_or_dash(ngojst_date d, char *buf, size_t size)
{
	if (ngojst_date_format(buf, size, d) < 0)
		snprintf(buf, size, "-");
}

int cli_rules(int argc, char **argv)
{
	cli_options o;
	ngojst_context *ctx = NULL;
	ngojst_ruleset *rs = NULL;
	size_t i, n;
	int rc = cli_parse(&o, argc, argv, "rules", OPT_RULESET | OPT_LANG | OPT_FORMAT_JSON);

	if (rc)
		goto out;
	if (ngojst_context_new(&ctx, NULL)) {
		rc = EXIT_INTERNAL;
		goto out;
	}
	if ((rc = cli_load_rules(ctx, &o, &rs)))
		goto out;
	n = ngojst_ruleset_rule_count(rs);
	if (o.format == NGOJST_FORMAT_TEXT) {
		for (i = 0; i < n; i++) {
			const ngojst_rule_info *r = ngojst_ruleset_rule_at(rs, i);

			printf("%-32s %-7s %-13s %-28s %s%s\n", r->id, ngojst_severity_name(r->severity),
			       ngojst_status_name(r->status), o.lang == NGOJST_LANG_PL ? r->citation_pl : r->citation_en,
			       o.lang == NGOJST_LANG_PL ? r->title_pl : r->title_en, r->enabled ? "" : " (off)");
		}
	} else {
		printf("[");
		for (i = 0; i < n; i++) {
			const ngojst_rule_info *r = ngojst_ruleset_rule_at(rs, i);
			char from[16], to[16];

			date_or_dash(r->valid_from, from, sizeof(from));
			date_or_dash(r->valid_to, to, sizeof(to));
			printf("%s\n  {\"id\": ", i ? "," : "");
			json_str(r->id);
			printf(", \"kinds\": ");
			json_str(r->kinds);
			printf(", \"severity\": \"%s\", \"consequence\": \"%s\", \"status\": \"%s\", \"citation\": ",
			       ngojst_severity_name(r->severity), ngojst_consequence_name(r->consequence),
			       ngojst_status_name(r->status));
			json_str(o.lang == NGOJST_LANG_PL ? r->citation_pl : r->citation_en);
			printf(", \"title\": ");
			json_str(o.lang == NGOJST_LANG_PL ? r->title_pl : r->title_en);
			printf(", \"check\": ");
			json_str(r->check);
			printf(", \"message\": ");
			json_str(o.lang == NGOJST_LANG_PL ? r->message_pl : r->message_en);
			printf(", \"missing_message\": ");
			json_str_or_null(o.lang == NGOJST_LANG_PL ? r->missing_message_pl : r->missing_message_en);
			printf(", \"note\": ");
			json_str_or_null(r->note);
			printf(", \"in_force_on\": ");
			json_str_or_null(r->in_force_on);
			printf(", \"valid_from\": \"%s\", \"valid_to\": \"%s\", \"enabled\": %s, \"defined_by\": ", from, to,
			       r->enabled ? "true" : "false");
			json_str(r->ruleset_id);
			printf(", \"ruleset\": ");
			json_str(r->changed_by);
			printf("}");
		}
		printf("\n]\n");
	}
out:
	ngojst_ruleset_free(rs);
	ngojst_context_free(ctx);
	free(o.args);
	return rc;
}

int cli_explain(int argc, char **argv)
{
	cli_options o;
	ngojst_context *ctx = NULL;
	ngojst_ruleset *rs = NULL;
	const ngojst_rule_info *r;
	char from[16], to[16];
	int rc = cli_parse(&o, argc, argv, "explain", OPT_RULESET | OPT_LANG);
	bool pl;

	if (rc)
		goto out;
	if (o.nargs != 1) {
		fprintf(stderr, "ngojst explain: give one rule id (see 'ngojst rules')\n");
		rc = EXIT_USAGE;
		goto out;
	}
	if (ngojst_context_new(&ctx, NULL)) {
		rc = EXIT_INTERNAL;
		goto out;
	}
	if ((rc = cli_load_rules(ctx, &o, &rs)))
		goto out;
	r = ngojst_ruleset_find_rule(rs, o.args[0]);
	if (!r) {
		fprintf(stderr, "ngojst explain: no rule '%s' (see 'ngojst rules')\n", o.args[0]);
		rc = EXIT_USAGE;
		goto out;
	}
	pl = o.lang == NGOJST_LANG_PL;
	date_or_dash(r->valid_from, from, sizeof(from));
	date_or_dash(r->valid_to, to, sizeof(to));
	printf("%s: %s\n", r->id, pl ? r->title_pl : r->title_en);
	printf("  %s: %s\n", pl ? "podstawa" : "basis", pl ? r->citation_pl : r->citation_en);
	printf("  %s: %s\n", pl ? "rodzaje dokumentów" : "kinds", r->kinds);
	printf("  %s: %s\n", pl ? "sprawdzenie" : "check", r->check);
	printf("  %s: %s, %s: %s\n", pl ? "waga" : "severity", ngojst_severity_name(r->severity),
	       pl ? "skutek" : "consequence", ngojst_consequence_name(r->consequence));
	printf("  %s: %s\n", pl ? "weryfikacja" : "status", ngojst_status_name(r->status));
	printf("  %s: %s .. %s\n", pl ? "obowiązuje" : "in force", from, to);
	printf("  %s: %s%s%s\n", pl ? "zbiór reguł" : "rule set", r->ruleset_id,
	       strcmp(r->ruleset_id, r->changed_by) ? (pl ? ", zmieniona przez " : ", changed by ") : "",
	       strcmp(r->ruleset_id, r->changed_by) ? r->changed_by : "");
	printf("  %s: %s\n", pl ? "komunikat" : "message", pl ? r->message_pl : r->message_en);
	if (r->missing_message_pl)
		printf("  %s: %s\n", pl ? "komunikat o braku" : "message when missing",
		       pl ? r->missing_message_pl : r->missing_message_en);
	if (r->in_force_on)
		printf("  %s: %s\n", pl ? "obowiązywanie według" : "in force judged on", r->in_force_on);
	if (r->note)
		printf("  %s: %s\n", pl ? "uwagi" : "note", r->note);
	if (!r->enabled)
		printf("  %s\n", pl ? "(wyłączona przez nakładkę)" : "(switched off by an overlay)");
out:
	ngojst_ruleset_free(rs);
	ngojst_context_free(ctx);
	free(o.args);
	return rc;
}

int cli_kinds(int argc, char **argv)
{
	size_t i;

	(void)argc;
	(void)argv;
	for (i = 0; i < ngojst_kind_count(); i++)
		printf("%-28s %s\n", ngojst_kind_name(i), ngojst_kind_description(i));
	return EXIT_CLEAN;
}
