#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "str.h"
#include "engine.h"
#include "file.h"
#include "hash.h"
#include "log.h"
#include "matrix.h"
#include "key.h"
#include "layout.h"
#include "suite.h"
#include "walk.h"
#include "inputs.h"
#include "retry.h"
#include "presence.h"
#include "travel.h"
#include "util.h"

/* What a directory given as the image cache must be, for messages. */
#define CACHE_FORM "expected a directory that can be written, or made (the nearest directory above it that exists can be written)"

/* DIR as a path from the project, links resolved where they exist: "."
 * for the project itself; DIR cleaned when it is outside the project. */
static char *
from_project(const char *dir)
{
	char *real = file_resolve(dir), *top = realpath(".", NULL), *rel;

	if (real && top && !strcmp(real, top))
		rel = xstrdup(".");
	else if (!(rel = real ? file_relative(real) : NULL))
		rel = file_clean(real ? real : dir, 0);
	free(real), free(top);
	return rel;
}

/* Can the directory DIR be written, or made? 0, or -1 (warned with AT). */
static int
usable(const char *dir, const char *at)
{
	struct stat st;
	char *above = NULL;
	const char *why = NULL;

	if (stat(dir, &st) == 0)
		why = !S_ISDIR(st.st_mode) ? "not a directory" : access(dir, W_OK | X_OK) != 0 ? strerror(errno) : NULL;
	else if (errno != ENOENT && errno != ENOTDIR)
		why = strerror(errno);
	else if (stat(above = file_dirname(dir, 1), &st) != 0)
		why = strerror(errno);
	else
		why = !S_ISDIR(st.st_mode) ? "not a directory" : access(above, W_OK | X_OK) != 0 ? strerror(errno) : NULL;
	if (why && above)
		warn("%s: image-cache %s cannot be made: %s: %s: " CACHE_FORM, at, dir, above, why);
	else if (why)
		warn("%s: image-cache %s: %s: " CACHE_FORM, at, dir, why);
	free(above);
	return why ? -1 : 0;
}

int
travel_check(const struct matrix *m)
{
	const struct project *p = &m->project;
	char *rel, *input;
	int rc;

	if (!p->image_cache)
		return 0;
	rel = from_project(p->image_cache);
	if ((input = input_holding(m, rel))) {
		warn("%s: image-cache %s is part of the %s: the archives saved there would change the keys they are saved under: "
		    "expected a directory outside every input (outside the project, or below .orch)", p->image_cache_at, p->image_cache, input);
		rc = -1;
	} else {
		rc = usable(p->image_cache, p->image_cache_at);
	}
	free(rel), free(input);
	return rc;
}

/* The image cache cannot be written (ERR, an errno): said, with the path
 * it could not write. */
static int
unwritable(const struct matrix *m, const char *path, int err)
{
	warn("image cache %s: cannot write %s: %s: expected a directory this user can write ([project] image-cache, %s)",
	    m->project.image_cache, path, strerror(err), m->project.image_cache_at);
	return RETRY_HOPELESS;
}

/* A new, empty temporary of the archive PATH, its directory made: its
 * name, or NULL with *ERR the errno. */
static char *
temporary(const char *path, int *err)
{
	char *tmp = file_temporary(path), *dir = file_dirname(path, 0);
	int fd = -1;

	file_clean_temporaries(path);
	if (mkdir(dir, 0777) == 0 || errno == EEXIST || (errno == ENOENT && file_mkdirs(dir) == 0))
		fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	*err = errno;
	free(dir);
	if (fd < 0) {
		free(tmp);
		return NULL;
	}
	close(fd);
	return tmp;
}

/* Save TAG to its archive, through a temporary renamed into place: 0,
 * EXIT_ENGINE, or RETRY_HOPELESS (warned). */
static int
save(const struct matrix *m, const char *tag, const char *log)
{
	char *path = layout_archive(m->project.image_cache, tag), *tmp;
	int fd, rc, err;

	if (!(tmp = temporary(path, &err))) {
		rc = unwritable(m, path, err);
		free(path);
		return rc;
	}
	rc = -1;
	if ((fd = log_open(log, 1)) >= 0) {
		rc = engine_save(m->project.engine, tag, tmp, fd);
		close(fd);
	}
	if (rc == 0 && rename(tmp, path) != 0) {
		rc = unwritable(m, path, errno);
	} else if (rc > 0) {
		warn("image cache %s: %s could not be saved (see %s)", m->project.image_cache, tag, log);
		rc = RETRY_HOPELESS;
	}
	if (rc != 0)
		unlink(tmp);
	free(tmp), free(path);
	return rc < 0 ? EXIT_ENGINE : rc;
}

