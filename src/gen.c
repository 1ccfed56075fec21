#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "str.h"
#include "file.h"
#include "hash.h"
#include "matrix.h"
#include "key.h"
#include "layout.h"
#include "suite.h"
#include "walk.h"
#include "inputs.h"
#include "model.h"
#include "ninja.h"
#include "engines.h"
#include "gen.h"
#include "util.h"

extern const char tmpl_build_ninja_in[];

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

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

/* A phony NAME (taken) for INS. */
static void
phony(struct graph *g, char *name, const struct strv *ins)
{
	struct edge *e = graph_edge(g, "phony", name, "the target %s", name);

	for (size_t i = 0; i < ins->n; i++)
		strv_push(&e->ins, ins->v[i]);
	free(name);
}

/* A phony NAME (taken) for the one path IN. */
static void
alias(struct graph *g, char *name, const char *in)
{
	struct strv ins = {0};

	strv_push(&ins, in);
	phony(g, name, &ins);
	strv_free(&ins);
}

/* The hash edge of input IN; its files and directories are inputs, and the
 * directories are also inputs of build.ninja, so additions are seen
 * (appended to REGEN_DIRS, which the caller de-duplicates once). */
static int
hash_edge(struct graph *g, const struct input *in, struct strv *regen_dirs)
{
	const struct group *grp = &in->group;
	struct strv files = {0}, dirs = {0};
	struct edge *e;

	if (group_list(grp, &files, &dirs) < 0)
		return -1;
	e = graph_edge(g, "hash", in->out, "the hash of %s", in->what);
	args(e, "-o", in->out, NULL);
	if (grp->ignore_root)
		args(e, "--context", grp->ignore_root, NULL);
	if (grp->follow)
		args(e, "--follow", NULL);
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
	var(e, "what", in->what);
	strv_free(&files);
	strv_free(&dirs);
	return 0;
}

/* The inputs every distro shares: the context, and the stages' sources and
 * warm inputs when configured. Their hash files, or NULL, go to the
 * generator's state. */
struct shared {
	struct input context, sources, warm;
	int has_sources, has_warm;
};

static int
shared_edges(struct graph *g, const struct matrix *m, const char *output, struct shared *sh, struct strv *dirs)
{
	int rc;

	memset(sh, 0, sizeof(*sh));
	if (input_context(m, output, &sh->context) < 0)
		return -1;
	rc = hash_edge(g, &sh->context, dirs);
	if (!m->project.dockerfile)	/* a Dockerfile that appears must be seen */
		strv_take(dirs, file_dirname(DEFAULT_DOCKERFILE, 1));
	sh->has_sources = input_sources(m, output, &sh->sources) == 0;
	if (rc == 0 && sh->has_sources)
		rc = hash_edge(g, &sh->sources, dirs);
	sh->has_warm = input_warm(m, output, &sh->warm) == 0;
	if (rc == 0 && sh->has_warm)
		rc = hash_edge(g, &sh->warm, dirs);
	return rc;
}

static void
shared_free(struct shared *sh)
{
	input_free(&sh->context);
	if (sh->has_sources)
		input_free(&sh->sources);
	if (sh->has_warm)
		input_free(&sh->warm);
}

/* Each suite's hash edge: its directory, less the suites nested below it. */
static int
suite_edges(struct graph *g, const struct model *md, struct strv *dirs)
{
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < md->nsuites; i++) {
		struct input in;
		input_suite(md->suites, md->nsuites, i, &in);
		rc = hash_edge(g, &in, dirs);
		input_free(&in);
	}
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

/* base-D: the base imported from D's rootfs recipe. Always runs a cheap
 * check; its output changes only when the recipe does (restat). */
static void
base_edge(struct graph *g, const struct options *o, const struct distro *d)
{
	char *out = layout_base(d->name);
	struct edge *e = graph_edge(g, "base", out, "the base of %s", d->name);

	strv_push(&e->implicit, LAYOUT_ALWAYS);
	matrix_args(e, o);
	args(e, "--distro", d->name, "-o", out, NULL);
	var(e, "what", d->name);
	alias(g, layout_target("base", d->name), out);
	free(out);
}

/* image-D: the image exists, as its key names it; or with REBUILD,
 * rebuild-D: it is built again, every step, on every ninja that names it. */
