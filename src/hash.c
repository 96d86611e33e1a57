/* hash: length-prefixed BLAKE2b-256 (see include/lianfang/hash.h). */
#include "lianfang/hash.h"
#include "lianfang/util.h"

#include <stdio.h>
#include <string.h>

void lf_hash_init(struct lf_hasher *h, const char *domain)
{
	crypto_generichash_init(&h->st, NULL, 0, 32);
	lf_hash_str(h, domain);
}

void lf_hash_field(struct lf_hasher *h, const char *s, size_t n)
{
	char len[24];
	int k = snprintf(len, sizeof len, "%zu:", n);

	crypto_generichash_update(&h->st, (const unsigned char *)len, (unsigned long long)k);
	crypto_generichash_update(&h->st, (const unsigned char *)s, n);
}

void lf_hash_str(struct lf_hasher *h, const char *s)
{
	lf_hash_field(h, s ? s : "", s ? strlen(s) : 0);
}

void lf_hash_int(struct lf_hasher *h, long long v)
{
	char num[24];

	snprintf(num, sizeof num, "%lld", v);
	lf_hash_str(h, num);
}

void lf_hash_final(struct lf_hasher *h, char out[65])
{
	unsigned char md[32];

	crypto_generichash_final(&h->st, md, sizeof md);
	lf_hex(out, md, sizeof md);
}

void lf_hash_bytes(const void *p, size_t n, char out[65])
{
	unsigned char md[32];

	crypto_generichash(md, sizeof md, p, n, NULL, 0);
	lf_hex(out, md, sizeof md);
}
