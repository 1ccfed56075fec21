#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "str.h"
#include "engine.h"
#include "file.h"
#include "log.h"
#include "matrix.h"
#include "hash.h"
#include "key.h"
#include "layout.h"
#include "proc.h"
#include "driver.h"
#include "engines.h"
#include "container.h"
#include "util.h"

/* After the kill-timeout, how long the container is removed again and
 * again before its client is killed too. */
#define STOP_GRACE_S 10

static volatile sig_atomic_t stop_signal;
/* Containers this process named, so that each name is new. */
static unsigned made;

static void
on_signal(int sig)
{
	stop_signal = sig;
}

/* What a container name may hold, anything else becomes '-'. */
static char *
slug(const char *s)
{
	char *t = xstrdup(s);

	for (char *p = t; *p; p++) {
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-", *p))
			*p = '-';
	}
	return t;
}

void
container_init(struct container *c, const struct matrix *m, const struct distro *d,
    const char *image, const char *job, const char *what)
{
	char *s = slug(what);

	memset(c, 0, sizeof(*c));
	c->m = m;
	c->job = job;
	c->image = image;
	c->name = xasprintf("orch-%s-%s-%s-%lx%lx%u", m->project.name, d->name, s,
	    (long)getpid(), (long)(now_ms() & 0xffff), made++);
	free(s);
}

void
container_free(struct container *c)
{
	for (size_t i = 0; i < c->nmounts; i++)
		free(c->mounts[i].src), free(c->mounts[i].dst), free(c->mounts[i].volume);
	free(c->mounts);
	free(c->name);
	free(c->outcome);
	strv_free(&c->env);
	strv_free(&c->command);
}

void
container_mount(struct container *c, const char *path, const char *dst, int readonly)
{
	c->mounts = xrealloc(c->mounts, (c->nmounts + 1) * sizeof(*c->mounts));
	c->mounts[c->nmounts++] = (struct mount){file_absolute(path), xstrdup(dst), readonly, NULL};
}

/* Mount a directory of orchgen's own (taken), creating it first. */
static int
mount_dir(struct container *c, char *path, const char *dst, int readonly)
{
	int rc = file_mkdirs(path);

	if (rc == 0)
		container_mount(c, path, dst, readonly);
	free(path);
	return rc;
}

static void
mount_workspace(struct container *c, int mode)
{
	const char *ws = c->m->project.workspace;

	if (!strcmp(ws, "."))
		c->workspace_root = c->nmounts + 1;
	if (mode == WORKSPACE_COPY) {
		container_mount(c, ws, MOUNT_WORKSPACE_COPY, 1);
		c->copy_workspace = 1;
	} else {
		container_mount(c, ws, MOUNT_WORKSPACE, mode != WORKSPACE_RW);
	}
}

int
container_mount_stages(struct container *c, const struct distro *d, enum use use)
{
	const struct matrix *m = c->m;
	int rc = 0;

	if (use == USE_EXEC)
		container_mount(c, ".", MOUNT_WORKSPACE, 0);
	else
		mount_workspace(c, use == USE_JOB ? m->project.workspace_mode : WORKSPACE_RO);
	for (size_t i = 0; i < m->ncaches; i++) {
		const struct cache *k = &m->caches[i];
		rc |= mount_dir(c, layout_cache(k->name, d->name, k->per_distro), k->path, 0);
		if (rc == 0)
			c->mounts[c->nmounts - 1].volume = engines_volume(m, k, d->name);
	}
	if (m->project.build) {
		rc |= mount_dir(c, layout_build(d->name), MOUNT_BUILD, use != USE_BUILD);
		if (rc == 0)
			c->mounts[c->nmounts - 1].volume = engines_build_volume(m, d->name);
	}
	return rc ? -1 : 0;
}

/* Remove the container until its client PID has ended. Under load a
 * client may create its container after a first removal found none, so
 * the removal is repeated, and made once more when the client is gone;
 * past STOP_GRACE_S the client is killed. */
static void
stop(const struct container *c, pid_t pid)
{
	const char *engine = c->m->project.engine;
	int i;

	for (i = 0; i < STOP_GRACE_S; i++) {
		engine_remove(engine, c->name);
		if (proc_wait(pid, 1000) != -2)
			break;
	}
	if (i == STOP_GRACE_S) {
		kill(pid, SIGKILL);
		proc_wait(pid, -1);
	}
	engine_remove(engine, c->name);
}

