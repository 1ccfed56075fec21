#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "str.h"
#include "engine.h"
#include "file.h"
#include "hash.h"
#include "log.h"
#include "matrix.h"
#include "layout.h"
#include "model.h"
#include "cmd.h"
#include "helper.h"
#include "retry.h"
#include "util.h"

/* Bumped when what goes into an image key changes meaning. */
#define IMAGE_SCHEME "orchgen-image-1"

/* The base image's reference: an image, or the one its recipe imports. */
static char *
base_ref(const struct matrix *m, const struct distro *d)
{
	return d->rootfs ? base_tag(m, d) : xstrdup(d->base);
}

char *
image_tag(const struct matrix *m, const struct distro *d, const char *context, const char *base_id)
{
	char *base = base_ref(m, d);
	struct hasher h;
	char hex[HASH_HEX + 1];

	hasher_init(&h);
	hasher_add(&h, IMAGE_SCHEME);
	hasher_add(&h, context);
	hasher_add(&h, m->project.dockerfile);
	hasher_add(&h, base);
	hasher_add(&h, base_id);
	for (size_t i = 0; i < d->build_args.n; i++)
		hasher_add(&h, d->build_args.v[i]);
	hasher_end(&h, hex);
	free(base);
	return xasprintf("%s-%s:%.16s", m->project.name, d->name, hex);
}

/* The base image's ID, pulling it when it is missing (an imported base is
 * made by its base edge, never pulled). Exit status or 0. */
static int
base_id(const struct matrix *m, const struct distro *d, const char *base, const char *logpath, char *id, size_t n)
{
	const char *engine = m->project.engine;
	int rc = engine_image_id(engine, base, id, n);
	int fd;

	if (rc <= 0)
		return rc < 0 ? EXIT_ENGINE : 0;
	if (d->rootfs) {
		warn("[distro %s] base image %s is missing: run `ninja base-%s` (or ninja image-%s) first", d->name, base, d->name, d->name);
		return EXIT_ENGINE;
	}
	if ((fd = log_open(logpath, 0)) < 0)
		return EXIT_ENGINE;
	rc = engine_pull(engine, base, fd);
	close(fd);
	if (rc != 0 || engine_image_id(engine, base, id, n) != 0) {
		if (rc > 0)
			log_tail(logpath, 10);
		warn("%s: base image %s is not present and could not be pulled", d->where, base);
		return EXIT_ENGINE;
	}
	return 0;
}

static int
build(const struct matrix *m, const struct distro *d, const char *base, const char *tag, const char *logpath)
{
	struct build_spec b = {
		.engine = m->project.engine,
		.dockerfile = m->project.dockerfile,
		.context = m->project.context,
		.tag = tag,
		.base = base,
		.build_args = &d->build_args,
		.project = m->project.name,
	};
	int fd = log_open(logpath, 0), rc;

	if (fd < 0)
		return EXIT_ENGINE;
	rc = engine_build(&b, fd);
	close(fd);
	if (rc > 0) {
		log_tail(logpath, 20);
		warn("image %s: docker build failed", tag);
		return EXIT_JOBFAIL;
	}
	return rc < 0 ? EXIT_ENGINE : 0;
}

/* Ensure the distro's image exists: inspect, else build. The output file
 * holds the tag and changes only when the tag does (restat). */
static int
ensure(const struct matrix *m, const struct distro *d, const char *context, const char *out)
{
	char id[256], *tag = NULL, *logpath = stage_path(d, "image.log"), *base = base_ref(m, d);
	int rc = base_id(m, d, base, logpath, id, sizeof(id));

	if (rc == 0) {
		tag = image_tag(m, d, context, id);
		rc = engine_image_id(m->project.engine, tag, id, sizeof(id));
		if (rc < 0)
			rc = EXIT_ENGINE;
		else if (rc > 0)
			rc = build(m, d, base, tag, logpath);
	}
	if (rc == 0) {
		char *line = xasprintf("%s\n", tag);
		rc = file_update(out, line, strlen(line)) < 0 ? EXIT_ENGINE : 0;
		free(line);
	}
	free(tag), free(base), free(logpath);
	return rc;
}

/* ensure()'s arguments, for retry(). */
struct ensure {
	const struct matrix *m;
	const struct distro *d;
	const char *context, *out;
};

static int
ensure_once(void *arg)
{
	const struct ensure *e = arg;

	return ensure(e->m, e->d, e->context, e->out);
}

int
cmd_image(struct cmdargs *a)
{
	struct matrix m;
	char *context;
	int rc;

	if (!a->distro || !a->hash || !a->out)
		fatal(EXIT_USAGE, "usage: orchgen image [-f FILE] --distro D --hash FILE -o FILE");
	const struct distro *d = helper_distro(&m, a);
	if (!d)
		return EXIT_USAGE;
	if (!(context = helper_recorded(a->hash, "image"))) {
		matrix_free(&m);
		return EXIT_USAGE;
	}
	struct ensure e = {&m, d, context, a->out};
	char *what = xasprintf("image-%s", d->name);
	rc = retry(what, m.project.retries, EXIT_ENGINE, ensure_once, &e, NULL);
	free(what), free(context);
	matrix_free(&m);
	return rc;
}
