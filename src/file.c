/* nftw() */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "file.h"
#include "str.h"
#include "util.h"

char *
file_read(const char *path, size_t *len)
{
	struct buf b = {0};
	char chunk[8192];
	size_t n;
	FILE *f = fopen(path, "rb");

	if (!f)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_putn(&b, chunk, n);
	if (ferror(f)) {
		int saved = errno;
		fclose(f);
		buf_free(&b);
		errno = saved;
		return NULL;
	}
	fclose(f);
	if (len)
		*len = b.len;
	if (!b.s)
		b.s = xstrdup("");
	return b.s;
}

int
file_write(const char *path, const void *data, size_t len)
{
	char *tmp = xasprintf("%s.tmp%ld", path, (long)getpid());
	FILE *f;
	int ok;

	if (file_mkparents(path) < 0) {
		free(tmp);
		return -1;
	}
	f = fopen(tmp, "wb");
	if (!f) {
		warn("create %s:", tmp);
		free(tmp);
		return -1;
	}
	ok = fwrite(data, 1, len, f) == len && fflush(f) == 0 && !ferror(f);
	if (fclose(f) != 0)
		ok = 0;
	if (!ok || rename(tmp, path) != 0) {
		warn("write %s:", path);
		unlink(tmp);
		free(tmp);
		return -1;
	}
	free(tmp);
	return 0;
}

int
file_update(const char *path, const void *data, size_t len)
{
	size_t oldlen;
	char *old = file_read(path, &oldlen);
	int same = old && oldlen == len && memcmp(old, data, len) == 0;

	free(old);
	if (same)
		return 0;
	return file_write(path, data, len) < 0 ? -1 : 1;
}

int
file_mkdirs(const char *path)
{
	char *p = xstrdup(path);
	int rc = 0;

	for (char *s = p + 1;; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST) {
			warn("mkdir %s:", p);
			rc = -1;
			break;
		}
		*s = c;
		if (!c)
			break;
	}
	free(p);
	return rc;
}

int
file_mkparents(const char *path)
{
	const char *slash = strrchr(path, '/');
	int rc;

	if (!slash || slash == path)
		return 0;
	char *dir = xstrndup(path, (size_t)(slash - path));
	rc = file_mkdirs(dir);
	free(dir);
	return rc;
}

char *
file_absolute(const char *path)
{
	char cwd[PATH_MAX];

	if (path[0] == '/' || !getcwd(cwd, sizeof(cwd)))
		return xstrdup(path);
	return strcmp(path, ".") == 0 ? xstrdup(cwd) : xasprintf("%s/%s", cwd, path);
}

static int
remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	if (remove(path) != 0 && errno != ENOENT) {
		warn("remove %s:", path);
		return -1;
	}
	return 0;
}

int
file_remove_tree(const char *path)
{
	struct stat st;

	if (lstat(path, &st) != 0)
		return errno == ENOENT ? 0 : -1;
	if (!S_ISDIR(st.st_mode))
		return remove_one(path, &st, 0, NULL);
	return nftw(path, remove_one, 16, FTW_DEPTH | FTW_PHYS) == 0 ? 0 : -1;
}
