/* ignore_load, ignore_match: the input up to the first NUL is a
 * .dockerignore file; the lines after it are paths to match. */
#include "fuzz.h"
#include "str.h"
#include "walk.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t n = fuzz_head(data, size);
	const uint8_t *p = data + n + (n < size), *end = data + size;
	struct strv patterns = {0};
	char *line;

	if (ignore_load(fuzz_file(data, n), &patterns) == 0) {
		while ((line = fuzz_line(&p, end))) {
			ignore_match(&patterns, line);
			free(line);
		}
	}
	strv_free(&patterns);
	return 0;
}
