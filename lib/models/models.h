/* Private: each instrument's kinds and built-in checks, collected by
 * kinds.c into the registries the rest of the library uses. */
#ifndef NGOJST_MODELS_H
#define NGOJST_MODELS_H

#include "../schema/schema.h"

extern const ngojst_kind ngojst_kind_annual_programme;
extern const ngojst_kind ngojst_kind_multiannual_programme;
extern const ngojst_kind ngojst_kind_programme_report;

extern const ngojst_builtin_check ngojst_programme_builtins[];
extern const size_t ngojst_programme_builtin_count;

extern const ngojst_kind ngojst_kind_council_request;
extern const ngojst_kind ngojst_kind_public_benefit_council;
extern const ngojst_kind ngojst_kind_council_resolution;
extern const ngojst_kind ngojst_kind_council_opinion_request;
extern const ngojst_builtin_check ngojst_council_builtins[];
extern const size_t ngojst_council_builtin_count;

extern const ngojst_kind ngojst_kind_initiative_application;
extern const ngojst_kind ngojst_kind_initiative_resolution;
extern const ngojst_builtin_check ngojst_initiative_builtins[];
extern const size_t ngojst_initiative_builtin_count;

extern const ngojst_kind ngojst_kind_procurement;
extern const ngojst_builtin_check ngojst_procurement_builtins[];
extern const size_t ngojst_procurement_builtin_count;

#endif
