#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <regex.h>
#include "str.h"
#include "file.h"
#include "matrix.h"
#include "suite.h"
#include "walk.h"
#include "hash.h"
#include "layout.h"
#include "spread.h"
#include "model.h"
#include "filter.h"
#include "util.h"

void
job_init(struct job *j, const struct distro *d, const struct suite *s, const char *variant)
{
	j->distro = d;
	j->suite = s;
	j->variant = variant;
	if (variant)
		j->id = str_join(d->name, ":", s->name, ":", variant, NULL);
	else
		j->id = str_join(d->name, ":", s->name, NULL);
	j->file = layout_job_file(d->name, s->name, variant);
	j->manual = s->manual;
	j->priority = s->priority;
	j->host = NULL;
}

void
job_free(struct job *j)
{
	free(j->id);
	free(j->file);
	free(j->host);
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

/* What kind of file ST is, for messages. */
static const char *
kind(const struct stat *st)
{
	return S_ISDIR(st->st_mode) ? "directory" : S_ISFIFO(st->st_mode) ? "FIFO" : S_ISSOCK(st->st_mode) ? "socket" : "device";
}

/* A task.yaml orchgen reads itself must be a file of the project: a link
 * may lead to one inside it, never out (its lines would be shown in
 * messages) nor to a FIFO (which would block). 0, or -1 (warned). */
static int
task_file_ok(const char *path)
{
	struct stat st;
	char *real, *top;
	int inside;

	if (lstat(path, &st) != 0 || !S_ISLNK(st.st_mode))
		return 0;
	real = realpath(path, NULL);
	top = realpath(".", NULL);
	inside = real && top && !strncmp(real, top, strlen(top)) && real[strlen(top)] == '/';
	if (!inside)
		warn("%s: a link that leads %s: expected a task file of the project", path, real ? "outside the project" : "nowhere");
	else if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		warn("%s: a link to a %s: expected a task file", path, kind(&st));
	else
		inside = 2;
	free(real), free(top);
	return inside == 2 ? 0 : -1;
}

/* A file named task.yaml that is not a file (a directory, a FIFO) is
 * said, not skipped: a suite silently left out is a test that never runs. */
static int
odd_task_files(const struct strv *dirs)
{
	struct stat st;
	int rc = 0;

	for (size_t i = 0; i < dirs->n; i++) {
		char *path = xasprintf("%s/task.yaml", dirs->v[i]);
		if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode)) {
			warn("%s: a %s: expected a task file", path, kind(&st));
			rc = -1;
		}
		free(path);
	}
	return rc;
}

char *
model_suite_dir(const char *root, const char *name)
{
	return strcmp(root, ".") ? xasprintf("%s/%s", root, name) : xstrdup(name);
}

/* Every task.yaml below the suites root, nested; the name is the directory
 * relative to the root. orchgen's own state and OUTPUT are never searched.
 * What the walk found is kept: each suite's group takes its files from
 * there rather than walking its directory again. */
static int
discover(struct model *md, const char *output)
{
	const char *root = md->matrix.project.suites;
	size_t skip = strcmp(root, ".") ? strlen(root) + 1 : 0, n = strlen("task.yaml");
	struct group g = {0};
	const struct strv *files;
	int rc;

	strv_push(&g.paths, root);
	for (const char *const *p = layout_own_state; !skip && *p; p++)
		strv_push(&g.exclude, *p);
	if (!skip)
		strv_push(&g.exclude, output);
	md->found = xcalloc(1, sizeof(*md->found));
	rc = group_walk(&g, md->found);
	group_free(&g);
	files = &md->found->files;
	for (size_t i = 0; i < md->found->dirs.n; i++)
		strv_push(&md->suite_dirs, md->found->dirs.v[i]);
	if (rc == 0)
		rc = odd_task_files(&md->suite_dirs);
	md->suites = xcalloc(files->n, sizeof(*md->suites));
	for (size_t i = 0; rc == 0 && i < files->n; i++) {
		const char *f = files->v[i];
		size_t len = strlen(f);
		if (len < skip + 2 + n || strcmp(f + len - n - 1, "/task.yaml") != 0)
			continue;
		char *name = xstrndup(f + skip, len - skip - n - 1), *dir = model_suite_dir(root, name);
		struct suite *s = &md->suites[md->nsuites];
		if (!suite_name_ok(name, f) || task_file_ok(f) < 0 || suite_parse(s, f, dir, name) < 0)
			rc = -1;
		else
			md->nsuites++;
		free(dir), free(name);
	}
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
		r[i] = (struct rank){md->jobs[i].priority, i};
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
	size_t cap = 0;

	for (size_t i = 0; i < m->ndistros; i++) {
		for (size_t k = 0; k < md->nsuites; k++) {
			const struct suite *s = &md->suites[k];
			if (!suite_selects(s, m->distros[i].name)) {
				strv_take(&md->excluded, str_join(m->distros[i].name, ":", s->name, NULL));
				continue;
			}
			size_t nv = s->variants.n ? s->variants.n : 1;
			if (md->njobs + nv > cap) {
				cap = 2 * (md->njobs + nv);
				md->jobs = xrealloc(md->jobs, cap * sizeof(*md->jobs));
			}
			for (size_t v = 0; v < nv; v++) {
				const char *variant = s->variants.n ? s->variants.v[v] : NULL;
				job_init(&md->jobs[md->njobs++], &m->distros[i], s, variant);
			}
		}
	}
	sort_jobs(md);
}

