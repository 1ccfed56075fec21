/* nftw() */
#define _XOPEN_SOURCE 700
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <sys/file.h>
#include <fcntl.h>
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

FILE *
file_open_regular(const char *path)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	FILE *f;

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		errno = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
		return NULL;
	}
	if (!(f = fdopen(fd, "rb")))
		close(fd);
	return f;
}

char *
file_read(const char *path, size_t *len)
{
	struct buf b = {0};
	char chunk[8192];
	size_t n;
	FILE *f = file_open_regular(path);

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

char *
file_temporary(const char *path)
{
	return xasprintf("%s.tmp%ld", path, (long)getpid());
}

int
file_write(const char *path, const void *data, size_t len)
{
	char *tmp = file_temporary(path);
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

/* Does the regular file PATH hold exactly DATA? Read in blocks and
 * compared as it comes, so that the old file is never held whole. */
static int
file_same(const char *path, const char *data, size_t len)
{
	FILE *f = file_open_regular(path);
	char block[65536];
	size_t n, at = 0;
	struct stat st;
	int same;

	if (!f)
		return 0;
	same = fstat(fileno(f), &st) == 0 && (size_t)st.st_size == len;
	while (same && (n = fread(block, 1, sizeof(block), f)) > 0) {
		same = n <= len - at && memcmp(block, data + at, n) == 0;
		at += n;
	}
	same = same && at == len && !ferror(f);
	fclose(f);
	return same;
}

int
file_update(const char *path, const void *data, size_t len)
{
	if (file_same(path, data, len))
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

/* file_resolve(), following at most HOPS more links. */
static char *
resolve(const char *path, int hops)
{
	char target[PATH_MAX], *dir, *real, *next;
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	struct stat st;
	ssize_t n;

	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
		if (hops == 0 || (n = readlink(path, target, sizeof(target) - 1)) < 0)
			return NULL;
		target[n] = '\0';
		dir = file_dirname(path, 0);
		next = target[0] == '/' ? xstrdup(target) : xasprintf("%s/%s", dir, target);
		real = resolve(next, hops - 1);
		free(dir), free(next);
		return real;
	}
	dir = file_dirname(path, 0);
	real = realpath(dir, NULL);
	free(dir);
	if (!real)
		return NULL;
	next = xasprintf("%s%s%s", real, strcmp(real, "/") ? "/" : "", base);
	free(real);
	return next;
}

char *
file_resolve(const char *path)
{
	return resolve(path, 40);
}

char *
file_relative(const char *path)
{
	char *top = realpath(".", NULL), *rel = NULL;
	size_t n = top ? strlen(top) : 0;

	if (top && !strncmp(path, top, n) && path[n] == '/')
		rel = xstrdup(path + n + 1);
	free(top);
	return rel;
}

char *
file_clean(const char *s, int strip)
{
	struct buf b = {0};
	int abs = s[0] == '/';
	size_t keep = 0;	/* bytes of leading ".." that cannot fold */

	while (*s) {
		size_t n;

		s += strspn(s, "/");
		n = strcspn(s, "/");
		if (n == 0 || (n == 1 && s[0] == '.')) {
			s += n;
			continue;
		}
		if (n == 2 && s[0] == '.' && s[1] == '.' && b.len > keep) {
			char *slash = strrchr(b.s + keep, '/');
			b.len = slash ? (size_t)(slash - b.s) : keep;
			b.s[b.len] = '\0';
		} else if (n == 2 && s[0] == '.' && s[1] == '.' && abs) {
			/* "/.." is "/" */
		} else {
			if (b.len)
				buf_putc(&b, '/');
			buf_putn(&b, s, n);
			if (n == 2 && s[0] == '.' && s[1] == '.')
				keep = b.len;
		}
		s += n;
	}
	char *out = xasprintf("%s%s", abs && !strip ? "/" : "", buf_str(&b));
	buf_free(&b);
	return out;
}

char *
file_dirname(const char *path, int existing)
{
	char *dir = xstrdup(path), *slash;

	do {
		slash = strrchr(dir, '/');
		if (!slash) {
			free(dir);
			return xstrdup(".");
		}
		*slash = '\0';
	} while (existing && *dir && access(dir, F_OK) != 0);
	if (!*dir) {
		free(dir);
		return xstrdup("/");
	}
	return dir;
}

char *
file_relative_to(const char *dir, const char *path)
{
	char *from = file_absolute(dir), *to = file_absolute(path), *a, *b;
	const char *up, *down;
	struct buf rel = {0};
	size_t common = 0, i;

	a = file_clean(from, 0), b = file_clean(to, 0);
	free(from), free(to);
	/* What both share: up to their last common '/', or all of A when B
	 * is A or below it. */
	for (i = 0; a[i] && a[i] == b[i]; i++) {
		if (a[i] == '/')
			common = i + 1;
	}
	if (!a[i] && (b[i] == '/' || !b[i]))
		common = i;
	up = a + common + (a[common] == '/');
	down = b + common + (b[common] == '/');
	for (; *up; up += strcspn(up, "/"), up += *up == '/')
		buf_puts(&rel, "../");
	buf_puts(&rel, down);
	free(a), free(b);
	return rel.s && *rel.s ? rel.s : (free(rel.s), xstrdup("."));
}

/* Is NAME a temporary of BASE (of any file when BASE is NULL), NAME.tmpPID,
 * whose process is gone? */
static int
dead_temporary(const char *name, const char *base)
{
	const char *tmp = base ? (strncmp(name, base, strlen(base)) ? NULL : name + strlen(base)) : strrchr(name, '.');
	const char *pid = tmp ? tmp + 4 : NULL;

	if (!tmp || strncmp(tmp, ".tmp", 4) || !*pid || strspn(pid, "0123456789") != strlen(pid))
		return 0;
	return kill((pid_t)atol(pid), 0) != 0 && errno == ESRCH;
}

/* Remove the dead temporaries of BASE (NULL: of any file) in DIR. */
static void
clean_temporaries(const char *dir, const char *base)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	while (d && (e = readdir(d))) {
		if (dead_temporary(e->d_name, base)) {
			char *tmp = xasprintf("%s/%s", dir, e->d_name);
			unlink(tmp);
			free(tmp);
		}
	}
	if (d)
		closedir(d);
}

void
file_clean_temporaries(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = file_dirname(path, 0);

	clean_temporaries(dir, slash ? slash + 1 : path);
	free(dir);
}

void
file_clean_temporaries_in(const char *dir)
{
	clean_temporaries(dir, NULL);
}

/* The lock file PATH, made with its directories, open: a descriptor, or -1
 * (said). */
static int
lock_open(const char *path)
{
	int fd;

	if (file_mkparents(path) < 0)
		return -1;
	if ((fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0666)) < 0)
		warn("open %s:", path);
	return fd;
}

int
file_lock(const char *path, const char *what)
{
	int fd = lock_open(path);

	if (fd < 0)
		return -1;
	if (flock(fd, LOCK_EX | LOCK_NB) == 0)
		return fd;
	if (what)
		warn("%s: another run of it is going on: waiting for it to end", what);
	while (flock(fd, LOCK_EX) != 0) {
		if (errno != EINTR) {
			warn("lock %s:", path);
			close(fd);
			return -1;
		}
	}
	return fd;
}

int
file_trylock(const char *path)
{
	int fd = lock_open(path);

	if (fd < 0)
		return -1;
	if (flock(fd, LOCK_EX | LOCK_NB) == 0)
		return fd;
	close(fd);
	return errno == EWOULDBLOCK ? -2 : (warn("lock %s:", path), -1);
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

int
file_put(const char *dir, const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", dir, name);
	int rc = 0;

	if (text)
		rc = file_write(path, text, strlen(text));
	else if (unlink(path) != 0 && errno != ENOENT)
		rc = -1, warn("remove %s:", path);
	free(path);
	return rc;
}
