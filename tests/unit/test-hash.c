/* hash: keys, group hashes and the stat cache. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "check.h"
#include "file.h"
#include "str.h"
#include "util.h"
#include "hash.h"

#define CACHE ".orch/hash/group.cache"

static void
put(const char *path, const char *text)
{
	if (file_write(path, text, strlen(text)) < 0)
		fatal(1, "cannot write fixture %s", path);
}

/* Overwrite PATH in place: same inode. */
static void
put_inplace(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_TRUNC);

	if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text) || close(fd) != 0)
		fatal(1, "cannot rewrite fixture %s:", path);
}

/* Set PATH's atime and mtime SECONDS from now (negative: the past). */
static void
set_mtime(const char *path, long seconds)
{
	struct timespec t[2];

	clock_gettime(CLOCK_REALTIME, &t[0]);
	t[0].tv_sec += seconds;
	t[1] = t[0];
	if (utimensat(AT_FDCWD, path, t, AT_SYMLINK_NOFOLLOW) != 0)
		fatal(1, "utimensat %s:", path);
}

/* Wait until a change made now is older than the racy margin (1s). */
static void
wait_racy(void)
{
	struct timespec t = {1, 200000000};

	nanosleep(&t, NULL);
}

/* The group hash of the space-separated PATHS, in a static buffer. */
static const char *
hash_of(const char *paths, const char *cache)
{
	static char hex[HASH_HEX + 1];
	struct strv files = {0};
	int rc;

	strv_split(&files, paths);
	strv_sort(&files);
	rc = hash_files(&files, cache, hex);
	strv_free(&files);
	return rc == 0 ? hex : "error";
}

static int
is_hex(const char *s)
{
	return strlen(s) == HASH_HEX && strspn(s, "0123456789abcdef") == HASH_HEX;
}

static void
test_hasher(void)
{
	struct hasher h;
	char a[HASH_HEX + 1], b[HASH_HEX + 1];

	hasher_init(&h);
	hasher_add(&h, "ab");
	hasher_add(&h, "c");
	hasher_end(&h, a);
	hasher_init(&h);
	hasher_add(&h, "a");
	hasher_add(&h, "bc");
	hasher_end(&h, b);
	CHECK(is_hex(a));
	CHECK(is_hex(b));
	CHECK(strcmp(a, b) != 0);
	hasher_init(&h);
	hasher_add(&h, "ab");
	hasher_add(&h, "c");
	hasher_end(&h, b);
	CHECK_STR(b, a);
}

/* Every change that matters changes the hash; touch does not. */
static void
test_changes(void)
{
	char base[HASH_HEX + 1], h[HASH_HEX + 1];

	put("g/a", "alpha\n");
	put("g/b", "beta\n");
	snprintf(base, sizeof(base), "%s", hash_of("g/a g/b", NULL));
	CHECK(is_hex(base));
	CHECK_STR(hash_of("g/b g/a", NULL), base);
	put("g/a", "alpha\n");	/* a new inode, the same content */
	CHECK_STR(hash_of("g/a g/b", NULL), base);
	set_mtime("g/a", 10);
	CHECK_STR(hash_of("g/a g/b", NULL), base);
	put("g/a", "alphA\n");
	CHECK(strcmp(hash_of("g/a g/b", NULL), base) != 0);
	put("g/a", "alpha\n");
	CHECK_STR(hash_of("g/a g/b", NULL), base);
	rename("g/a", "g/c");
	CHECK(strcmp(hash_of("g/c g/b", NULL), base) != 0);
	rename("g/c", "g/a");
	chmod("g/a", 0755);
	snprintf(h, sizeof(h), "%s", hash_of("g/a g/b", NULL));
	CHECK(strcmp(h, base) != 0);
	chmod("g/a", 0744);	/* only the user's x bit counts */
	CHECK_STR(hash_of("g/a g/b", NULL), h);
	chmod("g/a", 0600);	/* nor do read/write bits */
	CHECK_STR(hash_of("g/a g/b", NULL), base);
	put("g/d", "");
	CHECK(strcmp(hash_of("g/a g/b g/d", NULL), base) != 0);
	CHECK(strcmp(hash_of("g/a", NULL), base) != 0);
	CHECK(strcmp(hash_of("", NULL), base) != 0);
	CHECK(is_hex(hash_of("", NULL)));
}

/* A symlink is hashed as its target text, never followed. */
static void
test_symlink(void)
{
	char h[HASH_HEX + 1];

	put("l/target", "t\n");
	if (symlink("target", "l/link") != 0 || symlink("nowhere", "l/dangling") != 0)
		fatal(1, "symlink:");
	snprintf(h, sizeof(h), "%s", hash_of("l/link", NULL));
	CHECK(is_hex(h));
	CHECK(is_hex(hash_of("l/dangling", NULL)));
	put("l/target", "changed\n");
	CHECK_STR(hash_of("l/link", NULL), h);
	unlink("l/link");
	if (symlink("other", "l/link") != 0)
		fatal(1, "symlink:");
	CHECK(strcmp(hash_of("l/link", NULL), h) != 0);
	unlink("l/link");
	put("l/link", "target");	/* a file whose content is the old target */
	CHECK(strcmp(hash_of("l/link", NULL), h) != 0);
}

/* The group hash is XXH3-128 over (path, mode, content hash) records, the
 * content hash being the one in the cache's entry. */
