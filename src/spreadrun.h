/* A spread project's job inside its container: spread's runtime. The
 * project is copied (spread.yaml's include and exclude) to its `path`, the
 * job's own and writable; each section runs under /bin/bash with set -eu,
 * in the task's directory (the project's and backend's scripts in the
 * project's), with spread's functions (MATCH, NOMATCH, REBOOT, ERROR,
 * FATAL), the job's SPREAD_* variables and SPREAD_REBOOT. The sections
 * run in spread's order (spread_scripts). */

struct spread;
struct spread_job;

/* The most reboots one job may ask for, as spread allows. */
#define SPREADRUN_MAX_REBOOTS 10

/* What the driver's body does first (before the skip conditions and the
 * artifacts' function, which run in the task's directory), and then. */
extern const char spreadrun_prelude[], spreadrun_sequence[];

/* The job's files in its run directory RUN: its variables, the section
 * runner, every section's script, where the copy goes and what it holds.
 * 0, or -1 (warned). */
int spreadrun_write(const char *run, const struct spread *sp, const struct spread_job *j, const char *variant);
/* Forget what an earlier container of RUN's job left in its status
 * directory (the copy made, the reboots), before a fresh one starts.
 * 0, or -1 (warned). */
int spreadrun_reset(const char *run);
