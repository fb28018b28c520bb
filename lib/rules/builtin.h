/* Private: the national rule set embedded at build time (tools/embed-rules.py). */
#ifndef NGOJST_BUILTIN_H
#define NGOJST_BUILTIN_H

#include <stddef.h>

typedef struct ngojst_builtin_file {
	const char *name;  /* base name of the YAML file */
	const char *text;  /* NUL-terminated */
	size_t len;
} ngojst_builtin_file;

extern const ngojst_builtin_file ngojst_builtin_files[];
extern const size_t ngojst_builtin_file_count;
extern const char ngojst_builtin_sha256[];

#endif
