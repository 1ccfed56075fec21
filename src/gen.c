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

/* Rules a project's own template may lack: then no edges that need them. */
enum { RULE_SHELL = 1, RULE_REPORT = 2 };

/* What the generator keeps while it builds the graph. Every string the
 * graph gets is the graph's own (graph_own), or the model's or the
 * options', which outlive it. */
struct gen {
	struct graph *g;
	const struct model *md;
	const struct matrix *m;
	const struct options *o;
	unsigned rules;
	struct refv dirs;	/* the directories searched: inputs of build.ninja */
	const char **suite_hash;	/* each suite's hash file, by its index in the model */
	const char **image;	/* each distro's image file, by its index in the matrix */
	const char **present;	/* each distro's presence file, likewise */
	struct refv *jobargs;	/* the arguments each distro's jobs share */
	const char *(*jobrule)[2];	/* each distro's own rules of jobs, without and with a variant; NULL: none */
	const char *template;	/* the template, whose test rule those copy */
	const char **stamp;	/* each job's stamp, by its index in the model */
	const char **target;	/* test-D/S of each distro and suite, [d * nsuites + s]; NULL: none */
};

/* A copy of S that the graph keeps. */
static const char *
keep(struct gen *x, const char *s)
{
	return graph_own(x->g, xstrdup(s));
}

/* The NULL-terminated words, added to E's arguments. */
static void
args(struct edge *e, ...)
{
	va_list ap;
	const char *s;

	va_start(ap, e);
	while ((s = va_arg(ap, const char *)))
		edge_add(e, EDGE_ARG, s);
	va_end(ap);
}

/* A phony NAME for the N paths INS. */
static void
phony(struct graph *g, const char *name, const char *const *ins, size_t n)
{
	struct edge *e = graph_edge(g, "phony", name, "the target %s", name);

	for (size_t i = 0; i < n; i++)
		edge_add(e, EDGE_IN, ins[i]);
}

/* A phony NAME for the one path IN. */
static void
alias(struct graph *g, const char *name, const char *in)
{
	phony(g, name, &in, 1);
}

/* The strings of SV added to E's list L, and given to the graph. */
static void
add_owned(struct gen *x, struct edge *e, enum edge_list l, struct strv *sv)
{
	for (size_t i = 0; i < sv->n; i++)
		edge_add(e, l, graph_own(x->g, sv->v[i]));
	free(sv->v);
	memset(sv, 0, sizeof(*sv));
}

/* The hash edge of input IN; its files and directories are inputs, and the
 * directories are also inputs of build.ninja, so additions are seen. Its
 * hash file, or NULL (warned) when a path of the group cannot be walked. */
static const char *
hash_edge(struct gen *x, const struct input *in)
{
	const struct group *grp = &in->group;
	struct strv files = {0}, dirs = {0};
	const char *out, *what;
	struct edge *e;

	if (group_list(grp, &files, &dirs) < 0) {
		strv_free(&files), strv_free(&dirs);
		return NULL;
	}
	out = keep(x, in->out), what = keep(x, in->what);
	e = graph_edge(x->g, "hash", out, "the hash of %s", what);
	args(e, "-o", out, NULL);
	if (grp->ignore_root)
		args(e, "--context", grp->ignore_root, NULL);
	if (grp->follow)
		args(e, "--follow", NULL);
	for (size_t i = 0; i < grp->exclude.n; i++)
		args(e, "--exclude", keep(x, grp->exclude.v[i]), NULL);
	args(e, "--", NULL);
	for (size_t i = 0; i < grp->paths.n; i++)
		edge_add(e, EDGE_ARG, keep(x, grp->paths.v[i]));
	add_owned(x, e, EDGE_IMPLICIT, &files);
	for (size_t i = 0; i < dirs.n; i++)
		refv_push(&x->dirs, dirs.v[i]);
	add_owned(x, e, EDGE_IMPLICIT, &dirs);
	e->what = what;
	return out;
}

/* The inputs every distro shares: the context, and the stages' sources and
 * warm inputs when configured. Their hash files, or NULL. */
struct shared {
	const char *context, *sources, *warm;
};

/* The hash edge of the input that FIND makes, if it makes one: 0, or -1
 * when its files cannot be walked. */
static int
shared_edge(struct gen *x, int (*find)(const struct matrix *, const char *, struct input *), const char **out)
{
	struct input in;

	*out = NULL;
	if (find(x->m, x->o->output, &in) < 0)
		return 0;
	*out = hash_edge(x, &in);
	input_free(&in);
	return *out ? 0 : -1;
}

