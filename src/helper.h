/* What every edge helper does first: read the matrix build.ninja named,
 * find its distro, read what an earlier edge recorded; and what a stage's
 * helper does last: mark whether the stage failed. */

/* Load A's matrix into M and find A's --distro: the distro, or NULL
 * (warned, M freed). */
const struct distro *helper_distro(struct matrix *m, const struct cmdargs *a);
/* The first line of PATH, a tag or hash an earlier edge recorded; NULL
 * (warned: run ninja rather than orchgen HELPER by hand). */
char *helper_recorded(const char *path, const char *helper);
/* The same, quietly: NULL when PATH cannot be read. */
char *helper_read_recorded(const char *path);
/* Stage STAGE of D ended with exit status RC: its failure mark
 * (layout_stage_failed) written, holding "exit status RC", when RC is not
 * 0, removed when it is. RC, or EXIT_ENGINE (warned) when a mark that
 * says it failed cannot be removed. */
int helper_stage_ended(const struct distro *d, const char *stage, int rc);
