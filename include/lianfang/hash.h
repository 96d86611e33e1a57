/* hash: BLAKE2b-256 (libsodium) over length-prefixed fields, as lower-case hex.
 * Revisions, the audit chain and bundles are all hashed this way, so a field
 * boundary can never be moved without changing the hash. */
#ifndef LIANFANG_HASH_H
#define LIANFANG_HASH_H

#include <stddef.h>
#include <sodium.h>

struct lf_hasher {
	crypto_generichash_state st;
};

/* Start a hash; `domain` names what is hashed ("lianfang-rev-1", …). */
void lf_hash_init(struct lf_hasher *h, const char *domain);
void lf_hash_field(struct lf_hasher *h, const char *s, size_t n);
void lf_hash_str(struct lf_hasher *h, const char *s);
void lf_hash_int(struct lf_hasher *h, long long v);
void lf_hash_final(struct lf_hasher *h, char out[65]);
/* Plain BLAKE2b-256 of bytes (content hashes, bundle files). */
void lf_hash_bytes(const void *p, size_t n, char out[65]);

#endif