static void
image_edge(struct graph *g, const struct options *o, const struct distro *d, const struct shared *sh, int rebuild)
{
	const char *context = sh->context.out;
	char *out = rebuild ? layout_rebuild(d->name) : layout_image(d->name);
	struct edge *e = graph_edge(g, "image", out, "the %s of %s", rebuild ? "rebuilt image" : "image", d->name);

	strv_push(&e->ins, context);
	if (d->rootfs)
		strv_take(&e->ins, layout_base(d->name));
	strv_push(&e->implicit, LAYOUT_ALWAYS);
	matrix_args(e, o);
	args(e, "--distro", d->name, "--hash", context, "-o", out, NULL);
	if (rebuild)
		args(e, "--rebuild", NULL);
	if (rebuild)
		strv_take(&e->vars, xstrdup("what")), strv_take(&e->vars, xasprintf("%s (rebuild)", d->name));
	else
		var(e, "what", d->name);
	alias(g, layout_target(rebuild ? "rebuild" : "image", d->name), out);
	free(out);
}

/* warm-D or build-D (STAGE): a container of D's image; its stamp is the
 * output, the key of the settings FEEDS its command line, FILES its input
 * (NULL: none). The stamps it carries with its directories are outputs
 * too, so that a directory that is gone is filled again. The build waits
 * for the warm stage when there is one. */
static void
stage_edge(struct graph *g, const struct matrix *m, const struct options *o, const struct distro *d,
    const char *stage, unsigned feeds, const struct input *files)
{
	char *out = layout_stage_stamp(d->name, stage), *image = layout_image(d->name);
	struct edge *e = graph_edge(g, stage, out, "the %s stage of %s", stage, d->name);
	char key[HASH_HEX + 1];

	layout_carried_stamps(m, d, stage, &e->outs);
	key_settings(m, d, feeds, key);
	strv_push(&e->ins, image);
	if (files)
		strv_push(&e->ins, files->out);
	if (feeds == FEEDS_BUILD && matrix_warms(m))
		strv_take(&e->order, layout_stage_stamp(d->name, "warm"));
	matrix_args(e, o);
	args(e, "--distro", d->name, "--image", image, "-o", out, "--key", key, NULL);
	var(e, "what", d->name);
	alias(g, layout_target(stage, d->name), out);
	free(out), free(image);
}

/* The stages of D before its jobs. */
static void
stage_edges(struct graph *g, const struct matrix *m, const struct options *o, const struct distro *d,
    const struct shared *sh)
{
	if (d->rootfs)
		base_edge(g, o, d);
	image_edge(g, o, d, sh, 0);
	image_edge(g, o, d, sh, 1);
	if (matrix_warms(m))
		stage_edge(g, m, o, d, "warm", FEEDS_WARM, sh->has_warm ? &sh->warm : NULL);
	if (m->project.build)
		stage_edge(g, m, o, d, "build", FEEDS_BUILD, sh->has_sources ? &sh->sources : NULL);
}

/* What a container of D's image waits for, as a job does: the image file,
 * the build stamp (a rebuild reruns it), the warm stamp (order only). */
static void
image_deps(struct edge *e, const struct matrix *m, const struct distro *d)
{
	strv_take(&e->ins, layout_image(d->name));
	if (m->project.build)
		strv_take(&e->implicit, layout_stage_stamp(d->name, "build"));
	if (matrix_warms(m))
		strv_take(&e->order, layout_stage_stamp(d->name, "warm"));
}

/* The targets of jobs ("test") and of reruns ("retest"). */
static const char *
job_kind(int retest)
{
	return retest ? "retest" : "test";
}

/* A job edge's output: the job's stamp, or for a rerun a file that is never
 * made, so that the edge always runs. */
static char *
job_output(const struct job *j, int retest)
{
	return layout_job(retest ? JOB_RETEST : JOB_STAMP, j->file);
}

/* One job: test-D/S[:V], or the same command as retest-D/S[:V] (RETEST);
 * the helper writes the stamp either way. KEY: the job settings' key. */
