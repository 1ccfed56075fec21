#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "str.h"
#include "file.h"
#include "hash.h"
#include "matrix.h"
#include "suite.h"
#include "model.h"
#include "ninja.h"
#include "walk.h"
#include "gen.h"
#include "util.h"

extern const char tmpl_build_ninja_in[];

#define CONTEXT_HASH ".orch/hash/context"
/* Never exists: an edge that depends on it runs on every ninja invocation. */
#define ALWAYS ".orch/always"

/* What orchgen itself writes into a project: never part of a hash group. */
static const char *const own_state[] = {".orch", "build.ninja", ".ninja_log", ".ninja_deps", NULL};

static void
var(struct edge *e, const char *name, const char *value)
{
	strv_push(&e->vars, name);
	strv_push(&e->vars, value);
}

static void
args(struct edge *e, ...)
{
	va_list ap;
	const char *s;

	va_start(ap, e);
	while ((s = va_arg(ap, const char *)))
		strv_push(&e->args, s);
	va_end(ap);
}

static void
phony(struct graph *g, const char *name, const struct strv *ins)
{
	struct edge *e = graph_edge(g, "phony", name);

	for (size_t i = 0; i < ins->n; i++)
		strv_push(&e->ins, ins->v[i]);
}

/* A hash edge for group G into OUT; its files and directories are inputs,
 * and the directories are also inputs of build.ninja, so additions are seen
 * (appended to REGEN_DIRS, which the caller de-duplicates once). */
static int
hash_edge(struct graph *g, const struct group *grp, const char *out, const char *what, struct strv *regen_dirs)
{
	struct strv files = {0}, dirs = {0};
	struct edge *e;

	if (group_list(grp, &files, &dirs) < 0)
		return -1;
	e = graph_edge(g, "hash", out);
	args(e, "-o", out, NULL);
	if (grp->ignore_root)
		args(e, "--context", grp->ignore_root, NULL);
	for (size_t i = 0; i < grp->exclude.n; i++)
		args(e, "--exclude", grp->exclude.v[i], NULL);
	args(e, "--", NULL);
	for (size_t i = 0; i < grp->paths.n; i++)
		strv_push(&e->args, grp->paths.v[i]);
	for (size_t i = 0; i < files.n; i++)
		strv_push(&e->implicit, files.v[i]);
	for (size_t i = 0; i < dirs.n; i++) {
		strv_push(&e->implicit, dirs.v[i]);
		strv_push(regen_dirs, dirs.v[i]);
	}
	var(e, "what", what);
	strv_free(&files);
	strv_free(&dirs);
	return 0;
}

/* Only a group rooted at the project itself can hold orchgen's own state. */
static void
exclude_own_state(struct group *grp)
{
	if (!strv_contains(&grp->paths, "."))
		return;
	for (const char *const *p = own_state; *p; p++)
		strv_push(&grp->exclude, *p);
}

void
gen_context_group(const struct project *p, struct group *grp)
{
	memset(grp, 0, sizeof(*grp));
	grp->ignore_root = p->context;
	strv_push(&grp->paths, p->context);
	strv_push(&grp->paths, p->dockerfile);
	exclude_own_state(grp);
}

static int
context_edge(struct graph *g, const struct project *p, struct strv *regen_dirs)
{
	struct group grp;
	struct stat st;
	int rc;

	if (stat(p->dockerfile, &st) != 0 || !S_ISREG(st.st_mode)) {
		warn("dockerfile %s: no such file: [project] dockerfile names the Dockerfile, relative to the project", p->dockerfile);
		return -1;
	}
	gen_context_group(p, &grp);
	rc = hash_edge(g, &grp, CONTEXT_HASH, "docker context", regen_dirs);
	group_free(&grp);
	return rc;
}

/* A suite's files are its directory's, less the suites nested below it. */
static int
suite_edge(struct graph *g, const struct model *md, const struct suite *s, struct strv *regen_dirs)
{
	struct group grp = {0};
	size_t n = strlen(s->dir);
	char *out = suite_hash_path(s);
	int rc;

	strv_push(&grp.paths, s->dir);
	for (size_t i = 0; i < md->nsuites; i++) {
		const char *d = md->suites[i].dir;
		if (strncmp(d, s->dir, n) == 0 && d[n] == '/')
			strv_push(&grp.exclude, d);
	}
	rc = hash_edge(g, &grp, out, s->path, regen_dirs);
	free(out);
	group_free(&grp);
	return rc;
}

