#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "str.h"
#include "file.h"
#include "layout.h"
#include "matrix.h"
#include "engine.h"
#include "engines.h"
#include "log.h"
#include "travel.h"
#include "hash.h"
#include "key.h"
#include "image.h"
#include "util.h"

int
engines_slots(const struct matrix *m)
{
	int n = 0;

	for (size_t i = 0; i < m->nengines; i++)
		n += m->engines[i].jobs;
	return m->nengines ? n : m->project.jobs;
}

/* NAME as an engine volume's name: anything a volume name may not hold
 * becomes '-'. */
static char *
volume_name(char *name)
{
	for (char *p = name; *p; p++) {
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-", *p))
			*p = '-';
	}
	return name;
}

char *
engines_volume(const struct matrix *m, const struct cache *k, const char *distro)
{
	return volume_name(k->per_distro ? xasprintf("orchgen-%s-%s-%s", m->project.name, k->name, distro)
					 : xasprintf("orchgen-%s-%s", m->project.name, k->name));
}

char *
engines_build_volume(const struct matrix *m, const char *distro)
{
	return volume_name(xasprintf("orchgen-%s--build-%s", m->project.name, distro));
}

/* Field N (1-based) of /proc/PID/stat, after the command's parentheses
 * (N >= 3), into OUT; or "" when it cannot be read. */
static void
stat_field(long pid, int n, char *out, size_t size)
{
	char path[64], *text, *p;

	*out = '\0';
	snprintf(path, sizeof(path), "/proc/%ld/stat", pid);
	if (!(text = file_read(path, NULL)))
		return;
	if ((p = strrchr(text, ')'))) {
		for (int i = 2; p && i < n; i++)
			p = strchr(p + 1, ' ');
		if (p)
			snprintf(out, size, "%.*s", (int)strcspn(p + 1, " "), p + 1);
	}
	free(text);
}

char *
engines_run(void)
{
	long pid = (long)getppid();
	char comm[64] = "", path[64], start[32], ppid[32];
	char *text;

	snprintf(path, sizeof(path), "/proc/%ld/comm", pid);
	if ((text = file_read(path, NULL))) {
		snprintf(comm, sizeof(comm), "%.*s", (int)strcspn(text, "\n"), text);
		free(text);
	}
	if (!strcmp(comm, "sh") || !strcmp(comm, "dash") || !strcmp(comm, "bash")) {
		stat_field(pid, 4, ppid, sizeof(ppid));
		if (*ppid)
			pid = strtol(ppid, NULL, 10);
	}
	stat_field(pid, 22, start, sizeof(start));
	return xasprintf("%ld %s\n", pid, start);
}

int
engines_down(const struct engine *e)
{
	char *path = layout_engine_down(e->name), *mark = file_read(path, NULL), *run = engines_run();
	int down = mark && !strcmp(mark, run);

	free(path), free(mark), free(run);
	return down;
}

void
engines_mark_down(const struct engine *e)
{
	char *path = layout_engine_down(e->name), *run = engines_run();

	if (!engines_down(e)) {
		warn("engine %s is down: it takes no new job for the rest of this run", e->name);
		if (file_mkparents(path) < 0 || file_write(path, run, strlen(run)) < 0)
			warn("%s: not marked down", e->name);
	}
	free(path), free(run);
}

/* How long a job waits between two looks for a free slot. */
#define SLOT_WAIT_MS 100

/* One look over the slots, engine by engine for each slot number, so
 * that the engines fill evenly: 0 with S taken, 1 when every slot is
 * taken, 2 when no engine serves DISTRO, -1 on error. */
static int
look(const struct matrix *m, const char *distro, struct slot *s)
{
	int most = 0, serving = 0;

	for (size_t k = 0; k < m->nengines; k++) {
		const struct engine *e = &m->engines[k];
		if (matrix_engine_serves(e, distro) && !engines_down(e)) {
			serving++;
			if (e->jobs > most)
				most = e->jobs;
		}
	}
	if (!serving)
		return 2;
	for (int i = 0; i < most; i++) {
		for (size_t k = 0; k < m->nengines; k++) {
			const struct engine *e = &m->engines[k];
			if (i >= e->jobs || !matrix_engine_serves(e, distro) || engines_down(e))
				continue;
			char *path = layout_engine_slot(e->name, i);
			int fd = file_trylock(path);
			free(path);
			if (fd == -1)
				return -1;
			if (fd >= 0) {
				s->e = e, s->fd = fd;
				return 0;
			}
		}
	}
	return 1;
}

