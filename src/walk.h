/* The files of a hash group: paths walked below roots, filtered. */

/* What one walk of a group found, kept so that a group of a directory it
 * walked takes that directory's files from it rather than walking it
 * again: discovery walks the suites' root once, and each suite's group
 * takes its part. Each list sorted. */
struct listing {
	struct strv files;	/* the regular files and links */
	struct strv links;	/* those of FILES that are links */
	struct strv dirs;	/* the directories walked */
	struct strv exclude;	/* what the walk left out (cleaned) */
};

/* A group of files hashed as one: the paths (files or directories, walked
 * recursively) relative to the current directory, minus anything below
 * EXCLUDE, minus what the .dockerignore of IGNORE_ROOT (if set) excludes. */
struct group {
	struct strv paths;
	struct strv exclude;	/* directories left out, e.g. nested suites */
	const char *ignore_root;	/* a docker build context, or NULL */
	int follow;		/* links that lead inside the project bring their targets in */
	const struct listing *walked;	/* a walk that saw some of the paths (a group without .dockerignore); NULL: none */
};

/* List the group's regular files (and symlinks) and the directories walked,
 * each sorted, as paths from the current directory. A missing path is an
 * error (warned); 0 or -1. A path that G->walked entered as a directory,
 * with nothing below it left out, is taken from there, as walking it again
 * would find it. */
int group_list(const struct group *g, struct strv *files, struct strv *dirs);
/* group_list() into FOUND, which keeps what the walk found for other
 * groups to take. */
int group_walk(const struct group *g, struct listing *found);
void group_free(struct group *g);
void listing_free(struct listing *l);
/* Load .dockerignore patterns from PATH (missing file: no patterns). 0 or -1. */
int ignore_load(const char *path, struct strv *patterns);
/* Does the docker-style pattern list exclude REL (relative to the context)? */
int ignore_match(const struct strv *patterns, const char *rel);
