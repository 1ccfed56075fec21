/* The container engine: the only module that knows docker's command line. */

/* Whose the engine's containers and images are, as their labels say: the
 * project (orchgen.project) and the checkout of it (orchgen.checkout), so
 * that two checkouts of one project on one engine never take each other's
 * for leftovers. */
struct owner {
	const char *project, *checkout;
};

/* A `docker build`. */
struct build_spec {
	const char *engine;	/* docker or podman */
	const char *dockerfile, *context, *tag;
	const char *base;	/* BASE_IMAGE */
	const struct strv *build_args;	/* KEY=VALUE */
	struct owner owner;
	int no_cache;		/* build every step again (--no-cache) */
};

/* A bind mount: SRC an absolute host path. */
struct mount {
	char *src, *dst;
	int readonly;
	char *volume;	/* on an engine that shares no files, the engine
			 * volume mounted instead (a cache's, the build
			 * directory's); NULL: SRC is copied in */
};

/* What a run connects to the client's own terminal: stdin (-i), and a
 * terminal of its own (-t), which only a terminal on our side can feed;
 * or that it runs detached (-d), the client gone once it started: with
 * ENGINE_STDIN, its stdin stays open, so that a shell waits on it. */
enum { ENGINE_STDIN = 1, ENGINE_TTY = 2, ENGINE_DETACH = 4 };

/* Where the client's commands go: an engine's host URL and TLS files
 * (NULL: the client's own defaults, DOCKER_HOST or the default socket). */
struct target {
	const char *name;	/* the [engine NAME], for messages; NULL: the local default */
	const char *host;
	const char *tlscacert, *tlscert, *tlskey;
	int tlsverify;
};
/* Send every later command of this process to T (NULL: the default). */
void engine_target(const struct target *t);

/* A `docker run` of one job or stage. */
struct run_spec {
	const char *engine;
	const char *name;	/* container name */
	struct owner owner;
	const char *job;	/* the orchgen.job label */
	const struct mount *mounts;
	size_t nmounts;
	const char *workdir;
	const char *user;	/* uid:gid, or NULL: the image's user */
	int interactive;	/* ENGINE_STDIN | ENGINE_TTY | ENGINE_DETACH, or 0: stdin from nothing */
	int keep;		/* no --rm: the container stays when it ends */
	int create;		/* `create` it only, for engine_start_argv (never --rm) */
	int volumes;		/* the engine shares no files: only the mounts
				 * with a volume are made, as that volume */
	const struct strv *env;	/* NAME=VALUE set in the container */
	const struct strv *pass;	/* NAMES whose host values pass through */
	const char *image;
	const struct strv *command;	/* what runs inside the container */
};

/* The ID of image REF into ID (size n): 0 present, 1 missing, -1 the engine
 * did not answer (explained on stderr). */
int engine_image_id(const char *engine, const char *ref, char *id, size_t n);
/* The IDs of the N images REFS, from one listing of the engine's images
 * (one request, however many REFS): IDS[i] a new string, or NULL when
 * REFS[i] is not listed. A reference is matched in the short form a listing
 * shows (debian for docker.io/library/debian:latest); one the listing
 * cannot show counts as missing. 0, or -1 the engine did not answer
 * (explained; every IDS[i] NULL). */
int engine_image_ids(const char *engine, const char *const *refs, size_t n, char **ids);
/* Who would answer engine_quiet_since(): the identity of the daemon (its
 * socket, made anew each time it starts), or NULL when it cannot be asked
 * that way (another engine program, a remote host). */
char *engine_watch_id(const char *engine);
/* Has ENGINE certainly changed none of its images since SINCE ("SEC.NSEC"
 * by this host's clock)? From its event buffer, in one request: 1 it has
 * not; 0 it may have; -1 it cannot tell (no answer, a clock that is not
 * this host's, no such question for this engine). */
int engine_quiet_since(const char *engine, const char *since);
/* Does image REF have a command of its own (an entrypoint or a command)?
 * 1, 0 (also when it is gone), -1 the engine did not answer (explained). */
int engine_image_command(const char *engine, const char *ref);
/* Pull REF, output to LOGFD: 0, 1 failed, -1 engine trouble. */
int engine_pull(const char *engine, const char *ref, int logfd);
/* Does ERR, what a failed pull said, say that the registry answered but
 * has no such image (rather than that it did not answer)? */
int engine_absent(const char *err);
/* Push REF, output to LOGFD: 0, 1 failed, -1 engine trouble. */
int engine_push(const char *engine, const char *ref, int logfd);
/* Save image TAG, with its tag, as one archive at PATH that load reads
 * (an uncompressed tar: see README, Images that travel), output to LOGFD:
 * 0, 1 failed, -1 engine trouble. */