static void
test_record_format(void)
{
	char *text, *line;
	char content[HASH_HEX + 1], want[HASH_HEX + 1];
	struct hasher h;

	put("r/f", "record\n");
	chmod("r/f", 0755);
	unlink(CACHE);
	hash_of("r/f", CACHE);
	text = file_read(CACHE, NULL);
	CHECK(text && strncmp(text, "orchgen-statcache 1\n", 20) == 0);
	line = text ? strchr(text + 20, '\n') : NULL;
	CHECK(line && strlen(line) > HASH_HEX);
	if (!line) {
		free(text);
		return;
	}
	snprintf(content, sizeof(content), "%.*s", HASH_HEX, line + 1);
	CHECK(is_hex(content));
	hasher_init(&h);
	hasher_add(&h, "r/f");
	hasher_add(&h, "exec");
	hasher_add(&h, content);
	hasher_end(&h, want);
	CHECK_STR(hash_of("r/f", CACHE), want);
	CHECK_STR(hash_of("r/f", NULL), want);
	free(text);
}

static ino_t
inode(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? st.st_ino : 0;
}

/* An old, unchanged file is taken from the cache, not read. */
static void
test_cache_hit(void)
{
	char h[HASH_HEX + 1];
	unsigned long before;
	ino_t ino;
	char *text;

	put("c/old", "old content\n");
	put("c/other", "other\n");
	set_mtime("c/old", -3600);
	set_mtime("c/other", -3600);
	wait_racy();	/* utimensat() set the ctimes to now */
	unlink(CACHE);
	before = hash_files_read;
	snprintf(h, sizeof(h), "%s", hash_of("c/old c/other", CACHE));
	CHECK(hash_files_read == before + 2);
	CHECK_STR(hash_of("c/old c/other", NULL), h);
	before = hash_files_read;
	ino = inode(CACHE);
	CHECK_STR(hash_of("c/old c/other", CACHE), h);
	CHECK(hash_files_read == before);
	CHECK(inode(CACHE) == ino);	/* nothing changed: not rewritten */
	/* the cache keeps only the files of the last call */
	snprintf(h, sizeof(h), "%s", hash_of("c/old", NULL));
	CHECK_STR(hash_of("c/old", CACHE), h);
	text = file_read(CACHE, NULL);
	CHECK(text && strstr(text, "c/old") && !strstr(text, "c/other"));
	free(text);
	/* rewritten in place, same size, mtime put back: the ctime tells */
	put_inplace("c/old", "OLD content\n");
	set_mtime("c/old", -3600);
	CHECK(inode("c/old") != 0);
	before = hash_files_read;
	CHECK(strcmp(hash_of("c/old", CACHE), h) != 0);
	CHECK(hash_files_read == before + 1);
}

/* A file changed in the second its hash is taken is read again. */
static void
test_racy(void)
{
	unsigned long before;
	char h[HASH_HEX + 1];

	put("racy/f", "now\n");
	unlink(CACHE);
	snprintf(h, sizeof(h), "%s", hash_of("racy/f", CACHE));
	before = hash_files_read;
	CHECK_STR(hash_of("racy/f", CACHE), h);
	CHECK(hash_files_read == before + 1);
	CHECK_STR(hash_of("racy/f", CACHE), h);
	CHECK(hash_files_read == before + 2);
	/* old enough now: read once more (the last read was racy), then trusted */
	wait_racy();
	before = hash_files_read;
	CHECK_STR(hash_of("racy/f", CACHE), h);
	CHECK(hash_files_read == before + 1);
	CHECK_STR(hash_of("racy/f", CACHE), h);
	CHECK(hash_files_read == before + 1);
}

/* A corrupt or truncated cache is ignored, never an error. */
static void
test_cache_corrupt(void)
{
	const char *bad[] = {
		"garbage",
		"",
		"orchgen-statcache 2\ntaken 1\n",
		"orchgen-statcache 1\ntaken x\n",
		"orchgen-statcache 1\ntaken 1\nnot an entry\n",
	};
	char h[HASH_HEX + 1], *text;
	unsigned long before;
	size_t len;

	put("k/f", "kept\n");
	set_mtime("k/f", -3600);
	wait_racy();
	snprintf(h, sizeof(h), "%s", hash_of("k/f", NULL));
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		put(CACHE, bad[i]);
		before = hash_files_read;
		CHECK_STR(hash_of("k/f", CACHE), h);
		CHECK(hash_files_read == before + 1);
		CHECK_STR(hash_of("k/f", CACHE), h);	/* rewritten, now trusted */
		CHECK(hash_files_read == before + 1);
	}
	text = file_read(CACHE, &len);
	CHECK(text && len > 10);
	if (text) {
		file_write(CACHE, text, len - 10);	/* truncated mid-entry */
		before = hash_files_read;
		CHECK_STR(hash_of("k/f", CACHE), h);
		CHECK(hash_files_read == before + 1);
	}
	free(text);
}

static void
test_errors(void)
{
	fprintf(stderr, "(warnings about 'missing' and 'adir' follow)\n");
	CHECK_STR(hash_of("missing", CACHE), "error");
	if (mkdir("adir", 0777) != 0)
		fatal(1, "mkdir adir:");
	CHECK_STR(hash_of("adir", NULL), "error");
}

int
main(void)
{
	scratch_enter("hash");

	test_hasher();
	test_changes();
	test_symlink();
	test_record_format();
	test_cache_hit();
	test_racy();
	test_cache_corrupt();
	test_errors();
	scratch_leave();
	return checks_done();
}