/* Load TAG from its archive: 0 loaded; 1 no archive, or one that does not
 * load as TAG (removed, warned); -1 engine trouble. */
static int
load(const struct matrix *m, const char *tag, const char *log)
{
	char *path = layout_archive(m->project.image_cache, tag), *line, id[256];
	int fd, rc = 1;

	if (access(path, F_OK) == 0 && (fd = log_open(log, 1)) >= 0) {
		rc = engine_load(m->project.engine, path, fd);
		close(fd);
		if (rc == 0)
			rc = engine_image_id(m->project.engine, tag, id, sizeof(id));
		if (rc > 0) {
			line = log_last_line(log);
			warn("%s does not load as %s (%s): a truncated or corrupt archive, removed: the image is made again", path, tag, line);
			free(line);
			if (unlink(path) != 0)
				warn("remove %s:", path);
		}
	}
	free(path);
	return rc;
}

/* Pull TAG from the registry, as its name there: 0 pulled; 1 not there,
 * or the registry did not answer (warned); -1 engine trouble. */
static int
pull(const struct matrix *m, const char *tag, const char *log)
{
	const char *engine = m->project.engine;
	char *ref = key_registry_ref(m, tag), *line;
	int fd = log_open(log, 1), rc = fd < 0 ? -1 : engine_pull(engine, ref, fd);

	if (fd >= 0)
		close(fd);
	if (rc == 0) {
		rc = engine_tag(engine, ref, tag);
		engine_rmi(engine, ref);
	} else if (rc > 0) {
		line = log_last_line(log);
		if (!engine_absent(line))
			warn("registry %s does not answer (%s): %s is made here", m->project.registry, line, tag);
		free(line);
	}
	free(ref);
	return rc;
}

/* Push TAG to the registry, as its name there; a failure is only said. */
static void
push(const struct matrix *m, const char *tag, const char *log)
{
	const char *engine = m->project.engine;
	char *ref = key_registry_ref(m, tag), *line;
	int fd = -1, rc = engine_tag(engine, tag, ref) < 0 ? -1 : (fd = log_open(log, 1)) < 0 ? -1 : engine_push(engine, ref, fd);

	if (fd >= 0)
		close(fd);
	engine_rmi(engine, ref);
	if (rc != 0) {
		line = log_last_line(log);
		warn("registry %s: %s could not be pushed (%s): a runner that lacks it makes it again", m->project.registry, tag, line);
		free(line);
	}
	free(ref);
}

/* Can TAG's archive be written, before TAG is made? 0, or RETRY_HOPELESS
 * (warned). */
static int
writable(const struct matrix *m, const char *tag)
{
	char *path = layout_archive(m->project.image_cache, tag), *tmp;
	int err, rc = (tmp = temporary(path, &err)) ? 0 : unwritable(m, path, err);

	if (tmp)
		unlink(tmp);
	free(tmp), free(path);
	return rc;
}

/* Has the image cache an archive of TAG? */
static int
archived(const struct matrix *m, const char *tag)
{
	char *path = layout_archive(m->project.image_cache, tag);
	int there = access(path, F_OK) == 0;

	free(path);
	return there;
}

int
travel_fetch(const struct matrix *m, const char *tag, const char *log)
{
	int rc = 1;

	if (m->project.image_cache)
		rc = load(m, tag, log);
	if (rc > 0 && m->project.registry)
		rc = pull(m, tag, log);
	return rc;
}

int
travel_ensure(const struct matrix *m, const struct distro *d, const char *tag, const char *log, int again,
    int (*make)(void *arg), void *arg)
{
	const struct project *p = &m->project;
	char id[256];
	int rc = again ? 1 : engine_image_id(p->engine, tag, id, sizeof(id)), made = 0, lacked = !again && rc > 0;

	if (rc > 0 && !again)
		rc = travel_fetch(m, tag, log);
	if (rc < 0)
		return EXIT_ENGINE;
	if (rc > 0) {
		if (p->image_cache && (rc = writable(m, tag)) != 0)
			return rc;
		if ((rc = make(arg)) != 0)
			return rc;
		made = 1;
	}
	if (p->image_cache && (made || !archived(m, tag)) && (rc = save(m, tag, log)) != 0)
		return rc;
	if (made && p->registry)
		push(m, tag, log);
	if (lacked && presence_write(m, &d, 1) < 0)
		return EXIT_ENGINE;
	return 0;
}
