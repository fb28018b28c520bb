/* Private: SHA-256 (FIPS 180-4), for content hashes of rule sets and
 * documents. Small and dependency-free on purpose; not constant-time, which
 * is fine for hashing public texts. */
#ifndef NGOJST_SHA256_H
#define NGOJST_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct ngojst_sha256 {
	uint32_t h[8];
	uint64_t len;           /* bytes hashed so far */
	unsigned char buf[64];  /* the partial block */
	size_t buflen;
} ngojst_sha256;

void ngojst_sha256_init(ngojst_sha256 *s);
void ngojst_sha256_update(ngojst_sha256 *s, const void *data, size_t len);
/* Write the digest. The state must be initialised again before reuse. */
void ngojst_sha256_final(ngojst_sha256 *s, unsigned char out[32]);
/* Lowercase hex of a digest, NUL-terminated. */
void ngojst_sha256_hex(const unsigned char digest[32], char out[65]);

#endif
