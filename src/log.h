/* Job and stage logs: one file per job or stage run, never shared. */

/* Open the log at PATH for a child's output, truncated or (APPEND) added
 * to; -1 (warned). */
int log_open(const char *path, int append);
/* At most the last MAX bytes of the log at PATH, NUL-terminated (bytes
 * after a NUL kept, *LEN says how many); NULL when it cannot be read. LEN
 * may be NULL. */
char *log_last(const char *path, size_t max, size_t *len);
/* Print the last N lines of the log at PATH (from its last 64 KiB at most)
 * and where it is, on stderr. */
void log_tail(const char *path, int n);
