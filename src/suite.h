/* A test suite: one task.yaml, parsed into a plain model (spread's format). */

enum { REQUIRES_PROJECT = -1, REQUIRES_ERROR, REQUIRES_SKIP };

/* One `environment` entry, in file order. */
struct suite_env {
	char *name;		/* variable name, without the /variants part */
	char *value;		/* shell text, expanded in the job like spread does */
	struct strv only;	/* variants the entry applies to; empty: all */
	int line;
};

/* Where something was written in task.yaml, for messages. */
struct suite_pos {
	int line, col;		/* 1-based */
};

/* One `skip` entry: the job is skipped when its condition holds. */
struct suite_skip {
	char *reason;		/* `reason`: why, for the log and report; NULL when not given */
	char *cond;		/* `if`: a shell condition run in the job's container; exit 0 means skip */
	int line;		/* where the entry starts */
};

struct suite {
	char *name;		/* directory relative to the suites root: "main/snap-run" */
	char *dir;		/* that directory, as a path from the project */
	char *path;		/* dir + "/task.yaml" */
	char *summary, *details;	/* text for people; NULL when absent */
	struct strv systems;	/* `systems`/`distro-check` patterns in order: "x", "-x", "+x" */
	struct suite_pos *systems_pos;	/* where each of those patterns is written */
	int systems_line;	/* line of the systems key, 0 when absent */
	struct suite_env *env;	/* `environment`, in file order */
	size_t nenv;
	struct strv variants;	/* the variants, in order of first appearance; empty: none */
	char *prepare, *execute, *restore, *debug;	/* scripts; NULL when absent; execute never is */
	int manual;		/* `manual: true`: runs only when its own target is named */
	int expect_fail;	/* `expect: fail`: a failure is the expected outcome (xfail) */
	int priority;		/* `priority`: higher runs first; jobs are ordered by it; default 0 */
	long kill_timeout, warn_timeout;	/* seconds; 0: not set, the project's apply */
	struct strv requires;	/* `requires`: features the distro must have */
	int requires_missing;	/* `requires-missing`: REQUIRES_SKIP or _ERROR; REQUIRES_PROJECT: the project's missing-feature */
	struct suite_skip *skip;	/* `skip`, in file order: checked before prepare */
	size_t nskip;
	struct strv artifacts;	/* `artifacts`: paths in the container (relative to /workspace, or absolute), copied out after execute, pass or fail */
	int samples;		/* `samples`: how many times each job runs, 1 to 1000; default 1 */
	/* What spread's cascade reads besides (spread.h): */
	char *prepare_each, *restore_each, *debug_each;	/* a suite's, a backend's, the project's */
	struct strv variants_list;	/* `variants` as written: names, +name, -name */
	struct strv backends;	/* `backends` as written (suite, task): names, +name, -name; a spread project's filter */
	int priority_set;	/* `priority` was given */
	char *spread;		/* a task of a spread project: its spread.yaml (hashed with it), spread's rules for systems lists; NULL: orchgen's own */
};

/* The levels of spread's cascade: which keys a mapping may have. */
enum { LEVEL_TASK, LEVEL_SUITE, LEVEL_SYSTEM, LEVEL_BACKEND, LEVEL_PROJECT };

/* Parse PATH into S, named NAME in directory DIR. Errors are printed as
 * "orchgen: PATH:LINE:COL: message"; unknown keys warn the same way.
 * 0 on success, -1 on error (S is then freed). */
int suite_parse(struct suite *s, const char *path, const char *dir, const char *name);
/* suite_parse(), for a task of the spread project SPREAD (its spread.yaml) unless NULL. */
int suite_parse_spread(struct suite *s, const char *path, const char *dir, const char *name, const char *spread);
/* One level of spread.yaml's cascade (LEVEL_*): the keys of MAP that level
 * knows into S (zeroed by the caller), those named in OWN (NULL-ended, or
 * NULL) skipped for the caller; others warn. 0, or -1 (reported). */
struct ynode;
int suite_parse_level(struct suite *s, const char *path, const struct ynode *map, unsigned level, const char *const *own);
void suite_free(struct suite *s);
/* Does the suite's `systems` list select DISTRO? An empty list selects every distro. */
int suite_selects(const struct suite *s, const char *distro);
/* Warn, at its position, about each `systems` pattern that matches none of
 * DISTROS (every distro of the matrix, before --distros). How many warned. */
size_t suite_check_systems(const struct suite *s, const struct strv *distros);
/* The value of every variable for VARIANT (NULL: no variant), in file order,
 * later entries of the same name replacing earlier ones in place: pairs
 * name, value appended to OUT (copies, freed with OUT). */
void suite_env_for(const struct suite *s, const char *variant, struct strv *out);
/* The longest duration orchgen takes: 30 days, so that no deadline
 * computed from one can overflow. */
#define DURATION_MAX (30L * 24 * 3600)
/* The environment for VARIANT as shell text, one `export NAME="value"`
 * per variable, appended to OUT. Values are expanded by the shell that
 * reads it, as spread's are: $NAME, ${...} and $(...) work, \$ is a
 * literal '$'. '"' and '`' are literal, and no value can end its quotes
 * (a trailing backslash is literal too). */
void suite_env_script(const struct suite *s, const char *variant, struct buf *out);
/* PAIRS (name, value...) as suite_env_script() writes them, to OUT. */
void suite_env_export(const struct strv *pairs, struct buf *out);
/* Spread's durations: "90s", "30m", "1h30m", "2h", a bare number of seconds.
 * Seconds, or -1 when S is not of that form or longer than DURATION_MAX. */
long duration_parse(const char *s);
