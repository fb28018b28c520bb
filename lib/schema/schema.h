/* Private: field tables. Each document kind declares its struct's fields
 * once; the binder, the rule paths, the Python conversion and the generated
 * field reference all read these tables. */
#ifndef NGOJST_SCHEMA_H
#define NGOJST_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <ngojst/date.h>
#include <ngojst/document.h>
#include <ngojst/money.h>

typedef enum ngojst_ftype {
	NGOJST_FT_STRING,  /* const char * (NULL = absent) */
	NGOJST_FT_INT,     /* int64_t (NGOJST_INT_NONE = absent) */
	NGOJST_FT_MONEY,   /* ngojst_money (NGOJST_MONEY_NONE = absent) */
	NGOJST_FT_DATE,    /* ngojst_date (zero = absent) */
	NGOJST_FT_FLAG,    /* ngojst_flag (UNSET = absent) */
	NGOJST_FT_STRINGS, /* ngojst_strings (count 0 = absent) */
	NGOJST_FT_STRUCT,  /* embedded struct described by sub */
	NGOJST_FT_LIST     /* pointer to array of sub structs at offset, size_t count at count_offset */
} ngojst_ftype;

enum {
	NGOJST_FIELD_REQUIRED = 1u << 0, /* the binder rejects a document without it (structural, not legal) */
	NGOJST_FIELD_NONNEG = 1u << 1,   /* money/int: negative values are input errors */
	NGOJST_FIELD_YEAR = 1u << 2      /* int: a calendar year, 1 to 9999 */
};

typedef struct ngojst_schema ngojst_schema;

typedef struct ngojst_field {
	const char *name;
	ngojst_ftype type;
	size_t offset;
	size_t count_offset;         /* NGOJST_FT_LIST only */
	const ngojst_schema *sub;    /* NGOJST_FT_STRUCT and NGOJST_FT_LIST */
	unsigned flags;
	const char *doc_en;
	const char *doc_pl;
} ngojst_field;

struct ngojst_schema {
	const char *name;            /* C type name, for docs */
	size_t size;                 /* sizeof the struct */
	const ngojst_field *fields;
	size_t nfields;
};

/* A built-in check written in C. It receives the document's struct and
 * reports through the evaluation context (see rules/eval.h). */
struct ngojst_eval;
typedef int (*ngojst_builtin_fn)(struct ngojst_eval *ev, const void *data);

typedef struct ngojst_builtin_check {
	const char *name;
	ngojst_builtin_fn fn;
	const char *doc;
	const char *const *kinds;   /* the kinds whose struct fn reads; NULL-terminated */
} ngojst_builtin_check;

typedef struct ngojst_kind {
	const char *name;
	const char *description;
	const ngojst_schema *schema;
	/* The date that selects the law in force, e.g. 1 January of the
	 * programme year. Returns a zero date when the document lacks it. */
	ngojst_date (*law_date)(const void *data);
	const char *law_date_doc;
} ngojst_kind;

const ngojst_kind *ngojst_kind_find(const char *name);
const ngojst_kind *ngojst_kind_at(size_t index);
const ngojst_builtin_check *ngojst_builtin_find(const char *name);
/* The built-in checks in registry order, for the generated reference. */
const ngojst_builtin_check *ngojst_builtin_at(size_t index);

/* The field named name in schema, or NULL. */
const ngojst_field *ngojst_schema_field(const ngojst_schema *schema, const char *name, size_t len);
/* The closest field name by edit distance (for "did you mean"), or NULL. */
const char *ngojst_schema_suggest(const ngojst_schema *schema, const char *name);
/* Set every field of data to absent. */
void ngojst_schema_init(const ngojst_schema *schema, void *data);
/* Whether a field's value is present (non-absent; strings non-blank). */
bool ngojst_field_present(const ngojst_field *f, const void *base);
const char *ngojst_ftype_name(ngojst_ftype t);

/* Levenshtein distance, capped (returns cap + 1 when above). */
size_t ngojst_edit_distance(const char *a, const char *b, size_t cap);

#define NGOJST_FIELD_PTR(base, f) ((const void *)((const char *)(base) + (f)->offset))

#endif