/* Matrix flags every helper gets, so it reads the configuration we read. */
static void
matrix_args(struct edge *e, const struct options *o)
{
	args(e, "-f", o->file, NULL);
	for (size_t i = 0; i < o->defines.n; i++)
		args(e, "-D", o->defines.v[i], NULL);
}

static void
image_edge(struct graph *g, const struct options *o, const struct distro *d)
{
	char *out = image_path(d);
	char *target = xasprintf("image-%s", d->name);
	struct strv ins = {0};
	struct edge *e = graph_edge(g, "image", out);

	strv_push(&e->ins, CONTEXT_HASH);
	strv_push(&e->implicit, ALWAYS);
	matrix_args(e, o);
	args(e, "--distro", d->name, "--hash", CONTEXT_HASH, "-o", out, NULL);
	var(e, "what", d->name);
	strv_push(&ins, out);
	phony(g, target, &ins);
	strv_free(&ins);
	free(out);
	free(target);
}

/* The key of the settings every job of D depends on besides its suite and
 * image: on the command line, so that a change reruns D's jobs. */
static void
job_key(const struct matrix *m, const struct distro *d, char hex[HASH_HEX + 1])
{
	const struct project *p = &m->project;
	struct hasher h;
	char num[64];

	hasher_init(&h);
	hasher_add(&h, "orchgen-job-1");
	hasher_add(&h, p->workspace);
	hasher_add(&h, p->prepare_each ? p->prepare_each : "");
	hasher_add(&h, p->restore_each ? p->restore_each : "");
	hasher_add(&h, p->debug_each ? p->debug_each : "");
	for (size_t i = 0; i < p->env.n; i++)
		hasher_add(&h, p->env.v[i]);
	snprintf(num, sizeof(num), "%ld %ld", p->kill_timeout, p->warn_timeout);
	hasher_add(&h, num);
	for (size_t i = 0; i < d->features.n; i++)
		hasher_add(&h, d->features.v[i]);
	hasher_end(&h, hex);
}

static void
test_edge(struct graph *g, const struct options *o, const struct job *j, const char *key)
{
	char *target = xasprintf("test-%s", j->file);
	char *image = image_path(j->distro);
	struct strv ins = {0};
	struct edge *e = graph_edge(g, "test", j->stamp);

	strv_take(&e->ins, suite_hash_path(j->suite));
	strv_push(&e->ins, image);
	matrix_args(e, o);
	args(e, "--distro", j->distro->name, "--suite", j->suite->name, NULL);
	if (j->variant)
		args(e, "--variant", j->variant, NULL);
	args(e, "--image", image, "--key", key, NULL);
	var(e, "what", j->id);
	strv_push(&ins, j->stamp);
	phony(g, target, &ins);
	strv_free(&ins);
	free(image);
	free(target);
}

/* test-D/S for a suite with variants: all of them. */
static void
variants_edge(struct graph *g, const struct job *jobs, size_t n)
{
	struct strv ins = {0};
	char *target = xasprintf("test-%s/%s", jobs[0].distro->name, jobs[0].suite->name);

	for (size_t i = 0; i < n; i++)
		strv_push(&ins, jobs[i].stamp);
	phony(g, target, &ins);
	strv_free(&ins);
	free(target);
}

/* test-D: every job of D that is not manual; manual ones run when named.
 * Jobs come grouped by distro, then suite. */
static void
distro_edges(struct graph *g, const struct model *md, const struct options *o, const struct distro *d)
{
	struct strv ins = {0};
	char key[HASH_HEX + 1];
	char *target = xasprintf("test-%s", d->name);

	image_edge(g, o, d);
	job_key(&md->matrix, d, key);
	for (size_t i = 0; i < md->njobs; i++) {
		const struct job *j = &md->jobs[i];
		if (j->distro != d)
			continue;
		test_edge(g, o, j, key);
		if (!j->suite->manual)
			strv_push(&ins, j->stamp);
		if (j->variant && j->variant == j->suite->variants.v[j->suite->variants.n - 1])
			variants_edge(g, j + 1 - j->suite->variants.n, j->suite->variants.n);
	}
	phony(g, target, &ins);
	strv_free(&ins);
	free(target);
}

