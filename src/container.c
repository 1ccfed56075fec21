#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>
#include "str.h"
#include "engine.h"
#include "file.h"
#include "log.h"
#include "matrix.h"
#include "layout.h"
#include "proc.h"
#include "container.h"
#include "util.h"

static volatile sig_atomic_t stop_signal;
/* Containers this process named, so that each name is new. */
static unsigned made;

static void
on_signal(int sig)
{
	stop_signal = sig;
}

long long
now_ms(void)
{
	struct timeval tv;

	gettimeofday(&tv, NULL);
	return (long long)tv.tv_sec * 1000 + tv.tv_usec / 1000;
}

char *
absolute(const char *path)
{
	char cwd[PATH_MAX];

	if (path[0] == '/' || !getcwd(cwd, sizeof(cwd)))
		return xstrdup(path);
	return strcmp(path, ".") == 0 ? xstrdup(cwd) : xasprintf("%s/%s", cwd, path);
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
		free(c->mounts[i].src), free(c->mounts[i].dst);
	free(c->mounts);
	free(c->name);
	strv_free(&c->env);
	strv_free(&c->command);
}

void
container_mount(struct container *c, const char *path, const char *dst, int readonly)
{
	c->mounts = xrealloc(c->mounts, (c->nmounts + 1) * sizeof(*c->mounts));
	c->mounts[c->nmounts++] = (struct mount){absolute(path), xstrdup(dst), readonly};
}

/* Mount a directory of orchgen's own, creating it first. */
static int
mount_dir(struct container *c, char *path, const char *dst, int readonly)
{
	int rc = file_mkdirs(path);

	if (rc == 0)
		container_mount(c, path, dst, readonly);
	free(path);
	return rc;
}

/* In copy mode the workspace is mounted here, read-only, and copied to
 * /workspace in the container before its command runs. */
#define WORKSPACE_SRC "/.orchgen-workspace"

static void
mount_workspace(struct container *c, int mode)
{
	const char *ws = c->m->project.workspace;

	if (mode == WORKSPACE_COPY) {
		container_mount(c, ws, WORKSPACE_SRC, 1);
		c->copy_workspace = 1;
	} else {
		container_mount(c, ws, "/workspace", mode != WORKSPACE_RW);
	}
}

int
container_mount_stages(struct container *c, const struct distro *d, enum use use)
{
	const struct matrix *m = c->m;
	int rc = 0;

	if (use == USE_EXEC)
		container_mount(c, ".", "/workspace", 0);
	else
		mount_workspace(c, use == USE_JOB ? m->project.workspace_mode : WORKSPACE_RO);
	for (size_t i = 0; i < m->ncaches; i++)
		rc |= mount_dir(c, cache_dir(&m->caches[i], d), m->caches[i].path, 0);
	if (m->project.build)
		rc |= mount_dir(c, build_dir(d), BUILD_MOUNT, use != USE_BUILD);
	return rc ? -1 : 0;
}

/* Wait for the client, warning and killing at the deadlines (0: none).
 * A signal that on_signal() caught removes the container, then ends this
 * process by the same signal. */
static int
supervise(const struct container *c, pid_t pid, long warn_s, long kill_s)
{
	const char *engine = c->m->project.engine;
	long long start = now_ms();
	int warned = 0;

	for (;;) {
		int st = proc_wait(pid, 100);
		long long ran = now_ms() - start;
		if (stop_signal) {
			engine_remove(engine, c->name);
			if (st == -2)
				proc_wait(pid, -1);
			signal(stop_signal, SIG_DFL);
			raise(stop_signal);
			_exit(128 + stop_signal);
		}
		if (st != -2)
			return st;
		if (!warned && warn_s > 0 && ran >= warn_s * 1000) {
			warn("%s: still running after %lds (warn-timeout)", c->job, warn_s);
			warned = 1;
		}
		if (kill_s > 0 && ran >= kill_s * 1000) {
			engine_remove(engine, c->name);
			proc_wait(pid, -1);
			return -2;
		}
	}
}

char *
container_outcome(const char *log)
{
	size_t len, n = strlen(CONTAINER_END);
	char *s = file_read(log, &len), *last, *rest = NULL;

	if (!s)
		return NULL;
	while (len > 0 && s[len - 1] == '\n')
		s[--len] = '\0';
	last = strrchr(s, '\n');
	last = last ? last + 1 : s;
	if (strncmp(last, CONTAINER_END, n) == 0)
		rest = xstrdup(last + n);
	free(s);
	return rest;
}

/* Whether the log ends with the command's last line: then the container ran
 * to the end, and even the engine's own codes (125) are the command's. */
static int
finished(const char *log)
{
	char *rest = container_outcome(log);

	free(rest);
	return rest != NULL;
}

void
container_argv(const struct container *c, int interactive, struct strv *argv)
{
	const struct project *p = &c->m->project;
	struct strv command = {0};
	struct run_spec spec = {
		.engine = p->engine,
		.name = c->name,
		.project = p->name,
		.job = c->job,
		.mounts = c->mounts,
		.nmounts = c->nmounts,
		.workdir = "/workspace",
		.user = c->user,
		.interactive = interactive,
		.env = &c->env,
		.pass = &p->env,
		.image = c->image,
		.command = &command,
	};

	if (c->copy_workspace) {
		strv_push(&command, "/bin/sh"), strv_push(&command, "-c");
		strv_push(&command, "cp -a " WORKSPACE_SRC "/. /workspace/ && exec \"$@\"");
		strv_push(&command, "sh");
	}
	for (size_t i = 0; i < c->command.n; i++)
		strv_push(&command, c->command.v[i]);
	engine_run_argv(&spec, argv);
	strv_free(&command);
}

int
container_run(struct container *c, const char *log, long warn_s, long kill_s)
{
	const char *engine = c->m->project.engine;
	struct strv argv = {0};
	int fd = log_open(log, c->append), st;
	pid_t pid;

	if (fd < 0)
		return -1;
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	container_argv(c, 0, &argv);
	pid = proc_start(&argv, fd);
	strv_free(&argv);
	close(fd);
	if (pid < 0)
		return -1;
	st = supervise(c, pid, warn_s, kill_s);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	if (st == -1 || (engine_run_failed(st) && !finished(log))) {
		char *err = file_read(log, NULL);
		engine_trouble(engine, err ? err : "");
		free(err);
		return -1;
	}
	return st;
}

int
container_attach(struct container *c)
{
	static const int sigs[] = {SIGINT, SIGQUIT, SIGTERM, SIGHUP};
	int io = ENGINE_STDIN | (isatty(0) && isatty(1) ? ENGINE_TTY : 0), st;
	struct strv argv = {0};
	pid_t pid;

	container_argv(c, io, &argv);
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
