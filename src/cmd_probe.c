/* orchgen probe: the edge helper that asks the engine, once per ninja run,
 * whether the images the graph relies on are there: every distro's base
 * and the tag its image edge recorded last. It writes each distro's
 * presence file only when its answer changed, so that the image and base
 * edges of a distro run when an image of it appeared or disappeared (or
 * its base changed), and otherwise nothing runs. build.ninja waits for it
 * (order-only), so Ninja runs it while it checks its own file, before it
 * plans the build: a no-op is Ninja's own no-op plus this one question. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "str.h"
#include "engine.h"
#include "file.h"
#include "hash.h"
#include "matrix.h"
#include "key.h"
#include "layout.h"
#include "model.h"
#include "cmd.h"
#include "helper.h"
#include "util.h"

/* The presence of distro D: its base and that base's ID, and the tag its
 * image edge recorded when the engine has lost it. */
static char *
presence(const char *base, const char *base_id, const char *tag, const char *tag_id)
{
	struct buf b = {0};

	buf_printf(&b, "base %s %s\n", base, base_id ? base_id : "missing");
	if (tag && !tag_id)
		buf_printf(&b, "missing %s\n", tag);
	return b.s;
}

int
cmd_probe(struct cmdargs *a)
{
	struct matrix m;
	size_t n;
	const char **refs;
	char **ids, **tags;
	int rc = 0, up;

	if (matrix_load(&m, a->o.file, &a->o.defines) < 0)
		return EXIT_USAGE;
	n = m.ndistros;
	refs = xcalloc(2 * n + 1, sizeof(*refs));
	ids = xcalloc(2 * n + 1, sizeof(*ids));
	tags = xcalloc(n + 1, sizeof(*tags));
	size_t nrefs = 0;
	for (size_t i = 0; i < n; i++) {
		char *image = layout_image(m.distros[i].name);
		refs[i] = key_base_ref(&m, &m.distros[i]);
		tags[i] = helper_read_recorded(image);
		free(image);
	}
	nrefs = n;
	for (size_t i = 0; i < n; i++) {
		if (tags[i])
			refs[nrefs++] = tags[i];
	}
	up = engine_image_ids(m.project.engine, refs, nrefs, ids) == 0;
	for (size_t i = 0, t = n; i < n; i++) {
		char *path = layout_present(m.distros[i].name), *text;
		const char *tag_id = tags[i] ? ids[t++] : NULL;
		text = up ? presence(refs[i], ids[i], tags[i], tag_id) : xstrdup("the engine did not answer\n");
		if (file_mkparents(path) < 0 || file_update(path, text, strlen(text)) < 0)
			rc = EXIT_ENGINE;
		free(text), free(path);
	}
	for (size_t i = 0; i < n; i++)
		free((char *)refs[i]), free(tags[i]);
	for (size_t i = 0; i < nrefs; i++)
		free(ids[i]);
	free(refs), free(ids), free(tags);
	matrix_free(&m);
	return rc;
}