/* build.ninja depends on every file and directory the model was read from
 * (DIRS: every directory searched, sorted and unique). */
static void
regen_edge(struct graph *g, const struct model *md, const struct options *o, const char *template, const struct strv *dirs)
{
	struct edge *e = graph_edge(g, "regen", o->output);
	struct strv ins, implicit;

	for (size_t i = 0; i < md->matrix.files.n; i++)
		strv_push(&e->ins, md->matrix.files.v[i]);
	if (template)
		strv_push(&e->ins, template);
	for (size_t i = 0; i < md->nsuites; i++)
		strv_push(&e->ins, md->suites[i].path);
	for (size_t i = 0; i < dirs->n; i++)
		strv_push(&e->implicit, dirs->v[i]);
	matrix_args(e, o);
	args(e, "-o", o->output, NULL);
	if (o->distros.n > 0) {
		struct buf b = {0};
		for (size_t i = 0; i < o->distros.n; i++)
			buf_printf(&b, "%s%s", i ? "," : "", o->distros.v[i]);
		strv_take(&e->args, xasprintf("--distros=%s", b.s));
		buf_free(&b);
	}
	/* A deleted input must make ninja regenerate, not stop: give each one a
	 * phony edge, as CMake does for its own inputs. graph_edge() moves the
	 * edges, so E is not used past here; the lists it points to stay. */
	ins = e->ins, implicit = e->implicit;
	for (size_t i = 0; i < ins.n; i++)
		graph_edge(g, "phony", ins.v[i]);
	for (size_t i = 0; i < implicit.n; i++)
		graph_edge(g, "phony", implicit.v[i]);
}

static int
build_graph(struct graph *g, const struct model *md, const struct options *o, const char *template)
{
	const struct matrix *m = &md->matrix;
	struct strv dirs = {0}, images = {0}, tests = {0};
	int rc = context_edge(g, &m->project, &dirs);

	graph_edge(g, "phony", ALWAYS);
	for (size_t i = 0; rc == 0 && i < md->nsuites; i++)
		rc = suite_edge(g, md, &md->suites[i], &dirs);
	for (size_t i = 0; rc == 0 && i < m->ndistros; i++) {
		distro_edges(g, md, o, &m->distros[i]);
		strv_take(&images, xasprintf("image-%s", m->distros[i].name));
		strv_take(&tests, xasprintf("test-%s", m->distros[i].name));
	}
	phony(g, "images", &images);
	phony(g, "all-distros", &tests);
	strv_push(&g->defaults, "all-distros");
	for (size_t i = 0; i < md->suite_dirs.n; i++)
		strv_push(&dirs, md->suite_dirs.v[i]);
	strv_uniq(&dirs);
	if (rc == 0)
		regen_edge(g, md, o, template, &dirs);
	strv_free(&dirs), strv_free(&images), strv_free(&tests);
	return rc;
}

int
gen_write(const struct model *md, const struct options *o, const char *self)
{
	struct graph g = {0};
	struct buf out = {0};
	const char *tpath = "build.ninja.in";
	char *custom = file_read(tpath, NULL);
	char jobs[32];
	int rc;

	snprintf(jobs, sizeof(jobs), "%d", md->matrix.project.jobs);
	strv_push(&g.header, "ninja_required_version"), strv_push(&g.header, "1.10");
	strv_push(&g.program, self);
	strv_push(&g.header, "jobs"), strv_push(&g.header, jobs);
	strv_push(&g.header, "project"), strv_push(&g.header, md->matrix.project.name);
	rc = build_graph(&g, md, o, custom ? tpath : NULL);
	if (rc == 0)
		rc = ninja_write(&out, &g, custom ? custom : tmpl_build_ninja_in);
	if (rc == 0)
		rc = file_update(o->output, out.s, out.len) < 0 ? -1 : 0;
	graph_free(&g);
	buf_free(&out);
	free(custom);
	return rc;
}
