/* One container of the project, from start to removal: its name, mounts,
 * environment, deadlines, and what SIGINT or SIGTERM do to it. */

struct container {
	const struct matrix *m;
	char *name;		/* orch-<project>-<distro>-<what>-<nonce> */
	const char *job;	/* the orchgen.job label */
	const char *image;	/* the tag */
	struct mount *mounts;	/* owned */
	size_t nmounts;
	struct strv env;	/* NAME=VALUE */
	struct strv command;	/* what runs inside, for container_attach */
	const char *user;	/* uid:gid; NULL: the image's user */
	int copy_workspace;	/* workspace-mode = copy: copied in before the command */
	size_t workspace_root;	/* 1 + the index of the workspace's mount when
				 * it is the whole project (0: none), whose
				 * copy to another engine leaves .orch out */
	int append;		/* container_run appends to its log rather than truncating it */
	int keep;		/* it stays when it ends, for its owner to keep or remove */
	int copy_mounts;	/* the engine shares no files with this host: what
				 * would be mounted is copied in before the command
				 * starts, the status and artifacts back when it ends;
				 * a cache is an engine volume there */
	const char *engine;	/* with copy_mounts: the [engine] NAME, whose
				 * volumes are made one job at a time */
	char *outcome;		/* after container_run: what the driver recorded (driver.h), or NULL */
	const char *log;	/* during container_run: its log */
};

/* What a container is for, which decides how it mounts the workspace and
 * the build directory. */
enum use {
	USE_STAGE,	/* warm: workspace and build read-only */
	USE_BUILD,	/* build: the build directory writable */
	USE_JOB,	/* a job or shell: the workspace as workspace-mode says */
	USE_EXEC,	/* orchgen exec: the current directory at /workspace, writable */
};

/* A container of distro D's IMAGE, for JOB (a label; WHAT in the name). */
void container_init(struct container *c, const struct matrix *m, const struct distro *d,
    const char *image, const char *job, const char *what);
void container_free(struct container *c);
/* Mount host PATH (relative to the project, made absolute) at DST. */
void container_mount(struct container *c, const char *path, const char *dst, int readonly);
/* The workspace at /workspace, D's caches (writable) and, when the project
 * builds, D's build directory at MOUNT_BUILD, each as USE says. Creates the
 * host directories. On an engine that shares no files, the caches and the
 * build directory are that engine's volumes (engines.h), which its stages
 * fill there. 0 or -1 (warned). */
int container_mount_stages(struct container *c, const struct distro *d, enum use use);
/* On an engine that shares no files (C->copy_mounts): create C, its
 * volumes made (labelled for the project) and nothing copied in, never
 * started; copy each file PATHS->v[I] inside it to DIR/peek-I on this
 * host (a file it lacks: none there); remove it. Cheap: it reads what the
 * engine's volumes hold. 0, or -1 engine trouble (said in the log at
 * LOG). */
int container_peek(struct container *c, const struct strv *paths, const char *dir, const char *log);
/* Run the driver that driver_write() put in run directory RUN to its end,
 * output to the log at LOG (truncated, or appended to when C->append): a
 * warning at WARN_S seconds, killed and removed at KILL_S (0: never).
 * SIGINT and SIGTERM remove it, then end this process by the same signal.
 * The command's exit status (C->outcome says more); -2 after a kill at the
 * deadline; -1 engine trouble (explained). */
int container_run(struct container *c, const char *run, const char *log, long warn_s, long kill_s);
/* Start C again after container_run() ended with C->keep: its filesystem
 * and mounts as they were, the same command (a spread job that asked to
 * reboot), output appended to LOG. As container_run. */
int container_restart(struct container *c, const char *run, const char *log, long warn_s, long kill_s);
/* Run C's command attached to our stdin, stdout and stderr (a terminal of
 * its own when ours are terminals), for a person or a pipe to talk to, to
 * the end: no log, no deadline. SIGINT and SIGQUIT go to the engine's
 * client, which forwards them; SIGTERM and SIGHUP remove the container,
 * then end this process by the same signal. The command's exit status, or
 * -1 on engine trouble: the engine's own status 125, which without a
 * driver cannot be told from a command's 125 (said on stderr). */
int container_attach(struct container *c);
/* Start C's command (none: the image's own) detached, its stdin held open
 * so that a shell waits on it, and left when it ends (no --rm), for its
 * owner to remove. 0 when it still runs a moment later; 1 when it ended at
 * once (its output and status said, the container removed); -1 on engine
 * trouble (explained). */
int container_start(struct container *c);
/* Run COMMAND in the running container NAME of M's engine, attached as
 * container_attach() runs one: the command's exit status, -1 when it
 * could not start (said). */
int container_exec(const struct matrix *m, const char *name, const struct strv *command);