/* Say MSG where it is seen while the container still runs: Ninja keeps an
 * edge's output until it ends, so also in the log (orchgen log -f shows
 * it) and on the terminal, when there is one. */
static void
announce(const struct container *c, const char *msg)
{
	int fd;

	warn("%s", msg);
	if (c->log && (fd = log_open(c->log, 1)) >= 0) {
		dprintf(fd, "orchgen: %s\n", msg);
		close(fd);
	}
	log_tty(msg);
}

/* Wait for the client, warning and killing at the deadlines (0: none).
 * A signal that on_signal() caught removes the container, then ends this
 * process by the same signal. */
static int
supervise(const struct container *c, pid_t pid, long warn_s, long kill_s)
{
	long long start = now_ms();
	int warned = 0;

	for (;;) {
		int st = proc_wait(pid, 100);
		long long ran = now_ms() - start;
		if (stop_signal) {
			if (st == -2)
				stop(c, pid);
			else
				engine_remove(c->m->project.engine, c->name);
			signal(stop_signal, SIG_DFL);
			raise(stop_signal);
			_exit(128 + stop_signal);
		}
		if (st != -2)
			return st;
		if (!warned && warn_s > 0 && ran >= warn_s * 1000) {
			char *msg = xasprintf("%s: still running after %lds (warn-timeout); orchgen log -f %s follows it",
			    c->job, warn_s, c->job);
			announce(c, msg);
			free(msg);
			warned = 1;
		}
		if (kill_s > 0 && ran >= kill_s * 1000) {
			stop(c, pid);
			return -2;
		}
	}
}

/* Where mount I is copied to in a container of an engine that shares no
 * files, before the command moves it to its mount point: at the root,
 * where `docker cp` can make it. */
#define STAGED "/.orchgen-in-"
/* That move: the mount points are its arguments up to "--", never part
 * of a shell's text; then the command, in the new workspace (the
 * working directory was the one the move replaced). A failure is the
 * engine's (125). */
#define MOVE_IN "i=0\n" \
	"while [ \"$1\" != -- ]; do\n" \
	"\tmkdir -p \"$(dirname \"$1\")\" && rm -rf \"$1\" && mv \"" STAGED "$i\" \"$1\" || exit 125\n" \
	"\ti=$((i + 1)); shift\n" \
	"done\n" \
	"shift\n" \
	"cd " MOUNT_WORKSPACE " || exit 125\n" \
	"exec \"$@\"\n"

/* The engine's argument vector that runs COMMAND in C (INTERACTIVE:
 * ENGINE_STDIN and ENGINE_TTY, or 0), wrapped to copy the workspace first
 * in copy mode. */
static void
run_argv(const struct container *c, const struct strv *command, int interactive, struct strv *argv)
{
	const struct project *p = &c->m->project;
	struct strv words = {0};
	struct run_spec spec = {
		.engine = p->engine,
		.name = c->name,
		.owner = {p->name, key_checkout()},
		.job = c->job,
		.mounts = c->mounts,
		.nmounts = c->nmounts,
		.create = c->copy_mounts,
		.volumes = c->copy_mounts,
		.workdir = MOUNT_WORKSPACE,
		.user = c->user,
		.interactive = interactive,
		.keep = c->keep,
		.env = &c->env,
		.pass = &p->env,
		.image = c->image,
		.command = &words,
	};

	if (c->copy_mounts) {
		strv_push(&words, "/bin/sh"), strv_push(&words, "-c");
		strv_push(&words, MOVE_IN);
		strv_push(&words, "sh");
		for (size_t i = 0; i < c->nmounts; i++) {
			if (!c->mounts[i].volume)
				strv_push(&words, c->mounts[i].dst);
		}
		strv_push(&words, "--");
	}
	if (c->copy_workspace) {
		strv_push(&words, "/bin/sh"), strv_push(&words, "-c");
		strv_push(&words, "cp -a " MOUNT_WORKSPACE_COPY "/. " MOUNT_WORKSPACE "/ && exec \"$@\"");
		strv_push(&words, "sh");
	}
	for (size_t i = 0; i < command->n; i++)
		strv_push(&words, command->v[i]);
	engine_run_argv(&spec, argv);
	strv_free(&words);
}

