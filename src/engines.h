/* The engines of a run ([engine NAME]): which one a job runs on, chosen
 * when it starts. Each engine has JOBS slots, each a lock file under
 * .orch/engines/NAME/; a job holds one for as long as it runs, so that
 * the engines, their slots and the distros they serve are read when jobs
 * start and never written into a command line: adding, removing or
 * resizing an engine reruns nothing. An engine that fails during a run
 * is marked down for the rest of that run (the ninja that started the
 * job), and takes no new job. */

/* Ninja's pool depth: the engines' slots together, or the project's jobs
 * when there is no [engine] section. */
int engines_slots(const struct matrix *m);

/* The engine volume that holds cache CACHE of M for DISTRO on an engine
 * that shares no files ("orchgen-PROJECT-CACHE-DISTRO", without DISTRO
 * for a cache the distros share); every such engine has its own. */
char *engines_volume(const struct matrix *m, const struct cache *cache, const char *distro);
/* The engine volume that holds DISTRO's build directory on such an engine
 * ("orchgen-PROJECT--build-DISTRO": no cache's volume is named so, as no
 * name starts with a dash). */
char *engines_build_volume(const struct matrix *m, const char *distro);

/* A slot a job holds. */
struct slot {
	const struct engine *e;	/* NULL: no [engine] section, the local default */
	int fd;			/* the slot's lock, held; -1: none */
};
/* Take a free slot on an engine of M that serves DISTRO and is not down
 * in this run, waiting while every one is taken: 0; 1 when no engine is
 * left for DISTRO (said, for WHAT); -1 on error (warned). Without
 * engines, S is the local default at once. */
int engines_take(const struct matrix *m, const char *distro, const char *what, struct slot *s);
void engines_release(struct slot *s);
/* Mark engine E down for the rest of this run (said): it takes no new
 * job. */
void engines_mark_down(const struct engine *e);
/* This run: the process that started the edge helper (ninja, past the
 * shell it runs commands with), as a line of its PID and start time, so
 * that a PID used again later is another run. */
char *engines_run(void);
/* Is engine E marked down in this run? */
int engines_down(const struct engine *e);
/* The engine NAME of M, or NULL. */
const struct engine *engines_named(const struct matrix *m, const char *name);
/* Send this process's engine commands to E (NULL: the local default). */
void engines_use(const struct engine *e);
/* Image REF of distro D on engine E (in use) when E lacks it: loaded
 * from the image cache, else pulled from the registry (where each is
 * configured), else streamed from an engine that has it, the local
 * default first, else built there as D's image edge builds it (image.h),
 * so that it is never built where it could be moved; output to the log
 * at LOG: 0, or -1 engine trouble, or a build there that failed (said).
 * One job at a time brings images to an engine. */
int engines_image(const struct matrix *m, const struct engine *e, const struct distro *d, const char *ref, const char *log);
