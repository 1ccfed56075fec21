/* orchgen image: ensure a distro's image exists, as its content key names it:
 * inspect, pull the base when missing, build. */
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
#include "key.h"
#include "layout.h"
#include "record.h"
#include "model.h"
#include "cmd.h"
#include "helper.h"
#include "retry.h"
#include "util.h"

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
		char *target = layout_target("base", d->name);
		warn("[distro %s] base image %s is missing: run `ninja %s` first", d->name, base, target);
		free(target);
		return EXIT_ENGINE;
	}
	if ((fd = log_open(logpath, 0)) < 0)
		return EXIT_ENGINE;
	rc = engine_pull(engine, base, fd);
	close(fd);
	if (rc != 0 || engine_image_id(engine, base, id, n) != 0) {
		if (rc > 0)
			log_tail(logpath, NULL, NULL, 10);
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
		.owner = {m->project.name, key_checkout()},
	};
	int fd = log_open(logpath, 0), rc;

	if (fd < 0)
		return EXIT_ENGINE;
	rc = engine_build(&b, fd);
	close(fd);
	if (rc > 0) {
		log_tail(logpath, NULL, NULL, 20);
		warn("image %s: docker build failed", tag);
		return EXIT_JOBFAIL;
	}
	return rc < 0 ? EXIT_ENGINE : 0;
}

/* What TAG was made of, beside it for orchgen why: the context's hash, the
 * base and its ID, the settings that feed the image. */
static int
record_image(const struct matrix *m, const struct distro *d, const char *tag, const char *context,
    const char *base, const char *base_id)
{
	struct record r = {0};
	char *path = layout_record(d->name, "image");
	int rc;

	record_add(&r, "tag", tag);
	record_add(&r, "context", context);
	record_add(&r, "base", base);
	record_add(&r, "base-id", base_id);
	key_record(&r, m, d, FEEDS_IMAGE);
	rc = record_write(path, &r);
	record_free(&r), free(path);
	return rc;
}

/* Ensure the distro's image exists: inspect, else build. The output file
 * holds the tag and changes only when the tag does (restat). */
static int
ensure(const struct matrix *m, const struct distro *d, const char *context, const char *out)
{
	char from[256], id[256], *tag = NULL, *logpath = layout_stage_log(d->name, "image"), *base = key_base_ref(m, d);
	int rc = base_id(m, d, base, logpath, from, sizeof(from));

	if (rc == 0) {
		tag = key_image_tag(m, d, context, from);
		rc = engine_image_id(m->project.engine, tag, id, sizeof(id));
		if (rc < 0)
			rc = EXIT_ENGINE;
		else if (rc > 0)
			rc = build(m, d, base, tag, logpath);
	}
	if (rc == 0) {
		char *line = xasprintf("%s\n", tag);
		rc = file_update(out, line, strlen(line)) < 0 || record_image(m, d, tag, context, base, from) < 0 ? EXIT_ENGINE : 0;
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

	const struct distro *d = helper_distro(&m, a);
	if (!d)
		return EXIT_USAGE;
	if (!(context = helper_recorded(a->hash, "image"))) {
		matrix_free(&m);
		return EXIT_USAGE;
	}
	struct ensure e = {&m, d, context, a->out};
	char *what = layout_target("image", d->name);
	rc = retry(what, m.project.retries, EXIT_ENGINE, ensure_once, &e, NULL);
	free(what), free(context);
	matrix_free(&m);
	return rc;
}