/* The status of a run whose client ended with ST, read from the driver's
 * record of RUN when it has one. */
static int
outcome(struct container *c, const char *run, const char *log, int st)
{
	if (st == -2)
		return -2;
	if (st >= 0 && (c->outcome = driver_outcome(run))) {
		int status = driver_status(c->outcome);
		if (status >= 0)
			return status;
		free(c->outcome);
		c->outcome = NULL;
	}
	if (st == -1 || engine_run_failed(st)) {
		char *err = log_last(log, 4096, NULL);
		engine_trouble(c->m->project.engine, err ? err : "");
		free(err);
		return -1;
	}
	return st;
}

/* The lock of C's engine's volumes, held while they are made, so that
 * two jobs never make one at once: its descriptor, or -1 when C has no
 * volume (or on error, warned). */
static int
lock_volumes(const struct container *c)
{
	char *path;
	int fd, any = 0;

	for (size_t i = 0; i < c->nmounts; i++)
		any |= c->mounts[i].volume != NULL;
	if (!any || !c->engine)
		return -1;
	path = layout_engine_volumes(c->engine);
	fd = file_lock(path, NULL);
	free(path);
	return fd;
}

/* The volumes of C's mounts on the engine in use, each made when it is
 * not there yet (labelled for the project, so that gc finds it), into
 * FRESH (one flag per mount): 0, or -1 engine trouble (said in FD). */
static int
make_volumes(const struct container *c, char *fresh, int fd)
{
	const struct project *p = &c->m->project;
	struct owner owner = {p->name, key_checkout()};

	struct strv names = {0}, there = {0};
	int rc = 0;

	for (size_t i = 0; i < c->nmounts; i++) {
		if (c->mounts[i].volume)
			strv_push(&names, c->mounts[i].volume);
	}
	if (engine_volumes_there(p->engine, &names, &there) < 0) {
		dprintf(fd, "orchgen: could not ask for the volumes\n");
		rc = -1;
	}
	for (size_t i = 0; rc == 0 && i < c->nmounts; i++) {
		const char *v = c->mounts[i].volume;
		if (!v || strv_contains(&there, v))
			continue;
		if (engine_volume_create(p->engine, v, &owner) < 0) {
			dprintf(fd, "orchgen: could not make volume %s\n", v);
			rc = -1;
		} else {
			fresh[i] = 1;
		}
	}
	strv_free(&names), strv_free(&there);
	return rc;
}

/* Copy into created container C each mount without a volume, to where
 * MOVE_IN finds it; a volume is filled there by the stages, never from
 * this host. 0, or -1 (said in FD). */
static int
copy_in(const struct container *c, int fd)
{
	const char *engine = c->m->project.engine;
	size_t staged = 0;
	int st = 0;

	for (size_t i = 0; st == 0 && i < c->nmounts; i++) {
		const struct mount *mt = &c->mounts[i];
		if (mt->volume)
			continue;
		char *name = xasprintf("%s%zu", STAGED + 1, staged++), *to = xasprintf("%s:/%s", c->name, name);
		/* The project's own state is no part of a workspace that is
		 * the whole project: it never travels. */
		if (c->workspace_root == i + 1)
			st = engine_cp_except(engine, mt->src, c->name, name, ORCH, fd);
		else
			st = engine_cp(engine, mt->src, to, fd);
		free(name), free(to);
	}
	return st;
}

/* Create C as ARGV describes, its volumes made first (one job at a time),
 * output to FD: 0, or -1 on engine trouble (said in FD). FRESH: a flag
 * per mount, set for a volume made now, for discard(). */
static int
create(const struct container *c, struct strv *argv, char *fresh, int fd)
{
	struct buf out = {0}, err = {0};
	int lock = lock_volumes(c);
	int st = make_volumes(c, fresh, fd) < 0 ? -1 : proc_run(argv, &out, &err);

	if (st != 0 && err.len && write(fd, err.s, err.len) < 0)
		warn("write %s:", c->log ? c->log : "the log");
	buf_free(&out), buf_free(&err);
	if (lock >= 0)
		close(lock);
	return st == 0 ? 0 : -1;
}

