#include <stdlib.h>
#include <string.h>
#include "str.h"
#include "engine.h"
#include "file.h"
#include "matrix.h"
#include "hash.h"
#include "key.h"
#include "layout.h"
#include "image.h"
#include "util.h"

/* Without a Dockerfile, the image is the base as it is, built from a
 * Dockerfile of one FROM in an empty context of D's own: labelled and
 * tagged as any other. Its path, or NULL (warned). */
static char *
base_only(const struct distro *d)
{
	static const char text[] = "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\n";
	char *dir = layout_stage(d->name, "base-only"), *path = xasprintf("%s/Dockerfile", dir);

	free(dir);
	if (file_write(path, text, strlen(text)) < 0) {
		free(path);
		return NULL;
	}
	return path;
}

int
image_build(const struct matrix *m, const struct distro *d, const char *base, const char *tag, int no_cache, int fd)
{
	char *generated = m->project.dockerfile ? NULL : base_only(d), *context = NULL;
	struct build_spec b = {
		.engine = m->project.engine,
		.dockerfile = generated ? generated : m->project.dockerfile,
		.context = m->project.context,
		.tag = tag,
		.base = base,
		.build_args = &d->build_args,
		.owner = {m->project.name, key_checkout()},
		.no_cache = no_cache,
	};
	int rc = -1;

	if (generated)
		b.context = context = xstrndup(generated, strlen(generated) - strlen("/Dockerfile"));
	if (m->project.dockerfile || generated)
		rc = engine_build(&b, fd);
	free(generated), free(context);
	return rc;
}
