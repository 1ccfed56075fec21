/* Job and stage logs under .orch/logs: one file per job, never shared. */

/* Open the log at PATH for a child's output, truncated or (APPEND) added
 * to; -1 (warned). */
int log_open(const char *path, int append);
/* Print the last N lines of the log at PATH and where it is, on stderr. */
void log_tail(const char *path, int n);