/* Forget created container C, and the volumes made for it (FRESH). */
static void
discard(const struct container *c, const char *fresh)
{
	const char *engine = c->m->project.engine;

	engine_remove(engine, c->name);
	for (size_t i = 0; i < c->nmounts; i++) {
		if (fresh[i])
			engine_volume_rm(engine, c->mounts[i].volume);
	}
}

/* Create the container that ARGV describes, copy each mount into it, and
 * start it attached, output to FD: the client's pid, or -1 on engine
 * trouble (said in the log), the container removed, and the volumes made
 * for it. */
static pid_t
start_copied(const struct container *c, struct strv *argv, int fd)
{
	const char *engine = c->m->project.engine;
	struct strv start = {0};
	char *fresh = xcalloc(c->nmounts + 1, 1);
	int st = create(c, argv, fresh, fd);
	pid_t pid;

	if (st == 0)
		st = copy_in(c, fd);
	if (st != 0) {
		dprintf(fd, "orchgen: could not create %s and copy its files in\n", c->name);
		discard(c, fresh);
	}
	free(fresh);
	if (st != 0)
		return -1;
	engine_start_argv(engine, c->name, &start);
	pid = proc_start(&start, fd);
	strv_free(&start);
	return pid;
}

int
container_peek(struct container *c, const struct strv *paths, const char *dir, const char *log)
{
	const char *engine = c->m->project.engine;
	struct strv argv = {0}, command = {0};
	char *fresh = xcalloc(c->nmounts + 1, 1);
	int fd = log_open(log, 1), quiet = open("/dev/null", O_WRONLY | O_CLOEXEC), st = -1;

	c->log = log;
	strv_push(&command, "true");
	run_argv(c, &command, 0, &argv);
	if (fd >= 0 && quiet >= 0 && (st = create(c, &argv, fresh, fd)) < 0)
		discard(c, fresh);
	if (st == 0) {
		for (size_t i = 0; i < paths->n; i++) {
			char *from = xasprintf("%s:%s", c->name, paths->v[i]), *to = xasprintf("%s/peek-%zu", dir, i);
			if (unlink(to) != 0 && errno != ENOENT)
				st = -1, warn("remove %s:", to);
			else
				engine_cp(engine, from, to, quiet);
			free(from), free(to);
		}
		engine_remove(engine, c->name);
	}
	if (fd >= 0)
		close(fd);
	if (quiet >= 0)
		close(quiet);
	strv_free(&argv), strv_free(&command);
	free(fresh);
	return st;
}

/* After the client of a copied container ended with ST: its status and
 * artifacts copied back, then the container removed unless kept. ST, or
 * -1 (engine trouble) when they could not be copied and the engine no
 * longer answers, or when the driver of RUN recorded nothing and was
 * killed by a signal: not by the job (the driver outlives it), nor at
 * the deadline (-2), so by the engine, stopped or lost. */
static int
finish_copied(const struct container *c, const char *run, int st)
{
	const char *engine = c->m->project.engine;
	int fd = c->log ? log_open(c->log, 1) : -1, lost = 0;
	char *recorded = NULL;

	for (size_t i = 0; st != -2 && i < c->nmounts; i++) {
		const struct mount *mt = &c->mounts[i];
		if (strcmp(mt->dst, MOUNT_STATUS) != 0 && strcmp(mt->dst, MOUNT_ARTIFACTS) != 0)
			continue;
		char *from = xasprintf("%s:%s/.", c->name, mt->dst);
		if (engine_cp(engine, from, mt->src, fd) != 0)
			lost = 1;
		free(from);
	}
	if (fd >= 0)
		close(fd);
	if (!c->keep)
		engine_remove(engine, c->name);
	if (lost && engine_answers(engine) < 0)
		return -1;
	if (st >= 128 && !(recorded = driver_outcome(run)))
		return -1;
	free(recorded);
	return st;
}

