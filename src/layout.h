/* Where orchgen keeps a project's state under .orch: one place that names
 * every file the stages share, so generator and helpers agree. */

/* The tag of distro D's imported base: the base edge's output. */
char *base_path(const struct distro *d);
/* Distro D's stage files (logs, stamps, scripts of base, image, warm and
 * build), apart from .orch/logs/D where suite logs live, so that a suite
 * named "build" never meets the build stage. */
char *stage_path(const struct distro *d, const char *name);
/* The stamp of stage STAGE ("warm", "build") of D: written on success. */
char *stage_stamp(const struct distro *d, const char *stage);
/* The host directory of cache C for distro D. */
char *cache_dir(const struct cache *c, const struct distro *d);
/* Distro D's build directory, mounted at BUILD_MOUNT. */
char *build_dir(const struct distro *d);

#define BUILD_MOUNT "/build"
