/* orchgen image: ensure a distro's image exists, as its content key names it:
 * inspect, pull the base when missing, load or pull the image (travel.h),
 * build. */
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
#include "travel.h"
#include "image.h"
#include "util.h"

/* The base image's ID, pulling it when it is missing, or always with
 * `pull = always` (an imported base is made by its base edge, never
 * pulled). 0, EXIT_ENGINE (engine trouble), or RETRY_HOPELESS: the base is
 * not there and cannot be pulled (no registry answers, a name no registry
 * has), said once. */
static int
base_id(const struct matrix *m, const struct distro *d, const char *base, const char *logpath, char *id, size_t n)
{
	const char *engine = m->project.engine;
	int rc = engine_image_id(engine, base, id, n), fd;

	if (rc < 0 || (rc == 0 && (d->rootfs || d->pull != PULL_ALWAYS)))
		return rc < 0 ? EXIT_ENGINE : 0;
	if (d->rootfs) {
		char *target = layout_target("base", d->name);
		warn("[distro %s] base image %s is missing: run `ninja %s` first", d->name, base, target);
		free(target);
		return RETRY_HOPELESS;
	}
	if ((fd = log_open(logpath, 0)) < 0)
		return EXIT_ENGINE;
	rc = engine_pull(engine, base, fd);
	close(fd);
	if (rc == 0 && engine_image_id(engine, base, id, n) == 0)
		return 0;
	if (rc < 0)
		return EXIT_ENGINE;
	if (engine_image_id(engine, base, id, n) == 0) {	/* pull = always, offline: the one there */
		warn("%s: base image %s could not be pulled: the one the engine has is used", d->where, base);
		return 0;
	}
	log_tail(logpath, NULL, NULL, 10);
	warn("%s: base image %s is not here and could not be pulled: make it (docker build -t %s ..., or docker load), "
	    "or build it offline with rootfs = COMMAND", d->where, base, base);
	return RETRY_HOPELESS;
}

/* Did the build whose log is at PATH fail as Docker's classic builder
 * does when an image it looks at for its layer cache goes while it looks
 * (removed by another project's cleanup): engine trouble, which passes,
 * not a failure of the Dockerfile. */
static int
lost_an_image(const char *path)
{
	char *tail = log_last(path, 4096, NULL);
	int lost = tail && strstr(tail, "unable to find image \"sha256:");

	free(tail);
	return lost;
}

static int
build(const struct matrix *m, const struct distro *d, const char *base, const char *tag, const char *logpath, int no_cache)
{
	int fd = log_open(logpath, 0), rc;

	if (fd < 0)
		return EXIT_ENGINE;
	rc = image_build(m, d, base, tag, no_cache, fd);
	close(fd);
	if (rc > 0 && lost_an_image(logpath)) {
		warn("image %s: the engine lost an image it was looking at while it built (removed meanwhile)", tag);
		return EXIT_ENGINE;
	}
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

/* build()'s arguments, for travel_ensure(). */
struct build {
	const struct matrix *m;
	const struct distro *d;
	const char *base, *tag, *logpath;
	int no_cache;
};

static int
build_once(void *arg)
{
	const struct build *b = arg;

	return build(b->m, b->d, b->base, b->tag, b->logpath, b->no_cache);
}

/* Ensure the distro's image exists: inspect, load, pull, else build (with
 * REBUILD: build it again, every step). The output file holds the tag and
 * changes only when the tag does (restat). */
static int
ensure(const struct matrix *m, const struct distro *d, const char *context, const char *out, int rebuild)
{
	char from[256], *tag = NULL, *logpath = layout_stage_log(d->name, "image"), *base = key_base_ref(m, d);
	int rc = base_id(m, d, base, logpath, from, sizeof(from));

	if (rc == 0) {
		tag = key_image_tag(m, d, context, from);
		struct build b = {m, d, base, tag, logpath, rebuild};
		rc = travel_ensure(m, d, tag, logpath, rebuild, build_once, &b);
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
	int rebuild;
};

static int
ensure_once(void *arg)
{
	const struct ensure *e = arg;

	return ensure(e->m, e->d, e->context, e->out, e->rebuild);
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
	struct ensure e = {&m, d, context, a->out, a->rebuild};
	char *what = layout_target("image", d->name);
	rc = retry(what, m.project.retries, EXIT_ENGINE, ensure_once, &e, NULL);
	if (rc == RETRY_HOPELESS)
		rc = EXIT_ENGINE;
	/* A rebuild that failed leaves the image there: its jobs can run. */
	if (rc == 0 || !a->rebuild)
		rc = helper_stage_ended(d, "image", rc);
	free(what), free(context);
	matrix_free(&m);
	return rc;
}