static void
test_edge(struct graph *g, const struct matrix *m, const struct options *o, const struct job *j, const char *key, int retest)
{
	char *image = layout_image(j->distro->name), *out = job_output(j, retest);
	struct edge *e = graph_edge(g, "test", out, "the %s of suite %s%s%s%s on %s", retest ? "rerun" : "job",
	    j->suite->name, j->variant ? ", variant " : "", j->variant ? j->variant : "", j->variant ? "," : "", j->distro->name);

	strv_take(&e->ins, layout_suite_hash(j->suite->name));
	image_deps(e, m, j->distro);
	matrix_args(e, o);
	args(e, "--distro", j->distro->name, "--suite", j->suite->name, NULL);
	if (j->variant)
		args(e, "--variant", j->variant, NULL);
	if (j->host) {	/* a spread job's $(HOST:...) outputs, as a hash */
		char *k = xasprintf("%s-%s", key, j->host);
		args(e, "--image", image, "--key", k, NULL);
		free(k);
	} else {
		args(e, "--image", image, "--key", key, NULL);
	}
	var(e, "what", j->id);
	alias(g, layout_job_target(job_kind(retest), j->file), out);
	free(image), free(out);
}

/* test-D/S (or retest-D/S) for a suite with variants: all of them. */
static void
variants_edge(struct graph *g, const struct job *jobs, size_t n, int retest)
{
	struct strv ins = {0};
	char *file = layout_job_file(jobs[0].distro->name, jobs[0].suite->name, NULL);

	for (size_t i = 0; i < n; i++)
		strv_take(&ins, job_output(&jobs[i], retest));
	phony(g, layout_job_target(job_kind(retest), file), &ins);
	strv_free(&ins);
	free(file);
}

/* Every job (or its rerun), in the model's order: Ninja starts ready edges
 * in the order they appear, so the higher priority starts first. Variants
 * of one suite on one distro are adjacent, and test-D/S follows its last
 * one. KEYS: the job key of each distro, in the matrix's order. */
static void
job_edges(struct graph *g, const struct model *md, const struct options *o, char (*keys)[HASH_HEX + 1], int retest)
{
	for (size_t i = 0, first = 0; i < md->njobs; i++) {
		const struct job *j = &md->jobs[i];
		test_edge(g, &md->matrix, o, j, keys[j->distro - md->matrix.distros], retest);
		if (i > 0 && (j->suite != j[-1].suite || j->distro != j[-1].distro))
			first = i;
		if (j->variant && (i + 1 == md->njobs || j[1].suite != j->suite || j[1].distro != j->distro))
			variants_edge(g, md->jobs + first, i + 1 - first, retest);
	}
}

/* test-D (or retest-D): every job of D that is not manual; manual ones run
 * when named. */
static void
distro_target(struct graph *g, const struct model *md, const struct distro *d, int retest)
{
	struct strv ins = {0};

	for (size_t i = 0; i < md->njobs; i++) {
		if (md->jobs[i].distro == d && !md->jobs[i].manual)
			strv_take(&ins, job_output(&md->jobs[i], retest));
	}
	phony(g, layout_target(job_kind(retest), d->name), &ins);
	strv_free(&ins);
}

/* shell-D: `orchgen shell` on the console, after what a job of D waits
 * for. Its output is never made, so it always runs. */
static void
shell_edge(struct graph *g, const struct matrix *m, const struct options *o, const struct distro *d)
{
	char *out = layout_shell(d->name), *image = layout_image(d->name);
	struct edge *e = graph_edge(g, "shell", out, "the shell of %s", d->name);

	image_deps(e, m, d);
	matrix_args(e, o);
	args(e, "--distro", d->name, "--image", image, NULL);
	var(e, "what", d->name);
	alias(g, layout_target("shell", d->name), out);
	free(out), free(image);
}

/* report: `orchgen report` on the console. Its output is never made, so it
 * always runs; it waits for nothing, so that it runs after failures too. */
static void
report_edge(struct graph *g, const struct options *o)
{
	struct edge *e = graph_edge(g, "report", LAYOUT_REPORT, "the report");

	matrix_args(e, o);
	alias(g, xstrdup(TARGET_REPORT), LAYOUT_REPORT);
}

/* build.ninja depends on every file and directory the model was read from
 * (DIRS: every directory searched, sorted and unique). */
static void
regen_edge(struct graph *g, const struct model *md, const struct options *o, const char *template, const struct strv *dirs)
{
	struct edge *e = graph_edge(g, "regen", o->output, "the Ninja file %s itself", o->output);
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
		graph_edge(g, "phony", ins.v[i], "the file %s (an input of %s)", ins.v[i], o->output);
	for (size_t i = 0; i < implicit.n; i++)
		graph_edge(g, "phony", implicit.v[i], "the directory %s (an input of %s)", implicit.v[i], o->output);
}