/* A variant name that outlives the job expanded with it. */
static const char *
intern(struct strv *names, const char *name)
{
	for (size_t i = 0; i < names->n; i++) {
		if (!strcmp(names->v[i], name))
			return names->v[i];
	}
	strv_push(names, name);
	return names->v[names->n - 1];
}

/* A spread project's jobs: each task on each system of the matrix that
 * spread.yaml lists and the cascade's systems lists select, in each of
 * the variants the cascade gives it there. */
static void
expand_spread(struct model *md)
{
	const struct matrix *m = &md->matrix;
	struct spread *sp = md->spread;

	for (size_t i = 0; i < m->ndistros; i++) {
		const struct spread_system *sys = spread_system(sp, m->distros[i].name);
		for (size_t k = 0; sys && k < md->nsuites; k++) {
			const struct suite *s = &md->suites[k];
			struct spread_job sj;
			char host[HASH_HEX + 1];
			spread_job(sp, sys, s, &sj);
			if (!sj.selected) {
				strv_take(&md->excluded, xasprintf("%s:%s", m->distros[i].name, s->name));
				spread_job_free(&sj);
				continue;
			}
			size_t nv = sj.variants.n ? sj.variants.n : 1;
			md->jobs = xrealloc(md->jobs, (md->njobs + nv) * sizeof(*md->jobs));
			for (size_t v = 0; v < nv; v++) {
				struct job *j = &md->jobs[md->njobs++];
				job_init(j, &m->distros[i], s, sj.variants.n ? intern(&sp->names, sj.variants.v[v]) : NULL);
				spread_host_key(sp, &sj, j->variant, host, sizeof(host));
				j->manual = sj.manual;
				j->priority = sj.priority;
				j->host = *host ? xstrdup(host) : NULL;
			}
			spread_job_free(&sj);
		}
	}
	sort_jobs(md);
}

/* Each system of spread.yaml that the matrix (ALL: before --distros) does
 * not make is left out, said once. */
static void
check_spread_systems(const struct model *md, const struct strv *all)
{
	const struct spread *sp = md->spread;

	for (size_t i = 0; i < sp->nsystems; i++) {
		if (!strv_contains(all, sp->systems[i].name))
			warn("%s:%d: system \"%s\" has no [distro %s] in the matrix: its jobs are left out", sp->path,
			    sp->systems[i].line, sp->systems[i].name, sp->systems[i].name);
	}
}

/* A spread project: spread.yaml, then its tasks. */
static int
discover_spread(struct model *md, const char *path)
{
	md->spread = xcalloc(1, sizeof(*md->spread));
	if (spread_load(md->spread, path, 1) < 0) {
		free(md->spread);
		md->spread = NULL;
		return -1;
	}
	return spread_tasks(md->spread, &md->suites, &md->nsuites, &md->suite_dirs);
}

/* The longest part of PATH between slashes. */
static size_t
longest_part(const char *path)
{
	size_t most = 0;

	for (const char *p = path; *p; p += *p == '/') {
		size_t n = strcspn(p, "/");
		most = n > most ? n : most;
		p += n;
	}
	return most;
}

