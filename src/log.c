#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "file.h"
#include "log.h"
#include "util.h"

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

void
log_tail(const char *path, int n)
{
	size_t len;
	char *s = file_read(path, &len);
	size_t start = len;

	if (!s) {
		warn("no log at %s", path);
		return;
	}
	if (start > 0 && s[start - 1] == '\n')
		start--;
	while (start > 0 && n > 0) {
		if (s[--start] == '\n')
			n--;
	}
	if (s[start] == '\n')
		start++;
	fputs(s + start, stderr);
	if (len > 0 && s[len - 1] != '\n')
		fputc('\n', stderr);
	fprintf(stderr, "orchgen: full log: %s\n", path);
	free(s);
}
