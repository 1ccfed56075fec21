/* Content hashing: XXH3-128 of files and of keys built from strings. */

#define HASH_HEX 32	/* hex digits of a hash */

/* A running hash of a key, fed with strings. */
struct hasher {
	void *state;
};

void hasher_init(struct hasher *h);
/* Feed S and a separator, so ("ab","c") and ("a","bc") differ. */
void hasher_add(struct hasher *h, const char *s);
/* The hash in HEX (HASH_HEX digits + NUL); frees the state. */
void hasher_end(struct hasher *h, char hex[HASH_HEX + 1]);

/* The hash of a group's sorted (path, mode, content) records. CACHE is the
 * stat cache file to use and update (NULL: none). 0 or -1 (warned). */
int hash_files(const struct strv *files, const char *cache, char hex[HASH_HEX + 1]);
/* How many files hash_files() has read (not taken from the stat cache): for tests. */
extern unsigned long hash_files_read;