/* NAME-D for every distro, and ALL for all of them. */
static void
all_target(struct graph *g, const struct matrix *m, const char *name, const char *all)
{
	struct strv ins = {0};

	for (size_t i = 0; i < m->ndistros; i++)
		strv_take(&ins, layout_target(name, m->distros[i].name));
	phony(g, xstrdup(all), &ins);
	strv_free(&ins);
}

/* The directories that hold suites but are none themselves ("main" for
 * main/smoke), sorted: each makes a target test-D/DIR. */
static void
suite_dirs(const struct model *md, struct strv *dirs)
{
	struct strv suites = {0};

	for (size_t i = 0; i < md->nsuites; i++) {
		const char *name = md->suites[i].name;
		strv_push(&suites, name);
		for (const char *slash = strchr(name, '/'); slash; slash = strchr(slash + 1, '/'))
			strv_take(dirs, xstrndup(name, (size_t)(slash - name)));
	}
	strv_uniq(dirs);
	strv_sort(&suites);
	for (size_t i = 0, kept = 0; i <= dirs->n; i++) {
		if (i == dirs->n) {
			dirs->n = kept;
			break;
		}
		if (bsearch(&dirs->v[i], suites.v, suites.n, sizeof(*suites.v), cmpstr))
			free(dirs->v[i]);
		else
			dirs->v[kept++] = dirs->v[i];
	}
	strv_free(&suites);
}

/* test-D/DIR for every directory of suites, as spread's D:DIR/... selects:
 * the jobs on D of every suite below DIR but the manual ones. */
static void
dir_targets(struct graph *g, const struct model *md)
{
	struct strv dirs = {0};

	suite_dirs(md, &dirs);
	for (size_t d = 0; d < md->matrix.ndistros; d++) {
		const struct distro *dist = &md->matrix.distros[d];
		for (size_t i = 0; i < dirs.n; i++) {
			struct strv ins = {0};
			size_t n = strlen(dirs.v[i]);
			char *file = layout_job_file(dist->name, dirs.v[i], NULL);
			for (size_t k = 0; k < md->njobs; k++) {
				const struct job *j = &md->jobs[k];
				if (j->distro == dist && !j->manual && !strncmp(j->suite->name, dirs.v[i], n) && j->suite->name[n] == '/')
					strv_take(&ins, job_output(j, 0));
			}
			if (ins.n > 0)
				phony(g, layout_job_target("test", file), &ins);
			strv_free(&ins);
			free(file);
		}
	}
	strv_free(&dirs);
}

/* The jobs and their reruns, each with its distro's key of the job settings. */
static void
jobs_graph(struct graph *g, const struct model *md, const struct options *o)
{
	const struct matrix *m = &md->matrix;
	char (*keys)[HASH_HEX + 1] = xcalloc(m->ndistros ? m->ndistros : 1, sizeof(*keys));

	for (size_t i = 0; i < m->ndistros; i++)
		key_settings(m, &m->distros[i], FEEDS_JOB, keys[i]);
	for (int retest = 0; retest <= 1; retest++) {
		job_edges(g, md, o, keys, retest);
		for (size_t i = 0; i < m->ndistros; i++)
			distro_target(g, md, &m->distros[i], retest);
	}
	dir_targets(g, md);
	free(keys);
}

/* Rules a project's own template may lack: then no edges that need them. */
enum { RULE_SHELL = 1, RULE_REPORT = 2 };

static int
build_graph(struct graph *g, const struct model *md, const struct options *o, const char *template, unsigned rules)
{
	const struct matrix *m = &md->matrix;
	struct strv dirs = {0};
	struct shared sh;
	int rc = shared_edges(g, m, o->output, &sh, &dirs);

	graph_edge(g, "phony", LAYOUT_ALWAYS, "orchgen's own %s", LAYOUT_ALWAYS);
	if (rc == 0)
		rc = suite_edges(g, md, &dirs);
	for (size_t i = 0; rc == 0 && i < m->ndistros; i++)
		stage_edges(g, m, o, &m->distros[i], &sh);
	jobs_graph(g, md, o);
	for (size_t i = 0; (rules & RULE_SHELL) && i < m->ndistros; i++)
		shell_edge(g, m, o, &m->distros[i]);
	if (rules & RULE_REPORT)
		report_edge(g, o);
	all_target(g, m, "image", TARGET_IMAGES);
	if (matrix_warms(m))
		all_target(g, m, "warm", TARGET_WARM);
	all_target(g, m, "test", TARGET_ALL);
	strv_push(&g->defaults, TARGET_ALL);
	for (size_t i = 0; i < md->suite_dirs.n; i++)
		strv_push(&dirs, md->suite_dirs.v[i]);
	strv_uniq(&dirs);
	if (rc == 0)
		regen_edge(g, md, o, template, &dirs);
	strv_free(&dirs);
	if (sh.context.out)
		shared_free(&sh);
	return rc;
}

