/* The text format: compiler-style lines that editors, grep and CI log
 * parsers understand.
 *
 *   source:line:col: severity: message [rule-id]
 *     basis: citation; consequence: late; rule set: pl
 *
 * and a summary line at the end. Control characters in any string are
 * escaped so that every finding is exactly two lines. */
#include "format-private.h"

static const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static void put_finding(ngojst_buf *b, const ngojst_report *r, const ngojst_finding *f)
{
	ngojst_report_put_text(b, r->source);
	/* Like a compiler: the column only with a line, the line only when known. */
	if (f->line)
		ngojst_buf_printf(b, ":%u", f->line);
	if (f->line && f->column)
		ngojst_buf_printf(b, ":%u", f->column);
	ngojst_buf_printf(b, ": %s: ", ngojst_severity_name(f->severity));
	ngojst_report_put_text(b, f->message);
	ngojst_buf_puts(b, " [");
	ngojst_report_put_text(b, f->rule_id);
	ngojst_buf_puts(b, "]\n  ");
	if (*f->citation) {
		ngojst_buf_puts(b, "basis: ");
		ngojst_report_put_text(b, f->citation);
		ngojst_buf_puts(b, "; ");
	}
	ngojst_buf_printf(b, "consequence: %s", ngojst_consequence_name(f->consequence));
	if (*f->ruleset_id) {
		ngojst_buf_puts(b, "; rule set: ");
		ngojst_report_put_text(b, f->ruleset_id);
	}
	ngojst_buf_putc(b, '\n');
}

int ngojst_report_format_text(ngojst_buf *b, const ngojst_report *const *reports, size_t count, bool summary)
{
	size_t i, j, sev[3] = { 0, 0, 0 };

	for (i = 0; i < count; i++) {
		const ngojst_report *r = reports[i];

		for (j = 0; j < r->count; j++)
			put_finding(b, r, &r->findings[j]);
		if (r->dropped) {
			ngojst_buf_printf(b, "(%zu more %s in ", r->dropped,
					  plural(r->dropped, "finding", "findings"));
			ngojst_report_put_text(b, r->source);
			ngojst_buf_puts(b, " not shown)\n");
		}
		for (j = 0; j < 3; j++)
			sev[j] += r->by_severity[j];
	}
	if (!summary)
		return NGOJST_OK;
	ngojst_buf_printf(b, "%zu %s, %zu %s, %zu %s in %zu %s\n",
			  sev[NGOJST_SEVERITY_ERROR], plural(sev[NGOJST_SEVERITY_ERROR], "error", "errors"),
			  sev[NGOJST_SEVERITY_WARNING], plural(sev[NGOJST_SEVERITY_WARNING], "warning", "warnings"),
			  sev[NGOJST_SEVERITY_NOTE], plural(sev[NGOJST_SEVERITY_NOTE], "note", "notes"),
			  count, plural(count, "document", "documents"));
	return NGOJST_OK;
}
