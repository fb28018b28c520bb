/* Reading one input two ways and comparing: from a buffer, where the direct
 * readers (lib/yaml/block.c, json-line.c) take every document they cover,
 * and from a FILE, which always goes through libyaml. Both must give the
 * same documents (every node's type, style, line, column, byte offset, tag
 * and text) and the same outcome (end, or the same error at the same place
 * with the same message). Shared by tests/yaml/test-block.c and
 * fuzz/fuzz-block.c; header-only so that each can link it its own way. */
#ifndef NGOJST_TEST_TREE_DIFF_H
#define NGOJST_TEST_TREE_DIFF_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <ngojst/ngojst.h>

#include "yaml/reader-private.h"

/* What a comparison found. */
typedef struct tree_diff_result {
	bool same;
	size_t documents;        /* documents both read */
	size_t direct;           /* of them, read without libyaml */
	int rc;                  /* how both ended: NGOJST_EOF or an error */
	char why[512];           /* the first difference */
} tree_diff_result;

static bool tree_diff_nodes(const ngojst_node *a, const ngojst_node *b, char *why, size_t n)
{
	size_t i;

	if (!a || !b) {
		if (a != b)
			snprintf(why, n, "one root is empty");
		return a == b;
	}
	if (a->type != b->type || a->line != b->line || a->column != b->column ||
	    a->offset != b->offset || (a->type == NGOJST_NODE_SCALAR && a->style != b->style) ||
	    (a->tag == NULL) != (b->tag == NULL) || (a->tag && strcmp(a->tag, b->tag) != 0)) {
		snprintf(why, n,
			 "node differs: direct type %d style %d at %u:%u+%zu, libyaml type %d style %d at %u:%u+%zu",
			 (int)a->type, (int)a->style, a->line, a->column, a->offset, (int)b->type,
			 (int)b->style, b->line, b->column, b->offset);
		return false;
	}
	switch (a->type) {
	case NGOJST_NODE_SCALAR:
		if (a->u.scalar.len != b->u.scalar.len ||
		    memcmp(a->u.scalar.str, b->u.scalar.str, a->u.scalar.len) != 0 ||
		    a->u.scalar.str[a->u.scalar.len] != '\0') {
			snprintf(why, n, "scalar at %u:%u differs: direct \"%.80s\" (%zu), libyaml \"%.80s\" (%zu)",
				 a->line, a->column, a->u.scalar.str, a->u.scalar.len, b->u.scalar.str,
				 b->u.scalar.len);
			return false;
		}
		return true;
	case NGOJST_NODE_SEQUENCE:
		if (a->u.seq.count != b->u.seq.count) {
			snprintf(why, n, "sequence at %u:%u: %zu items direct, %zu libyaml", a->line,
				 a->column, a->u.seq.count, b->u.seq.count);
			return false;
		}
		for (i = 0; i < a->u.seq.count; i++)
			if (!tree_diff_nodes(a->u.seq.items[i], b->u.seq.items[i], why, n))
				return false;
		return true;
	case NGOJST_NODE_MAPPING:
		if (a->u.map.count != b->u.map.count) {
			snprintf(why, n, "mapping at %u:%u: %zu pairs direct, %zu libyaml", a->line,
				 a->column, a->u.map.count, b->u.map.count);
			return false;
		}
		for (i = 0; i < a->u.map.count; i++)
			if (!tree_diff_nodes(a->u.map.pairs[i].key, b->u.map.pairs[i].key, why, n) ||
			    !tree_diff_nodes(a->u.map.pairs[i].value, b->u.map.pairs[i].value, why, n))
				return false;
		return true;
	}
	return false;
}

static bool tree_diff_same_diag(const ngojst_context *a, const ngojst_context *b, char *why,
				size_t n)
{
	const ngojst_diag *da, *db;

	if (ngojst_diag_count(a) < 1 || ngojst_diag_count(b) < 1) {
		snprintf(why, n, "an error without a diagnostic");
		return false;
	}
	da = ngojst_diag_at(a, 0);
	db = ngojst_diag_at(b, 0);
	if (da->line != db->line || da->column != db->column || da->offset != db->offset ||
	    strcmp(da->message, db->message) != 0) {
		snprintf(why, n, "errors differ: buffer %u:%u+%zu %s; libyaml %u:%u+%zu %s", da->line,
			 da->column, da->offset, da->message, db->line, db->column, db->offset,
			 db->message);
		return false;
	}
	return true;
}

/* Compare the two reads of data under the given limits (NULL: defaults).
 * Returns false only if a reader could not be set up (out of memory). */
static bool tree_diff_read(const char *data, size_t len, const ngojst_limits *limits,
			   tree_diff_result *res)
{
	ngojst_context_options opts = NGOJST_CONTEXT_OPTIONS_INIT;
	ngojst_context *ca = NULL, *cb = NULL;
	ngojst_reader *ra = NULL, *rb = NULL;
	FILE *fp = NULL;
	bool ok = false;

	memset(res, 0, sizeof(*res));
	if (limits)
		opts.limits = *limits;
	if (ngojst_context_new(&ca, &opts) || ngojst_context_new(&cb, &opts))
		goto out;
	fp = len ? fmemopen((void *)data, len, "rb") : fopen("/dev/null", "rb");
	if (!fp || ngojst_reader_open_stream(&rb, cb, "<string>", fp))
		goto out;
	if (ngojst_reader_open_buffer(&ra, ca, "<string>", data, len)) {
		/* Refused as a whole (max_input_bytes): not a reader matter. */
		res->same = true;
		res->rc = NGOJST_ELIMIT;
		ok = true;
		goto out;
	}
	ok = true;
	for (;;) {
		ngojst_tree *ta = NULL, *tb = NULL;
		bool direct = !ra->parser_used;
		int a = ngojst_reader_next(ra, &ta), b = ngojst_reader_next(rb, &tb);

		if (a != b) {
			snprintf(res->why, sizeof(res->why),
				 "document %zu: buffer returns %d (%.200s), libyaml %d (%.200s)",
				 res->documents, a, ngojst_diag_count(ca) ? ngojst_diag_at(ca, 0)->message : "",
				 b, ngojst_diag_count(cb) ? ngojst_diag_at(cb, 0)->message : "");
			goto out;
		}
		if (a == NGOJST_EOF) {
			res->rc = a;
			break;
		}
		if (a != NGOJST_OK) {
			res->rc = a;
			if (!tree_diff_same_diag(ca, cb, res->why, sizeof(res->why)))
				goto out;
			break;
		}
		if (ta->index != tb->index || !tree_diff_nodes(ta->root, tb->root, res->why, sizeof(res->why))) {
			char at[48];

			snprintf(at, sizeof(at), " (document %zu)", res->documents);
			if (strlen(res->why) + strlen(at) < sizeof(res->why))
				strcat(res->why, at);
			goto out;
		}
		res->documents++;
		/* Still direct after the call: that document was read without libyaml. */
		if (direct && !ra->parser_used)
			res->direct++;
	}
	res->same = true;
out:
	ngojst_reader_free(ra);
	ngojst_reader_free(rb);
	if (fp)
		fclose(fp);
	ngojst_context_free(ca);
	ngojst_context_free(cb);
	return ok;
}

#endif
