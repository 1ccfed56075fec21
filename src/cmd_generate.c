/* orchgen (generate): the model in, build.ninja out. */
#include <regex.h>
#include "str.h"
#include "matrix.h"
#include "suite.h"
#include "spread.h"
#include "model.h"
#include "gen.h"
#include "travel.h"
#include "cmd.h"
#include "util.h"

int
cmd_generate(struct cmdargs *a)
{
	struct model md;
	int rc;

	if (model_load(&md, &a->o) < 0)
		return EXIT_USAGE;
	if (travel_check(&md.matrix) < 0) {
		model_free(&md);
		return EXIT_USAGE;
	}
	rc = gen_write(&md, &a->o, a->self);
	/* What a spread project's $(HOST:...) commands printed, for its jobs
	 * (build.ninja holds only its hash). */
	if (rc == 0 && md.spread && spread_write_hosts(md.spread) < 0)
		rc = EXIT_ENGINE;
	model_free(&md);
	return rc;
}
