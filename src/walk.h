/* The files of a hash group: paths walked below roots, filtered. */

/* A group of files hashed as one: the paths (files or directories, walked
 * recursively) relative to the current directory, minus anything below
 * EXCLUDE, minus what the .dockerignore of IGNORE_ROOT (if set) excludes. */
struct group {
	struct strv paths;
	struct strv exclude;	/* directories left out, e.g. nested suites */
	const char *ignore_root;	/* a docker build context, or NULL */
	int follow;		/* links that lead inside the project bring their targets in */
};

/* List the group's regular files (and symlinks) and the directories walked,
 * each sorted, as paths from the current directory. A missing path is an
 * error (warned); 0 or -1. */
int group_list(const struct group *g, struct strv *files, struct strv *dirs);
void group_free(struct group *g);
/* Load .dockerignore patterns from PATH (missing file: no patterns). 0 or -1. */
int ignore_load(const char *path, struct strv *patterns);
/* Does the docker-style pattern list exclude REL (relative to the context)? */
int ignore_match(const struct strv *patterns, const char *rel);
