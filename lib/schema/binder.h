/* Private: binding a document tree to the struct of its kind. */
#ifndef NGOJST_BINDER_H
#define NGOJST_BINDER_H

#include "../yaml/tree.h"
#include "schema.h"

/* Bind the mapping `root` to a new struct of `kind`, allocated in arena.
 * Every problem is recorded as an NGOJST_EINPUT diagnostic (with position
 * and JSON pointer); all are collected before returning NGOJST_EINPUT.
 * Keys listed in `skip` (NULL-terminated, may be NULL) at the top level are
 * ignored (the `kind` selector). */
int ngojst_bind(ngojst_context *ctx, ngojst_arena *arena, const char *source, const ngojst_node *root,
		const ngojst_kind *kind, const char *const *skip, void **out);

/* Typed scalar conversions shared with the rule-set loader. Each returns 0,
 * or an error code after recording a diagnostic. */
int ngojst_bind_date(ngojst_context *ctx, const char *source, const ngojst_node *n, const char *path,
		     ngojst_date *out);
int ngojst_bind_money(ngojst_context *ctx, const char *source, const ngojst_node *n, const char *path,
		      bool nonneg, ngojst_money *out);
int ngojst_bind_int(ngojst_context *ctx, const char *source, const ngojst_node *n, const char *path,
		    int64_t *out);
int ngojst_bind_bool(ngojst_context *ctx, const char *source, const ngojst_node *n, const char *path,
		     bool *out);

#endif
