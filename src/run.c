/* orchgen test: one job, in one fresh container, from start to result. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "str.h"
#include "engine.h"
#include "file.h"
#include "log.h"
#include "matrix.h"
#include "container.h"
#include "result.h"
#include "suite.h"
#include "model.h"
#include "cmd.h"
#include "helper.h"
#include "util.h"

/* Runs inside the container. Each section is its own shell with -e, like
 * spread's; restore always runs, debug only after a failure. */
static const char driver[] =
	"sh=sh; command -v bash >/dev/null 2>&1 && sh=bash\n"
	"section() {\n"
	"\t[ -f \"/.orchgen/$1\" ] || return 0\n"
	"\techo \"--- $1\"\n"
	"\t$sh -e -c '. /.orchgen/env; . \"/.orchgen/$1\"' \"$1\" \"$1\"\n"
	"}\n"
	"rc=0\n"
	"section prepare-each || rc=$?\n"
	"[ $rc -ne 0 ] || section prepare || rc=$?\n"
	"[ $rc -ne 0 ] || section execute || rc=$?\n"
	"if [ $rc -ne 0 ]; then section debug-each; section debug; fi\n"
	"section restore || { r=$?; [ $rc -ne 0 ] || rc=$r; }\n"
	"section restore-each || { r=$?; [ $rc -ne 0 ] || rc=$r; }\n"
	"echo \"" CONTAINER_END "$rc\"\n"
	"exit $rc\n";

/* The env file: spread's semantics, values expanded by the job's shell. */
static void
env_file(struct buf *b, const struct suite *s, const char *variant)
{
	struct strv pairs = {0};

	suite_env_for(s, variant, &pairs);
	for (size_t i = 0; i + 1 < pairs.n; i += 2) {
		buf_printf(b, "export %s=\"", pairs.v[i]);
		for (const char *p = pairs.v[i + 1]; *p; p++) {
			if (*p == '"')
				buf_putc(b, '\\');
			buf_putc(b, *p);
		}
		buf_puts(b, "\"\n");
	}
	strv_free(&pairs);
}

static int
put(const char *dir, const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", dir, name);
	int rc = 0;

	if (text)
		rc = file_write(path, text, strlen(text));
	else if (unlink(path) != 0 && errno != ENOENT)
		rc = -1, warn("remove %s:", path);
	free(path);
	return rc;
}

/* The scripts the container runs, in a directory of this job's own. */
static int
write_scripts(const char *dir, const struct project *p, const struct suite *s, const char *variant)
{
	struct buf env = {0};
	int rc = 0;

	env_file(&env, s, variant);
	rc |= put(dir, "env", buf_str(&env));
	rc |= put(dir, "run", driver);
	rc |= put(dir, "prepare-each", p->prepare_each);
	rc |= put(dir, "restore-each", p->restore_each);
	rc |= put(dir, "debug-each", p->debug_each);
	rc |= put(dir, "prepare", s->prepare);
	rc |= put(dir, "execute", s->execute);
	rc |= put(dir, "restore", s->restore);
	rc |= put(dir, "debug", s->debug);
	buf_free(&env);
	return rc ? -1 : 0;
}

/* Everything one run needs, resolved from the arguments. */
struct run {
	struct matrix m;
	struct suite s;
	const struct distro *d;
	struct job job;
	char *image;		/* the tag */
	char *scripts;		/* the job's script directory */
	char *log, *result;
	struct container c;
};

static int
load(struct run *r, struct cmdargs *a)
{
	char *dir, *path;

	if (!(r->d = helper_distro(&r->m, a)))
		return EXIT_USAGE;
	dir = xasprintf("%s/%s", r->m.project.suites, a->suite);
	path = xasprintf("%s/task.yaml", dir);
	int rc = suite_parse(&r->s, path, dir, a->suite);
	free(dir), free(path);
	if (rc < 0) {
		memset(&r->s, 0, sizeof(r->s));
		return EXIT_USAGE;
	}
	if (a->variant ? !strv_contains(&r->s.variants, a->variant) : r->s.variants.n > 0) {
		warn("%s: no variant \"%s\"", r->s.path, a->variant ? a->variant : "");
		return EXIT_USAGE;
	}
	return (r->image = helper_recorded(a->image, "test")) ? 0 : EXIT_USAGE;
}

