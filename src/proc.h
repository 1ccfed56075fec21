/* Child processes: started with an argument vector, never through a shell. */
#include <sys/types.h>

/* Start ARGV with stdin from /dev/null and stdout+stderr to FD (-1: ours).
 * The pid, or -1 (warned). */
pid_t proc_start(const struct strv *argv, int fd);
/* Start ARGV on our own stdin, stdout and stderr, for a program that talks
 * to the user's terminal; SIGINT and SIGQUIT at their defaults in it even
 * when we ignore them. The pid, or -1 (warned). */
pid_t proc_attach(const struct strv *argv);
/* Wait for PID up to TIMEOUT_MS (-1: forever). The exit status, 128+signal
 * for a signal, -2 on time-out (the child still runs), -1 on error. */
int proc_wait(pid_t pid, long timeout_ms);
/* Run the words up to NULL to the end, output to FD (-1: ours): the exit
 * status as proc_wait, -1 if it did not start. */
int proc_call(int fd, ...);
/* Run ARGV to the end, output to FD: the exit status as proc_call. */
int proc_call_argv(int fd, const struct strv *argv);
/* Run A | B to the end, stderr of both and B's stdout to FD: 0 when both
 * exited 0, else the first non-zero status (as proc_wait), -1 if either
 * did not start. */
int proc_pipe(const struct strv *a, const struct strv *b, int fd);
/* Run ARGV to the end, its stdout into OUT and stderr into ERR (either may
 * be NULL: discarded). The exit status as proc_wait, -1 if it did not start. */
int proc_run(const struct strv *argv, struct buf *out, struct buf *err);
/* Run ARGV with its output discarded, killed after TIMEOUT_MS: the exit
 * status as proc_wait (-2: it was killed at the deadline). */
int proc_run_for(const struct strv *argv, long timeout_ms);
