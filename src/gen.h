/* The generator: model in, build.ninja out. */

/* Build the graph of MD and write it to O->output (atomically, only when its
 * bytes change). SELF is how build.ninja calls orchgen. 0 or -1 (warned). */
int gen_write(const struct model *md, const struct options *o, const char *self);
/* The files of the image's hash group: the context (less what its
 * .dockerignore excludes) and the Dockerfile. */
void gen_context_group(const struct project *p, struct group *grp);
