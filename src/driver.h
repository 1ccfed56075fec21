/* The container's exit protocol. Every command orchgen runs to its end in
 * a container (a job, a stage, gc's cleanup) runs inside a driver script
 * written here: the command's BODY is a shell function that returns its
 * status, or sets `outcome` to a word ("skip 2") and returns 0; the driver
 * then writes that outcome to a status file on a writable mount as its
 * last act. The outcome is read from that file, never from the output, so
 * that nothing a command prints (a NUL byte, a last line of its own) can
 * hide or fake it, and the engine's own failure status (125) is never
 * taken for a command's: without the file, the command did not finish.
 *
 * A body made of sections (a job's prepare, execute, restore...) runs each
 * with driver_section(): it marks where the section starts in the output
 * (DRIVER_MARK and its name, on a line of their own), and the outcome says
 * which section failed first ("phase NAME") and, where the shell can tell
 * (bash), at which line of it ("line N"). */

/* What starts the line that marks a section in the output. */
#define DRIVER_MARK "--- "
/* The shell function a sectioned body defines first: `section NAME` runs
 * RUN/NAME (when there is one) in its own shell with -e (-x when RUN/trace
 * exists), after sourcing RUN/env; its status is the section's. */
extern const char driver_section[];
/* The section runner driver_section() calls, for RUN/section. */
extern const char driver_section_script[];

/* Write the driver around BODY to RUN/run (RUN: a run directory of the
 * layout) and empty RUN's status directory. 0 or -1 (warned). */
int driver_write(const char *run, const char *body);
/* Forget what the driver of RUN recorded, before it runs again in the
 * same container. 0 or -1 (warned). */
int driver_forget(const char *run);
/* The command that runs the driver in the container, appended to ARGV. */
void driver_command(struct strv *argv);
/* What the driver of RUN recorded: a new string ("0", "1", "skip 2"), or
 * NULL when it did not get that far. */
char *driver_outcome(const char *run);
/* The exit status in OUTCOME: its number, 0 for "skip N", -1 for anything
 * else (not the driver's). */
int driver_status(const char *outcome);
/* The value of the "NAME VALUE" line of OUTCOME ("phase", "line"), new, or
 * NULL when it has none. */
char *driver_field(const char *outcome, const char *name);