/* Does PATH, a file of TASK's, have only parts the file system takes? */
static int
fits(const char *path, const char *task)
{
	size_t n = longest_part(path);

	if (n <= NAME_MAX)
		return 0;
	warn("%s: a name too long for the files of its jobs (%s has a part of %zu bytes): expected at most %d",
	    task, path, n, NAME_MAX);
	return -1;
}

/* Is every file the layout makes for each suite's hash and each job a
 * name the file system takes (NAME_MAX bytes a part)? Else say so (-1). */
static int
names_fit(const struct model *md)
{
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < md->nsuites; i++) {
		char *hash = layout_suite_hash(md->suites[i].name), *stat = layout_stat_cache(hash);
		rc = fits(stat, md->suites[i].path);
		free(hash), free(stat);
	}
	for (size_t i = 0; rc == 0 && i < md->njobs; i++) {
		if (longest_part(md->jobs[i].file) + layout_job_suffix_max() <= NAME_MAX)
			continue;	/* each of its paths fits, without making them */
		for (int k = 0; rc == 0 && k < JOB_NPATHS; k++) {
			char *path = layout_job(k, md->jobs[i].file);
			rc = fits(path, md->jobs[i].suite->path);
			free(path);
		}
	}
	return rc;
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
	if (matrix_elsewhere(o->file, o->from, o->again) < 0 || matrix_load(&md->matrix, o->file, &o->defines) < 0)
		return -1;
	md->output = file_clean(o->output, 0);
	for (size_t i = 0; i < md->matrix.ndistros; i++)
		strv_push(&all, md->matrix.distros[i].name);
	if (md->matrix.project.spread) {
		if ((o->distros.n == 0 || restrict_distros(&md->matrix, &o->distros) == 0) && discover_spread(md, md->matrix.project.spread) == 0) {
			strv_push(&md->matrix.files, md->matrix.project.spread);
			check_spread_systems(md, &all);
			expand_spread(md);
			rc = names_fit(md);
		}
	} else if ((o->distros.n == 0 || restrict_distros(&md->matrix, &o->distros) == 0) && discover(md, md->output) == 0) {
		check_systems(md, &all);
		expand(md);
		rc = names_fit(md);
	}
	strv_free(&all);
	if (rc < 0)
		model_free(md);
	return rc;
}

const struct suite *
model_excluded(const struct model *md, const char *id)
{
	for (size_t i = 0; i < md->excluded.n; i++) {
		const char *e = md->excluded.v[i], *colon = strchr(e, ':');
		size_t n = strlen(e);
		if (strncmp(id, e, n) != 0 || (id[n] && id[n] != ':'))
			continue;
		for (size_t k = 0; k < md->nsuites; k++) {
			if (!strcmp(md->suites[k].name, colon + 1))
				return &md->suites[k];
		}
	}
	return NULL;
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
	if (md->found)
		listing_free(md->found);
	free(md->found);
	strv_free(&md->excluded);
	free(md->output);
	if (md->spread)
		spread_free(md->spread);
	free(md->spread);
	matrix_free(&md->matrix);
	memset(md, 0, sizeof(*md));
}

void
model_scope(const struct model *md, struct filter_scope *s)
{
	memset(s, 0, sizeof(*s));
	for (size_t i = 0; i < md->njobs; i++)
		strv_push(&s->ids, md->jobs[i].id);
	for (size_t i = 0; i < md->matrix.ndistros; i++)
		strv_push(&s->distros, md->matrix.distros[i].name);
	for (size_t i = 0; i < md->nsuites; i++)
		strv_push(&s->suites, md->suites[i].name);
	s->excluded = &md->excluded;
}

static int
cmpsuitename(const void *key, const void *s)
{
	return strcmp(key, ((const struct suite *)s)->name);
}

static const struct suite *
suite_named(const struct model *md, const char *name)
{
	return md->nsuites ? bsearch(name, md->suites, md->nsuites, sizeof(*md->suites), cmpsuitename) : NULL;
}

/* Is target T (test-...) one of the directories above J's suite that
 * make a target test-D/DIR of their own (none is a suite)? */
static int
in_dir_target(const struct model *md, const char *t, const struct job *j)
{
	const char *name = j->suite->name;
	int hit = 0;

	for (const char *slash = strchr(name, '/'); slash && !hit; slash = strchr(slash + 1, '/')) {
		char *dir = xstrndup(name, (size_t)(slash - name)), *file = layout_job_file(j->distro->name, dir, NULL);
		char *target = layout_job_target("test", file);
		hit = !strcmp(t, target) && !suite_named(md, dir);
		free(dir), free(file), free(target);
	}
	return hit;
}

