#include <stdlib.h>
#include <string.h>
#include "str.h"
#include "matrix.h"
#include "suite.h"
#include "walk.h"
#include "layout.h"
#include "model.h"
#include "util.h"

void
job_init(struct job *j, const struct distro *d, const struct suite *s, const char *variant)
{
	j->distro = d;
	j->suite = s;
	j->variant = variant;
	if (variant)
		j->id = xasprintf("%s:%s:%s", d->name, s->name, variant);
	else
		j->id = xasprintf("%s:%s", d->name, s->name);
	j->file = layout_job_file(d->name, s->name, variant);
}

void
job_free(struct job *j)
{
	free(j->id);
	free(j->file);
}

/* Keep only the distros named by --distros. */
static int
restrict_distros(struct matrix *m, const struct strv *names)
{
	size_t kept = 0;

	for (size_t i = 0; i < names->n; i++) {
		if (!matrix_distro(m, names->v[i])) {
			warn("--distros: no distro \"%s\" in the matrix", names->v[i]);
			return -1;
		}
	}
	for (size_t i = 0; i < m->ndistros; i++) {
		struct distro *d = &m->distros[i];
		if (strv_contains(names, d->name))
			m->distros[kept++] = *d;
		else
			distro_free(d);
	}
	m->ndistros = kept;
	return 0;
}

static int
suite_name_ok(const char *name, const char *path)
{
	for (const char *p = name; *p; p++) {
		if ((unsigned char)*p < 0x20 || *p == 0x7f || *p == '|') {
			warn("%s: a suite's directory name may not hold '|', control characters or newlines (Ninja cannot name such a file)", path);
			return 0;
		}
	}
	return 1;
}

static int
cmpsuite(const void *a, const void *b)
{
	return strcmp(((const struct suite *)a)->name, ((const struct suite *)b)->name);
}

/* Every task.yaml below the suites root, nested; the name is the directory. */
static int
discover(struct model *md)
{
	const char *root = md->matrix.project.suites;
	struct group g = {0};
	struct strv files = {0};
	size_t rootlen = strlen(root), n = strlen("/task.yaml");
	int rc;

	strv_push(&g.paths, root);
	rc = group_list(&g, &files, &md->suite_dirs);
	strv_free(&g.paths);
	md->suites = xcalloc(files.n, sizeof(*md->suites));
	for (size_t i = 0; rc == 0 && i < files.n; i++) {
		const char *f = files.v[i];
		size_t len = strlen(f);
		if (len < rootlen + 1 + n || strcmp(f + len - n, "/task.yaml") != 0)
			continue;
		char *dir = xstrndup(f, len - n);
		const char *name = dir + rootlen + 1;
		struct suite *s = &md->suites[md->nsuites];
		if (!suite_name_ok(name, f) || suite_parse(s, f, dir, name) < 0)
			rc = -1;
		else
			md->nsuites++;
		free(dir);
	}
	strv_free(&files);
	qsort(md->suites, md->nsuites, sizeof(*md->suites), cmpsuite);
	return rc;
}

/* A job's place in the order: its priority, then the order it was made in. */
struct rank {
	int priority;
	size_t index;
};

static int
cmprank(const void *a, const void *b)
{
	const struct rank *x = a, *y = b;

	if (x->priority != y->priority)
		return x->priority < y->priority ? 1 : -1;
	return (x->index > y->index) - (x->index < y->index);
}

/* Highest priority first, stable otherwise. The jobs of one (distro, suite)
 * share its priority and are made next to each other, so they stay
 * contiguous and in the suite's variant order: the generator's test-D/S
 * edge of a suite with variants relies on that. */
static void
sort_jobs(struct model *md)
{
	struct rank *r = xcalloc(md->njobs, sizeof(*r));
	struct job *sorted = xcalloc(md->njobs, sizeof(*sorted));

	for (size_t i = 0; i < md->njobs; i++)
		r[i] = (struct rank){md->jobs[i].suite->priority, i};
	qsort(r, md->njobs, sizeof(*r), cmprank);
	for (size_t i = 0; i < md->njobs; i++)
		sorted[i] = md->jobs[r[i].index];
	free(md->jobs);
	free(r);
	md->jobs = sorted;
}

/* The jobs: made by distro, then suite, then variant; then sorted by priority. */
static void
expand(struct model *md)
{
	const struct matrix *m = &md->matrix;

	for (size_t i = 0; i < m->ndistros; i++) {
		for (size_t k = 0; k < md->nsuites; k++) {
			const struct suite *s = &md->suites[k];
			if (!suite_selects(s, m->distros[i].name))
				continue;
			size_t nv = s->variants.n ? s->variants.n : 1;
			md->jobs = xrealloc(md->jobs, (md->njobs + nv) * sizeof(*md->jobs));
			for (size_t v = 0; v < nv; v++) {
				const char *variant = s->variants.n ? s->variants.v[v] : NULL;
				job_init(&md->jobs[md->njobs++], &m->distros[i], s, variant);
			}
		}
	}
	sort_jobs(md);
}

/* A systems pattern that matches no distro is a mistake worth a warning.
 * ALL holds the whole matrix, as read before --distros: narrowing what is
 * generated must not make a correct suite warn. */
static void
check_systems(const struct model *md, const struct strv *all)
{
	for (size_t k = 0; k < md->nsuites; k++)
		suite_check_systems(&md->suites[k], all);
}

int
model_load(struct model *md, const struct options *o)
{
	struct strv all = {0};
	int rc = -1;

	memset(md, 0, sizeof(*md));
	if (matrix_load(&md->matrix, o->file, &o->defines) < 0)
		return -1;
	for (size_t i = 0; i < md->matrix.ndistros; i++)
		strv_push(&all, md->matrix.distros[i].name);
	if ((o->distros.n == 0 || restrict_distros(&md->matrix, &o->distros) == 0) && discover(md) == 0) {
		check_systems(md, &all);
		expand(md);
		rc = 0;
	}
	strv_free(&all);
	if (rc < 0)
		model_free(md);
	return rc;
}

const struct job *
model_job(const struct model *md, const char *id)
{
	for (size_t i = 0; i < md->njobs; i++) {
		if (!strcmp(md->jobs[i].id, id))
			return &md->jobs[i];
	}
	return NULL;
}

void
model_free(struct model *md)
{
	for (size_t i = 0; i < md->njobs; i++)
		job_free(&md->jobs[i]);
	for (size_t i = 0; i < md->nsuites; i++)
		suite_free(&md->suites[i]);
	free(md->jobs);
	free(md->suites);
	strv_free(&md->suite_dirs);
	matrix_free(&md->matrix);
	memset(md, 0, sizeof(*md));
}
