#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <xxhash.h>
/* On x86, XXH3 at the widest vectors the machine has (libxxhash picks
 * them when it starts), not at the baseline the library was built for. */
#if defined(__x86_64__) && defined(__has_include)
#if __has_include(<xxh_x86dispatch.h>)
#include <xxh_x86dispatch.h>
#endif
#endif
#include "file.h"
#include "str.h"
#include "util.h"
#include "hash.h"

#define CACHE_HEADER "orchgen-statcache 1"
#define RACY_NS 1000000000LL	/* timestamp granularity margin: one second */

unsigned long hash_files_read;

/* What lstat() says of a file; equal stamps mean unchanged content,
 * provided the stamp is not racy (see stamp_trusted). */
struct stamp {
	unsigned long long dev, ino, size;
	long long mtime, ctime;	/* nanoseconds */
};

/* One stat cache entry: a file's stamp and its content hash. */
struct entry {
	char *path;
	struct stamp st;
	char hex[HASH_HEX + 1];
};

struct cache {
	struct entry *v;
	size_t n, cap;
	long long taken;	/* ns: no hash in here was taken before this */
};

static void
hex128(XXH128_hash_t d, char hex[HASH_HEX + 1])
{
	snprintf(hex, HASH_HEX + 1, "%016llx%016llx",
	         (unsigned long long)d.high64, (unsigned long long)d.low64);
}

static XXH3_state_t *
state_new(void)
{
	XXH3_state_t *s = XXH3_createState();

	if (!s)
		fatal(EXIT_ENGINE, "out of memory");
	XXH3_128bits_reset(s);
	return s;
}

void
hasher_init(struct hasher *h)
{
	h->state = state_new();
}

void
hasher_add(struct hasher *h, const char *s)
{
	XXH3_128bits_update(h->state, s, strlen(s) + 1);
}

void
hasher_end(struct hasher *h, char hex[HASH_HEX + 1])
{
	hex128(XXH3_128bits_digest(h->state), hex);
	XXH3_freeState(h->state);
	h->state = NULL;
}

/* How much of a file is read at a time: enough for few system calls, and
 * small enough that the copy out of the page cache stays in the cache of
 * the processor (128 KiB measured faster here than 64 KiB or 256 KiB). */
#define CHUNK (128 * 1024)

/* The content hash of the regular file PATH. */
static int
content_file(const char *path, char hex[HASH_HEX + 1])
{
	static char chunk[CHUNK];
	ssize_t n;
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	struct stat st;

	if (fd < 0) {
		warn("open %s:", path);
		return -1;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {	/* replaced since it was listed */
		warn("%s: not a regular file", path);
		close(fd);
		return -1;
	}
	XXH3_state_t *s = state_new();
	while ((n = read(fd, chunk, CHUNK)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;
		XXH3_128bits_update(s, chunk, (size_t)n);
	}
	if (n < 0)
		warn("read %s:", path);
	else
		hex128(XXH3_128bits_digest(s), hex);
	XXH3_freeState(s);
	close(fd);
	return n < 0 ? -1 : 0;
}

/* The content hash of the symlink PATH: that of its target, unfollowed. */
static int
content_link(const char *path, size_t size, char hex[HASH_HEX + 1])
{
	size_t cap = size + 1 > 256 ? size + 1 : 256;
	char *target = xmalloc(cap);
	ssize_t n;

	while ((n = readlink(path, target, cap)) >= 0 && (size_t)n >= cap) {
		cap *= 2;
		target = xrealloc(target, cap);
	}
	if (n < 0)
		warn("readlink %s:", path);
	else
		hex128(XXH3_128bits(target, (size_t)n), hex);
	free(target);
	return n < 0 ? -1 : 0;
}

static void
stamp_of(const struct stat *st, struct stamp *s)
{
	s->dev = (unsigned long long)st->st_dev;
	s->ino = (unsigned long long)st->st_ino;
	s->size = (unsigned long long)st->st_size;
	s->mtime = st->st_mtim.tv_sec * 1000000000LL + st->st_mtim.tv_nsec;
	s->ctime = st->st_ctim.tv_sec * 1000000000LL + st->st_ctim.tv_nsec;
}

/* Like git's racy index: a file changed within the timestamp granularity
 * of the moment its hash was taken may change again without its stamp
 * changing, so such an entry is never trusted; the file is read again. */
static int
stamp_trusted(const struct stamp *cached, const struct stamp *now, long long taken)
{
	return cached->dev == now->dev && cached->ino == now->ino &&
	       cached->size == now->size && cached->mtime == now->mtime &&
	       cached->ctime == now->ctime &&
	       now->mtime < taken - RACY_NS && now->ctime < taken - RACY_NS;
}

static long long
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void
cache_push(struct cache *c, const struct entry *e)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 16;
		c->v = xrealloc(c->v, c->cap * sizeof(*c->v));
	}
	c->v[c->n++] = *e;
}

