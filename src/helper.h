/* What every edge helper does first: read the matrix build.ninja named,
 * find its distro, read what an earlier edge recorded. */

/* Load A's matrix into M and find A's --distro: the distro, or NULL
 * (warned, M freed). */
const struct distro *helper_distro(struct matrix *m, const struct cmdargs *a);
/* The first line of PATH, a tag or hash an earlier edge recorded; NULL
 * (warned: run ninja rather than orchgen HELPER by hand). */
char *helper_recorded(const char *path, const char *helper);
/* The same, quietly: NULL when PATH cannot be read. */
char *helper_read_recorded(const char *path);
