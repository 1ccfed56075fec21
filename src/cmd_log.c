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

int
cmd_log(struct cmdargs *a)
{
	struct timespec tick = {0, 200 * 1000 * 1000};
	char *file, *log, *run;
	off_t at = 0;
	int rc = 0;

	if (a->rest.n != 1)
		return cmd_usage(a);
	if (!(file = job_file(a->rest.v[0]))) {
		warn("%s: expected a job, distro:suite[:variant], or its target, test-D/S[:V]", a->rest.v[0]);
		return EXIT_USAGE;
	}
	log = layout_job(JOB_LOG, file);
	run = layout_job(JOB_RUN, file);
	if (access(log, F_OK) != 0 && !(a->tail && running(run))) {
		warn("%s: no log at %s: the job has not run (orchgen list shows the jobs)", a->rest.v[0], log);
		rc = EXIT_USAGE;
	}
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