int
container_run(struct container *c, const char *run, const char *log, long warn_s, long kill_s)
{
	struct strv argv = {0}, command = {0};
	char *status = layout_status(run);
	int fd = log_open(log, c->append), st;
	pid_t pid;

	free(c->outcome);
	c->outcome = NULL;
	if (fd < 0) {
		free(status);
		return -1;
	}
	container_mount(c, run, MOUNT_RUN, 1);
	container_mount(c, status, MOUNT_STATUS, 0);
	c->log = log;
	driver_command(&command);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	run_argv(c, &command, 0, &argv);
	if (c->copy_mounts)
		pid = start_copied(c, &argv, fd);
	else
		pid = proc_start(&argv, fd);
	close(fd);
	st = pid < 0 ? -1 : supervise(c, pid, warn_s, kill_s);
	if (c->copy_mounts && pid >= 0)
		st = finish_copied(c, run, st);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	strv_free(&argv), strv_free(&command);
	free(status);
	return outcome(c, run, log, st);
}

int
container_restart(struct container *c, const char *run, const char *log, long warn_s, long kill_s)
{
	struct strv argv = {0};
	int fd, st;
	pid_t pid;

	free(c->outcome);
	c->outcome = NULL;
	if (driver_forget(run) < 0 || (fd = log_open(log, 1)) < 0)	/* the last run's outcome is never this one's */
		return -1;
	engine_start_argv(c->m->project.engine, c->name, &argv);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	pid = proc_start(&argv, fd);
	close(fd);
	st = pid < 0 ? -1 : supervise(c, pid, warn_s, kill_s);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	strv_free(&argv);
	return outcome(c, run, log, st);
}

int
container_attach(struct container *c)
{
	static const int sigs[] = {SIGINT, SIGQUIT, SIGTERM, SIGHUP};
	int io = ENGINE_STDIN | (isatty(0) && isatty(1) ? ENGINE_TTY : 0), st;
	struct strv argv = {0};
	pid_t pid;

	run_argv(c, &c->command, io, &argv);
	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	signal(SIGTERM, on_signal);
	signal(SIGHUP, on_signal);
	pid = proc_attach(&argv);
	strv_free(&argv);
	st = pid < 0 ? -1 : supervise(c, pid, 0, 0);
	for (size_t i = 0; i < sizeof(sigs) / sizeof(*sigs); i++)
		signal(sigs[i], SIG_DFL);
	if (engine_run_failed(st)) {
		warn("%s could not run the container (status %d, the engine's message is above; a command that exits %d itself looks the same)",
		    c->m->project.engine, st, st);
		return -1;
	}
	return st;
}

/* How long a started container must keep running to count as up. */
#define START_MS 500

int
container_start(struct container *c)
{
	const char *engine = c->m->project.engine;
	struct strv argv = {0};
	struct buf out = {0}, err = {0};
	int st;

	c->keep = 1;
	run_argv(c, &c->command, ENGINE_DETACH | ENGINE_STDIN, &argv);
	st = proc_run(&argv, &out, &err);
	strv_free(&argv);
	if (st != 0) {
		engine_trouble(engine, st == 127 ? "its client is not installed" : buf_str(&err));
		buf_free(&out), buf_free(&err);
		return -1;
	}
	buf_free(&out), buf_free(&err);
	nanosleep(&(struct timespec){0, START_MS * 1000000L}, NULL);
	st = engine_running(engine, c->name);
	if (st == 0) {
		int code = engine_exit_code(engine, c->name);
		if (code >= 0)
			warn("%s ended as soon as it started, with exit status %d; its output follows", c->name, code);
		else
			warn("%s ended as soon as it started; its output follows", c->name);
		proc_call(2, engine, "logs", c->name, (char *)NULL);
		engine_remove(engine, c->name);
		return 1;
	}
	return st < 0 ? -1 : 0;
}

int
container_exec(const struct matrix *m, const char *name, const struct strv *command)
{
	int io = ENGINE_STDIN | (isatty(0) && isatty(1) ? ENGINE_TTY : 0), st;
	struct strv argv = {0};
	pid_t pid;

	engine_exec_argv(m->project.engine, name, io, command, &argv);
	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	pid = proc_attach(&argv);
	strv_free(&argv);
	st = pid < 0 ? -1 : proc_wait(pid, -1);
	signal(SIGINT, SIG_DFL);
	signal(SIGQUIT, SIG_DFL);
	return st;
}