static void
cache_free(struct cache *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->v[i].path);
	free(c->v);
	c->v = NULL;
	c->n = c->cap = 0;
}

static int
cmpentry(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->path, ((const struct entry *)b)->path);
}

static const struct entry *
cache_find(const struct cache *c, const char *path)
{
	struct entry key = {.path = (char *)path};

	if (c->n == 0)
		return NULL;
	return bsearch(&key, c->v, c->n, sizeof(*c->v), cmpentry);
}

/* A decimal field ended by TERM; SIGN allows a leading '-'. Read by hand:
 * a stat cache has five on each of its lines. */
static int
parse_field(char **p, unsigned long long *v, int sign, char term)
{
	const char *s = *p, *digits;
	int neg = sign && *s == '-';
	unsigned long long n = 0;

	digits = s += neg;
	for (; *s >= '0' && *s <= '9'; s++)
		n = n * 10 + (unsigned)(*s - '0');
	/* 19 digits cannot overflow 64 bits */
	if (s == digits || s - digits > 19 || *s != term || (sign && n > (unsigned long long)LLONG_MAX))
		return -1;
	*v = neg ? (unsigned long long)-(long long)n : n;
	*p = (char *)(term ? s + 1 : s);
	return 0;
}

/* "HEX DEV INO SIZE MTIME CTIME PATH" */
static int
parse_entry(char *line, struct entry *e)
{
	unsigned long long mtime, ctime;

	if (strspn(line, "0123456789abcdef") != HASH_HEX || line[HASH_HEX] != ' ')
		return -1;
	memcpy(e->hex, line, HASH_HEX);
	e->hex[HASH_HEX] = '\0';
	line += HASH_HEX + 1;
	if (parse_field(&line, &e->st.dev, 0, ' ') < 0 ||
	    parse_field(&line, &e->st.ino, 0, ' ') < 0 ||
	    parse_field(&line, &e->st.size, 0, ' ') < 0 ||
	    parse_field(&line, &mtime, 1, ' ') < 0 ||
	    parse_field(&line, &ctime, 1, ' ') < 0 || !*line)
		return -1;
	e->st.mtime = (long long)mtime;
	e->st.ctime = (long long)ctime;
	e->path = xstrdup(line);
	return 0;
}

/* The next newline-terminated line of *P, terminated in place; NULL at the end. */
static char *
next_line(char **p)
{
	char *line = *p, *nl = strchr(line, '\n');

	if (!nl)
		return NULL;
	*nl = '\0';
	*p = nl + 1;
	return line;
}

/* Parse TEXT (a whole cache file, modified in place) into C: the header,
 * "taken NS", then one entry a line. */
static int
cache_parse(char *text, size_t len, struct cache *c)
{
	char *line;
	unsigned long long taken;
	struct entry e;

	if (len == 0 || text[len - 1] != '\n' || strlen(text) != len)
		return -1;
	line = next_line(&text);
	if (strcmp(line, CACHE_HEADER) != 0)
		return -1;
	line = next_line(&text);
	if (!line || strncmp(line, "taken ", 6) != 0)
		return -1;
	line += 6;
	if (parse_field(&line, &taken, 1, '\0') < 0)
		return -1;
	c->taken = (long long)taken;
	while ((line = next_line(&text))) {
		if (parse_entry(line, &e) < 0)
			return -1;
		cache_push(c, &e);
	}
	return 0;
}

