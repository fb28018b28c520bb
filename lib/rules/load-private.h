/* Private: the loader's state and the pieces shared between load.c (files,
 * layers, metadata, lists, parameters), load-rules.c (rules and overrides)
 * and overlay.c (what an overlay may change). */
#ifndef NGOJST_LOAD_PRIVATE_H
#define NGOJST_LOAD_PRIVATE_H

#include "../yaml/tree.h"
#include "ruleset-private.h"

typedef struct ngojst_loader {
	ngojst_context *ctx;
	ngojst_ruleset *rs;
	const char *source;  /* current unit, for diagnostics */
	size_t layer;        /* current layer */
	int err;             /* first error: ERULESET, EPARSE, ELIMIT or ENOMEM */
	bool needs_base;     /* layer 0 says extends: the caller forgot the base */
} ngojst_loader;

int ngojst_ld_fail(ngojst_loader *ld, const ngojst_node *n, const char *fmt, ...) NGOJST_PRINTF(3, 4);
ngojst_srcpos ngojst_ld_pos(ngojst_loader *ld, const ngojst_node *n);
bool ngojst_ld_keys(ngojst_loader *ld, const ngojst_node *map, const char *what, const char *const *known);
const char *ngojst_ld_str(ngojst_loader *ld, const ngojst_node *map, const char *key, bool required,
			  const char *what);
int ngojst_ld_value(ngojst_loader *ld, const ngojst_node *n, ngojst_vtype type, ngojst_value *out);
int ngojst_ld_value_date(ngojst_loader *ld, const ngojst_node *n, ngojst_date *out);
const char *ngojst_vtype_name(ngojst_vtype t);
/* Ids: lowercase letters, digits, '.', '-', '_' (and for rule ids no
 * leading or trailing dot). */
bool ngojst_ld_id_ok(const char *id, bool rule);

/* load-rules.c */
int ngojst_ld_rules(ngojst_loader *ld, const ngojst_node *n);
int ngojst_ld_overrides(ngojst_loader *ld, const ngojst_node *n);
int ngojst_ld_check_rules(ngojst_loader *ld);
int ngojst_ld_build_infos(ngojst_loader *ld);

/* overlay.c: add or change a list or parameter, recording a conflict when an
 * overlay would loosen a statutory one. */
int ngojst_ld_add_list(ngojst_loader *ld, const ngojst_list *l, const ngojst_node *at);
int ngojst_ld_add_param(ngojst_loader *ld, const ngojst_param *p, const ngojst_node *at);
int ngojst_ld_conflict(ngojst_loader *ld, const ngojst_node *at, ngojst_conflict_kind kind, const char *subject,
		       const char *fmt, ...) NGOJST_PRINTF(5, 6);
bool ngojst_severity_parse(const char *s, ngojst_severity *out);
const char *ngojst_check_kind_name(ngojst_checkkind k);

#endif
