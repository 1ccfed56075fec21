/* duration_parse: the input, up to a NUL, is the duration text. */
#include "fuzz.h"
#include "str.h"
#include "suite.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = strndup((const char *)data, fuzz_head(data, size));

	if (!s)
		abort();
	if (duration_parse(s) < -1)
		abort();	/* seconds, or -1 */
	free(s);
	return 0;
}
