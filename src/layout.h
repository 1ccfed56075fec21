/* Where orchgen keeps a project's state, and what Ninja calls things: the
 * one module that names every path under .orch and every target, so that
 * the generator, the edge helpers, gc and keys cannot disagree. Every
 * function returns a new string. */

struct matrix;
struct distro;
struct strv;

#define ORCH ".orch"		/* all of orchgen's state, Ninja's builddir too */

/* Where containers see things: the mount points orchgen uses, which no
 * configured mount may take. */
#define MOUNT_WORKSPACE "/workspace"	/* the workspace, and the working directory */
#define MOUNT_WORKSPACE_COPY "/.orchgen-workspace"	/* copied to /workspace (workspace-mode = copy) */
#define MOUNT_BUILD "/build"		/* the distro's build directory */
#define MOUNT_RUN "/.orchgen"		/* the run directory: the driver and scripts, read-only */
#define MOUNT_STATUS "/.orchgen-status"	/* its status directory, writable (driver.h) */
#define MOUNT_ARTIFACTS "/.orchgen-artifacts"	/* the job's artifacts directory */
extern const char *const layout_mounts[];

/* Files of orchgen's own that are never inputs, besides the output file. */
extern const char *const layout_own_state[];
/* The directories of the inputs' and distros' state, which orchgen gc
 * sweeps of what no input or distro names (the jobs' are below each
 * layout_job_root()). */
extern const char *const layout_state_roots[];

/* The outputs of a spread project's $(HOST:...) commands, as generation
 * ran them, for its jobs: never in build.ninja (spread.h). */
#define LAYOUT_SPREAD_HOSTS ORCH "/spread-hosts"

/* Never exists: an edge that depends on it runs on every ninja invocation. */
#define LAYOUT_ALWAYS ORCH "/always"

/* The hash of input group NAME ("context", "sources", "warm-inputs"), and
 * of suite SUITE's files (suffixed, so that a suite nested in another never
 * needs a file and a directory of one name). */
char *layout_hash(const char *name);
char *layout_suite_hash(const char *suite);
/* The stat cache kept beside hash file HASH. */
char *layout_stat_cache(const char *hash);

/* Distro D's recorded tags: the base imported from its rootfs recipe, its
 * image. The base and image edges' outputs. */
char *layout_base(const char *distro);
char *layout_image(const char *distro);
/* Distro D's presence file: what orchgen probe last found of its base and
 * image in the engine, rewritten only when that changes. An input of its
 * image and base edges. */
char *layout_present(const char *distro);
/* The probe's output, never made, so that it runs on every ninja. */
#define LAYOUT_PROBE ORCH "/probe.always"
/* What the probe's last full look at the engine was: which engine, which
 * images, and when (presence.c). */
#define LAYOUT_LOOK ORCH "/look"
/* The output of rebuild-D: the tag it built last. */
char *layout_rebuild(const char *distro);
/* Distro D's stage files (NAME: "image.log", "warm", "build.log"...), apart
 * from the jobs' files, so that a suite named "build" never meets the
 * build stage. */
char *layout_stage(const char *distro, const char *name);
/* The log of stage STAGE ("base", "image", "warm", "build") of D. */
char *layout_stage_log(const char *distro, const char *stage);
/* What D's image was made of (STAGE "image"), for orchgen why: record.h. */
char *layout_record(const char *distro, const char *stage);
/* The mark that stage STAGE ("base", "image", "warm", "build") of D failed
 * when it last ran: written when its helper fails, removed when it next
 * succeeds, so that a report can say why D's jobs have no result. */
char *layout_stage_failed(const char *distro, const char *stage);
/* The stamp of stage STAGE ("warm", "build") of D: written on success. */
char *layout_stage_stamp(const char *distro, const char *stage);
/* The host directory of cache NAME, for distro D when PER_DISTRO. */
char *layout_cache(const char *name, const char *distro, int per_distro);
/* Distro D's build directory, mounted at MOUNT_BUILD. */
char *layout_build(const char *distro);
/* The stamps a stage carries with the directories it fills, so that a
 * directory restored alone (a CI cache entry) counts as done when its
 * stamp holds what the stage would be made of now: STAGE's stamp of D in
 * DIR, ".orchgen-STAGE-D.ok" (no distro's or cache's name starts with a
 * dot). Of the stage, every one: for "build", in D's build directory; for
 * "warm", in D's directory of each cache that has a warm command. */