static int
shared_edges(struct gen *x, struct shared *sh)
{
	struct input in;

	memset(sh, 0, sizeof(*sh));
	if (input_context(x->m, x->o->output, &in) < 0)
		return -1;
	sh->context = hash_edge(x, &in);
	input_free(&in);
	if (!x->m->project.dockerfile)	/* a Dockerfile that appears must be seen */
		refv_push(&x->dirs, graph_own(x->g, file_dirname(DEFAULT_DOCKERFILE, 1)));
	if (!sh->context || shared_edge(x, input_sources, &sh->sources) < 0 || shared_edge(x, input_warm, &sh->warm) < 0)
		return -1;
	return 0;
}

/* The hash edge of suite I: its directory, less the suites nested below
 * it. 0, or -1 when its files cannot be walked. */
static int
suite_edge(struct gen *x, size_t i)
{
	struct input in;

	if (x->suite_hash[i])
		return 0;
	input_suite(x->md->suites, x->md->nsuites, i, x->md->found, x->md->output, &in);
	x->suite_hash[i] = hash_edge(x, &in);
	input_free(&in);
	return x->suite_hash[i] ? 0 : -1;
}

/* Each suite's hash edge, in the order of the suites' first jobs (priority
 * first), then those without a job: Ninja starts ready edges in the order
 * they appear, and a job is ready once its suite's hash is, so the hashes
 * go in the jobs' order too. */
