#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "file.h"
#include "glob.h"
#include "str.h"
#include "util.h"
#include "walk.h"

/* What a walk needs besides its outputs: the cleaned excludes and the
 * .dockerignore patterns of the context (ROOT, NULL when none). */
struct walk {
	struct strv exclude;
	struct strv patterns;
	char *root;
	struct strv *files, *dirs;
	struct strv *links;	/* the links among FILES, when kept (group_walk); NULL: not */
	struct strv listed;	/* directories taken from a listing, not yet marked walked */
	int follow;		/* links inside the project lead on (group.follow) */
	char *top;		/* the project's real path, with a trailing '/' */
	struct seen {		/* the directories walked, so that a link loop ends: */
		dev_t dev;	/* a hash set, open addressing, at most half full */
		ino_t ino;
		int used;
	} *seen;
	size_t nseen, slots;
};

/* Is PATH equal to or below DIR ("" is the current directory)? */
static int
path_below(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	if (n == 0)
		return path[0] != '/';
	return strncmp(path, dir, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

int
ignore_match(const struct strv *patterns, const char *rel)
{
	char *clean = file_clean(rel, 1);
	int excluded = 0;

	for (size_t i = 0; i < patterns->n; i++) {
		const char *pat = patterns->v[i];
		int exception = pat[0] == '!';

		/* Only a pattern that could flip the verdict needs matching. */
		if (exception != excluded)
			continue;
		if (glob_match_or_parent(pat + exception, clean))
			excluded = !exception;
	}
	free(clean);
	return excluded;
}

/* One .dockerignore line, trimmed and cleaned; NULL when it holds no pattern. */
static char *
ignore_line(char *line)
{
	const char *blank = " \t\r\v\f";
	size_t n;
	int exception;

	if (line[0] == '#')	/* a comment only where the line starts */
		return NULL;
	line += strspn(line, blank);
	n = strlen(line);
	while (n > 0 && strchr(blank, line[n - 1]))
		line[--n] = '\0';
	if (n == 0)
		return NULL;
	exception = line[0] == '!';
	if (exception)
		line += 1 + strspn(line + 1, blank);
	char *clean = file_clean(line, 1);
	if (!clean[0]) {
		free(clean);
		return NULL;
	}
	char *pat = xasprintf("%s%s", exception ? "!" : "", clean);
	free(clean);
	return pat;
}

int
ignore_load(const char *path, struct strv *patterns)
{
	char *text = file_read(path, NULL);
	char *line, *next;

	if (!text) {
		if (errno == ENOENT)
			return 0;
		warn("read %s:", path);
		return -1;
	}
	line = text;
	if (!strncmp(line, "\xEF\xBB\xBF", 3))	/* a UTF-8 byte order mark, as docker drops it */
		line += 3;
	for (; line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		char *pat = ignore_line(line);
		if (pat)
			strv_take(patterns, pat);
	}
	free(text);
	return 0;
}

/* Could an exception pattern match something strictly below DIR? Judged
 * from each pattern's literal prefix (before any glob character): false
 * only when that prefix rules it out, so the answer errs towards yes. */
static int
ignore_may_reinclude(const struct strv *patterns, const char *dir)
{
	char *below = xasprintf("%s/", dir);
	size_t n = strlen(below);
	int may = 0;

	for (size_t i = 0; i < patterns->n && !may; i++) {
		const char *pat = patterns->v[i];

		if (pat[0] != '!')
			continue;
		pat++;
		size_t lit = strcspn(pat, "*?[\\");
		if (pat[lit] == '\0')
			may = strncmp(pat, below, n) == 0;
		else
			may = strncmp(pat, below, lit < n ? lit : n) == 0;
	}
	free(below);
	return may;
}

/* PATH relative to the context, or NULL when outside it or without one. */
static const char *
walk_rel(const struct walk *w, const char *path)
{
	size_t n;

	if (!w->root || !path_below(path, w->root))
		return NULL;
	n = strlen(w->root);
	if (n == 0)
		return path;
	return path[n] ? path + n + 1 : path + n;
}

/* Is PATH left out of the context by the .dockerignore? A directory only
 * counts as left out when nothing below it can be brought back. The
 * .dockerignore itself never is: docker reads it, so it shapes the build. */
static int
walk_ignored(const struct walk *w, const char *path, int isdir)
{
	const char *rel = walk_rel(w, path);

	if (!rel || !rel[0] || !strcmp(rel, ".dockerignore") || !ignore_match(&w->patterns, rel))
		return 0;
	return !isdir || !ignore_may_reinclude(&w->patterns, rel);
}

static int
walk_excluded(const struct walk *w, const char *path)
{
	for (size_t i = 0; i < w->exclude.n; i++) {
		if (path_below(path, w->exclude.v[i]))
			return 1;
	}
	return 0;
}

/* DIR/NAME ("" is the current directory): on every file of a walk, so
 * without printf. */
static char *
path_join(const char *dir, const char *name)
{
	size_t d = strlen(dir), n = strlen(name), sep = d > 0 && strcmp(dir, "/") != 0;
	char *path = xmalloc(d + sep + n + 1);

	memcpy(path, dir, d);
	if (sep)
		path[d] = '/';
	memcpy(path + d + sep, name, n + 1);
	return path;
}

static int
walk_path(struct walk *w, const char *path, int named, int type);

/* The slot of (DEV, INO) in SEEN of SLOTS (a power of two): where it is,
 * or the empty one where it would go. */
static struct seen *
seen_slot(struct seen *seen, size_t slots, dev_t dev, ino_t ino)
{
	size_t i = ((size_t)ino * 0x9E3779B97F4A7C15u ^ (size_t)dev) & (slots - 1);

	while (seen[i].used && (seen[i].dev != dev || seen[i].ino != ino))
		i = (i + 1) & (slots - 1);
	return &seen[i];
}

/* Has directory ST been walked? If not, it is now. */
static int
walked(struct walk *w, const struct stat *st)
{
	struct seen *slot;

	if (2 * (w->nseen + 1) > w->slots) {
		size_t slots = w->slots ? 2 * w->slots : 64;
		struct seen *bigger = xcalloc(slots, sizeof(*bigger));
		for (size_t i = 0; i < w->slots; i++) {
			if (w->seen[i].used)
				*seen_slot(bigger, slots, w->seen[i].dev, w->seen[i].ino) = w->seen[i];
		}
		free(w->seen);
		w->seen = bigger, w->slots = slots;
	}
	slot = seen_slot(w->seen, w->slots, st->st_dev, st->st_ino);
	if (slot->used)
		return 1;
	*slot = (struct seen){st->st_dev, st->st_ino, 1};
	w->nseen++;
	return 0;
}

/* List DIR and walk its entries, unless it was walked already. An ignored
 * directory's own files are dropped one by one, since an exception may
 * keep some of them. */
static int
walk_dir(struct walk *w, const char *dir, const struct stat *st)
{
	DIR *d;
	struct dirent *e;
	int rc = 0;

	if (walked(w, st))
		return 0;
	if (!(d = opendir(dir[0] ? dir : "."))) {
		warn("open %s:", dir[0] ? dir : ".");
		return -1;
	}
	strv_push(w->dirs, dir[0] ? dir : ".");
	errno = 0;
	while (rc == 0 && (e = readdir(d))) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		char *path = path_join(dir, e->d_name);
		rc = walk_path(w, path, 0, e->d_type);
		free(path);
		errno = 0;
	}
	if (rc == 0 && errno != 0) {
		warn("read %s:", dir[0] ? dir : ".");
		rc = -1;
	}
	closedir(d);
	return rc;
}

/* The link PATH's target as a path of the project, or NULL when it leads
 * outside the project, to the project itself, or nowhere. */
static char *
target_inside(struct walk *w, const char *path)
{
	char *real = realpath(path, NULL), *rel = NULL;
	size_t n;

	if (!w->top) {
		char *top = realpath(".", NULL);
		w->top = top ? xasprintf("%s%s", top, strcmp(top, "/") ? "/" : "") : xstrdup("/");
		free(top);
	}
	n = strlen(w->top);
	if (real && !strncmp(real, w->top, n) && real[n])
		rel = xstrdup(real + n);
	free(real);
	return rel;
}

/* The directories W took from a listing, marked walked as if W had
 * walked them itself, so that a link that leads back into them walks
 * nothing twice. Done when a link is first followed: most groups follow
 * none, and need no stat of their directories. */
static void
mark_listed(struct walk *w)
{
	struct stat st;

	for (size_t i = 0; i < w->listed.n; i++) {
		if (stat(w->listed.v[i], &st) == 0)
			walked(w, &st);
	}
	strv_free(&w->listed);
}

/* What a link inside the project leads to is part of the group too, under
 * its own path: a file, or a directory walked (once). */
static int
follow(struct walk *w, const char *path)
{
	char *rel = target_inside(w, path);
	struct stat st;
	int rc = 0;

	mark_listed(w);
	if (rel && stat(rel, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			rc = walk_dir(w, rel, &st);
		else if (S_ISREG(st.st_mode))
			strv_push(w->files, rel);
	}
	free(rel);
	return rc;
}

/* Walk PATH: a file or symlink is listed, a directory walked, anything
 * else (fifo, socket, device) left out, since no container gets one from
 * a build context or a copy. A link is listed as itself, as docker copies
 * it and a container sees it; where it leads inside the project, its
 * target is listed too when the group follows links, and always for what
 * the group NAMED (a root that is a link is walked through it). A file the
 * group named is listed whatever the .dockerignore says: docker reads an
 * ignored Dockerfile all the same. */
static int
walk_path(struct walk *w, const char *path, int named, int type)
{
	const char *p = path[0] ? path : ".";
	struct stat st, to;

	if (walk_excluded(w, path))
		return 0;
	/* A regular file, as the directory says: listed without an lstat,
	 * which hashing makes anyway. */
	if (!named && type == DT_REG) {
		if (!walk_ignored(w, path, 0))
			strv_push(w->files, p);
		return 0;
	}
	if (lstat(p, &st) != 0) {
		warn("%s:", p);
		return -1;
	}
	if (named && S_ISLNK(st.st_mode) && stat(p, &to) == 0 && S_ISDIR(to.st_mode))
		st = to;
	if (S_ISDIR(st.st_mode)) {
		if (walk_ignored(w, path, 1))
			return 0;
		return walk_dir(w, path, &st);
	}
	if (!(S_ISREG(st.st_mode) || S_ISLNK(st.st_mode)) || (!named && walk_ignored(w, path, 0)))
		return 0;
	strv_push(w->files, p);
	if (S_ISLNK(st.st_mode) && w->links)
		strv_push(w->links, p);
	return S_ISLNK(st.st_mode) && (named || w->follow) ? follow(w, path) : 0;
}

static int
sorted_has(const struct strv *sv, const char *s)
{
	size_t i = strv_lower_bound(sv, s);

	return i < sv->n && !strcmp(sv->v[i], s);
}

/* Did the walk of L enter directory PATH and leave nothing below it out? */
static int
listed(const struct listing *l, const char *path)
{
	if (!sorted_has(&l->dirs, path[0] ? path : "."))
		return 0;
	for (size_t i = 0; i < l->exclude.n; i++) {
		if (path_below(l->exclude.v[i], path))
			return 0;
	}
	return 1;
}

/* Directory PATH, which the walk of L entered, as walking it again would
 * find it: its directories and files from L, but those W leaves out, and
 * what its links lead to when W follows them. */
static int
walk_listed(struct walk *w, const struct listing *l, const char *path)
{
	char *below = path[0] ? path_join(path, "") : xstrdup("");
	size_t n = strlen(below);
	int rc = 0;

	strv_push(w->dirs, path[0] ? path : ".");
	strv_push(&w->listed, path[0] ? path : ".");
	for (size_t i = strv_lower_bound(&l->dirs, below); i < l->dirs.n && !strncmp(l->dirs.v[i], below, n); i++) {
		if (!walk_excluded(w, l->dirs.v[i])) {
			strv_push(w->dirs, l->dirs.v[i]);
			strv_push(&w->listed, l->dirs.v[i]);
		}
	}
	for (size_t i = strv_lower_bound(&l->files, below); rc == 0 && i < l->files.n && !strncmp(l->files.v[i], below, n); i++) {
		const char *f = l->files.v[i];
		if (walk_excluded(w, f))
			continue;
		strv_push(w->files, f);
		if (w->follow && sorted_has(&l->links, f))
			rc = follow(w, f);
	}
	free(below);
	return rc;
}

void
group_free(struct group *g)
{
	strv_free(&g->paths);
	strv_free(&g->exclude);
}

static void
walk_free(struct walk *w)
{
	strv_free(&w->exclude);
	strv_free(&w->patterns);
	strv_free(&w->listed);
	free(w->root), free(w->top), free(w->seen);
}

/* Paths are cleaned ("./a/" is "a"), "." walked as the current directory
 * lists its entries without a "./" prefix. Directories left out by the
 * .dockerignore (with no exception that could reach below them) are neither
 * walked nor listed in DIRS: a file added there cannot change the context.
 * LINKS: where to keep the links found too, or NULL. */
static int
list(const struct group *g, struct strv *files, struct strv *dirs, struct strv *links, struct strv *exclude)
{
	struct walk w = {.files = files, .dirs = dirs, .links = links, .follow = g->follow};
	const struct listing *walked = g->ignore_root ? NULL : g->walked;
	int rc = 0;

	for (size_t i = 0; i < g->exclude.n; i++)
		strv_take(&w.exclude, file_clean(g->exclude.v[i], 0));
	if (g->ignore_root) {
		w.root = file_clean(g->ignore_root, 0);
		char *path = xasprintf("%s/.dockerignore", g->ignore_root);
		rc = ignore_load(path, &w.patterns);
		free(path);
	}
	for (size_t i = 0; i < g->paths.n && rc == 0; i++) {
		char *path = file_clean(g->paths.v[i], 0);
		if (walked && !walk_excluded(&w, path) && listed(walked, path))
			rc = walk_listed(&w, walked, path);
		else
			rc = walk_path(&w, path, 1, DT_UNKNOWN);
		free(path);
	}
	for (size_t i = 0; exclude && i < w.exclude.n; i++)
		strv_push(exclude, w.exclude.v[i]);
	walk_free(&w);
	strv_uniq(files);
	strv_uniq(dirs);
	if (links)
		strv_uniq(links);
	return rc;
}

int
group_list(const struct group *g, struct strv *files, struct strv *dirs)
{
	return list(g, files, dirs, NULL, NULL);
}

int
group_walk(const struct group *g, struct listing *found)
{
	return list(g, &found->files, &found->dirs, &found->links, &found->exclude);
}

void
listing_free(struct listing *l)
{
	strv_free(&l->files);
	strv_free(&l->links);
	strv_free(&l->dirs);
	strv_free(&l->exclude);
}
