/* The input groups: the files one content hash covers, each defined once
 * and used both by the graph (its hash edges) and by `orchgen keys`, so
 * that a key printed before generation, after it and after a run is the
 * same. orchgen's own state (.orch, the output file) is never an input.
 *
 * Links: every group hashes a link as itself (its text), as docker copies
 * it into a build and a container sees it in the workspace. The groups a
 * container reads through the workspace (sources, warm inputs, suites)
 * also follow a link that leads inside the project, so that editing its
 * target reruns what reads it; the context does not, as docker copies a
 * link in it as a link. A link that leads outside the project is only
 * itself: what it points to is not an input. */

struct input {
	char *name;		/* "context", "sources", "warm-inputs", or a suite's name */
	char *what;		/* for the hash edge's description */
	char *out;		/* where the hash is kept (layout) */
	struct group group;	/* the files */
};

/* The build context (less what its .dockerignore excludes) and the
 * Dockerfile; no files when the project has no Dockerfile. OUTPUT: the
 * Ninja file orchgen writes. 0, or -1 (warned) when the Dockerfile named
 * is missing. */
int input_context(const struct matrix *m, const char *output, struct input *in);
/* The build's sources (less what the workspace's .dockerignore leaves
 * out, as a build context of the workspace would): 0 when the project
 * builds from sources, -1 when it has none (IN untouched). */
int input_sources(const struct matrix *m, const char *output, struct input *in);
/* Every cache's warm-inputs: 0, or -1 when nothing is warmed from files. */
int input_warm(const struct matrix *m, const char *output, struct input *in);
/* What the group that holds PATH (from the project) hashes ("docker
 * context", "sources", "warm inputs", or "suites" for the suites' root),
 * as a new string; NULL when PATH is part of no input. */
char *input_holding(const struct matrix *m, const char *path);
/* Suite SUITES[I]'s directory, less the suites nested in it. SUITES is
 * sorted by name, so those follow it in one run. WALKED: the walk that
 * found the suites (the model's), which the group takes its files from;
 * NULL: none. OUTPUT (the Ninja file, cleaned; NULL: none) is left out
 * when it is in the directory. */
void input_suite(const struct suite *suites, size_t n, size_t i, const struct listing *walked, const char *output, struct input *in);
/* The hash of IN's files, kept with a stat cache beside OUT when CACHE. */
int input_hash(const struct input *in, int cache, char hex[HASH_HEX + 1]);
void input_free(struct input *in);