/* Is PATH read by some edge of G? The name of that edge, or NULL. */
static const char *
read_by(const struct graph *g, const char *path)
{
	for (size_t i = 0; i < g->nedges; i++) {
		const struct edge *e = &g->edges[i];
		const struct strv *lists[] = {&e->ins, &e->implicit, &e->order};
		for (size_t k = 0; k < 3; k++) {
			if (strv_contains(lists[k], path))
				return e->origin;
		}
	}
	return NULL;
}

/* Where build.ninja goes: OUTPUT, or the file a link there leads to (a
 * link is written through, not replaced). NULL (warned) when that is a
 * file the graph reads, or a link that leads nowhere. */
static char *
output_file(const struct graph *g, const char *output)
{
	char *target = file_resolve(output), *rel;
	const char *reader;

	if (!target) {
		warn("-o %s: a directory on its way does not exist, or links loop: expected a file in a directory that exists", output);
		return NULL;
	}
	rel = file_relative(target);
	if ((reader = read_by(g, rel ? rel : target))) {
		warn("-o %s: %s is an input (of %s): expected a file orchgen does not read", output, rel ? rel : target, reader);
		free(target), target = NULL;
	}
	free(rel);
	return target;
}

/* Does the project's own TEMPLATE, at PATH, define every rule that G's
 * edges use? -1 (each missing rule said once) when not. */
static int
template_complete(const struct graph *g, const char *template, const char *path)
{
	struct strv missing = {0};
	int rc = 0;

	for (size_t i = 0; i < g->nedges; i++) {
		const struct edge *e = &g->edges[i];
		if (!strcmp(e->rule, "phony") || ninja_defines_rule(template, e->rule) || strv_contains(&missing, e->rule))
			continue;
		warn("%s: no rule %s, which %s needs: expected it as orchgen's built-in template (templates/build.ninja.in) has it",
		    path, e->rule, e->origin);
		strv_push(&missing, e->rule);
		rc = -1;
	}
	strv_free(&missing);
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
	char jobs[32], *path = NULL;
	unsigned rules;
	int rc;

	snprintf(jobs, sizeof(jobs), "%d", engines_slots(&md->matrix));
	strv_push(&g.header, "ninja_required_version"), strv_push(&g.header, "1.10");
	strv_push(&g.program, self);
	strv_push(&g.header, "jobs"), strv_push(&g.header, jobs);
	strv_push(&g.header, "project"), strv_push(&g.header, md->matrix.project.name);
	template = custom ? custom : tmpl_build_ninja_in;
	rules = (ninja_defines_rule(template, "shell") ? RULE_SHELL : 0) | (ninja_defines_rule(template, "report") ? RULE_REPORT : 0);
	rc = build_graph(&g, md, o, custom ? tpath : NULL, rules) < 0 ? EXIT_USAGE : 0;
	if (rc == 0 && custom && template_complete(&g, custom, tpath) < 0)
		rc = EXIT_USAGE;
	if (rc == 0 && !(path = output_file(&g, o->output)))
		rc = EXIT_USAGE;
	if (rc == 0 && ninja_write(&out, &g, template) < 0)
		rc = EXIT_USAGE;
	if (rc == 0) {
		file_clean_temporaries(path);
		switch (file_update(path, out.s, out.len)) {
		case -1:
			warn("%s: build.ninja was not written, and the one there is unchanged", path);
			rc = EXIT_ENGINE;
			break;
		case 1:
			printf("wrote %s: %zu distro%s, %zu suite%s, %zu job%s\n", o->output, md->matrix.ndistros,
			    md->matrix.ndistros == 1 ? "" : "s", md->nsuites, md->nsuites == 1 ? "" : "s", md->njobs,
			    md->njobs == 1 ? "" : "s");
			break;
		}
	}
	free(path);
	graph_free(&g);
	buf_free(&out);
	free(custom);
	return rc;
}
