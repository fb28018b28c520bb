/* Private: document trees frozen into bytes at build time, and thawed.
 *
 * The built-in rule set is parsed when the library is built
 * (tools/freeze-trees.c) and embedded as frozen trees next to its text, so
 * that loading it at start-up costs no parsing. A frozen tree is the same
 * tree the reader builds (nodes, styles, lines, columns, byte offsets, text;
 * tests/yaml/test-frozen.c compares them), in a flat form without
 * pointers:
 *
 *   "NGJT", then little-endian u32: version (1), node count, child count,
 *   string pool length; the nodes in pre-order, 24 bytes each (u8 type, u8
 *   style, u16 zero, u32 line, column, offset, a, b: a scalar's text at pool
 *   offset a, b bytes long and NUL-terminated; a collection's children at
 *   child index a, b items or b key/value pairs); the children as u32 node
 *   indexes; the pool.
 *
 * Tags and aliases are not frozen (the rule sets have none). */
#ifndef NGOJST_YAML_FROZEN_H
#define NGOJST_YAML_FROZEN_H

#include <stddef.h>

#include "../core/buf.h"
#include "tree.h"

/* Append the frozen form of t to out. NGOJST_EINVAL for a tree it cannot
 * hold (an empty document, a tag, more than 2^32 of anything);
 * NGOJST_ENOMEM. */
int ngojst_tree_freeze(const ngojst_tree *t, ngojst_buf *out);

/* Thaw a frozen tree into arena. Scalars point into the image, which must
 * outlive the tree (the embedded ones are static). The image is checked
 * (bounds, order, terminators): NGOJST_ERROR with a diagnostic if it is
 * not a valid one; NGOJST_ENOMEM. */
int ngojst_tree_thaw(ngojst_context *ctx, ngojst_arena *arena, const char *source_name,
		     const unsigned char *image, size_t len, ngojst_tree **out);

#endif
