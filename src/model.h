/* The model in the middle: the matrix, the suites, and the jobs they make. */

/* One (distro, suite, variant): a container run. */
struct job {
	const struct distro *distro;
	const struct suite *suite;
	const char *variant;	/* NULL: the suite has no variants */
	char *id;		/* spread-style "distro:suite[:variant]" */
	char *file;		/* "distro/suite[:variant]": its files' names (layout_job) */
	int manual;		/* runs only when named: the suite's, or any level's of spread's cascade */
	int priority;		/* higher starts first */
	char *host;		/* the hash of the $(HOST:...) outputs its variables use; NULL: none */
};

struct model {
	struct matrix matrix;
	struct suite *suites;	/* sorted by name */
	size_t nsuites;
	struct strv suite_dirs;	/* directories searched for task.yaml */
	struct listing *found;	/* what the search for task.yaml walked, for the suites' groups to take; NULL: none (spread) */
	struct job *jobs;	/* by priority (highest first), then distro, suite, variant */
	size_t njobs;
	struct strv excluded;	/* "distro:suite" of each suite its systems leave out on a distro */
	struct spread *spread;	/* a spread project's spread.yaml; NULL: orchgen's own suites */
	char *output;		/* -o, cleaned: the Ninja file, never an input */
};

/* Options shared by every command that reads a project. */
struct options {
	const char *file;	/* -f: orchgen.ini */
	const char *output;	/* -o: build.ninja */
	struct strv defines;	/* -D section.key=value */
	struct strv distros;	/* --distros: restrict the matrix; empty: all */
	const char *from;	/* -C's directory, as given; NULL: none */
	const char *again;	/* the command line but -C, quoted: how to run it elsewhere */
};

/* Read the matrix and every suite, expand the jobs. 0 or -1 (warned). */
int model_load(struct model *md, const struct options *o);
void model_free(struct model *md);
/* The suite that job ID (distro:suite[:variant]) would be of, when its
 * systems leave that distro out; NULL otherwise. */
const struct suite *model_excluded(const struct model *md, const char *id);
/* The jobs ARG names, into OUT (room for every job), in the model's
 * order: how many. ARG is a job's id; D:S of a suite with variants (each
 * of them); or a Ninja target of jobs, as build.ninja has them: test-D
 * (D's jobs but the manual ones), test-D/DIR (those below DIR, but the
 * manual ones), test-D/S (every variant), test-D/S:V, and retest-D,
 * retest-D/S[:V]. */
size_t model_named(const struct model *md, const char *arg, const struct job **out);
/* Why ARG names no job (model_named), as a new string: a suite whose
 * systems leave the distro out, or what filter_explain says of it. */
char *model_no_job(const struct model *md, const char *arg);
struct filter_scope;
/* Every job, distro and suite of MD, for filter_explain. */
void model_scope(const struct model *md, struct filter_scope *s);
/* Find one job by its id; NULL if there is none. */
const struct job *model_job(const struct model *md, const char *id);
/* The directory of suite NAME below the suites ROOT. */
char *model_suite_dir(const char *root, const char *name);
/* The job's fields for DISTRO, SUITE and VARIANT (NULL), computed alone. */
void job_init(struct job *j, const struct distro *d, const struct suite *s, const char *variant);
void job_free(struct job *j);
