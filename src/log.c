#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "file.h"
#include "log.h"
#include "util.h"

/* How much of a log's end a failure shows lines from. */
#define TAIL_BYTES 65536

int
log_open(const char *path, int append)
{
	int fd;

	if (file_mkparents(path) < 0)
		return -1;
	fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC), 0666);
	if (fd < 0)
		warn("open %s:", path);
	return fd;
}

char *
log_last(const char *path, size_t max, size_t *len)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	char *s = NULL;
	ssize_t n = -1;

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
		off_t from = st.st_size > (off_t)max ? st.st_size - (off_t)max : 0;
		s = xmalloc(max + 1);
		n = pread(fd, s, max, from);
	}
	close(fd);
	if (n < 0) {
		free(s);
		return NULL;
	}
	s[n] = '\0';
	if (len)
		*len = (size_t)n;
	return s;
}

void
log_tail(const char *path, int n)
{
	size_t len, start;
	char *s = log_last(path, TAIL_BYTES, &len);

	if (!s) {
		warn("no log at %s", path);
		return;
	}
	start = len;
	if (start > 0 && s[start - 1] == '\n')
		start--;
	while (start > 0 && n > 0) {
		if (s[--start] == '\n')
			n--;
	}
	if (start < len && s[start] == '\n')
		start++;
	fwrite(s + start, 1, len - start, stderr);
	if (len > 0 && s[len - 1] != '\n')
		fputc('\n', stderr);
	fprintf(stderr, "orchgen: full log: %s\n", path);
	free(s);
}
