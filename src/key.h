/* The keys of the settings a stage or a job depends on besides its input
 * files: they go on the edge's command line, so that Ninja reruns the edge
 * when they change (it compares command lines through .ninja_log). */

/* What every job of D reads from the matrix. */
void key_job(const struct matrix *m, const struct distro *d, char hex[HASH_HEX + 1]);
/* The warm commands and the caches they fill. */
void key_warm(const struct matrix *m, char hex[HASH_HEX + 1]);
/* The build command, the workspace and the caches it sees. */
void key_build(const struct matrix *m, char hex[HASH_HEX + 1]);
