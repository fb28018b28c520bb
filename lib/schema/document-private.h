/* Private: the document object. */
#ifndef NGOJST_DOCUMENT_PRIVATE_H
#define NGOJST_DOCUMENT_PRIVATE_H

#include <ngojst/document.h>

#include "../core/arena.h"
#include "../yaml/tree.h"
#include "schema.h"

struct ngojst_document {
	ngojst_context *ctx;
	const ngojst_kind *kind;
	const void *data;        /* in arena, or the caller's (wrapped) */
	ngojst_arena arena;      /* tree, bound struct and source name */
	const ngojst_tree *tree; /* NULL for a wrapped struct */
	const char *source;
	size_t index;
};

/* A document bound from a node of a tree whose nodes the caller keeps
 * alive (a case file's inline document): positions point into that file.
 * The tree header itself is copied. */
int ngojst_document_from_tree(ngojst_document **out, ngojst_context *ctx, const ngojst_tree *tree,
			      const char *default_kind);

#endif
