/* orchgen log: a job's log, and with -f the rest of it as it is written,
 * until the job ends (the lock its run holds is free again). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "str.h"
#include "matrix.h"
#include "layout.h"
#include "model.h"
#include "cmd.h"
#include "util.h"

/* The job's file from its id (D:S[:V]: the first ':' a '/') or from a
 * target (test-D/S[:V], retest-...). NULL when ARG is neither. */
static char *
job_file(const char *arg)
{
	const char *colon = strchr(arg, ':'), *t = arg;
	char *file;

	if (!strncmp(t, "retest-", 7))
		t += 7;
	else if (!strncmp(t, "test-", 5))
		t += 5;
	if (t != arg)
		return strchr(t, '/') ? xstrdup(t) : NULL;
	if (!colon || colon == arg || !colon[1])
		return NULL;
	file = xstrdup(arg);
	file[colon - arg] = '/';
	return file;
}

/* Is the job whose run directory is RUN running: does a run hold its lock? */
static int
running(const char *run)
{
	char *path = layout_lock(run);
	int fd = open(path, O_RDONLY | O_CLOEXEC), busy = 0;

	if (fd >= 0) {
		busy = flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
		close(fd);
	}
	free(path);
	return busy;
}

/* Copy the log at PATH from *AT to its end to stdout; a log shorter than
 * *AT was started anew by the next run: from its start. */
static void
copy(const char *path, off_t *at)
{
	char chunk[65536];
	struct stat st;
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return;
	if (fstat(fd, &st) == 0 && st.st_size < *at) {
		fputs("orchgen: --- the log starts again (a new run)\n", stdout);
		*at = 0;
	}
	while ((n = pread(fd, chunk, sizeof(chunk), *at)) > 0) {
		fwrite(chunk, 1, (size_t)n, stdout);
		*at += n;
	}
	fflush(stdout);
	close(fd);
}

/* ARG's log is not there: say why, from the model. The job may not have
 * run yet, or ARG names several jobs or none. EXIT_USAGE. */
static int
not_there(struct cmdargs *a, const char *arg, const char *file, const char *log)
{
	const struct job **named;
	struct model md;
	size_t n;
	int one_suite = 1;

	if (model_load(&md, &a->o) < 0)
		return EXIT_USAGE;
	named = xcalloc(md.njobs + 1, sizeof(*named));
	n = model_named(&md, arg, named);
	for (size_t i = 0; i < n; i++)
		one_suite &= named[i]->variant && named[i]->suite == named[0]->suite && named[i]->distro == named[0]->distro;
	if (n == 1 && file && !strcmp(named[0]->file, file)) {
		warn("%s: no log at %s: the job has not run yet", arg, log);
	} else if (n > 0) {
		struct buf ids = {0};
		for (size_t i = 0; i < n && i < 20; i++)
			buf_printf(&ids, "%s%s", i ? ", " : "", named[i]->id);
		if (one_suite)
			warn("%s: the suite has variants, each a job with a log of its own: expected one of %s%s", arg,
			    buf_str(&ids), n > 20 ? ", ..." : "");
		else
			warn("%s: %zu jobs, each with a log of its own: expected one of %s%s", arg, n, buf_str(&ids),
			    n > 20 ? ", ..." : "");
		buf_free(&ids);
	} else {
		char *why = model_no_job(&md, arg);
		warn("%s: %s", arg, why);
		free(why);
	}
	free(named);
	model_free(&md);
	return EXIT_USAGE;
}

int
cmd_log(struct cmdargs *a)
{
	struct timespec tick = {0, 200 * 1000 * 1000};
	char *file, *log = NULL, *run = NULL;
	off_t at = 0;
	int rc = 0;

	if (a->rest.n == 0)
		return cmd_usage(a, "log needs a job: expected distro:suite[:variant], as orchgen list prints them, or its target test-D/S[:V]");
	if (a->rest.n > 1)
		return cmd_usage(a, "log shows one job's log, got %zu operands: \"%s\", \"%s\"%s: expected one job", a->rest.n,
		    a->rest.v[0], a->rest.v[1], a->rest.n > 2 ? "..." : "");
	if ((file = job_file(a->rest.v[0]))) {
		log = layout_job(JOB_LOG, file);
		run = layout_job(JOB_RUN, file);
	}
	if (!file || (access(log, F_OK) != 0 && !(a->tail && running(run))))
		rc = not_there(a, a->rest.v[0], file, log);
	for (int last = !a->tail; rc == 0;) {
		copy(log, &at);
		if (last)
			break;
		last = !running(run);	/* one more copy after it ends */
		if (!last)
			nanosleep(&tick, NULL);
	}
	free(file), free(log), free(run);
	return rc;
}
