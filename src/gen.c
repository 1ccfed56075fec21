#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "str.h"
#include "file.h"
#include "hash.h"
#include "matrix.h"
#include "key.h"
#include "layout.h"
#include "suite.h"
#include "model.h"
#include "ninja.h"
#include "walk.h"
#include "gen.h"
#include "util.h"

extern const char tmpl_build_ninja_in[];

#define CONTEXT_HASH ".orch/hash/context"
#define SOURCES_HASH ".orch/hash/sources"
#define WARM_HASH ".orch/hash/warm-inputs"
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

/* A hash edge for paths of the project (sources, warm inputs); the
 * .dockerignore of IGNORE_ROOT (NULL: none) applies below it. */
static int
paths_edge(struct graph *g, const struct strv *paths, const char *ignore_root, const char *out, const char *what, struct strv *regen_dirs)
{
	struct group grp = {.ignore_root = ignore_root};
	int rc;

	for (size_t i = 0; i < paths->n; i++)
		strv_push(&grp.paths, paths->v[i]);
	exclude_own_state(&grp);
	rc = hash_edge(g, &grp, out, what, regen_dirs);
	group_free(&grp);
	return rc;
}

/* The hash edges of the stages: the build's sources (less what the
 * workspace's .dockerignore leaves out, as a build context of the workspace
 * would), the caches' warm inputs. Their outputs are added to HASHES. */