int engine_save(const char *engine, const char *tag, const char *path, int logfd);
/* Load the images and tags the archive at PATH holds, output to LOGFD:
 * 0, 1 failed (a truncated or corrupt archive), -1 engine trouble. */
int engine_load(const char *engine, const char *path, int logfd);
/* Build, output to LOGFD: 0, 1 the build failed, -1 engine trouble. */
int engine_build(const struct build_spec *b, int logfd);
/* Import the root filesystem tarball TAR as image TAG, labelled for
 * OWNER, output to LOGFD: 0, 1 failed, -1 engine trouble. */
int engine_import(const char *engine, const char *tar, const char *tag, const struct owner *owner, int logfd);
/* The argument vector of a job's `run`: --rm, --init, labels, mounts. */
void engine_run_argv(const struct run_spec *r, struct strv *argv);
/* The argument vector of an `exec` of COMMAND in running container NAME,
 * in the working directory it was run with, with INTERACTIVE's
 * ENGINE_STDIN and ENGINE_TTY. */
void engine_exec_argv(const char *engine, const char *name, int interactive, const struct strv *command, struct strv *argv);
/* The argument vector that starts created container NAME attached to
 * its output, to its end. */
void engine_start_argv(const char *engine, const char *name, struct strv *argv);
/* docker cp FROM TO (NAME:PATH on either side), output to LOGFD: 0, or -1
 * (the engine's message in LOGFD). */
int engine_cp(const char *engine, const char *from, const char *to, int logfd);
/* engine_cp() of directory FROM into created CONTAINER as /NAME (a plain
 * name, not there yet), without FROM's entry EXCEPT: one tar stream. */
int engine_cp_except(const char *engine, const char *from, const char *container, const char *name,
    const char *except, int logfd);
/* Does the engine answer: 0, or -1 (explained). */
int engine_answers(const char *engine);
/* Image REF saved from engine FROM and loaded into engine TO, output to
 * LOGFD: 0, or -1. */
int engine_stream(const char *engine, const char *ref, const struct target *from, const struct target *to, int logfd);
/* Is container NAME running: 1, 0 (stopped or gone), -1 the engine did not
 * answer (explained). */
int engine_running(const char *engine, const char *name);
/* The exit status container NAME ended with; -1 when it cannot be told. */
int engine_exit_code(const char *engine, const char *name);
/* The command that starts the stopped container NAME again, as it was
 * made (its filesystem kept), attached to its output; appended to ARGV. */
void engine_start_argv(const char *engine, const char *name, struct strv *argv);
/* Did a `run` exit with the engine's own failure status (not the job's)? */
int engine_run_failed(int status);
/* Kill and remove container NAME; quiet when it is already gone. */
void engine_remove(const char *engine, const char *name);
/* The containers (names) or images (repository:tag, or the ID of one that
 * lost its tag) labelled for OWNER, appended to OUT: 0, or -1 engine
 * trouble (explained). */
int engine_containers(const char *engine, const struct owner *owner, struct strv *out);
int engine_images(const char *engine, const struct owner *owner, struct strv *out);
/* The names of OWNER's volumes into OUT: 0, or -1 (explained). */
int engine_volumes(const char *engine, const struct owner *owner, struct strv *out);
/* Which of the volumes NAMES the engine has, into THERE, with one
 * question: 0, or -1 the engine did not answer (its message on stderr). */
int engine_volumes_there(const char *engine, const struct strv *names, struct strv *there);
/* Volume NAME made, labelled for OWNER: 0, or -1 the engine did not
 * answer (its message on stderr). */
int engine_volume_create(const char *engine, const char *name, const struct owner *owner);
/* Remove volume NAME: 0, or -1 (the engine's message on stderr). */
int engine_volume_rm(const char *engine, const char *name);
/* Save the filesystem of container NAME as image TAG, labelled for OWNER:
 * 0, or -1 (the engine's message on stderr). */
int engine_commit(const char *engine, const char *name, const char *tag, const struct owner *owner);
/* Tag image REF as TAG too: 0, or -1 (the engine's message on stderr). */
int engine_tag(const char *engine, const char *ref, const char *tag);
/* Remove image REF (a tag): 0, or -1 (the engine's message on stderr). */
int engine_rmi(const char *engine, const char *ref);
/* Print how to start an engine after its client said ERR. */
void engine_trouble(const char *engine, const char *err);
