/* A test suite: one task.yaml, parsed into a plain model (spread's format). */

/* One `environment` entry, in file order. */
struct suite_env {
	char *name;		/* variable name, without the /variants part */
	char *value;		/* shell text, expanded in the job like spread does */
	struct strv only;	/* variants the entry applies to; empty: all */
	int line;
};

struct suite {
	char *name;		/* directory relative to the suites root: "main/snap-run" */
	char *dir;		/* that directory, as a path from the project */
	char *path;		/* dir + "/task.yaml" */
	char *summary, *details;
	struct strv systems;	/* `systems`/`distro-check` patterns in order: "x", "-x", "+x" */
	int systems_line;	/* line of the systems key, 0 when absent */
	struct suite_env *env;
	size_t nenv;
	struct strv variants;	/* the variants, in order of first appearance; empty: none */
	char *prepare, *execute, *restore, *debug;	/* NULL when absent */
	int manual;		/* runs only when named */
	int expect_fail;	/* `expect: fail` */
	int priority;
	long kill_timeout, warn_timeout;	/* seconds; 0: not set */
	struct strv requires;	/* features the distro must have */
};

/* Parse PATH into S, named NAME in directory DIR. Errors are printed as
 * "orchgen: PATH:LINE:COL: message"; unknown keys warn the same way.
 * 0 on success, -1 on error (S is then freed). */
int suite_parse(struct suite *s, const char *path, const char *dir, const char *name);
void suite_free(struct suite *s);
/* Does the suite's `systems` list select DISTRO? An empty list selects every distro. */
int suite_selects(const struct suite *s, const char *distro);
/* The value of every variable for VARIANT (NULL: no variant), in file order,
 * later entries of the same name replacing earlier ones in place: pairs
 * name, value appended to OUT (copies, freed with OUT). */
void suite_env_for(const struct suite *s, const char *variant, struct strv *out);
/* Spread's durations: "90s", "30m", "1h30m", "2h", a bare number of seconds.
 * Seconds, or -1 when S is not of that form. */
long duration_parse(const char *s);
