#include <string.h>

#include "frozen.h"

#define FROZEN_VERSION 1
#define HEADER_BYTES 20
#define NODE_BYTES 24

static void put_u32(unsigned char *p, size_t v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
	p[2] = (unsigned char)(v >> 16);
	p[3] = (unsigned char)(v >> 24);
}

static uint32_t get_u32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Counts of a subtree, to lay the image out before writing it. */
typedef struct census {
	size_t nodes, children, pool;
	bool ok;
} census;

static void count(const ngojst_node *n, census *c)
{
	size_t i;

	c->nodes++;
	if (n->tag)
		c->ok = false;
	switch (n->type) {
	case NGOJST_NODE_SCALAR:
		c->pool += n->u.scalar.len + 1;
		break;
	case NGOJST_NODE_SEQUENCE:
		c->children += n->u.seq.count;
		for (i = 0; i < n->u.seq.count; i++)
			count(n->u.seq.items[i], c);
		break;
	case NGOJST_NODE_MAPPING:
		c->children += 2 * n->u.map.count;
		for (i = 0; i < n->u.map.count; i++) {
			count(n->u.map.pairs[i].key, c);
			count(n->u.map.pairs[i].value, c);
		}
		break;
	}
}

typedef struct writer {
	unsigned char *nodes, *children, *pool;
	size_t next_node, next_child, next_pool;
} writer;

/* Write n (at node index next_node) and its subtree in pre-order. */
static size_t emit(const ngojst_node *n, writer *w)
{
	size_t self = w->next_node++, first = 0, k = 0, i;
	unsigned char *rec = w->nodes + self * NODE_BYTES;

	memset(rec, 0, NODE_BYTES);
	rec[0] = (unsigned char)n->type;
	rec[1] = (unsigned char)n->style;
	put_u32(rec + 4, n->line);
	put_u32(rec + 8, n->column);
	put_u32(rec + 12, n->offset);
	if (n->type == NGOJST_NODE_SCALAR) {
		memcpy(w->pool + w->next_pool, n->u.scalar.str, n->u.scalar.len + 1);
		put_u32(rec + 16, w->next_pool);
		put_u32(rec + 20, n->u.scalar.len);
		w->next_pool += n->u.scalar.len + 1;
		return self;
	}
	/* Reserve the children's slots first, then fill them as they are
	 * written: the indexes are known only then. */
	first = w->next_child;
	if (n->type == NGOJST_NODE_SEQUENCE) {
		w->next_child += n->u.seq.count;
		for (i = 0; i < n->u.seq.count; i++)
			put_u32(w->children + 4 * (first + k++), emit(n->u.seq.items[i], w));
		put_u32(rec + 20, n->u.seq.count);
	} else {
		w->next_child += 2 * n->u.map.count;
		for (i = 0; i < n->u.map.count; i++) {
			put_u32(w->children + 4 * (first + k++), emit(n->u.map.pairs[i].key, w));
			put_u32(w->children + 4 * (first + k++), emit(n->u.map.pairs[i].value, w));
		}
		put_u32(rec + 20, n->u.map.count);
	}
	put_u32(rec + 16, first);
	return self;
}

int ngojst_tree_freeze(const ngojst_tree *t, ngojst_buf *out)
{
	census c = { 0, 0, 0, true };
	unsigned char *img;
	size_t total;
	writer w;

	if (!t || !t->root || !out)
		return NGOJST_EINVAL;
	count(t->root, &c);
	if (!c.ok || c.nodes > UINT32_MAX / NODE_BYTES || c.children > UINT32_MAX / 4 || c.pool > UINT32_MAX)
		return NGOJST_EINVAL;
	total = HEADER_BYTES + c.nodes * NODE_BYTES + c.children * 4 + c.pool;
	img = ngojst_alloc(out->ctx, total);
	if (!img)
		return NGOJST_ENOMEM;
	memcpy(img, "NGJT", 4);
	put_u32(img + 4, FROZEN_VERSION);
	put_u32(img + 8, c.nodes);
	put_u32(img + 12, c.children);
	put_u32(img + 16, c.pool);
	w.nodes = img + HEADER_BYTES;
	w.children = w.nodes + c.nodes * NODE_BYTES;
	w.pool = w.children + c.children * 4;
	w.next_node = w.next_child = w.next_pool = 0;
	emit(t->root, &w);
	ngojst_buf_add(out, (const char *)img, total);
	ngojst_free(out->ctx, img);
	return out->failed ? NGOJST_ENOMEM : NGOJST_OK;
}

static int corrupt(ngojst_context *ctx, const char *source_name, const char *why)
{
	return ngojst_diag_add(ctx, NGOJST_ERROR, source_name, 0, 0, 0, NULL,
			       "the embedded parsed rule set is damaged (%s)", why);
}