static int
stage_hash_edges(struct graph *g, const struct matrix *m, struct strv *hashes, struct strv *regen_dirs)
{
	struct strv inputs = {0};
	int rc = 0;

	if (m->project.build && m->project.sources.n > 0) {
		rc = paths_edge(g, &m->project.sources, m->project.workspace, SOURCES_HASH, "sources", regen_dirs);
		strv_push(hashes, SOURCES_HASH);
	}
	matrix_warm_inputs(m, &inputs);
	if (rc == 0 && matrix_warms(m) && inputs.n > 0) {
		rc = paths_edge(g, &inputs, NULL, WARM_HASH, "warm inputs", regen_dirs);
		strv_push(hashes, WARM_HASH);
	}
	strv_free(&inputs);
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

/* NAME-D, a phony for OUT. */
static void
target(struct graph *g, const char *name, const struct distro *d, const char *out)
{
	struct strv ins = {0};
	char *t = xasprintf("%s-%s", name, d->name);

	strv_push(&ins, out);
	phony(g, t, &ins);
	strv_free(&ins);
	free(t);
}

/* base-D: the base imported from D's rootfs recipe. Always runs a cheap
 * check; its output changes only when the recipe does (restat). */
static void
base_edge(struct graph *g, const struct options *o, const struct distro *d)
{
	char *out = base_path(d);
	struct edge *e = graph_edge(g, "base", out);

	strv_push(&e->implicit, ALWAYS);
	matrix_args(e, o);
	args(e, "--distro", d->name, "-o", out, NULL);
	var(e, "what", d->name);
	target(g, "base", d, out);
	free(out);
}

static void
image_edge(struct graph *g, const struct options *o, const struct distro *d)
{
	char *out = image_path(d);
	struct edge *e = graph_edge(g, "image", out);

	strv_push(&e->ins, CONTEXT_HASH);
	if (d->rootfs)
		strv_take(&e->ins, base_path(d));
	strv_push(&e->implicit, ALWAYS);
	matrix_args(e, o);
	args(e, "--distro", d->name, "--hash", CONTEXT_HASH, "-o", out, NULL);
	var(e, "what", d->name);
	target(g, "image", d, out);
	free(out);
}

/* warm-D or build-D (STAGE): a container of D's image; its stamp is the
 * output, KEY the settings it reads, HASH its files (NULL: none). */
static void
stage_edge(struct graph *g, const struct options *o, const struct distro *d, const char *stage, const char *key, const char *hash, int after_warm)
{
	char *out = stage_stamp(d, stage), *image = image_path(d);
	struct edge *e = graph_edge(g, stage, out);

	strv_push(&e->ins, image);
	if (hash)
		strv_push(&e->ins, hash);
	if (after_warm)
		strv_take(&e->order, stage_stamp(d, "warm"));
	matrix_args(e, o);
	args(e, "--distro", d->name, "--image", image, "-o", out, "--key", key, NULL);
	var(e, "what", d->name);
	target(g, stage, d, out);
	free(out), free(image);
}

/* The stages of D before its jobs; HASHES: the stage hash edges made. */
static void
stage_edges(struct graph *g, const struct matrix *m, const struct options *o, const struct distro *d, const struct strv *hashes)
{
	char key[HASH_HEX + 1];
	int warms = matrix_warms(m);

	if (d->rootfs)
		base_edge(g, o, d);
	image_edge(g, o, d);
	if (warms) {
		key_warm(m, key);
		stage_edge(g, o, d, "warm", key, strv_contains(hashes, WARM_HASH) ? WARM_HASH : NULL, 0);
	}
	if (m->project.build) {
		key_build(m, key);
		stage_edge(g, o, d, "build", key, strv_contains(hashes, SOURCES_HASH) ? SOURCES_HASH : NULL, warms);
	}
}

/* What a container of D's image waits for, as a job does: the image file,
 * the build stamp (a rebuild reruns it), the warm stamp (order only). */
static void
image_deps(struct edge *e, const struct matrix *m, const struct distro *d, const char *image)
{
	strv_push(&e->ins, image);
	if (m->project.build)
		strv_take(&e->implicit, stage_stamp(d, "build"));
	if (matrix_warms(m))
		strv_take(&e->order, stage_stamp(d, "warm"));
}

/* The targets of jobs ("test") and of reruns ("retest"). */
static const char *
job_kind(int retest)
{
	return retest ? "retest" : "test";
}

/* A job edge's output: the job's stamp, or for a rerun a file that is never
 * made, so that the edge always runs. Suffixed as stamps are: a suite
 * nested in another must not find a directory of the same name there. */
static char *
job_output(const struct job *j, int retest)
{
	return retest ? xasprintf(".orch/retest/%s.always", j->file) : xstrdup(j->stamp);
}

/* One job: test-D/S[:V], or the same command as retest-D/S[:V] (RETEST);
 * the helper writes the stamp either way. */
static void
test_edge(struct graph *g, const struct matrix *m, const struct options *o, const struct job *j, const char *key, int retest)
{
	char *target = xasprintf("%s-%s", job_kind(retest), j->file);
	char *image = image_path(j->distro), *out = job_output(j, retest);
	struct strv ins = {0};
	struct edge *e = graph_edge(g, "test", out);

	strv_take(&e->ins, suite_hash_path(j->suite));
	image_deps(e, m, j->distro, image);
	matrix_args(e, o);
	args(e, "--distro", j->distro->name, "--suite", j->suite->name, NULL);
	if (j->variant)
		args(e, "--variant", j->variant, NULL);
	args(e, "--image", image, "--key", key, NULL);
	var(e, "what", j->id);
	strv_take(&ins, out);
	phony(g, target, &ins);
	strv_free(&ins);
	free(image);
	free(target);
}

/* test-D/S (or retest-D/S) for a suite with variants: all of them. */
static void
variants_edge(struct graph *g, const struct job *jobs, size_t n, int retest)
{
	struct strv ins = {0};
	char *target = xasprintf("%s-%s/%s", job_kind(retest), jobs[0].distro->name, jobs[0].suite->name);

	for (size_t i = 0; i < n; i++)
		strv_take(&ins, job_output(&jobs[i], retest));
	phony(g, target, &ins);
	strv_free(&ins);
	free(target);
}

/* Every job (or its rerun), in the model's order: Ninja starts ready edges
 * in the order they appear, so the higher priority starts first. Variants
 * of one suite on one distro are adjacent, and test-D/S follows its last
 * one. */
static void
job_edges(struct graph *g, const struct model *md, const struct options *o, int retest)
{
	char key[HASH_HEX + 1];

	for (size_t i = 0; i < md->njobs; i++) {
		const struct job *j = &md->jobs[i];
		const struct strv *v = &j->suite->variants;
		key_job(&md->matrix, j->distro, key);
		test_edge(g, &md->matrix, o, j, key, retest);
		if (j->variant && j->variant == v->v[v->n - 1])
			variants_edge(g, j + 1 - v->n, v->n, retest);
	}
}

/* test-D (or retest-D): every job of D that is not manual; manual ones run
 * when named. */
static void
distro_target(struct graph *g, const struct model *md, const struct distro *d, int retest)
{
	struct strv ins = {0};
	char *target = xasprintf("%s-%s", job_kind(retest), d->name);

	for (size_t i = 0; i < md->njobs; i++) {
		if (md->jobs[i].distro == d && !md->jobs[i].suite->manual)
			strv_take(&ins, job_output(&md->jobs[i], retest));
	}
	phony(g, target, &ins);
	strv_free(&ins);
	free(target);
}

/* shell-D: `orchgen shell` on the console, after what a job of D waits
 * for. Its output is never made, so it always runs. */
static void
shell_edge(struct graph *g, const struct matrix *m, const struct options *o, const struct distro *d)
{
	char *out = xasprintf(".orch/shell/%s", d->name), *image = image_path(d);
	struct edge *e = graph_edge(g, "shell", out);

	image_deps(e, m, d, image);
	matrix_args(e, o);
	args(e, "--distro", d->name, "--image", image, NULL);
	var(e, "what", d->name);
	target(g, "shell", d, out);
	free(out), free(image);
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

/* NAME-D for every distro, and NAME for all of them. */
static void
all_target(struct graph *g, const struct matrix *m, const char *name, const char *all)
{
	struct strv ins = {0};

	for (size_t i = 0; i < m->ndistros; i++)
		strv_take(&ins, xasprintf("%s-%s", name, m->distros[i].name));
	phony(g, all, &ins);
	strv_free(&ins);
}

static int
build_graph(struct graph *g, const struct model *md, const struct options *o, const char *template, int shells)
{
	const struct matrix *m = &md->matrix;
	struct strv dirs = {0}, hashes = {0};
	int rc = context_edge(g, &m->project, &dirs);

	graph_edge(g, "phony", ALWAYS);
	for (size_t i = 0; rc == 0 && i < md->nsuites; i++)
		rc = suite_edge(g, md, &md->suites[i], &dirs);
	if (rc == 0)
		rc = stage_hash_edges(g, m, &hashes, &dirs);
	for (size_t i = 0; rc == 0 && i < m->ndistros; i++)
		stage_edges(g, m, o, &m->distros[i], &hashes);
	for (int retest = 0; retest <= 1; retest++) {
		job_edges(g, md, o, retest);
		for (size_t i = 0; i < m->ndistros; i++)
			distro_target(g, md, &m->distros[i], retest);
	}
	for (size_t i = 0; shells && i < m->ndistros; i++)
		shell_edge(g, m, o, &m->distros[i]);
	all_target(g, m, "image", "images");
	if (matrix_warms(m))
		all_target(g, m, "warm", "warm");
	all_target(g, m, "test", "all-distros");
	strv_push(&g->defaults, "all-distros");
	for (size_t i = 0; i < md->suite_dirs.n; i++)
		strv_push(&dirs, md->suite_dirs.v[i]);
	strv_uniq(&dirs);
	if (rc == 0)
		regen_edge(g, md, o, template, &dirs);
	strv_free(&dirs), strv_free(&hashes);
	return rc;
}

int
gen_write(const struct model *md, const struct options *o, const char *self)
{
	struct graph g = {0};
	struct buf out = {0};
	const char *tpath = "build.ninja.in";
	char *custom = file_read(tpath, NULL);
	const char *template;
	char jobs[32];
	int rc;

	snprintf(jobs, sizeof(jobs), "%d", md->matrix.project.jobs);
	strv_push(&g.header, "ninja_required_version"), strv_push(&g.header, "1.10");
	strv_push(&g.program, self);
	strv_push(&g.header, "jobs"), strv_push(&g.header, jobs);
	strv_push(&g.header, "project"), strv_push(&g.header, md->matrix.project.name);
	template = custom ? custom : tmpl_build_ninja_in;
	rc = build_graph(&g, md, o, custom ? tpath : NULL, ninja_defines_rule(template, "shell"));
	if (rc == 0)
		rc = ninja_write(&out, &g, template);
	if (rc == 0)
		rc = file_update(o->output, out.s, out.len) < 0 ? -1 : 0;
	graph_free(&g);
	buf_free(&out);
	free(custom);
	return rc;
}
