/* Every content key and tag, in one place: what an image, a stage or a job
 * depends on besides its input files. Which settings feed which key is
 * declared beside each setting (matrix.c); this module only hashes them.
 * Keys of settings go on edges' command lines, so that Ninja reruns an
 * edge when they change (it compares command lines through .ninja_log). */

struct record;
struct strv;

#define KEY_HEX 16	/* hex digits of a printed key or a tag */

/* The hash of the settings of M (D's own too) that feed one of FEEDS. */
void key_settings(const struct matrix *m, const struct distro *d, unsigned feeds, char hex[HASH_HEX + 1]);

/* The tag of distro D's base imported from its rootfs recipe:
 * <project>-base-<distro>:<key of the recipe>. */
char *key_base_tag(const struct matrix *m, const struct distro *d);
/* The reference of D's base image: its `base`, or the imported tag. */
char *key_base_ref(const struct matrix *m, const struct distro *d);
/* D's image key from CONTEXT (the context's hash) and the base image's ID
 * BASE_ID ("" when not known: the key CI caches use, which only the
 * engine could otherwise complete). */
void key_image(const struct matrix *m, const struct distro *d, const char *context, const char *base_id,
    char out[KEY_HEX + 1]);
/* The tag of D's image: <project>-<distro>:<key_image>. */
char *key_image_tag(const struct matrix *m, const struct distro *d, const char *context, const char *base_id);
/* The settings of M (D's own too) that feed one of FEEDS, added to the
 * record R as "setting.NAME" (record.h). */
void key_record(struct record *r, const struct matrix *m, const struct distro *d, unsigned feeds);
/* The key of this checkout: its real path's, labelled on the engine's
 * containers and images (engine.h's owner). */
const char *key_checkout(void);
/* A stage's key for CI caches: the image key, the hash of the stage's
 * settings, the hash of its files ("" when it has none). */
void key_stage(const char *image, const char *settings, const char *files, char out[KEY_HEX + 1]);
/* Distro DISTRO's run state's key for CI caches (.orch but its caches and
 * build directories: stamps, results, logs, Ninja's log): its name, the
 * keys of its stages, base, image, warm and build ("" for one it lacks),
 * the hash of its jobs' settings, and SUITES, the name and hash of each
 * suite it has jobs of, in turn. */
#define KEY_RUN_STAGES 4
void key_run(const char *distro, const char *const stages[KEY_RUN_STAGES], const char *settings,
    const struct strv *suites, char out[KEY_HEX + 1]);