int ngojst_tree_thaw(ngojst_context *ctx, ngojst_arena *arena, const char *source_name,
		     const unsigned char *image, size_t len, ngojst_tree **out)
{
	size_t nnodes, nchildren, npool, i;
	const unsigned char *recs, *kids, *pool;
	ngojst_node *nodes;
	ngojst_tree *t;

	*out = NULL;
	if (len < HEADER_BYTES || memcmp(image, "NGJT", 4) != 0 || get_u32(image + 4) != FROZEN_VERSION)
		return corrupt(ctx, source_name, "header");
	nnodes = get_u32(image + 8);
	nchildren = get_u32(image + 12);
	npool = get_u32(image + 16);
	if (!nnodes || (len - HEADER_BYTES) / NODE_BYTES < nnodes ||
	    (len - HEADER_BYTES - nnodes * NODE_BYTES) / 4 < nchildren ||
	    len - HEADER_BYTES - nnodes * NODE_BYTES - nchildren * 4 != npool)
		return corrupt(ctx, source_name, "sizes");
	recs = image + HEADER_BYTES;
	kids = recs + nnodes * NODE_BYTES;
	pool = kids + nchildren * 4;
	if (!(nodes = ngojst_arena_alloc(arena, nnodes * sizeof(*nodes))) ||
	    !(t = ngojst_arena_alloc(arena, sizeof(*t))) || !(t->source = ngojst_arena_strdup(arena, source_name)))
		return NGOJST_ENOMEM;
	for (i = 0; i < nnodes; i++) {
		const unsigned char *rec = recs + i * NODE_BYTES;
		ngojst_node *n = &nodes[i];
		size_t a = get_u32(rec + 16), b = get_u32(rec + 20), k;

		n->type = (ngojst_node_type)rec[0];
		n->style = (ngojst_scalar_style)rec[1];
		n->line = get_u32(rec + 4);
		n->column = get_u32(rec + 8);
		n->offset = get_u32(rec + 12);
		n->tag = NULL;
		if (rec[1] > NGOJST_SCALAR_BLOCK)
			return corrupt(ctx, source_name, "style");
		switch (rec[0]) {
		case NGOJST_NODE_SCALAR:
			if (a > npool || b >= npool - a || pool[a + b] != '\0')
				return corrupt(ctx, source_name, "text");
			n->u.scalar.str = (const char *)pool + a;
			n->u.scalar.len = b;
			break;
		case NGOJST_NODE_SEQUENCE:
		case NGOJST_NODE_MAPPING: {
			size_t m = rec[0] == NGOJST_NODE_MAPPING ? 2 * b : b;

			if (a > nchildren || m > nchildren - a)
				return corrupt(ctx, source_name, "children");
			/* Pre-order: children come after their parent, so the
			 * links cannot form a cycle. */
			for (k = 0; k < m; k++)
				if (get_u32(kids + 4 * (a + k)) <= i || get_u32(kids + 4 * (a + k)) >= nnodes)
					return corrupt(ctx, source_name, "order");
			if (rec[0] == NGOJST_NODE_SEQUENCE) {
				ngojst_node **items = NULL;

				if (b && !(items = ngojst_arena_alloc(arena, b * sizeof(*items))))
					return NGOJST_ENOMEM;
				for (k = 0; k < b; k++)
					items[k] = &nodes[get_u32(kids + 4 * (a + k))];
				n->u.seq.items = items;
				n->u.seq.count = b;
			} else {
				ngojst_pair *pairs = NULL;

				if (b && !(pairs = ngojst_arena_alloc(arena, b * sizeof(*pairs))))
					return NGOJST_ENOMEM;
				for (k = 0; k < b; k++) {
					pairs[k].key = &nodes[get_u32(kids + 4 * (a + 2 * k))];
					pairs[k].value = &nodes[get_u32(kids + 4 * (a + 2 * k + 1))];
				}
				n->u.map.pairs = pairs;
				n->u.map.count = b;
			}
			break;
		}
		default:
			return corrupt(ctx, source_name, "node type");
		}
	}
	/* A mapping's keys are scalars. */
	for (i = 0; i < nnodes; i++) {
		size_t k;

		if (nodes[i].type != NGOJST_NODE_MAPPING)
			continue;
		for (k = 0; k < nodes[i].u.map.count; k++)
			if (nodes[i].u.map.pairs[k].key->type != NGOJST_NODE_SCALAR)
				return corrupt(ctx, source_name, "key");
	}
	t->root = &nodes[0];
	t->index = 0;
	t->node_count = nnodes;
	*out = t;
	return NGOJST_OK;
}
