/* Private: the national rule set embedded at build time: its text
 * (tools/embed-rules.py) and its parsed trees (tools/freeze-trees.c). */
#ifndef NGOJST_BUILTIN_H
#define NGOJST_BUILTIN_H

#include <stddef.h>

typedef struct ngojst_builtin_file {
	const char *name;  /* base name of the YAML file */
	const char *text;  /* NUL-terminated */
	size_t len;
} ngojst_builtin_file;

/* A file parsed when the library was built (lib/yaml/frozen.h), in the
 * order of ngojst_builtin_files (tools/freeze-trees.c). */
typedef struct ngojst_builtin_tree {
	const unsigned char *image;
	size_t len;
} ngojst_builtin_tree;

extern const ngojst_builtin_file ngojst_builtin_files[];
extern const ngojst_builtin_tree ngojst_builtin_trees[];
extern const size_t ngojst_builtin_file_count;
extern const char ngojst_builtin_sha256[];

#endif
