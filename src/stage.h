/* A stage of a distro: warm (the caches' warm commands) or build (the
 * project's build command), in one container of the distro's image, the
 * workspace read-only, the caches and, for build, the build directory
 * writable. Here (orchgen warm and build) it fills the directories under
 * .orch; on an engine that shares no files, a job that starts there first
 * runs it into that engine's volumes when they lack the stamp the stage
 * left here, so that each engine builds and warms what its jobs mount.
 * Either way the directories carry the stamp of the run that filled them
 * (layout_carried_stamps), written only when it succeeded and removed
 * before it starts: nothing half-made counts as done. */

struct stage {
	const struct matrix *m;
	const struct distro *d;
	const char *name;	/* "warm" or "build" */
	const char *image;	/* the tag */
	char *run, *log;	/* its run directory and log */
	const struct engine *engine;	/* NULL: here; or an engine that shares no files */
	char *stamp;		/* there: the stamp its volumes carry once it succeeded (owned) */
};

/* Write ST's scripts and run its container to its end, again after engine
 * trouble at most RETRIES times: 0; EXIT_ENGINE; or EXIT_JOBFAIL, the
 * log's tail and why said for WHAT. */
int stage_run(struct stage *st, const char *what, int retries);

/* Before a job of distro D starts on engine E (in use, sharing no files,
 * with IMAGE there): each of D's stages whose volumes there lack the
 * stamp it left here runs there first, warm before build, one job at a
 * time per engine and distro (the others wait, then find it done). A note
 * of each in the job's log at LOG. 0; 1 a stage failed there or never ran
 * here (*WHY says which, new); -1 engine trouble. */
int stage_there(const struct matrix *m, const struct distro *d, const struct engine *e, const char *image,
    const char *log, char **why);
