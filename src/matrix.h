/* The matrix: orchgen.ini and its layers, read into plain structs. */

struct project {
	char *name;		/* image repository prefix: <name>-<distro>:<hash> */
	char *dockerfile;	/* path from the project directory; NULL: none, the base is the image */
	char *context;		/* docker build context */
	char *suites;		/* searched for task.yaml, nested; a spread project's: spread.yaml's directory */
	char *spread;		/* a spread project's spread.yaml; NULL: orchgen's own suites */
	char *workspace;	/* mounted at /workspace, as workspace_mode says */
	int workspace_mode;	/* WORKSPACE_RO, _RW (shared by parallel jobs) or _COPY (a copy per container) */
	struct strv sources;	/* paths hashed into the build stage's key */
	char *build;		/* the build command, run once per distro; NULL: no build stage */
	char *prepare_each, *restore_each, *debug_each;	/* around every job */
	struct strv env;	/* names of host variables passed to jobs */
	long kill_timeout, warn_timeout;	/* seconds, defaults for suites */
	int jobs;		/* depth of the engine pool */
	char *engine;		/* the engine's client command: docker or podman */
	int retries;		/* how often engine trouble is retried, with backoff; never a failure */
	int skip_missing;	/* `missing-feature = skip`: a job whose distro lacks a required feature is skipped, not failed */
	int trace;		/* scripts run with set -x */
	int keep;		/* KEEP_*: which jobs' containers stay when they end */
	char *image_cache;	/* a directory of one archive per tag (layout.h); NULL: none */
	char *image_cache_at;	/* "file:line" of image-cache, for messages */
	char *registry;		/* HOST[:PORT]/PREFIX: images pushed and pulled there; NULL: none */
};

enum { WORKSPACE_RO, WORKSPACE_RW, WORKSPACE_COPY };
/* The Dockerfile when none is named, if it is there. */
#define DEFAULT_DOCKERFILE "docker/Dockerfile"
/* A spread project, read when it is there and no suites are named. */
#define DEFAULT_SPREAD "spread.yaml"
enum { KEEP_NEVER, KEEP_FAILED, KEEP_ALWAYS };
enum { PULL_MISSING, PULL_ALWAYS };
/* "ro", "rw" or "copy". */
const char *workspace_mode_name(int mode);

struct distro {
	char *name;		/* a component of an image name (see name_valid) */
	char *base;		/* BASE_IMAGE of the Dockerfile: an image to use */
	char *rootfs;		/* or a recipe that makes a root filesystem, imported as the base */
	struct strv build_args;	/* KEY=VALUE words */
	struct strv features;	/* what suites may require */
	int pull;		/* PULL_*: when the base is pulled */
	char *where;		/* "file:line" of the section, for messages */
};

struct cache {
	char *name;
	char *path;		/* absolute mount point inside containers */
	int per_distro;		/* .orch/cache/NAME/D rather than one shared .orch/cache/NAME */
	char *warm;		/* command that fills it, run by warm-D; NULL: none */
	struct strv warm_inputs;	/* files hashed into the warm key (lockfiles) */
	char *where;
};

/* [engine NAME]: a Docker Engine jobs may run on. Without any, jobs run
 * on the local default engine, as the project's engine and jobs say. */
struct engine {
	char *name;
	char *host;		/* unix://, tcp:// or ssh:// URL; NULL or "none": the local default */
	int jobs;		/* its slots: jobs at once on it (0 until set: the project's jobs) */
	char *tlscacert, *tlscert, *tlskey;	/* files, as the client's --tls* options take them */
	int tlsverify;
	struct strv distros;	/* the distros it may run; none: all */
	int shared;		/* sees this host's files (-1 until set: only the local default does) */
	char *where;
};

struct matrix {
	struct project project;
	struct engine *engines;	/* in the order of their sections */
	size_t nengines;
	struct distro *distros;	/* sorted by name */
	size_t ndistros;
	struct cache *caches;	/* sorted by name */
	size_t ncaches;
	struct strv files;	/* configuration files read, in order */
	struct strv named;	/* "PATH\tFILE:LINE" of each path a line named, cleaned: checked once every layer is read */
};

/* Read the layers: /etc/orchgen/config.ini, the user's config.ini, FILE
 * (required), then DEFINES ("section.key=value", section "distro.NAME"
 * for [distro NAME]). Errors are printed as "FILE:LINE: message".
 * 0, or -1 on any error. */
int matrix_load(struct matrix *m, const char *file, const struct strv *defines);
/* When FILE is not here but a directory above has it, say where and how
 * to run orchgen there: -C with that directory (from FROM, -C's directory
 * as given, NULL: none), then AGAIN (the rest of the command line); -1
 * then, else 0. orchgen never goes there by itself. */
int matrix_elsewhere(const char *file, const char *from, const char *again);
void matrix_free(struct matrix *m);
void distro_free(struct distro *d);
/* Does any cache of M have a warm command? */
int matrix_warms(const struct matrix *m);
/* Is HOST (an engine's host setting) a Docker host URL orchgen takes:
 * unix:///PATH, tcp://HOST[:PORT], ssh://[USER@]HOST[:PORT]? */
int matrix_engine_host_valid(const char *host);
/* Does engine E run on the local default engine (no host)? */
int matrix_engine_local(const struct engine *e);
/* Does engine E run distro D? */
int matrix_engine_serves(const struct engine *e, const char *distro);

/* The content keys a setting can be part of; each key of orchgen.ini
 * declares which it feeds, beside its name in matrix.c. */
enum {
	FEEDS_NONE = 0,
	FEEDS_BASE = 1 << 0,	/* the base imported from a rootfs recipe */
	FEEDS_IMAGE = 1 << 1,	/* the image and its tag */
	FEEDS_WARM = 1 << 2,	/* the warm stage */
	FEEDS_BUILD = 1 << 3,	/* the build stage */
	FEEDS_JOB = 1 << 4,	/* every job of a distro */
	/* No key: where images and bases travel. Their edges' command lines
	 * hold it, so that they run again (and save or push what is missing),
	 * while their tags stay. */
	FEEDS_TRAVEL = 1 << 5,
};
/* Every setting of M that feeds one of FEEDS and is set, with D's own
 * (D may be NULL) and every cache's, to FN as "section.key" and the value
 * as text, in a fixed order. */
void matrix_settings(const struct matrix *m, const struct distro *d, unsigned feeds,
    void (*fn)(void *arg, const char *name, const char *value), void *arg);
/* Every key orchgen.ini knows, with its section kind ("project", "distro",
 * "cache") and what it feeds, to FN: for tests that each one reruns what
 * it says. */
void matrix_keys(void (*fn)(void *arg, const char *section, const char *key, unsigned feeds), void *arg);
struct distro *matrix_distro(const struct matrix *m, const char *name);
/* Is S a valid component of an image name: runs of [a-z0-9] joined by
 * '.', '_', "__" or dashes, at most 128 bytes? */
int name_valid(const char *s);
/* Is REF a reference docker accepts: [HOST[:PORT]/]NAME[:TAG][@DIGEST],
 * NAME of valid components separated by '/'? */
int image_ref_valid(const char *ref);
/* Is S a registry to push images to: HOST[:PORT]/PREFIX, HOST a name
 * with a '.', or with a port, or localhost (docker would take any other
 * for a user on Docker Hub), PREFIX valid components separated by '/'? */
int registry_valid(const char *s);
/* NAME as part of a variable name (orchgen keys): upper-cased, each
 * character but a letter or digit '_', appended to OUT. */
void matrix_var_name(const char *name, struct buf *out);
