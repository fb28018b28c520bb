/* Lookups over a document tree. */
#include <string.h>

#include "tree.h"

ngojst_node *ngojst_node_get(const ngojst_node *map, const char *key)
{
	const ngojst_pair *p, *end;
	size_t len;

	/* (An empty mapping has pairs == NULL: no arithmetic on it.) */
	if (!map || !key || map->type != NGOJST_NODE_MAPPING || !map->u.map.count)
		return NULL;
	len = strlen(key);
	/* Called for every field the binder looks for: compare lengths before
	 * bytes, which rejects almost every other key at once. */
	for (p = map->u.map.pairs, end = p + map->u.map.count; p < end; p++) {
		const ngojst_node *k = p->key;

		if (k->u.scalar.len == len && k->u.scalar.str[0] == key[0] &&
		    memcmp(k->u.scalar.str, key, len) == 0)
			return p->value;
	}
	return NULL;
}

/* Does the JSON pointer token tok[0 .. n) (with ~0 and ~1 escapes) spell
 * exactly s[0 .. len)? */
static bool token_equals(const char *tok, size_t n, const char *s, size_t len)
{
	size_t i = 0, j = 0;

	while (i < n) {
		char c = tok[i++];

		if (c == '~') {
			if (i == n || (tok[i] != '0' && tok[i] != '1'))
				return false;
			c = tok[i++] == '0' ? '~' : '/';
		}
		if (j == len || s[j++] != c)
			return false;
	}
	return j == len;
}

/* A sequence index: decimal digits without a leading zero. */
static bool token_index(const char *tok, size_t n, size_t *out)
{
	size_t v = 0, i;

	if (n == 0 || (n > 1 && tok[0] == '0'))
		return false;
	for (i = 0; i < n; i++) {
		if (tok[i] < '0' || tok[i] > '9' || v > (SIZE_MAX - 9) / 10)
			return false;
		v = v * 10 + (size_t)(tok[i] - '0');
	}
	*out = v;
	return true;
}

const ngojst_node *ngojst_tree_lookup(const ngojst_tree *tree, const char *pointer)
{
	const ngojst_node *n;
	const char *p;

	if (!tree || !pointer)
		return NULL;
	n = tree->root;
	if (*pointer && *pointer != '/')
		return NULL;
	for (p = pointer; n && *p == '/';) {
		const char *tok = ++p;
		size_t len, i, idx;

		while (*p && *p != '/')
			p++;
		len = (size_t)(p - tok);
		if (n->type == NGOJST_NODE_MAPPING) {
			const ngojst_node *next = NULL;

			for (i = 0; i < n->u.map.count; i++) {
				const ngojst_node *k = n->u.map.pairs[i].key;

				if (token_equals(tok, len, k->u.scalar.str, k->u.scalar.len)) {
					next = n->u.map.pairs[i].value;
					break;
				}
			}
			n = next;
		} else if (n->type == NGOJST_NODE_SEQUENCE) {
			n = token_index(tok, len, &idx) && idx < n->u.seq.count ? n->u.seq.items[idx]
										 : NULL;
		} else {
			n = NULL;
		}
	}
	return n;
}

bool ngojst_node_is_null(const ngojst_node *n)
{
	const char *s;

	if (!n || n->type != NGOJST_NODE_SCALAR)
		return false;
	if (n->tag)
		/* An explicit tag decides: `!!null ""` is null, `!!str null` is not. */
		return strcmp(n->tag, "tag:yaml.org,2002:null") == 0;
	if (n->style != NGOJST_SCALAR_PLAIN)
		return false;
	s = n->u.scalar.str;
	switch (n->u.scalar.len) {
	case 0:
		return true;
	case 1:
		return s[0] == '~';
	case 4:
		return strcmp(s, "null") == 0 || strcmp(s, "Null") == 0 || strcmp(s, "NULL") == 0;
	default:
		return false;
	}
}

const char *ngojst_node_type_name(const ngojst_node *n)
{
	if (!n)
		return "nothing";
	switch (n->type) {
	case NGOJST_NODE_SCALAR:
		return "scalar";
	case NGOJST_NODE_SEQUENCE:
		return "sequence";
	case NGOJST_NODE_MAPPING:
		return "mapping";
	default:
		return "unknown";
	}
}
