#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "str.h"
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
	fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | O_APPEND | (append ? 0 : O_TRUNC), 0666);
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

char *
log_last_line(const char *path)
{
	char *text = log_last(path, 512, NULL), *line;
	size_t n = text ? strlen(text) : 0;

	while (n > 0 && text[n - 1] == '\n')
		text[--n] = '\0';
	line = xstrdup(!text ? "" : strrchr(text, '\n') ? strrchr(text, '\n') + 1 : text);
	free(text);
	return line;
}

/* A part of a log: where it starts and ends, how many lines it holds. */
struct part {
	off_t from, to;
	long lines;
};

/* In the log F, the whole of it (ALL), and what the section MARK wrote in
 * its last run (SEC: from the line after its mark to the next line that
 * starts with NEXT; sec->lines < 0 when MARK is NULL or not there). Lines
 * are read in pieces, so a long one costs no memory. */
static void
parts(FILE *f, const char *mark, const char *next, struct part *all, struct part *sec)
{
	char piece[4096];
	size_t nmark = mark ? strlen(mark) : 0, nnext = next ? strlen(next) : 0;
	off_t pos = 0, at;
	int bol = 1, in = 0;

	*all = (struct part){0, 0, 0};
	*sec = (struct part){0, 0, -1};
	while (fgets(piece, sizeof(piece), f) && (at = ftello(f)) > pos) {
		size_t len = (size_t)(at - pos);
		int eol = piece[len - 1] == '\n';
		if (bol && mark && len == nmark + 1 && !memcmp(piece, mark, nmark) && eol) {
			*sec = (struct part){at, at, 0};
			in = 1;
		} else if (bol && in && next && len >= nnext && !memcmp(piece, next, nnext)) {
			in = 0;
		} else if (in) {
			sec->to = at;
			sec->lines += eol;
		}
		all->lines += eol;
		bol = eol;
		pos = at;
	}
	all->to = pos;
	all->lines += !bol;
	if (sec->lines >= 0 && sec->to > sec->from && !bol && in)
		sec->lines++;
}

char *
log_tail_text(const char *path, const char *mark, const char *next, int n)
{
	FILE *f = file_open_regular(path);
	struct part all, sec, *p;
	struct buf b = {0};
	size_t len, start;
	long shown = 0;
	char *s;

	if (!f)
		return NULL;
	parts(f, mark, next, &all, &sec);
	p = sec.lines >= 0 ? &sec : &all;
	len = (size_t)(p->to - p->from > TAIL_BYTES ? TAIL_BYTES : p->to - p->from);
	s = xmalloc(len + 1);
	if (pread(fileno(f), s, len, p->to - (off_t)len) != (ssize_t)len)
		len = 0;
	fclose(f);
	start = len;
	if (start > 0 && s[start - 1] == '\n')
		start--;
	for (int seen = 0; start > 0 && seen < n;) {
		if (s[--start] == '\n')
			seen++;
	}
	if (start < len && s[start] == '\n')
		start++;
	for (size_t i = start; i < len; i++)
		shown += s[i] == '\n';
	shown += len > start && s[len - 1] != '\n';
	if (p->lines > shown)
		buf_printf(&b, "... %ld earlier line%s\n", p->lines - shown, p->lines - shown == 1 ? "" : "s");
	for (size_t i = start; i < len; i++) {
		if (s[i])
			buf_putc(&b, s[i]);
		else
			buf_puts(&b, "^@");
	}
	if (len > start && s[len - 1] != '\n')
		buf_putc(&b, '\n');
	free(s);
	return b.s ? b.s : xstrdup("");
}

void
log_tail(const char *path, const char *mark, const char *next, int n)
{
	char *s = log_tail_text(path, mark, next, n);

	if (!s) {
		warn("no log at %s", path);
		return;
	}
	fputs(s, stderr);
	fprintf(stderr, "orchgen: full log: %s\n", path);
	free(s);
}

void
log_tty(const char *msg)
{
	int fd = open("/dev/tty", O_WRONLY | O_NOCTTY | O_CLOEXEC);

	if (fd >= 0) {
		dprintf(fd, "\rorchgen: %s\n", msg);
		close(fd);
	}
}
