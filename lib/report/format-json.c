/* The JSON format; its schema is documented in docs/report-json.md. Keys are
 * written in a fixed order so that the output is byte-for-byte stable. */
#include "format-private.h"

static void put_ruleset(ngojst_jw *w, const ngojst_report_ruleset *rs)
{
	ngojst_jw_begin_object(w);
	ngojst_jw_kv_string(w, "id", rs->id);
	ngojst_jw_kv_string(w, "version", rs->version);
	ngojst_jw_kv_string(w, "sha256", rs->sha256);
	ngojst_jw_kv_string(w, "source", rs->source);
	ngojst_jw_end_object(w);
}

static void put_finding(ngojst_jw *w, const ngojst_finding *f)
{
	ngojst_jw_begin_object(w);
	ngojst_jw_kv_string(w, "rule", f->rule_id);
	ngojst_jw_kv_raw_string(w, "severity", ngojst_severity_name(f->severity));
	ngojst_jw_kv_raw_string(w, "consequence", ngojst_consequence_name(f->consequence));
	ngojst_jw_kv_raw_string(w, "status", ngojst_status_name(f->status));
	ngojst_jw_kv_string(w, "path", f->path);
	ngojst_jw_kv_uint(w, "line", f->line);
	ngojst_jw_kv_uint(w, "column", f->column);
	ngojst_jw_kv_string(w, "message", f->message);
	ngojst_jw_kv_string(w, "citation", f->citation);
	ngojst_jw_kv_string(w, "ruleset", f->ruleset_id);
	ngojst_jw_end_object(w);
}

static void put_report(ngojst_jw *w, const ngojst_report *r)
{
	size_t i;

	ngojst_jw_begin_object(w);
	ngojst_jw_kv_string(w, "source", r->source);
	ngojst_jw_kv_uint(w, "document", r->doc_index);
	ngojst_jw_kv_string(w, "kind", r->kind);
	ngojst_jw_key(w, "as_of");
	ngojst_jw_date(w, r->as_of);
	ngojst_jw_key(w, "law_date");
	ngojst_jw_date(w, r->law_date);
	ngojst_jw_kv_raw_string(w, "lang", ngojst_report_lang_name(r->lang));

	ngojst_jw_key(w, "rulesets");
	ngojst_jw_begin_array(w);
	for (i = 0; i < r->nrulesets; i++)
		put_ruleset(w, &r->rulesets[i]);
	ngojst_jw_end_array(w);

	ngojst_jw_key(w, "summary");
	ngojst_jw_begin_object(w);
	ngojst_jw_kv_uint(w, "errors", r->by_severity[NGOJST_SEVERITY_ERROR]);
	ngojst_jw_kv_uint(w, "warnings", r->by_severity[NGOJST_SEVERITY_WARNING]);
	ngojst_jw_kv_uint(w, "notes", r->by_severity[NGOJST_SEVERITY_NOTE]);
	ngojst_jw_kv_uint(w, "dropped", r->dropped);
	ngojst_jw_key(w, "ok");
	ngojst_jw_bool(w, ngojst_report_ok(r));
	ngojst_jw_end_object(w);

	ngojst_jw_key(w, "findings");
	ngojst_jw_begin_array(w);
	for (i = 0; i < r->count; i++)
		put_finding(w, &r->findings[i]);
	ngojst_jw_end_array(w);
	ngojst_jw_end_object(w);
}

int ngojst_report_format_json(ngojst_buf *b, const ngojst_report *const *reports, size_t count)
{
	ngojst_jw w;
	size_t i;

	ngojst_jw_init(&w, b);
	ngojst_jw_begin_object(&w);
	ngojst_jw_kv_raw_string(&w, "ngojst", ngojst_version());
	ngojst_jw_key(&w, "reports");
	ngojst_jw_begin_array(&w);
	for (i = 0; i < count; i++)
		put_report(&w, reports[i]);
	ngojst_jw_end_array(&w);
	ngojst_jw_end_object(&w);
	ngojst_buf_putc(b, '\n');
	return NGOJST_OK;
}
