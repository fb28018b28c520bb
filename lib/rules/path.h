/* Private: field paths such as "priority_tasks/ * /amount" (without the
 * spaces): resolving them against a kind's field table when a rule set is
 * loaded, and walking the values they reach in a document when it is checked. */
#ifndef NGOJST_PATH_H
#define NGOJST_PATH_H

#include <stdbool.h>

#include "../core/buf.h"
#include "../schema/schema.h"
#include "ruleset-private.h"

/* What a path reaches in a schema. */
typedef struct ngojst_path_type {
	ngojst_ftype type;          /* of the leaf; FT_STRING for "strings/ *" */
	const ngojst_field *field;  /* the leaf field (the list field for "strings/ *") */
	bool multi;                 /* passes through "*": may reach many values */
} ngojst_path_type;

/* Split text on '/' into arena strings. Returns 0 or NGOJST_ENOMEM; an empty
 * segment or "*" first is NGOJST_EINVAL. */
int ngojst_path_parse(ngojst_arena *arena, const char *text, ngojst_path *out);

/* Resolve against a schema. On failure returns NGOJST_ENOTFOUND and sets
 * *bad_seg to the first segment that does not fit. */
int ngojst_path_resolve(const ngojst_schema *schema, const ngojst_path *p, ngojst_path_type *out,
			const char **bad_seg);

/* A step from the document's root to a value: a field, or an index into a
 * list. Steps live on the walk's stack. */
typedef struct ngojst_path_step ngojst_path_step;

/* One value reached by a path in a document. */
typedef struct ngojst_path_value {
	const void *ptr;            /* points at the value (e.g. a const char * slot) */
	ngojst_ftype type;
	const ngojst_field *field;
	const void *owner;          /* the struct holding the field (for presence tests) */
	const ngojst_path_step *step; /* how the walk got here (for the pointer) */
	ngojst_buf *ptr_buf;        /* where the pointer is written out */
} ngojst_path_value;

typedef int (*ngojst_path_fn)(void *ud, const ngojst_path_value *v);

/* Call fn for every value the path reaches in data (a struct of schema);
 * absent intermediate structs are walked (their fields are absent), empty
 * lists yield nothing. ptr_buf is scratch for pointers (see
 * ngojst_path_value_pointer). Stops and returns the first non-zero value fn
 * returns. */
int ngojst_path_walk(const ngojst_schema *schema, const void *data, const ngojst_path *p, ngojst_buf *ptr_buf,
		     ngojst_path_fn fn, void *ud);

/* Whether the value is present (not absent; strings non-blank). */
bool ngojst_path_value_present(const ngojst_path_value *v);

/* The JSON pointer of the value, e.g. "/priority_tasks/2/amount", written
 * into the walk's ptr_buf when asked for (most values never need one);
 * valid during the callback. NULL when out of memory (ptr_buf then reports
 * the failure). */
const char *ngojst_path_value_pointer(const ngojst_path_value *v);

#endif
