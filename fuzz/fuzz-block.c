/* libFuzzer harness: the direct readers against libyaml.
 *
 * Every input is read from a buffer (documents in block style, and JSON on
 * one line, read without libyaml while they can be) and from a FILE (always
 * libyaml). Both must give the same trees, to every node's position, and
 * end the same way, with the same diagnostic (tests/yaml/tree-diff.h). The
 * first byte picks one of a few sets of limits, so that each limit is met
 * on both paths. */
#include "fuzz-common.h"

#include "../tests/yaml/tree-diff.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ngojst_limits limits[4];
	tree_diff_result res;
	unsigned pick = size ? data[0] & 3 : 0;

	memset(limits, 0, sizeof(limits));
	limits[0].max_input_bytes = limits[0].max_document_bytes = 1u << 20;
	limits[1] = limits[0];
	limits[1].max_depth = 4;
	limits[1].max_nodes = 64;
	limits[2] = limits[0];
	limits[2].max_scalar_bytes = 16;
	limits[2].max_document_bytes = 256;
	limits[3] = limits[0];
	if (!tree_diff_read((const char *)data, size, &limits[pick], &res))
		return 0; /* out of memory setting up */
	if (!res.same) {
		fprintf(stderr, "direct reader and libyaml differ: %s\n", res.why);
		abort();
	}
	return 0;
}
