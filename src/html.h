/* A report as one self-contained HTML page (no script, nothing fetched):
 * the counts, the suite × distro matrix with a word and a colour per
 * status (the colour is never the only signal), durations, each failure
 * with the tail of its log inline and a link to the whole log, the
 * slowest jobs. Readable at 1280 px and on a phone: the matrix scrolls on
 * its own, the failures are a column. */

/* The page for a file at PATH, whose links to logs are relative to it. */
void html_write(const struct report *rp, const char *path, struct buf *out);