int
engines_take(const struct matrix *m, const char *distro, const char *what, struct slot *s)
{
	int rc;

	s->e = NULL, s->fd = -1;
	if (m->nengines == 0)
		return 0;
	while ((rc = look(m, distro, s)) == 1)
		nanosleep(&(struct timespec){0, SLOT_WAIT_MS * 1000000L}, NULL);
	if (rc == 2)
		warn("%s: no engine is left that serves %s: every one that does is down in this run", what, distro);
	return rc == 2 ? 1 : rc;
}

void
engines_release(struct slot *s)
{
	if (s->fd >= 0)
		close(s->fd);
	s->fd = -1;
}

/* E's host and TLS files as the client takes them. */
static struct target
target_of(const struct engine *e)
{
	struct target t = {0};

	if (e && !matrix_engine_local(e)) {
		t.name = e->name;
		t.host = e->host;
		t.tlscacert = e->tlscacert, t.tlscert = e->tlscert, t.tlskey = e->tlskey;
		t.tlsverify = e->tlsverify;
	}
	return t;
}

const struct engine *
engines_named(const struct matrix *m, const char *name)
{
	for (size_t i = 0; name && i < m->nengines; i++) {
		if (!strcmp(m->engines[i].name, name))
			return &m->engines[i];
	}
	return NULL;
}

void
engines_use(const struct engine *e)
{
	struct target t = target_of(e);

	engine_target(&t);
}

/* Engine K of M (-1: the local default) as a place image REF can be
 * streamed from to engine E: it is not E, not down, and has REF. Asking
 * sends the client's commands to K; the caller sends them back. */
static int
holds(const struct matrix *m, long k, const struct engine *e, const char *ref)
{
	const struct engine *from = k < 0 ? NULL : &m->engines[k];
	char id[128];

	if (from && (from == e || matrix_engine_local(from) || engines_down(from)))
		return 0;
	engines_use(from);
	return engine_image_id(m->project.engine, ref, id, sizeof(id)) == 0;
}

/* Image REF streamed into engine E (in use) from an engine that has it,
 * the local default first: 0, 1 none has it, -1 the stream failed
 * (said). */
static int
stream(const struct matrix *m, const struct engine *e, const char *ref, int logfd)
{
	struct target to = target_of(e);
	int rc = 1;

	for (long k = -1; rc == 1 && k < (long)m->nengines; k++) {
		int there = holds(m, k, e, ref);
		engines_use(e);
		if (!there)
			continue;
		struct target from = target_of(k < 0 ? NULL : &m->engines[k]);
		const char *name = from.name ? from.name : "the local default";
		dprintf(logfd, "orchgen: %s: streaming %s from %s%s\n", e->name, ref, from.name ? "engine " : "", name);
		if ((rc = engine_stream(m->project.engine, ref, &from, &to, logfd)) < 0)
			warn("%s: could not stream %s from %s to engine %s (the engine's message is in the log)", ref, ref, name, e->name);
	}
	return rc;
}

/* Image REF of distro D built on engine E (in use), as D's image edge
 * builds it, the last resort when nothing had it to move there: its base
 * brought there first when a place has it (else the build pulls it). 0,
 * 1 the build failed, -1 engine trouble (said in FD). */
static int
build_there(const struct matrix *m, const struct engine *e, const struct distro *d, const char *ref,
    const char *log, int fd)
{
	char *base = key_base_ref(m, d), id[128];
	int rc = engine_image_id(m->project.engine, base, id, sizeof(id));

	if (rc == 1)
		rc = travel_fetch(m, base, log);
	if (rc == 1)
		rc = stream(m, e, base, fd);
	if (rc >= 0) {
		dprintf(fd, "orchgen: %s: no image cache, registry or engine has %s: building it there\n", e->name, ref);
		if ((rc = image_build(m, d, base, ref, 0, fd)) > 0)
			warn("%s: docker build failed on engine %s (the engine's message is in the log)", ref, e->name);
	}
	free(base);
	return rc;
}

int
engines_image(const struct matrix *m, const struct engine *e, const struct distro *d, const char *ref, const char *log)
{
	const char *engine = m->project.engine;
	char id[128], *path;
	int rc, lock, fd;

	if (!e || matrix_engine_local(e) || (rc = engine_image_id(engine, ref, id, sizeof(id))) == 0)
		return 0;
	if (rc < 0)
		return -1;
	path = layout_engine_images(e->name);
	lock = file_lock(path, e->name);
	free(path);
	if (lock < 0)
		return -1;
	rc = engine_image_id(engine, ref, id, sizeof(id));
	if (rc == 1)
		rc = travel_fetch(m, ref, log);
	if (rc == 1 && (fd = log_open(log, 1)) >= 0) {
		rc = stream(m, e, ref, fd);
		if (rc == 1)
			rc = build_there(m, e, d, ref, log, fd);
		close(fd);
	}
	close(lock);
	return rc != 0 ? -1 : 0;
}