static void
paths(struct run *r)
{
	const struct job *j = &r->job;

	r->scripts = xasprintf(".orch/run/%s", j->file);
	r->log = xasprintf(".orch/logs/%s.log", j->file);
	r->result = xasprintf(".orch/results/%s.json", j->file);
}

static void
run_free(struct run *r)
{
	free(r->image), free(r->scripts), free(r->log), free(r->result);
	container_free(&r->c);
	job_free(&r->job);
	suite_free(&r->s);
	matrix_free(&r->m);
}

/* The job's container: its scripts at /.orchgen, the stages' mounts. */
static int
container(struct run *r)
{
	const struct job *j = &r->job;
	struct strv *env = &r->c.env;

	container_init(&r->c, &r->m, r->d, r->image, j->id, r->s.name);
	container_mount(&r->c, r->scripts, "/.orchgen", 1);
	if (container_mount_stages(&r->c, r->d, USE_JOB) < 0)
		return -1;
	strv_push(&r->c.command, "/bin/sh"), strv_push(&r->c.command, "/.orchgen/run");
	strv_take(env, xasprintf("ORCHGEN_DISTRO=%s", j->distro->name));
	strv_take(env, xasprintf("ORCHGEN_SUITE=%s", j->suite->name));
	strv_take(env, xasprintf("ORCHGEN_VARIANT=%s", j->variant ? j->variant : ""));
	strv_take(env, xasprintf("ORCHGEN_JOB=%s", j->id));
	return 0;
}

static const char *
status_name(const struct suite *s, int st)
{
	if (st == -2)
		return "timeout";
	if (s->expect_fail)
		return st == 0 ? "xpass" : "xfail";
	return st == 0 ? "pass" : "fail";
}

/* Record the outcome; the stamp only for a success. */
static int
finish(const struct run *r, int st, long long t0)
{
	const char *status = status_name(&r->s, st);
	struct result res = {
		.distro = r->d->name, .suite = r->s.name, .variant = r->job.variant,
		.status = status, .exit_code = st < 0 ? -1 : st,
		.start_ms = t0, .end_ms = now_ms(), .image = r->image, .log = r->log,
	};
	int ok = !strcmp(status, "pass") || !strcmp(status, "xfail");

	if (result_write(r->result, &res) < 0)
		return EXIT_ENGINE;
	if (ok) {
		char *text = xasprintf("%s\n", r->image);
		int rc = file_write(r->job.stamp, text, strlen(text));
		free(text);
		return rc < 0 ? EXIT_ENGINE : 0;
	}
	log_tail(r->log, 20);
	if (st == -2)
		warn("%s: timeout: the container was killed at the kill-timeout", r->job.id);
	else
		warn("%s: %s (exit status %d)", r->job.id, status, st);
	return EXIT_JOBFAIL;
}

static int
execute(struct run *r)
{
	const struct project *p = &r->m.project;
	long kill_s = r->s.kill_timeout ? r->s.kill_timeout : p->kill_timeout;
	long warn_s = r->s.warn_timeout ? r->s.warn_timeout : p->warn_timeout;
	long long t0 = now_ms();
	int st;

	unlink(r->job.stamp);
	if (file_mkdirs(r->scripts) < 0 || write_scripts(r->scripts, p, &r->s, r->job.variant) < 0)
		return EXIT_ENGINE;
	if (container(r) < 0)
		return EXIT_ENGINE;
	if ((st = container_run(&r->c, r->log, warn_s, kill_s)) == -1)
		return EXIT_ENGINE;
	return finish(r, st, t0);
}

int
cmd_test(struct cmdargs *a)
{
	struct run r;
	int rc;

	if (!a->distro || !a->suite || !a->image)
		fatal(EXIT_USAGE, "usage: orchgen test [-f FILE] --distro D --suite S [--variant V] --image FILE");
	memset(&r, 0, sizeof(r));
	rc = load(&r, a);
	if (rc == 0) {
		job_init(&r.job, r.d, &r.s, a->variant);
		paths(&r);
		rc = execute(&r);
	}
	run_free(&r);
	return rc;
}
