/* Private: evaluating a compiled rule set against one document. Built-in
 * checks written in C receive the evaluation state and report through
 * ngojst_eval_emit, exactly like the generic checks. */
#ifndef NGOJST_EVAL_H
#define NGOJST_EVAL_H

#include <ngojst/document.h>

#include "../core/buf.h"
#include "../report/report-private.h"
#include "../schema/document-private.h"
#include "../schema/schema.h"
#include "ruleset-private.h"

typedef struct ngojst_var {
	const char *name;
	const char *value;
} ngojst_var;

typedef struct ngojst_eval {
	ngojst_context *ctx;
	const ngojst_ruleset *rs;
	const ngojst_rule *rule;
	const ngojst_kind *kind;
	const ngojst_document *doc;
	const void *data;
	ngojst_report *report;
	ngojst_date as_of;
	ngojst_date law_date;
	ngojst_lang lang;
	const ngojst_calendar *cal;
	ngojst_buf ptr;   /* JSON pointer scratch for path walks */
	ngojst_buf msg;   /* message rendering */
	ngojst_buf tmp;   /* value formatting */
	size_t param_layer; /* highest layer of a parameter value the current rule used */
	int err;          /* ENOMEM stops evaluation */
} ngojst_eval;

/* Add a finding of the current rule at a JSON pointer, rendering its
 * message (or its missing_message) with vars and document fields. */
int ngojst_eval_emit(ngojst_eval *ev, const char *pointer, const ngojst_var *vars, size_t nvars, bool missing);

/* A parameter's value in force at the law date, or NULL (no such parameter,
 * none in force, or not of the type). A finding the current rule then makes
 * is credited to the overlay that supplied the value. */
const ngojst_value *ngojst_eval_param(ngojst_eval *ev, const char *name, ngojst_vtype type);

/* Format a value for a message in the evaluation's language. */
const char *ngojst_eval_format_value(ngojst_eval *ev, const ngojst_value *v, char *buf, size_t size);

/* Whether a value is on a list (see eval.c for the matching rules). */
bool ngojst_list_contains(const ngojst_list *l, const char *s);

/* Run every applicable rule. */
int ngojst_eval_run(ngojst_eval *ev);

#endif