/* Load the stat cache at PATH; a missing, corrupt or truncated one is empty. */
static void
cache_load(const char *path, struct cache *c)
{
	size_t len;
	char *text = file_read(path, &len);

	if (text && cache_parse(text, len, c) == 0) {
		size_t i = 1;
		while (i < c->n && cmpentry(&c->v[i - 1], &c->v[i]) < 0)
			i++;
		if (i < c->n)	/* written sorted; qsort(NULL, 0) is undefined */
			qsort(c->v, c->n, sizeof(*c->v), cmpentry);
	} else {
		cache_free(c);
	}
	free(text);
}

static int
cache_save(const char *path, const struct cache *c)
{
	struct buf b = {0};
	int rc;

	buf_printf(&b, "%s\ntaken %lld\n", CACHE_HEADER, c->taken);
	for (size_t i = 0; i < c->n; i++) {
		const struct entry *e = &c->v[i];

		buf_printf(&b, "%s %llu %llu %llu %lld %lld %s\n", e->hex, e->st.dev,
		           e->st.ino, e->st.size, e->st.mtime, e->st.ctime, e->path);
	}
	rc = file_write(path, b.s, b.len);
	buf_free(&b);
	return rc;
}

/* Hash one file into H, from OLD when its entry can be trusted, else by
 * reading it (counted in *NREAD); its entry goes to NEW. */
static int
hash_one(const struct cache *old, struct cache *new, const char *path,
         struct hasher *h, size_t *nread)
{
	struct stat st;
	struct entry e = {0};
	const struct entry *hit = cache_find(old, path);
	const char *mode;

	if (lstat(path, &st) != 0) {
		warn("%s:", path);
		return -1;
	}
	if (S_ISLNK(st.st_mode))
		mode = "link";
	else if (S_ISREG(st.st_mode))
		mode = st.st_mode & S_IXUSR ? "exec" : "file";
	else {
		warn("%s: not a regular file or symlink", path);
		return -1;
	}
	stamp_of(&st, &e.st);
	if (hit && stamp_trusted(&hit->st, &e.st, old->taken)) {
		memcpy(e.hex, hit->hex, sizeof(e.hex));
	} else {
		int rc = S_ISLNK(st.st_mode) ? content_link(path, (size_t)st.st_size, e.hex)
		                             : content_file(path, e.hex);
		if (rc < 0)
			return -1;
		(*nread)++;
		hash_files_read++;
	}
	hasher_add(h, path);
	hasher_add(h, mode);
	hasher_add(h, e.hex);
	if (!strchr(path, '\n')) {
		e.path = xstrdup(path);
		cache_push(new, &e);
	}
	return 0;
}

/* The cache is rewritten only when a file was read or an entry dropped; it
 * keeps just this call's files. Every entry written was either read in this
 * call or trusted, so stamping them all with this call's start is safe. A
 * cache that cannot be written is warned about, but the hash stands. */
int
hash_files(const struct strv *files, const char *cache, char hex[HASH_HEX + 1])
{
	struct cache old = {0}, new = {.taken = now_ns()};
	struct hasher h;
	size_t nread = 0;
	int rc = 0;

	if (cache)
		cache_load(cache, &old);
	hasher_init(&h);
	for (size_t i = 0; i < files->n && rc == 0; i++)
		rc = hash_one(&old, &new, files->v[i], &h, &nread);
	hasher_end(&h, hex);
	if (rc == 0 && cache && (nread > 0 || old.n != new.n))
		(void)cache_save(cache, &new);	/* warned; the hash stands */
	cache_free(&old);
	cache_free(&new);
	return rc;
}
