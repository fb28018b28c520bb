/* Private: what every instrument's field tables share — the macros that
 * declare a field from its struct member, and the tables of the structs
 * several kinds embed (ngojst_jst, ngojst_act, ngojst_period). */
#ifndef NGOJST_MODELS_FIELDS_H
#define NGOJST_MODELS_FIELDS_H

#include <stddef.h>

#include <ngojst/programme.h>

#include "../schema/schema.h"

/* A scalar or list-of-strings member. */
#define F(type_, name_, ftype, flags_, en, pl) \
	{ #name_, ftype, offsetof(type_, name_), 0, NULL, flags_, en, pl }
/* An embedded struct member described by the table sub_. */
#define FS(type_, name_, sub_, en, pl) \
	{ #name_, NGOJST_FT_STRUCT, offsetof(type_, name_), 0, &sub_, 0, en, pl }
/* A pointer-and-count list member (name_ and name_##_count). */
#define FL(type_, name_, sub_, en, pl) \
	{ #name_, NGOJST_FT_LIST, offsetof(type_, name_), offsetof(type_, name_##_count), &sub_, 0, en, pl }
/* A table of fields_ for the struct type_. */
#define SCHEMA(var, type_, fields_) \
	static const ngojst_schema var = { #type_, sizeof(type_), fields_, sizeof(fields_) / sizeof(fields_[0]) }

extern const ngojst_schema ngojst_jst_schema;
extern const ngojst_schema ngojst_act_schema;
extern const ngojst_schema ngojst_period_schema;

/* 1 January of a year, or a zero date for an absent or impossible year. */
ngojst_date ngojst_january_first(int64_t year);

#endif
