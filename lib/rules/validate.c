/* ngojst_validate: one document, one rule set, one report. */
#include <stdio.h>
#include <string.h>

#include <ngojst/validate.h>

#include "eval.h"

/* Overlay conflicts travel with every report, so nobody relies on a
 * loosened rule without seeing that it was refused. */
static int add_conflicts(const ngojst_ruleset *rs, ngojst_report *report, ngojst_lang lang)
{
	size_t i;

	for (i = 0; i < rs->nconflicts; i++) {
		const ngojst_conflict *c = &rs->conflicts[i];
		const ngojst_rule *r;
		ngojst_finding f;
		char msg[1024], citation[256];

		memset(&f, 0, sizeof(f));
		f.rule_id = "ngojst.overlay.conflict";
		f.severity = NGOJST_SEVERITY_ERROR;
		f.consequence = NGOJST_CONSEQUENCE_INVALID;
		f.status = NGOJST_STATUS_CONFIRMED_CUR;
		f.path = "";
		snprintf(msg, sizeof(msg), lang == NGOJST_LANG_PL
			 ? "Konflikt nakładki z prawem (%s:%u:%u): %s"
			 : "Overlay conflicts with the law (%s:%u:%u): %s",
			 c->pos.source, c->pos.line, c->pos.column, c->message);
		f.message = msg;
		if (c->kind == NGOJST_CONFLICT_RULE && (r = ngojst_ruleset_rule(rs, c->subject)))
			ngojst_rule_citation(rs, r, lang, citation, sizeof(citation));
		else
			snprintf(citation, sizeof(citation), "%s %s (%s)",
				 c->kind == NGOJST_CONFLICT_LIST ? (lang == NGOJST_LANG_PL ? "lista" : "list")
								 : (lang == NGOJST_LANG_PL ? "parametr" : "parameter"),
				 c->subject, rs->layers[0].id);
		f.citation = citation;
		f.ruleset_id = rs->layers[c->layer].id;
		if (ngojst_report_add(report, &f) == NGOJST_ENOMEM)
			return NGOJST_ENOMEM;
	}
	return NGOJST_OK;
}

int ngojst_validate(ngojst_context *ctx, const ngojst_ruleset *rs, const ngojst_document *doc,
		    const ngojst_validate_options *opts, ngojst_report **out)
{
	ngojst_eval ev;
	ngojst_report *report;
	ngojst_date law_date;
	size_t i;
	int rc;

	if (!out)
		return NGOJST_EINVAL;
	*out = NULL;
	if (!ctx || !rs || !doc || !doc->kind || !opts || opts->version != NGOJST_VALIDATE_OPTIONS_VERSION ||
	    !ngojst_date_is_valid(opts->as_of) || (opts->lang != NGOJST_LANG_PL && opts->lang != NGOJST_LANG_EN))
		return NGOJST_EINVAL;
	ngojst_diag_clear(ctx);
	law_date = doc->kind->law_date(doc->data);
	if (!ngojst_date_is_valid(law_date))
		law_date = opts->as_of;
	rc = ngojst_report_new(&report, ctx, doc->source, doc->index, doc->kind->name, opts->as_of, law_date, opts->lang);
	if (rc)
		return rc;
	for (i = 0; i < rs->nlayers && !rc; i++) {
		ngojst_report_ruleset info;

		ngojst_ruleset_layer(rs, i, &info);
		rc = ngojst_report_add_ruleset(report, &info);
	}
	if (!rc)
		rc = add_conflicts(rs, report, opts->lang);
	if (rc) {
		ngojst_report_free(report);
		return rc;
	}
	memset(&ev, 0, sizeof(ev));
	ev.ctx = ctx;
	ev.rs = rs;
	ev.kind = doc->kind;
	ev.doc = doc;
	ev.data = doc->data;
	ev.report = report;
	ev.as_of = opts->as_of;
	ev.law_date = law_date;
	ev.lang = opts->lang;
	ev.cal = opts->calendar;
	ngojst_buf_init(&ev.ptr, ctx);
	ngojst_buf_init(&ev.msg, ctx);
	ngojst_buf_init(&ev.tmp, ctx);
	rc = ngojst_eval_run(&ev);
	ngojst_buf_dispose(&ev.ptr);
	ngojst_buf_dispose(&ev.msg);
	ngojst_buf_dispose(&ev.tmp);
	if (rc) {
		ngojst_report_free(report);
		return rc;
	}
	ngojst_report_seal(report);
	*out = report;
	return NGOJST_OK;
}
