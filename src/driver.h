/* The container's exit protocol. Every command orchgen runs to its end in
 * a container (a job, a stage, gc's cleanup) runs inside a driver script
 * written here: the command's BODY is a shell function that returns its
 * status, or sets `outcome` to a word ("skip 2") and returns 0; the driver
 * then writes that outcome to a status file on a writable mount as its
 * last act. The outcome is read from that file, never from the output, so
 * that nothing a command prints (a NUL byte, a last line of its own) can
 * hide or fake it, and the engine's own failure status (125) is never
 * taken for a command's: without the file, the command did not finish. */

/* Write the driver around BODY to RUN/run (RUN: a run directory of the
 * layout) and empty RUN's status directory. 0 or -1 (warned). */
int driver_write(const char *run, const char *body);
/* The command that runs the driver in the container, appended to ARGV. */
void driver_command(struct strv *argv);
/* What the driver of RUN recorded: a new string ("0", "1", "skip 2"), or
 * NULL when it did not get that far. */
char *driver_outcome(const char *run);
/* The exit status in OUTCOME: its number, 0 for "skip N", -1 for anything
 * else (not the driver's). */
int driver_status(const char *outcome);
