/* The SARIF 2.1.0 format, for code-scanning dashboards. All reports of one
 * call become one run: one tool, one rule table, every finding a result. */
#include <stdlib.h>
#include <string.h>

#include "format-private.h"

/* A finding with its position in the input, so that sorting by rule id
 * can pick the first occurrence of each rule deterministically. */
typedef struct rule_ref {
	const ngojst_finding *f;
	size_t seq;
} rule_ref;

static int cmp_rule_ref(const void *pa, const void *pb)
{
	const rule_ref *a = pa, *b = pb;
	int c = strcmp(a->f->rule_id, b->f->rule_id);

	if (c)
		return c;
	return (a->seq > b->seq) - (a->seq < b->seq);
}

static int cmp_rule_key(const void *key, const void *elem)
{
	return strcmp(key, ((const rule_ref *)elem)->f->rule_id);
}

/* Build the rule table: one entry per distinct rule id, sorted by id, each
 * represented by its first finding (reports in order, findings in their
 * sealed order). *out is NULL when there are no findings. */
static int collect_rules(ngojst_context *ctx, const ngojst_report *const *reports, size_t count,
			 rule_ref **out, size_t *nout)
{
	rule_ref *refs;
	size_t total = 0, i, j, n;

	*out = NULL;
	*nout = 0;
	for (i = 0; i < count; i++)
		total += reports[i]->count;
	if (!total)
		return NGOJST_OK;
	refs = ngojst_calloc(ctx, total, sizeof(*refs));
	if (!refs)
		return NGOJST_ENOMEM;
	n = 0;
	for (i = 0; i < count; i++) {
		for (j = 0; j < reports[i]->count; j++) {
			refs[n].f = &reports[i]->findings[j];
			refs[n].seq = n;
			n++;
		}
	}
	qsort(refs, n, sizeof(*refs), cmp_rule_ref);
	/* Keep the first of each run of equal ids. */
	for (i = 1, j = 1; i < n; i++)
		if (strcmp(refs[i].f->rule_id, refs[j - 1].f->rule_id) != 0)
			refs[j++] = refs[i];
	*out = refs;
	*nout = j;
	return NGOJST_OK;
}

static bool same_ruleset(const ngojst_report_ruleset *a, const ngojst_report_ruleset *b)
{
	return strcmp(a->id, b->id) == 0 && strcmp(a->version, b->version) == 0 &&
	       strcmp(a->sha256, b->sha256) == 0 && strcmp(a->source, b->source) == 0;
}

/* The distinct rule sets of all reports in order of first appearance. */
static int collect_rulesets(ngojst_context *ctx, const ngojst_report *const *reports, size_t count,
			    const ngojst_report_ruleset ***out, size_t *nout)
{
	const ngojst_report_ruleset **list;
	size_t total = 0, i, j, k, n = 0;

	*out = NULL;
	*nout = 0;
	for (i = 0; i < count; i++)
		total += reports[i]->nrulesets;
	if (!total)
		return NGOJST_OK;
	list = ngojst_calloc(ctx, total, sizeof(*list));
	if (!list)
		return NGOJST_ENOMEM;
	for (i = 0; i < count; i++) {
		for (j = 0; j < reports[i]->nrulesets; j++) {
			const ngojst_report_ruleset *rs = &reports[i]->rulesets[j];

			for (k = 0; k < n && !same_ruleset(list[k], rs); k++)
				;
			if (k == n)
				list[n++] = rs;
		}
	}
	*out = list;
	*nout = n;
	return NGOJST_OK;
}

/* The run's as_of: the reports' common date, or the zero date (null) when
 * they were made for different dates or there are none. */
static ngojst_date common_as_of(const ngojst_report *const *reports, size_t count)
{
	ngojst_date none = { 0, 0, 0 };
	size_t i;

	if (!count)
		return none;
	for (i = 1; i < count; i++) {
		ngojst_date a = reports[0]->as_of, b = reports[i]->as_of;

		if (a.year != b.year || a.month != b.month || a.day != b.day)
			return none;
	}
	return reports[0]->as_of;
}

/* SARIF wants artifactLocation.uri to be a URI reference, and a source is a
 * file name ("<string>", "Uchwała 12.yaml"): keep the unreserved characters
 * and '/', percent-encode every other byte. */
static void put_uri(ngojst_jw *w, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	ngojst_buf *b = w->b;

	ngojst_jw_begin_value(w);
	ngojst_buf_putc(b, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
			ngojst_buf_putc(b, (char)c);
		} else {
			char e[3] = { '%', hex[c >> 4], hex[c & 15] };

			ngojst_buf_add(b, e, 3);
		}
	}
	ngojst_buf_putc(b, '"');
}

static void put_rule(ngojst_jw *w, const ngojst_finding *f)
{
	ngojst_jw_begin_object(w);
	ngojst_jw_kv_string(w, "id", f->rule_id);
	ngojst_jw_key(w, "shortDescription");
	ngojst_jw_begin_object(w);
	ngojst_jw_kv_string(w, "text", f->citation);
	ngojst_jw_end_object(w);
	ngojst_jw_key(w, "properties");
	ngojst_jw_begin_object(w);
	ngojst_jw_kv_raw_string(w, "status", ngojst_status_name(f->status));
	ngojst_jw_kv_raw_string(w, "consequence", ngojst_consequence_name(f->consequence));
	ngojst_jw_end_object(w);
	ngojst_jw_end_object(w);
}

