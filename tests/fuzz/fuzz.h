/* What the fuzz targets share. The parsers read paths, so an input reaches
 * them as a file: a memfd, named /proc/self/fd/N, and nothing is written to
 * disk. Inputs of two parts (patterns and paths, filters and job ids) are
 * split at the first NUL, the second part into lines. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static int fuzz_fd = -1;
static char fuzz_path[32];

/* DATA as the contents of the input file; its path, valid until the next call. */
static inline const char *
fuzz_file(const uint8_t *data, size_t size)
{
	ssize_t n;

	if (fuzz_fd < 0) {
		if ((fuzz_fd = memfd_create("fuzz-input", MFD_CLOEXEC)) < 0) {
			perror("memfd_create");
			abort();
		}
		snprintf(fuzz_path, sizeof(fuzz_path), "/proc/self/fd/%d", fuzz_fd);
	}
	if (ftruncate(fuzz_fd, 0) != 0) {
		perror("ftruncate");
		abort();
	}
	for (size_t done = 0; done < size; done += (size_t)n) {
		if ((n = pwrite(fuzz_fd, data + done, size - done, (off_t)done)) <= 0) {
			perror("pwrite");
			abort();
		}
	}
	return fuzz_path;
}

/* The bytes before the first NUL of DATA: how many. */
static inline size_t
fuzz_head(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, '\0', size);

	return nul ? (size_t)(nul - data) : size;
}

/* The next line of *P, up to END, as a new string (a NUL ends a line too);
 * NULL at END. */
static inline char *
fuzz_line(const uint8_t **p, const uint8_t *end)
{
	const uint8_t *s = *p, *e = s;
	char *line;

	if (s >= end)
		return NULL;
	while (e < end && *e != '\n' && *e != '\0')
		e++;
	*p = e < end ? e + 1 : e;
	if (!(line = strndup((const char *)s, (size_t)(e - s))))
		abort();
	return line;
}
