/* Private: small helpers the instruments' built-in checks share. */
#ifndef NGOJST_MODELS_BUILTIN_UTIL_H
#define NGOJST_MODELS_BUILTIN_UTIL_H

#include <stdbool.h>

#include "../rules/eval.h"

/* True for NULL, "" or only spaces. */
bool ngojst_blank(const char *s);

/* A finding of the current rule at pointer with {actual}; returns
 * NGOJST_ENOMEM or 0. */
int ngojst_emit_actual(ngojst_eval *ev, const char *pointer, const char *actual);

/* A finding unless value (when not blank) is written exactly as an item of
 * the named list. Rules' `when` conditions compare exactly while `in_list`
 * forgives the case of A-Z and surrounding spaces, so a value that selects
 * rules ("Gmina", "Services") must be an exact id, or it would pass the list
 * check and silently escape every rule it should select. */
int ngojst_exact_id(ngojst_eval *ev, const char *list, const char *value, const char *pointer);

#endif
