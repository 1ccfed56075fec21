#include <stdarg.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "str.h"
#include "proc.h"
#include "util.h"

/* In the child: stdin from /dev/null unless KEEP_STDIN, OUT and ERR (-1:
 * ours), the signals orchgen may ignore back to their defaults, then ARGV. */
static void
child(const struct strv *argv, int keep_stdin, int out, int err)
{
	int null = keep_stdin ? -1 : open("/dev/null", O_RDONLY);
	char **v = xcalloc(argv->n + 1, sizeof(*v));

	if (null >= 0)
		dup2(null, 0);
	if (out >= 0)
		dup2(out, 1);
	if (err >= 0)
		dup2(err, 2);
	/* The originals would leak into the program, holding pipes open. */
	if (null > 2)
		close(null);
	if (out > 2)
		close(out);
	if (err > 2 && err != out)
		close(err);
	memcpy(v, argv->v, argv->n * sizeof(*v));
	signal(SIGPIPE, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	signal(SIGQUIT, SIG_DFL);
	execvp(v[0], v);
	warn("cannot run %s:", v[0]);
	_exit(127);
}

pid_t
proc_start(const struct strv *argv, int fd)
{
	pid_t pid = fork();

	if (pid < 0) {
		warn("fork:");
		return -1;
	}
	if (pid == 0)
		child(argv, 0, fd, fd);
	return pid;
}

pid_t
proc_attach(const struct strv *argv)
{
	pid_t pid = fork();

	if (pid < 0) {
		warn("fork:");
		return -1;
	}
	if (pid == 0)
		child(argv, 1, -1, -1);
	return pid;
}

static int
status_of(int st)
{
	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	return 128 + WTERMSIG(st);
}

int
proc_wait(pid_t pid, long timeout_ms)
{
	struct timespec tick = {0, 50 * 1000 * 1000};
	int st;

	for (long waited = 0;; waited += 50) {
		pid_t r = waitpid(pid, &st, timeout_ms < 0 ? 0 : WNOHANG);
		if (r == pid)
			return status_of(st);
		if (r < 0 && errno != EINTR)
			return -1;
		if (timeout_ms >= 0 && waited >= timeout_ms)
			return -2;
		if (r == 0)
			nanosleep(&tick, NULL);
	}
}

/* Read both pipes until both close, so neither child write blocks. */
static void
drain(int fds[2], struct buf *bufs[2])
{
	struct pollfd p[2] = {{fds[0], POLLIN, 0}, {fds[1], POLLIN, 0}};
	char chunk[4096];
	int open = 2;

	while (open > 0) {
		if (poll(p, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (int i = 0; i < 2; i++) {
			if (p[i].fd < 0 || !(p[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			ssize_t n = read(p[i].fd, chunk, sizeof(chunk));
			if (n > 0 && bufs[i]) {
				buf_putn(bufs[i], chunk, (size_t)n);
			} else if (n == 0 || (n < 0 && errno != EINTR)) {
				close(p[i].fd);
				p[i].fd = -1;
				open--;
			}
		}
	}
}

int
proc_run(const struct strv *argv, struct buf *out, struct buf *err)
{
	int po[2], pe[2];
	pid_t pid;

	if (pipe(po) < 0 || pipe(pe) < 0) {
		warn("pipe:");
		return -1;
	}
	pid = fork();
	if (pid < 0) {
		warn("fork:");
		return -1;
	}
	if (pid == 0) {
		close(po[0]), close(pe[0]);
		child(argv, 0, po[1], pe[1]);
	}
	close(po[1]), close(pe[1]);
	drain((int[2]){po[0], pe[0]}, (struct buf *[2]){out, err});
	return proc_wait(pid, -1);
}

int
proc_call(int fd, ...)
{
	struct strv argv = {0};
	const char *s;
	va_list ap;
	pid_t pid;

	va_start(ap, fd);
	while ((s = va_arg(ap, const char *)))
		strv_push(&argv, s);
	va_end(ap);
	pid = proc_start(&argv, fd);
	strv_free(&argv);
	return pid < 0 ? -1 : proc_wait(pid, -1);
}

int
proc_call_argv(int fd, const struct strv *argv)
{
	pid_t pid = proc_start(argv, fd);

	return pid < 0 ? -1 : proc_wait(pid, -1);
}

/* Start ARGV with stdin IN, stdout OUT, stderr ERR. */
static pid_t
start_io(const struct strv *argv, int in, int out, int err)
{
	pid_t pid = fork();

	if (pid < 0) {
		warn("fork:");
		return -1;
	}
	if (pid == 0) {
		dup2(in, 0);
		if (in > 2)
			close(in);
		child(argv, 1, out, err);
	}
	return pid;
}

int
proc_pipe(const struct strv *a, const struct strv *b, int fd)
{
	int p[2], sa, sb, null;
	pid_t pa, pb;

	if (pipe(p) < 0) {
		warn("pipe:");
		return -1;
	}
	fcntl(p[0], F_SETFD, FD_CLOEXEC), fcntl(p[1], F_SETFD, FD_CLOEXEC);
	null = open("/dev/null", O_RDONLY | O_CLOEXEC);
	pa = start_io(a, null, p[1], fd);
	pb = pa < 0 ? -1 : start_io(b, p[0], fd, fd);
	close(p[0]), close(p[1]);
	if (null >= 0)
		close(null);
	sa = pa < 0 ? -1 : proc_wait(pa, -1);
	sb = pb < 0 ? -1 : proc_wait(pb, -1);
	if (pa < 0 || pb < 0)
		return -1;
	return sa != 0 ? sa : sb;
}

int
proc_run_for(const struct strv *argv, long timeout_ms)
{
	int null = open("/dev/null", O_WRONLY | O_CLOEXEC), st;
	pid_t pid = proc_start(argv, null);

	if (null >= 0)
		close(null);
	if (pid < 0)
		return -1;
	if ((st = proc_wait(pid, timeout_ms)) == -2) {
		kill(pid, SIGKILL);
		proc_wait(pid, -1);
	}
	return st;
}