char *layout_carried_stamp(const char *dir, const char *stage, const char *distro);
void layout_carried_stamps(const struct matrix *m, const struct distro *d, const char *stage, struct strv *out);
/* The same stamps where a container of the stage or a job mounts those
 * directories (an engine's volumes carry them there). */
void layout_mounted_stamps(const struct matrix *m, const struct distro *d, const char *stage, struct strv *out);
/* The run directory of orchgen gc's container, and its log. */
char *layout_gc(void);
char *layout_gc_log(void);

/* The image cache ([project] image-cache) at DIR: one archive per tag,
 * DIR/REPOSITORY/KEY.tar for the tag REPOSITORY:KEY, so that the archives
 * of one distro's image (or base) share a directory. The directory of
 * REPO's archives; the archive of TAG. */
char *layout_archive_dir(const char *dir, const char *repo);
char *layout_archive(const char *dir, const char *tag);
/* Is NAME the file name of an archive (KEY.tar, KEY as key.h prints it)? */
int layout_is_archive(const char *name);
/* Engine NAME's slot I (a lock file a running job holds), and the mark
 * that it is down for the run that wrote it. */
char *layout_engine_slot(const char *name, int i);
char *layout_engine_down(const char *name);
/* The lock a job holds while it loads an image into engine NAME. */
char *layout_engine_images(const char *name);
/* The lock held while a job makes engine NAME's volumes. */
char *layout_engine_volumes(const char *name);
/* Stage STAGE of distro D run on engine NAME into its volumes: its run
 * directory and its log; and the lock a job holds while it brings D's
 * stages there up to date. */
char *layout_engine_stage(const char *name, const char *distro, const char *stage);
char *layout_engine_stage_log(const char *name, const char *distro, const char *stage);
/* The mark that it failed there, for the run and the stamp it holds. */
char *layout_engine_stage_failed(const char *name, const char *distro, const char *stage);
char *layout_engine_stages(const char *name, const char *distro);
/* What the last look at D's volumes on engine NAME found held, in which
 * run: later jobs of that run there need not look again. */
char *layout_engine_stages_held(const char *name, const char *distro);

/* A job's name as a path: "D/S" or "D/S:V". */
char *layout_job_file(const char *distro, const char *suite, const char *variant);

/* The kinds of per-job paths, each under its own root, named after the
 * job's file. */
enum job_path {
	JOB_STAMP,	/* the job passed: .orch/stamp/D/S[:V].ok */
	JOB_LOG,	/* its last run's output */
	JOB_RESULT,	/* its last result, pass or fail */
	JOB_RUN,	/* the directory of its scripts, mounted at /.orchgen */
	JOB_ARTIFACTS,	/* the directory of its artifacts */
	JOB_RETEST,	/* the retest edge's output, never made (of a distro: FILE is D) */
	JOB_KEPT,	/* the name of its container, kept after its last run (keep) */
	JOB_NPATHS,
};

/* Path WHAT of the job whose file is FILE. */
char *layout_job(enum job_path what, const char *file);
/* The longest suffix a job's path has: no part of any job path is longer
 * than the longest part of its file plus this (the roots' are short). */
size_t layout_job_suffix_max(void);
/* The directory every path WHAT of every job is below. */
const char *layout_job_root(enum job_path what);

/* The output of shell-D, never made. */
char *layout_shell(const char *distro);
/* The name of D's container that orchgen up started. */
char *layout_up(const char *distro);

/* The status directory inside a container's run directory RUN, and the
 * lock that keeps two runs of one job or stage from running at once. */
char *layout_status(const char *run);
char *layout_lock(const char *run);

/* Ninja targets. KIND-D for a distro ("image", "test", "retest"...), the
 * job targets KIND-D/S[:V] (FILE: the job's or a suite's, "D/S"), and the
 * targets over every distro. */
char *layout_target(const char *kind, const char *distro);
char *layout_job_target(const char *kind, const char *file);
#define TARGET_ALL "all-distros"
#define TARGET_IMAGES "images"
#define TARGET_WARM "warm"
#define TARGET_REPORT "report"
/* The report edge's output, never made. */
#define LAYOUT_REPORT ORCH "/report.always"
