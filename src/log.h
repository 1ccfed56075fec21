/* Job and stage logs: one file per job or stage run, never shared. */

/* Open the log at PATH for a child's output, truncated first unless
 * APPEND, and always written at its end, so that orchgen's own lines (a
 * warning while a job runs) go between the child's rather than over them;
 * -1 (warned). */
int log_open(const char *path, int append);
/* At most the last MAX bytes of the log at PATH, NUL-terminated (bytes
 * after a NUL kept, *LEN says how many); NULL when it cannot be read. LEN
 * may be NULL. */
char *log_last(const char *path, size_t max, size_t *len);
/* The last line of the log at PATH (of its last 512 bytes), without its
 * newline: a new string, "" when there is none. */
char *log_last_line(const char *path);
/* The last N lines (from the last 64 KiB at most) of what the section
 * marked by the line MARK last wrote in the log at PATH, up to the next
 * line that starts with NEXT: the whole log's when MARK is NULL or not in
 * it. "... K earlier lines" comes first when lines were left out; a NUL
 * byte is shown as "^@", as cat -v shows it. A new string, or NULL when
 * the log cannot be read. */
char *log_tail_text(const char *path, const char *mark, const char *next, int n);
/* Print log_tail_text() and where the log is, on stderr. */
void log_tail(const char *path, const char *mark, const char *next, int n);
/* Say MSG on the user's terminal, when there is one, on a line of its
 * own: for what an edge says while it runs, as Ninja shows an edge's
 * output only once it ended. */
void log_tty(const char *msg);
