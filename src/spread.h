/* A spread project: spread.yaml read into the levels of spread's cascade
 * (project, backend, system, suite, task), and what one job takes from
 * them: whether it exists, its variants, manual, priority, timeouts, its
 * environment and its scripts, in spread's order. Each level is a struct
 * suite read with that level's keys (suite.h). */

struct spread_system {
	char *name;
	size_t backend;		/* the backend that lists it first */
	struct suite lv;	/* its own settings */
	int line;
};

struct spread_backend {
	char *name;
	struct suite lv;
	struct strv systems;	/* the names it lists, sorted */
	int line;
};

struct spread_suite {
	char *name;		/* its directory, without the trailing '/': "tests/main" */
	struct suite lv;
	int line;
};

/* One `rename` entry: a sed `s` expression, as tar's --transform. */
struct spread_rename {
	regex_t re;
	char *repl;		/* with & and \N for the match and its groups */
	int global, nth;	/* flags g and N (0: the first) */
};

struct spread {
	char *path;		/* spread.yaml */
	char *root;		/* its directory, or `reroot` from there: the suites' root, the project copied into each job */
	char *project;		/* `project` */
	char *remote;		/* `path`: where the copy is, in each job; absolute, not / */
	struct strv include, exclude;
	struct spread_rename *renames;	/* `rename`, in order */
	size_t nrenames;
	struct suite lv;	/* the project's level */
	struct spread_backend *backends;
	size_t nbackends;
	struct spread_system *systems;	/* every system once, sorted by name */
	size_t nsystems;
	struct spread_suite *suites;	/* sorted by name */
	size_t nsuites;
	struct strv hosts;	/* $(HOST:...) commands and their output, pairs */
	struct strv names;	/* variant names of jobs, kept for job.variant */
	int host_run;		/* the commands ran here (not read back) */
};

/* What one task on one system takes from the cascade. */
struct spread_job {
	const struct spread_backend *backend;	/* the first listing the system that `backends` leave */
	const struct spread_system *system;
	const struct spread_suite *suite;
	const struct suite *task;
	int selected;		/* the backends and systems lists select the system */
	struct strv variants;	/* sorted; empty: none */
	int manual, priority;
	long kill_timeout, warn_timeout;	/* 0: not set at any level */
};

/* Read PATH. Errors are printed as "orchgen: PATH:LINE:COL: message".
 * With HOSTS (generation, listing), each $(HOST:...) command runs on this
 * host; else their outputs are read back from what generation wrote
 * (spread_write_hosts). 0, or -1. */
int spread_load(struct spread *sp, const char *path, int hosts);
/* Keep the commands' outputs for the jobs (LAYOUT_SPREAD_HOSTS), when
 * they changed. 0, or -1 (warned). */
int spread_write_hosts(const struct spread *sp);
void spread_free(struct spread *sp);
/* Every task of every suite (a directory of it that holds a task.yaml),
 * read into *TASKS (sorted by name, "suite/task"); the directories read
 * appended to DIRS. 0, or -1 (reported). */
int spread_tasks(const struct spread *sp, struct suite **tasks, size_t *n, struct strv *dirs);
/* NAME, a path of the project, as the copy names it: each `rename`
 * expression applied in turn, as tar's --transform applies them. New. */
char *spread_rename(const struct spread *sp, const char *name);
/* SYSTEM's entry; NULL when spread.yaml has none. */
const struct spread_system *spread_system(const struct spread *sp, const char *name);
/* What TASK on SYSTEM takes from the cascade, into J (spread_job_free). */
void spread_job(const struct spread *sp, const struct spread_system *sys, const struct suite *task, struct spread_job *j);
void spread_job_free(struct spread_job *j);
/* The job's variables for VARIANT (NULL: none), pairs appended to OUT in
 * spread's order: SPREAD_*, then each level's, later levels and entries
 * replacing earlier ones; $(HOST:...) already replaced by its output. */
void spread_env(const struct spread *sp, const struct spread_job *j, const char *variant, struct strv *out);
/* The hash of every $(HOST:...) output the job's variables for VARIANT
 * use, as hex; "" when they use none. */
void spread_host_key(const struct spread *sp, const struct spread_job *j, const char *variant, char *hex, size_t size);
/* The scripts of the job's sections, in spread's order, as pairs of a
 * section name and its script (NULL when no level has one). */
void spread_scripts(const struct spread *sp, const struct spread_job *j, struct strv *out);