static void put_result(ngojst_jw *w, const ngojst_report *r, const ngojst_finding *f,
		       const rule_ref *rules, size_t nrules)
{
	const rule_ref *rule = bsearch(f->rule_id, rules, nrules, sizeof(*rules), cmp_rule_key);

	ngojst_jw_begin_object(w);
	ngojst_jw_kv_string(w, "ruleId", f->rule_id);
	/* Every finding's rule is in the table, which was built from them. */
	ngojst_jw_kv_uint(w, "ruleIndex", rule ? (size_t)(rule - rules) : 0);
	ngojst_jw_kv_raw_string(w, "level", ngojst_severity_name(f->severity));
	ngojst_jw_key(w, "message");
	ngojst_jw_begin_object(w);
	ngojst_jw_kv_string(w, "text", f->message);
	ngojst_jw_end_object(w);

	ngojst_jw_key(w, "locations");
	ngojst_jw_begin_array(w);
	ngojst_jw_begin_object(w);
	ngojst_jw_key(w, "physicalLocation");
	ngojst_jw_begin_object(w);
	ngojst_jw_key(w, "artifactLocation");
	ngojst_jw_begin_object(w);
	ngojst_jw_key(w, "uri");
	put_uri(w, r->source);
	ngojst_jw_end_object(w);
	/* SARIF positions are 1-based; an unknown one is left out. */
	if (f->line) {
		ngojst_jw_key(w, "region");
		ngojst_jw_begin_object(w);
		ngojst_jw_kv_uint(w, "startLine", f->line);
		if (f->column)
			ngojst_jw_kv_uint(w, "startColumn", f->column);
		ngojst_jw_end_object(w);
	}
	ngojst_jw_end_object(w);
	ngojst_jw_key(w, "logicalLocations");
	ngojst_jw_begin_array(w);
	ngojst_jw_begin_object(w);
	ngojst_jw_kv_string(w, "fullyQualifiedName", f->path);
	ngojst_jw_end_object(w);
	ngojst_jw_end_array(w);
	ngojst_jw_end_object(w);
	ngojst_jw_end_array(w);

	ngojst_jw_key(w, "properties");
	ngojst_jw_begin_object(w);
	ngojst_jw_kv_raw_string(w, "consequence", ngojst_consequence_name(f->consequence));
	ngojst_jw_kv_string(w, "ruleset", f->ruleset_id);
	ngojst_jw_kv_uint(w, "document", r->doc_index);
	ngojst_jw_end_object(w);
	ngojst_jw_end_object(w);
}

static void put_ruleset(ngojst_jw *w, const ngojst_report_ruleset *rs)
{
	ngojst_jw_begin_object(w);
	ngojst_jw_kv_string(w, "id", rs->id);
	ngojst_jw_kv_string(w, "version", rs->version);
	ngojst_jw_kv_string(w, "sha256", rs->sha256);
	ngojst_jw_kv_string(w, "source", rs->source);
	ngojst_jw_end_object(w);
}

int ngojst_report_format_sarif(ngojst_buf *b, ngojst_context *ctx,
			       const ngojst_report *const *reports, size_t count)
{
	const ngojst_report_ruleset **rulesets = NULL;
	rule_ref *rules = NULL;
	size_t nrules = 0, nrulesets = 0, i, j;
	ngojst_jw w;
	int rc;

	rc = collect_rules(ctx, reports, count, &rules, &nrules);
	if (rc == NGOJST_OK)
		rc = collect_rulesets(ctx, reports, count, &rulesets, &nrulesets);
	if (rc != NGOJST_OK)
		goto out;

	ngojst_jw_init(&w, b);
	ngojst_jw_begin_object(&w);
	ngojst_jw_kv_raw_string(&w, "$schema", "https://json.schemastore.org/sarif-2.1.0.json");
	ngojst_jw_kv_raw_string(&w, "version", "2.1.0");
	ngojst_jw_key(&w, "runs");
	ngojst_jw_begin_array(&w);
	ngojst_jw_begin_object(&w);

	ngojst_jw_key(&w, "tool");
	ngojst_jw_begin_object(&w);
	ngojst_jw_key(&w, "driver");
	ngojst_jw_begin_object(&w);
	ngojst_jw_kv_raw_string(&w, "name", "ngojst");
	ngojst_jw_kv_raw_string(&w, "version", ngojst_version());
	ngojst_jw_kv_raw_string(&w, "informationUri", "https://example.invalid/ngojst");
	ngojst_jw_key(&w, "rules");
	ngojst_jw_begin_array(&w);
	for (i = 0; i < nrules; i++)
		put_rule(&w, rules[i].f);
	ngojst_jw_end_array(&w);
	ngojst_jw_end_object(&w);
	ngojst_jw_end_object(&w);

	ngojst_jw_kv_raw_string(&w, "columnKind", "unicodeCodePoints");

	ngojst_jw_key(&w, "results");
	ngojst_jw_begin_array(&w);
	for (i = 0; i < count; i++)
		for (j = 0; j < reports[i]->count; j++)
			put_result(&w, reports[i], &reports[i]->findings[j], rules, nrules);
	ngojst_jw_end_array(&w);

	ngojst_jw_key(&w, "properties");
	ngojst_jw_begin_object(&w);
	ngojst_jw_key(&w, "as_of");
	ngojst_jw_date(&w, common_as_of(reports, count));
	ngojst_jw_key(&w, "rulesets");
	ngojst_jw_begin_array(&w);
	for (i = 0; i < nrulesets; i++)
		put_ruleset(&w, rulesets[i]);
	ngojst_jw_end_array(&w);
	ngojst_jw_end_object(&w);

	ngojst_jw_end_object(&w);
	ngojst_jw_end_array(&w);
	ngojst_jw_end_object(&w);
	ngojst_buf_putc(b, '\n');
out:
	ngojst_free(ctx, rules);
	ngojst_free(ctx, rulesets);
	return rc;
}
