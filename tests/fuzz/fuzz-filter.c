/* filter_compile, filter_match, filter_check (and so filter_explain):
 * the input's lines up to the first NUL are filters, one a line; the
 * lines after it are job ids, the scope the messages are made against. */
#include "fuzz.h"
#include "str.h"
#include "filter.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *p = data, *head = data + fuzz_head(data, size), *end = data + size;
	struct strv args = {0};
	struct filter f = {0};
	struct filter_scope scope = {0};
	char *line;

	while ((line = fuzz_line(&p, head)))
		strv_take(&args, line);
	p = head + (head < end);
	if (filter_compile(&f, &args) == 0) {
		while ((line = fuzz_line(&p, end))) {
			filter_match(&f, line);
			strv_take(&scope.ids, line);
		}
		filter_check(&f, &scope);	/* says why each that matched none did not */
		filter_scope_free(&scope);
		filter_free(&f);
	}
	strv_free(&args);
	return 0;
}
