/* orchgen probe: the edge helper that asks the engine, once per ninja run,
 * whether the images the graph relies on are there: every distro's base
 * and the tag its image edge recorded last (presence.c). build.ninja waits
 * for it (order-only), so Ninja runs it while it checks its own file,
 * before it plans the build: a no-op is Ninja's own no-op plus this one
 * question. */
#include <stdio.h>
#include <stdlib.h>
#include "str.h"
#include "hash.h"
#include "matrix.h"
#include "suite.h"
#include "model.h"
#include "presence.h"
#include "cmd.h"
#include "util.h"

int
cmd_probe(struct cmdargs *a)
{
	struct matrix m;
	const struct distro **ds;
	int rc;

	if (matrix_load(&m, a->o.file, &a->o.defines) < 0)
		return EXIT_USAGE;
	ds = xcalloc(m.ndistros + 1, sizeof(*ds));
	for (size_t i = 0; i < m.ndistros; i++)
		ds[i] = &m.distros[i];
	rc = presence_probe(&m, ds, m.ndistros) < 0 ? EXIT_ENGINE : 0;
	free(ds);
	matrix_free(&m);
	return rc;
}
