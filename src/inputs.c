#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "str.h"
#include "file.h"
#include "hash.h"
#include "matrix.h"
#include "suite.h"
#include "walk.h"
#include "layout.h"
#include "inputs.h"
#include "util.h"

static void
input_init(struct input *in, const char *name, const char *what, char *out)
{
	memset(in, 0, sizeof(*in));
	in->name = xstrdup(name);
	in->what = xstrdup(what);
	in->out = out;
}

/* A group that walks the project's own directory leaves orchgen's state
 * and OUTPUT out. */
static void
exclude_own_state(struct group *g, const char *output)
{
	int top = 0;

	for (size_t i = 0; i < g->paths.n && !top; i++) {
		char *clean = file_clean(g->paths.v[i], 0);
		top = !*clean;
		free(clean);
	}
	if (!top)
		return;
	for (const char *const *p = layout_own_state; *p; p++)
		strv_push(&g->exclude, *p);
	if (output && !strv_contains(&g->exclude, output))
		strv_push(&g->exclude, output);
}

/* The context's group, quietly: 0, or -1 with errno (EINVAL: the
 * Dockerfile is not a regular file) when the Dockerfile named is missing. */
static int
context_group(const struct matrix *m, const char *output, struct input *in)
{
	const struct project *p = &m->project;
	struct stat st;
	int found = p->dockerfile && stat(p->dockerfile, &st) == 0;

	input_init(in, "context", "docker context", layout_hash("context"));
	if (!p->dockerfile)	/* the base as it is: no files */
		return 0;
	if (!found || !S_ISREG(st.st_mode)) {
		input_free(in);
		if (found)
			errno = EINVAL;
		return -1;
	}
	in->group.ignore_root = p->context;
	strv_push(&in->group.paths, p->context);
	strv_push(&in->group.paths, p->dockerfile);
	exclude_own_state(&in->group, output);
	return 0;
}

int
input_context(const struct matrix *m, const char *output, struct input *in)
{
	if (context_group(m, output, in) == 0)
		return 0;
	warn("dockerfile %s: %s: [project] dockerfile names the Dockerfile, relative to the project", m->project.dockerfile,
	    errno == EINVAL ? "not a regular file" : strerror(errno));
	return -1;
}

int
input_sources(const struct matrix *m, const char *output, struct input *in)
{
	const struct project *p = &m->project;

	if (!p->build || p->sources.n == 0)
		return -1;
	input_init(in, "sources", "sources", layout_hash("sources"));
	in->group.ignore_root = p->workspace;
	in->group.follow = 1;
	for (size_t i = 0; i < p->sources.n; i++)
		strv_push(&in->group.paths, p->sources.v[i]);
	exclude_own_state(&in->group, output);
	return 0;
}

int
input_warm(const struct matrix *m, const char *output, struct input *in)
{
	struct strv paths = {0};

	for (size_t i = 0; i < m->ncaches; i++) {
		for (size_t k = 0; k < m->caches[i].warm_inputs.n; k++)
			strv_push(&paths, m->caches[i].warm_inputs.v[k]);
	}
	strv_uniq(&paths);
	if (!matrix_warms(m) || paths.n == 0) {
		strv_free(&paths);
		return -1;
	}
	input_init(in, "warm-inputs", "warm inputs", layout_hash("warm-inputs"));
	in->group.paths = paths;
	in->group.follow = 1;
	exclude_own_state(&in->group, output);
	return 0;
}

/* The first of the sorted SUITES whose name is not less than KEY. */
static size_t
lower_bound(const struct suite *suites, size_t n, const char *key)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(suites[mid].name, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Is PATH (cleaned, from the project) DIR or below it? DIR as written:
 * "." is the whole project. */
static int
below(const char *path, const char *dir)
{
	char *clean = file_clean(dir, 0);
	size_t n = strlen(clean);
	int in = !(path[0] == '/' || !strcmp(path, "..") || !strncmp(path, "../", 3)) &&
	    (!n || (!strncmp(path, clean, n) && (!path[n] || path[n] == '/')));

	free(clean);
	return in;
}

void
input_suite(const struct suite *suites, size_t n, size_t i, const struct listing *walked, const char *output, struct input *in)
{
	const struct suite *s = &suites[i];
	char *nested = xasprintf("%s/", s->name);
	size_t len = strlen(nested);

	input_init(in, s->name, s->path, layout_suite_hash(s->name));
	strv_push(&in->group.paths, s->dir);
	if (s->spread)	/* a task of a spread project: its cascade too */
		strv_push(&in->group.paths, s->spread);
	in->group.follow = 1;
	in->group.walked = walked;
	for (size_t k = lower_bound(suites, n, nested); k < n && !strncmp(suites[k].name, nested, len); k++)
		strv_push(&in->group.exclude, suites[k].dir);
	free(nested);
	if (output && below(output, s->dir))
		strv_push(&in->group.exclude, output);
}

int
input_hash(const struct input *in, int cache, char hex[HASH_HEX + 1])
{
	struct strv files = {0}, dirs = {0};
	char *stat = cache ? layout_stat_cache(in->out) : NULL;
	int rc = group_list(&in->group, &files, &dirs) == 0 ? hash_files(&files, stat, hex) : -1;

	free(stat);
	strv_free(&files), strv_free(&dirs);
	return rc;
}

/* Does the .dockerignore of G's IGNORE_ROOT leave PATH out? */
static int
ignored(const struct group *g, const char *path)
{
	char *root, *file;
	struct strv patterns = {0};
	int out = 0;

	if (!g->ignore_root || !below(path, g->ignore_root))
		return 0;
	root = file_clean(g->ignore_root, 0);
	file = xasprintf("%s%s.dockerignore", root, *root ? "/" : "");
	if (ignore_load(file, &patterns) == 0 && strlen(path) > strlen(root))
		out = ignore_match(&patterns, path + strlen(root) + (*root != '\0'));
	strv_free(&patterns);
	free(root), free(file);
	return out;
}

/* Is PATH one of G's paths or below one, and not below what G leaves out? */
static int
group_holds(const struct group *g, const char *path)
{
	int holds = 0;

	for (size_t i = 0; i < g->paths.n && !holds; i++)
		holds = below(path, g->paths.v[i]);
	for (size_t i = 0; i < g->exclude.n && holds; i++)
		holds = !below(path, g->exclude.v[i]);
	return holds && !ignored(g, path);
}

char *
input_holding(const struct matrix *m, const char *path)
{
	int (*const groups[])(const struct matrix *, const char *, struct input *) = {context_group, input_sources, input_warm};
	char *clean = file_clean(path, 0), *what = NULL;
	struct input in;

	for (size_t i = 0; !what && i < sizeof(groups) / sizeof(*groups); i++) {
		if (groups[i](m, NULL, &in) != 0)
			continue;
		if (group_holds(&in.group, clean))
			what = xstrdup(in.what);
		input_free(&in);
	}
	if (!what && below(clean, m->project.suites))
		what = xstrdup("suites");
	free(clean);
	return what;
}

void
input_free(struct input *in)
{
	free(in->name), free(in->what), free(in->out);
	group_free(&in->group);
	memset(in, 0, sizeof(*in));
}
