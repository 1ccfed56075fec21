/* suite_parse: the input is a task.yaml. A suite that parses is asked what
 * orchgen asks of it: the distros it selects, its environment per variant. */
#include "fuzz.h"
#include "str.h"
#include "suite.h"

static const char *const distros[] = {"bookworm", "sid", "trixie"};
#define NDISTROS (sizeof(distros) / sizeof(distros[0]))

static void
use(const struct suite *s)
{
	struct strv all = {0}, env = {0};

	for (size_t i = 0; i < NDISTROS; i++) {
		suite_selects(s, distros[i]);
		strv_push(&all, distros[i]);
	}
	suite_check_systems(s, &all);
	suite_env_for(s, NULL, &env);
	for (size_t i = 0; i < s->variants.n; i++)
		suite_env_for(s, s->variants.v[i], &env);
	strv_free(&env);
	strv_free(&all);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct suite s;

	if (suite_parse(&s, fuzz_file(data, size), "suites/fuzz", "fuzz") == 0) {
		use(&s);
		suite_free(&s);
	}
	return 0;
}