static int
suite_edges(struct gen *x)
{
	const struct model *md = x->md;
	int rc = 0;

	x->suite_hash = xcalloc(md->nsuites + 1, sizeof(*x->suite_hash));
	for (size_t i = 0; rc == 0 && i < md->njobs; i++)
		rc = suite_edge(x, (size_t)(md->jobs[i].suite - md->suites));
	for (size_t i = 0; rc == 0 && i < md->nsuites; i++)
		rc = suite_edge(x, i);
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

/* The key of the settings of D that feed FEEDS, kept by the graph. */
static const char *
settings_key(struct gen *x, const struct distro *d, unsigned feeds)
{
	char key[HASH_HEX + 1];

	key_settings(x->m, d, feeds, key);
	return keep(x, key);
}

/* base-D: the base imported from D's rootfs recipe. It runs when D's
 * presence file changes (the recipe's tag changed, or the engine lost it)
 * or where it travels does (the key in its command line).
 * Its output changes only when the tag does (restat). */
static void
base_edge(struct gen *x, const struct distro *d)
{
	const char *out = graph_own(x->g, layout_base(d->name));
	struct edge *e = graph_edge(x->g, "base", out, "the base of %s", d->name);

	edge_add(e, EDGE_IMPLICIT, x->present[d - x->m->distros]);
	matrix_args(e, x->o);
	args(e, "--distro", d->name, "-o", out, "--key", settings_key(x, d, FEEDS_BASE | FEEDS_TRAVEL), NULL);
	e->what = d->name;
	alias(x->g, graph_own(x->g, layout_target("base", d->name)), out);
}

/* image-D: the image exists, as its key names it. It runs when the
 * context, the settings that feed the image or say where it travels (their
 * key in its command line) or D's presence file change (the engine lost the image, or D's
 * base changed), and on every ninja with `pull = always`. With REBUILD,
 * rebuild-D: it is built again, every step, on every ninja that names it. */
static void
image_edge(struct gen *x, const struct distro *d, const struct shared *sh, int rebuild)
{
	const char *out = rebuild ? graph_own(x->g, layout_rebuild(d->name)) : x->image[d - x->m->distros];
	struct edge *e = graph_edge(x->g, "image", out, "the %s of %s", rebuild ? "rebuilt image" : "image", d->name);

	edge_add(e, EDGE_IN, sh->context);
	if (d->rootfs)
		edge_add(e, EDGE_IN, graph_own(x->g, layout_base(d->name)));
	edge_add(e, EDGE_IMPLICIT, x->present[d - x->m->distros]);
	if (rebuild || d->pull == PULL_ALWAYS)
		edge_add(e, EDGE_IMPLICIT, LAYOUT_ALWAYS);
	matrix_args(e, x->o);
	args(e, "--distro", d->name, "--hash", sh->context, "-o", out, "--key", settings_key(x, d, FEEDS_IMAGE | FEEDS_TRAVEL), NULL);
	if (rebuild)
		args(e, "--rebuild", NULL);
	e->what = rebuild ? graph_own(x->g, xasprintf("%s (rebuild)", d->name)) : d->name;
	alias(x->g, graph_own(x->g, layout_target(rebuild ? "rebuild" : "image", d->name)), out);
}

/* warm-D or build-D (STAGE): a container of D's image; its stamp is the
 * output, the key of the settings FEEDS its command line, FILES (the hash
 * of its input files, or NULL) its input. The stamps it carries with its
 * directories are outputs too, so that a directory that is gone is filled
 * again. The build waits for the warm stage when there is one. */
static void
stage_edge(struct gen *x, const struct distro *d, const char *stage, unsigned feeds, const char *files)
{
	const char *out = graph_own(x->g, layout_stage_stamp(d->name, stage)), *image = x->image[d - x->m->distros];
	struct edge *e = graph_edge(x->g, stage, out, "the %s stage of %s", stage, d->name);
	struct strv carried = {0};

	layout_carried_stamps(x->m, d, stage, &carried);
	for (size_t i = 0; i < carried.n; i++)
		edge_add(e, EDGE_OUT, graph_own(x->g, xstrdup(carried.v[i])));
	strv_free(&carried);
	edge_add(e, EDGE_IN, image);
	if (files)
		edge_add(e, EDGE_IN, files);
	if (feeds == FEEDS_BUILD && matrix_warms(x->m))
		edge_add(e, EDGE_ORDER, graph_own(x->g, layout_stage_stamp(d->name, "warm")));
	matrix_args(e, x->o);
	args(e, "--distro", d->name, "--image", image, "-o", out, "--key", settings_key(x, d, feeds), NULL);
	e->what = d->name;
	alias(x->g, graph_own(x->g, layout_target(stage, d->name)), out);
}

/* The stages of D before its jobs. */
static void
stage_edges(struct gen *x, const struct distro *d, const struct shared *sh)
{
	if (d->rootfs)
		base_edge(x, d);
	image_edge(x, d, sh, 0);
	image_edge(x, d, sh, 1);
	if (matrix_warms(x->m))
		stage_edge(x, d, "warm", FEEDS_WARM, sh->warm);
	if (x->m->project.build)
		stage_edge(x, d, "build", FEEDS_BUILD, sh->sources);
}

/* What a container of D's image waits for, as a job does: the image file,
 * the build stamp (a rebuild reruns it), the warm stamp (order only). */
static void
image_deps(struct gen *x, struct edge *e, const struct distro *d)
{
	edge_add(e, EDGE_IN, x->image[d - x->m->distros]);
	if (x->m->project.build)
		edge_add(e, EDGE_IMPLICIT, graph_own(x->g, layout_stage_stamp(d->name, "build")));
	if (matrix_warms(x->m))
		edge_add(e, EDGE_ORDER, graph_own(x->g, layout_stage_stamp(d->name, "warm")));
}

/* Rule NAME, the template's test rule with $args as ARGS and $what as
 * WHAT (both Ninja text), kept by the graph; NULL when that rule uses no
 * $args. NAME is freed. */
static const char *
own_rule(struct gen *x, char *name, const char *args, const char *what)
{
	const char *const subst[] = {"args", args, "what", what, NULL};
	char *rule = ninja_rule_copy(x->template, "test", name, subst);

	if (!rule) {
		free(name);
		return NULL;
	}
	strv_take(&x->g->rules, rule);
	return graph_own(x->g, name);
}

/* Distro I's own rules of jobs, the template's test rule with the
 * arguments its jobs share in it: test_D, $args as `SHARED --suite
 * ${suite}` and $what as `D:${suite}`, and variant_D, with `--variant
 * ${variant}` and `:${variant}` added. A job's edge then sets its suite
 * (and variant) alone, not $args and $what: Ninja reads every variable
 * of every edge, and evaluates every command it runs, on each run. */
static void
job_rules(struct gen *x, size_t i)
{
	const char *d = x->m->distros[i].name;
	struct buf shared = {0};

	if (ninja_command(&shared, x->jobargs[i].v, x->jobargs[i].n) == 0) {
		char *args = xasprintf("%s --suite ${suite}", buf_str(&shared)), *what = xasprintf("%s:${suite}", d);
		char *vargs = xasprintf("%s --variant ${variant}", args), *vwhat = xasprintf("%s:${variant}", what);
		x->jobrule[i][0] = own_rule(x, xasprintf("test_%s", d), args, what);
		x->jobrule[i][1] = own_rule(x, xasprintf("variant_%s", d), vargs, vwhat);
		free(args), free(what), free(vargs), free(vwhat);
	}
	buf_free(&shared);
}

/* Each distro's image and presence files, the arguments all its jobs
 * share: -f FILE --distro D --image FILE --key KEY, KEY that of the
 * settings that feed jobs; and its rules of jobs. */
static void
distro_vars(struct gen *x)
{
	const struct matrix *m = x->m;

	x->image = xcalloc(m->ndistros, sizeof(*x->image));
	x->present = xcalloc(m->ndistros, sizeof(*x->present));
	x->jobargs = xcalloc(m->ndistros, sizeof(*x->jobargs));
	x->jobrule = xcalloc(m->ndistros, sizeof(*x->jobrule));
	for (size_t i = 0; i < m->ndistros; i++) {
		const struct distro *d = &m->distros[i];
		struct refv *w = &x->jobargs[i];

		x->image[i] = graph_own(x->g, layout_image(d->name));
		x->present[i] = graph_own(x->g, layout_present(d->name));
		refv_push(w, "-f"), refv_push(w, x->o->file);
		for (size_t k = 0; k < x->o->defines.n; k++)
			refv_push(w, "-D"), refv_push(w, x->o->defines.v[k]);
		refv_push(w, "--distro"), refv_push(w, d->name);
		refv_push(w, "--image"), refv_push(w, x->image[i]);
		refv_push(w, "--key"), refv_push(w, settings_key(x, d, FEEDS_JOB));
		job_rules(x, i);
	}
}

/* What makes a job's edge (KIND: "job", "rerun"), for messages. */
static struct edge *
job_edge(struct graph *g, const char *rule, const char *out, const struct job *j, const char *kind)
{
	if (j->variant)
		return graph_edge(g, rule, out, "the %s of suite %s, variant %s, on %s", kind, j->suite->name, j->variant,
		    j->distro->name);
	return graph_edge(g, rule, out, "the %s of suite %s on %s", kind, j->suite->name, j->distro->name);
}

/* Job I: its stamp, made by its test edge, and its target test-D/S[:V].
 * The edge is of its distro's own rule when its suite and variant are
 * words as they are and it has no key of its own; else of the template's
 * test rule, with $args and $what. */
static void
test_edge(struct gen *x, size_t i)
{
	const struct job *j = &x->md->jobs[i];
	size_t d = j->distro - x->m->distros, s = j->suite - x->md->suites;
	const char *stamp = graph_own(x->g, layout_job(JOB_STAMP, j->file));
	const char *target = graph_own(x->g, layout_job_target("test", j->file));
	const char *rule = x->jobrule[d][j->variant != NULL];
	int own = rule && !j->host && ninja_plain_word(j->suite->name) && (!j->variant || ninja_plain_word(j->variant));
	struct edge *e = job_edge(x->g, own ? rule : "test", stamp, j, "job");

	edge_add(e, EDGE_IN, x->suite_hash[s]);
	image_deps(x, e, j->distro);
	if (own) {
		e->var[0][0] = "suite", e->var[0][1] = j->suite->name;
		if (j->variant)
			e->var[1][0] = "variant", e->var[1][1] = j->variant;
	} else {
		for (size_t k = 0; k < x->jobargs[d].n; k++)
			edge_add(e, EDGE_ARG, x->jobargs[d].v[k]);
		args(e, "--suite", j->suite->name, NULL);
		if (j->variant)
			args(e, "--variant", j->variant, NULL);
		if (j->host)	/* a spread job's $(HOST:...) outputs, as a hash: this --key comes last */
			args(e, "--key", graph_own(x->g, xasprintf("%s-%s", settings_key(x, j->distro, FEEDS_JOB), j->host)),
			    NULL);
		e->what = j->id;
	}
	alias(x->g, target, stamp);
	x->stamp[i] = stamp;
	if (!j->variant)
		x->target[d * x->md->nsuites + s] = target;
}

/* test-D/S for a suite with variants: all of them, the N jobs from index
 * I (adjacent, in the suite's order). */
static void
variants_edge(struct gen *x, size_t i, size_t n)
{
	const struct job *j = &x->md->jobs[i];
	size_t d = j->distro - x->m->distros, s = j->suite - x->md->suites;
	char *file = layout_job_file(j->distro->name, j->suite->name, NULL);
	const char *target = graph_own(x->g, layout_job_target("test", file));

	phony(x->g, target, x->stamp + i, n);
	x->target[d * x->md->nsuites + s] = target;
	free(file);
}

/* Is job I the last variant of its suite on its distro? How many jobs of
 * them are adjacent (a spread task's variants may differ from one system
 * to another, so not always all of the suite's). */
static size_t
last_variant(const struct model *md, size_t i)
{
	const struct job *j = &md->jobs[i];
	size_t n = 1;

	if (!j->variant || (i + 1 < md->njobs && j[1].suite == j->suite && j[1].distro == j->distro))
		return 0;
	while (n <= i && md->jobs[i - n].suite == j->suite && md->jobs[i - n].distro == j->distro)
		n++;
	return n;
}

/* Every job, in the model's order: Ninja starts ready edges in the order
 * they appear, so the higher priority starts first. Variants of one suite
 * on one distro are adjacent, and test-D/S follows its last one. */
static void
test_edges(struct gen *x)
{
	const struct model *md = x->md;

	x->stamp = xcalloc(md->njobs + 1, sizeof(*x->stamp));
	x->target = xcalloc(md->matrix.ndistros * md->nsuites + 1, sizeof(*x->target));
	for (size_t i = 0; i < md->njobs; i++) {
		size_t n = last_variant(md, i);
		test_edge(x, i);
		if (n > 0)
			variants_edge(x, i + 1 - n, n);
	}
}

static int
cmpsuite(const void *key, const void *s)
{
	return strcmp(key, ((const struct suite *)s)->name);
}

/* The directories that hold suites but are none themselves ("main" for
 * main/smoke), sorted: each makes a target test-D/DIR. */
static void
suite_dirs(const struct model *md, struct strv *dirs)
{
	size_t kept = 0;

	for (size_t i = 0; i < md->nsuites; i++) {
		const char *name = md->suites[i].name;
		for (const char *slash = strchr(name, '/'); slash; slash = strchr(slash + 1, '/'))
			strv_take(dirs, xstrndup(name, (size_t)(slash - name)));
	}
	strv_uniq(dirs);
	for (size_t i = 0; i < dirs->n; i++) {
		if (bsearch(dirs->v[i], md->suites, md->nsuites, sizeof(*md->suites), cmpsuite))
			free(dirs->v[i]);
		else
			dirs->v[kept++] = dirs->v[i];
	}
	dirs->n = kept;
}

static int
cmpname(const void *key, const void *s)
{
	return strcmp(key, *(char *const *)s);
}

/* The group NAME is in: the index in DIRS (sorted) of its nearest
 * ancestor that is one, or DIRS->n for the distro's own. */
static size_t
group_of(const struct strv *dirs, const char *name)
{
	char *up = xstrdup(name), *slash;
	size_t at = dirs->n;

	while (at == dirs->n && (slash = strrchr(up, '/'))) {
		char **hit;
		*slash = '\0';
		if ((hit = bsearch(up, dirs->v, dirs->n, sizeof(*dirs->v), cmpname)))
			at = (size_t)(hit - dirs->v);
	}
	free(up);
	return at;
}

/* Job I in its distro's groups, as spread's D:DIR/... selects them: its
 * stamp in the group right above its suite, and each directory on the way
 * up (test-D/DIR) in the one above that, each once, the first time a job
 * puts it there. So a group lists what is below it in the jobs' order,
 * priority first, and Ninja, which starts first what it reaches first,
 * keeps that order. A group names the stamps, not test-D/S[:V]: a phony
 * less on Ninja's way to each job. Manual jobs are in no group. KIDS and
 * DIRTARGET: per distro, DIRS->n + 1 of them (the last, test-D's own). */
static void
group_job(struct gen *x, size_t i, const struct strv *dirs, const size_t *up, struct refv *kids,
    const char **dirtarget)
{
	const struct model *md = x->md;
	const struct job *j = &md->jobs[i];
	size_t d = j->distro - md->matrix.distros, s = j->suite - md->suites, nk = dirs->n + 1;

	if (!x->target[d * md->nsuites + s] || j->manual)
		return;
	refv_push(&kids[d * nk + up[dirs->n + s]], x->stamp[i]);
	for (size_t k = up[dirs->n + s]; k < dirs->n && !dirtarget[d * nk + k]; k = up[k]) {
		char *file = layout_job_file(j->distro->name, dirs->v[k], NULL);
		dirtarget[d * nk + k] = graph_own(x->g, layout_job_target("test", file));
		free(file);
		refv_push(&kids[d * nk + up[k]], dirtarget[d * nk + k]);
	}
}

/* test-D and test-D/DIR of every distro: each a phony of what is right
 * below it, so that a job is named once in them, not once per level; a
 * directory with no job on D, but manual ones, has none. */
static void
group_edges(struct gen *x)
{
	const struct model *md = x->md;
	size_t nd = md->matrix.ndistros, nk;
	struct strv dirs = {0};
	size_t *up;
	struct refv *kids;
	const char **dirtarget;

	suite_dirs(md, &dirs);
	nk = dirs.n + 1;
	up = xcalloc(dirs.n + md->nsuites, sizeof(*up));
	kids = xcalloc(nd * nk, sizeof(*kids));
	dirtarget = xcalloc(nd * nk, sizeof(*dirtarget));
	for (size_t k = 0; k < dirs.n; k++)
		up[k] = group_of(&dirs, dirs.v[k]);
	for (size_t s = 0; s < md->nsuites; s++)
		up[dirs.n + s] = group_of(&dirs, md->suites[s].name);
	for (size_t i = 0; i < md->njobs; i++)
		group_job(x, i, &dirs, up, kids, dirtarget);
	for (size_t d = 0; d < nd; d++) {
		for (size_t k = 0; k < dirs.n; k++) {
			if (dirtarget[d * nk + k])
				phony(x->g, dirtarget[d * nk + k], kids[d * nk + k].v, kids[d * nk + k].n);
		}
		phony(x->g, graph_own(x->g, layout_target("test", md->matrix.distros[d].name)), kids[d * nk + dirs.n].v,
		    kids[d * nk + dirs.n].n);
	}
	for (size_t k = 0; k < nd * nk; k++)
		refv_free(&kids[k]);
	free(kids), free(dirtarget), free(up);
	strv_free(&dirs);
}

/* retest-D, and retest-D/S[:V] of each job of D and retest-D/S of each
 * suite with variants on D: the names of one phony of D's retest edge,
 * whose output is never made, so that it always runs. Ninja tells an edge
 * nothing of the target it was asked for: the helper reads them from
 * Ninja's command line, forgets the passes of the jobs that the matching
 * test-... targets run, and has Ninja build those (cmd_retest.c). So a
 * job costs one name in the file, not an edge and a phony of its own. */
static void
retest_edges(struct gen *x)
{
	const struct model *md = x->md;
	const struct matrix *m = x->m;
	size_t first;

	for (size_t d = 0; d < m->ndistros; d++) {
		const char *name = m->distros[d].name, *out = graph_own(x->g, layout_job(JOB_RETEST, name));
		struct edge *e = graph_edge(x->g, "retest", out, "the rerun of %s", name);
		matrix_args(e, x->o);
		args(e, "-o", x->o->output, "--distro", name, NULL);
		e->what = name;
	}
	first = x->g->nedges;
	for (size_t d = 0; d < m->ndistros; d++) {
		const char *target = graph_own(x->g, layout_target("retest", m->distros[d].name));
		alias(x->g, target, x->g->edges[first - m->ndistros + d].v[0]);
	}
	for (size_t i = 0; i < md->njobs; i++) {	/* no edge is added: the phonies stay put */
		const struct job *j = &md->jobs[i];
		struct edge *e = &x->g->edges[first + (size_t)(j->distro - m->distros)];
		edge_add(e, EDGE_OUT, graph_own(x->g, layout_job_target("retest", j->file)));
		if (last_variant(md, i) > 0) {
			char *file = layout_job_file(j->distro->name, j->suite->name, NULL);
			edge_add(e, EDGE_OUT, graph_own(x->g, layout_job_target("retest", file)));
			free(file);
		}
	}
}

/* shell-D: `orchgen shell` on the console, after what a job of D waits
 * for. Its output is never made, so it always runs. */
static void
shell_edge(struct gen *x, const struct distro *d)
{
	const char *out = graph_own(x->g, layout_shell(d->name));
	struct edge *e = graph_edge(x->g, "shell", out, "the shell of %s", d->name);

	image_deps(x, e, d);
	matrix_args(e, x->o);
	args(e, "--distro", d->name, "--image", x->image[d - x->m->distros], NULL);
	e->what = d->name;
	alias(x->g, graph_own(x->g, layout_target("shell", d->name)), out);
}

/* report: `orchgen report` on the console. Its output is never made, so it
 * always runs; it waits for nothing, so that it runs after failures too. */
static void
report_edge(struct gen *x)
{
	struct edge *e = graph_edge(x->g, "report", LAYOUT_REPORT, "the report");

	matrix_args(e, x->o);
	alias(x->g, TARGET_REPORT, LAYOUT_REPORT);
}

/* The --distros argument of the regeneration, kept by the graph. */
static const char *
distros_arg(struct gen *x)
{
	struct buf b = {0};

	buf_puts(&b, "--distros=");
	for (size_t i = 0; i < x->o->distros.n; i++)
		buf_printf(&b, "%s%s", i ? "," : "", x->o->distros.v[i]);
	return graph_own(x->g, b.s);
}

/* The N PATHS, which build.ninja depends on, as outputs of one phony edge
 * without inputs: for each, what ORIGIN says (of it, and of build.ninja). */
static void
regen_inputs(struct gen *x, const char *const *paths, size_t n, const char *origin)
{
	struct edge *e;

	if (n == 0)
		return;
	e = graph_edge(x->g, "phony", NULL, origin, NULL, x->o->output);
	for (size_t i = 0; i < n; i++)
		edge_add(e, EDGE_OUT, paths[i]);
}

/* build.ninja depends on every file and directory the model was read from
 * (the directories searched, sorted and unique). */
static void
regen_edge(struct gen *x, const char *template)
{
	const struct model *md = x->md;
	const char *out = x->o->output;
	struct edge *e = graph_edge(x->g, "regen", out, "the Ninja file %s itself", out);
	unsigned nins, nimplicit;
	const char *const *ins, *const *implicit;

	for (size_t i = 0; i < md->matrix.files.n; i++)
		edge_add(e, EDGE_IN, md->matrix.files.v[i]);
	if (template)
		edge_add(e, EDGE_IN, template);
	for (size_t i = 0; i < md->nsuites; i++)
		edge_add(e, EDGE_IN, md->suites[i].path);
	for (size_t i = 0; i < x->dirs.n; i++)
		edge_add(e, EDGE_IMPLICIT, x->dirs.v[i]);
	edge_add(e, EDGE_ORDER, LAYOUT_PROBE);
	matrix_args(e, x->o);
	args(e, "-o", out, NULL);
	if (x->o->distros.n > 0)
		edge_add(e, EDGE_ARG, distros_arg(x));
	/* A deleted input must make ninja regenerate, not stop: make each one
	 * the output of a phony edge without inputs, as CMake does for its own
	 * inputs (one edge for them all: Ninja loads one statement, not one
	 * each; only build.ninja waits for them all before it restarts).
	 * graph_edge() moves the edges, so E is not used past here; the lists
	 * it points to stay. */
	ins = edge_list(e, EDGE_IN, &nins), implicit = edge_list(e, EDGE_IMPLICIT, &nimplicit);
	regen_inputs(x, ins, nins, "the file %s (an input of %s)");
	regen_inputs(x, implicit, nimplicit, "the directory %s (an input of %s)");
}

/* The probe: one question to the engine for every distro's images, which
 * rewrites the presence files whose answer changed. build.ninja waits for
 * it (order-only, so that it never makes build.ninja dirty): Ninja runs it
 * while it brings its own file up to date, before it plans the build, and
 * only what depends on a changed presence file is dirty then. The presence
 * files are the outputs of a phony edge without inputs, so that a missing
 * one is no error (it makes its edges run). */
static void
probe_edges(struct gen *x)
{
	struct edge *e = graph_edge(x->g, "probe", LAYOUT_PROBE, "the probe of the engine");

	matrix_args(e, x->o);
	regen_inputs(x, x->present, x->m->ndistros, "the presence file %s (written by the probe before %s)");
}

/* NAME-D for every distro, and ALL for all of them. */
static void
all_target(struct gen *x, const char *name, const char *all)
{
	struct edge *e = graph_edge(x->g, "phony", all, "the target %s", all);

	for (size_t i = 0; i < x->m->ndistros; i++)
		edge_add(e, EDGE_IN, graph_own(x->g, layout_target(name, x->m->distros[i].name)));
}

/* The jobs: their edges and targets, and their reruns'. */
static void
jobs_graph(struct gen *x)
{
	test_edges(x);
	group_edges(x);
	retest_edges(x);
}

static int
build_graph(struct gen *x, const char *template)
{
	const struct matrix *m = x->m;
	struct shared sh;
	int rc = shared_edges(x, &sh);

	graph_edge(x->g, "phony", LAYOUT_ALWAYS, "orchgen's own %s", LAYOUT_ALWAYS);
	if (rc == 0)
		rc = suite_edges(x);
	if (rc < 0)
		return -1;
	distro_vars(x);
	for (size_t i = 0; i < m->ndistros; i++)
		stage_edges(x, &m->distros[i], &sh);
	jobs_graph(x);
	for (size_t i = 0; (x->rules & RULE_SHELL) && i < m->ndistros; i++)
		shell_edge(x, &m->distros[i]);
	if (x->rules & RULE_REPORT)
		report_edge(x);
	all_target(x, "image", TARGET_IMAGES);
	if (matrix_warms(m))
		all_target(x, "warm", TARGET_WARM);
	all_target(x, "test", TARGET_ALL);
	strv_push(&x->g->defaults, TARGET_ALL);
	for (size_t i = 0; i < x->md->suite_dirs.n; i++)
		refv_push(&x->dirs, x->md->suite_dirs.v[i]);
	refv_uniq(&x->dirs);
	regen_edge(x, template);
	probe_edges(x);
	return 0;
}

/* Is PATH read by some edge of G? That edge, or NULL. */
static const struct edge *
read_by(const struct graph *g, const char *path)
{
	for (size_t i = 0; i < g->nedges; i++) {
		const struct edge *e = &g->edges[i];
		unsigned from = e->n[EDGE_OUT], to = from + e->n[EDGE_IN] + e->n[EDGE_IMPLICIT] + e->n[EDGE_ORDER];
		for (unsigned k = from; k < to; k++) {
			if (!strcmp(e->v[k], path))
				return e;
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
	const struct edge *reader;

	if (!target) {
		warn("-o %s: a directory on its way does not exist, or links loop: expected a file in a directory that exists", output);
		return NULL;
	}
	rel = file_relative(target);
	if ((reader = read_by(g, rel ? rel : target))) {
		char *origin = edge_origin(reader, rel ? rel : target);
		warn("-o %s: %s is an input (of %s): expected a file orchgen does not read", output, rel ? rel : target, origin);
		free(origin);
		free(target), target = NULL;
	}
	free(rel);
	return target;
}

/* Does the project's own TEMPLATE, at PATH, define every rule that G's
 * edges use? -1 (each missing rule said once) when not. Each rule is
 * looked for once, not once per edge. */
static int
template_complete(const struct graph *g, const char *template, const char *path)
{
	struct strv checked = {0};
	int rc = 0;

	for (size_t i = 0; i < g->nedges; i++) {
		const struct edge *e = &g->edges[i];
		if (!strcmp(e->rule, "phony") || strv_contains(&checked, e->rule) || graph_defines_rule(g, e->rule))
			continue;
		strv_push(&checked, e->rule);
		if (ninja_defines_rule(template, e->rule))
			continue;
		char *origin = edge_origin(e, e->v[0]);
		warn("%s: no rule %s, which %s needs: expected it as orchgen's built-in template (templates/build.ninja.in) has it",
		    path, e->rule, origin);
		free(origin);
		rc = -1;
	}
	strv_free(&checked);
	return rc;
}

static void
gen_free(struct gen *x)
{
	refv_free(&x->dirs);
	for (size_t i = 0; x->jobargs && i < x->m->ndistros; i++)
		refv_free(&x->jobargs[i]);
	free(x->suite_hash), free(x->image), free(x->present), free(x->jobargs), free(x->jobrule), free(x->stamp);
	free(x->target);
}

/* Write G (from the template TEMPLATE) to PATH, only if its bytes change,
 * and say so. 0, or an exit status (warned). */
static int
write_file(const struct model *md, const struct options *o, const struct graph *g, const char *template,
    const char *path)
{
	struct buf out = {0};
	int rc = 0;

	if (ninja_write(&out, g, template) < 0)
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
	buf_free(&out);
	return rc;
}

/* The rules among the optional ones that TEMPLATE defines. */
static unsigned
optional_rules(const char *template)
{
	return (ninja_defines_rule(template, "shell") ? RULE_SHELL : 0) |
	    (ninja_defines_rule(template, "report") ? RULE_REPORT : 0);
}

/* A project's own template CUSTOM, with the built-in rules it lacks of
 * those the graph needs, after it: one copied before the probe and retest
 * rules existed keeps working, and keeps retest-D. */
static char *
with_rules(char *custom)
{
	static const char *const needed[] = {"probe", "retest", NULL};

	for (const char *const *name = needed; *name; name++) {
		size_t len;
		const char *rule = ninja_rule(tmpl_build_ninja_in, *name, &len);
		char *both;
		if (ninja_defines_rule(custom, *name))
			continue;
		both = xasprintf("%s\n# Added by orchgen: the built-in rule the template lacks.\n%.*s", custom, (int)len, rule);
		free(custom);
		custom = both;
	}
	return custom;
}

int
gen_write(const struct model *md, const struct options *o, const char *self)
{
	struct graph g = {0};
	const char *tpath = "build.ninja.in";
	char *custom = file_read(tpath, NULL);
	const char *template = custom ? (custom = with_rules(custom)) : tmpl_build_ninja_in;
	struct gen x = {.g = &g, .md = md, .m = &md->matrix, .o = o, .rules = optional_rules(template), .template = template};
	char jobs[32], *path = NULL;
	int rc;

	snprintf(jobs, sizeof(jobs), "%d", engines_slots(&md->matrix));
	strv_push(&g.header, "ninja_required_version"), strv_push(&g.header, "1.10");
	strv_push(&g.program, self);
	strv_push(&g.header, "jobs"), strv_push(&g.header, jobs);
	strv_push(&g.header, "project"), strv_push(&g.header, md->matrix.project.name);
	rc = build_graph(&x, custom ? tpath : NULL) < 0 ? EXIT_USAGE : 0;
	if (rc == 0 && custom && template_complete(&g, custom, tpath) < 0)
		rc = EXIT_USAGE;
	if (rc == 0 && !(path = output_file(&g, o->output)))
		rc = EXIT_USAGE;
	if (rc == 0)
		rc = write_file(md, o, &g, template, path);
	free(path);
	gen_free(&x);
	graph_free(&g);
	free(custom);
	return rc;
}