/* Does ARG name job J (model_named)? */
static int
names(const struct model *md, const char *arg, const struct job *j)
{
	int retest = !strncmp(arg, "retest-", 7), hit = !strcmp(arg, j->id);
	char *t = retest ? xasprintf("test-%s", arg + 7) : xstrdup(arg);
	char *suite = layout_job_file(j->distro->name, j->suite->name, NULL);
	char *targets[] = {layout_job_target("test", j->file), layout_job_target("test", suite), NULL};

	if (!j->manual)
		targets[2] = layout_target("test", j->distro->name);
	for (size_t i = 0; i < 3; i++) {
		hit |= targets[i] && !strcmp(t, targets[i]);
		free(targets[i]);
	}
	/* D:S of a suite with variants: each of them, as test-D/S runs them */
	if (!hit && j->variant && !strncmp(arg, j->distro->name, strlen(j->distro->name)))
		hit = arg[strlen(j->distro->name)] == ':' && !strcmp(arg + strlen(j->distro->name) + 1, j->suite->name);
	if (!hit && !retest && !j->manual)
		hit = in_dir_target(md, t, j);
	free(t), free(suite);
	return hit;
}

size_t
model_named(const struct model *md, const char *arg, const struct job **out)
{
	size_t n = 0;

	for (size_t i = 0; i < md->njobs; i++) {
		if (names(md, arg, &md->jobs[i]))
			out[n++] = &md->jobs[i];
	}
	return n;
}

/* Target T (test-D or test-D/DIR, past "test-") names jobs, all manual:
 * how many. */
static size_t
manual_only(const struct model *md, const char *t)
{
	size_t d = strcspn(t, "/"), n = 0, dir = t[d] ? strlen(t + d + 1) : 0;

	for (size_t i = 0; i < md->njobs; i++) {
		const struct job *j = &md->jobs[i];
		if (strlen(j->distro->name) == d && !strncmp(j->distro->name, t, d) && j->manual &&
		    (!t[d] || (!strncmp(j->suite->name, t + d + 1, dir) && j->suite->name[dir] == '/')))
			n++;
	}
	return n;
}

/* Does test-T (T past "retest-") name jobs of a directory, test-D/DIR? */
static int
dir_named(const struct model *md, const char *t)
{
	char *target = xasprintf("test-%s", t);
	int hit = 0;

	for (size_t i = 0; i < md->njobs && !hit; i++)
		hit = !md->jobs[i].manual && in_dir_target(md, target, &md->jobs[i]);
	free(target);
	return hit;
}

char *
model_no_job(const struct model *md, const char *arg)
{
	const char *t = !strncmp(arg, "retest-", 7) ? arg + 7 : !strncmp(arg, "test-", 5) ? arg + 5 : NULL;
	char *id = xstrdup(t ? t : arg), *slash = strchr(id, '/'), *why;
	const struct suite *s;
	struct filter_scope scope;

	if (t && slash)
		*slash = ':';
	if (t && slash && t != arg + 5 && dir_named(md, t)) {
		why = xasprintf("no such target: there is no retest-D/DIR: expected retest-%.*s, or retest-%.*s/SUITE of a suite below %s/",
		    (int)(slash - id), id, (int)(slash - id), id, slash + 1);
	} else if (t && manual_only(md, t) && slash) {
		why = xasprintf("no such target: every suite below %s/ on %.*s is manual, run only when named (test-%.*s/SUITE)",
		    slash + 1, (int)(slash - id), id, (int)(slash - id), id);
	} else if (t && manual_only(md, t)) {
		why = xasprintf("it runs no job: every suite on %s is manual, run only when named (test-%s/SUITE)", id, id);
	} else if ((s = model_excluded(md, id))) {
		why = xasprintf("no such job: the systems of %s (line %d) leave distro %.*s out", s->path, s->systems_line,
		    (int)strcspn(id, ":"), id);
	} else {
		char *reason;
		model_scope(md, &scope);
		reason = filter_explain(id, &scope);
		why = xasprintf("no such %s: %s", t ? "target" : "job", reason);
		free(reason);
		filter_scope_free(&scope);
	}
	free(id);
	return why;
}
