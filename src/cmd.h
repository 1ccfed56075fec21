/* The subcommands and the arguments they share. Each returns an exit status. */

struct cmdargs {
	struct options o;
	const char *self;	/* how build.ninja calls orchgen */
	const char *distro, *suite, *variant;	/* --distro, --suite, --variant */
	const char *hash, *image, *key;	/* --hash, --image, --key: edge inputs */
	const char *out;	/* -o of the edge helpers */
	const char *format;	/* --format */
	int caches;		/* gc --caches */
	const char *context;	/* --context: a docker context's .dockerignore applies */
	struct strv exclude;	/* --exclude */
	struct strv rest;	/* operands */
	int dashdash;		/* how many operands came before "--"; -1: no "--" */
};

int cmd_generate(struct cmdargs *a);
int cmd_list(struct cmdargs *a);
int cmd_keys(struct cmdargs *a);
int cmd_hash(struct cmdargs *a);
int cmd_image(struct cmdargs *a);
int cmd_test(struct cmdargs *a);
int cmd_base(struct cmdargs *a);
int cmd_warm(struct cmdargs *a);
int cmd_build(struct cmdargs *a);
int cmd_gc(struct cmdargs *a);
int cmd_shell(struct cmdargs *a);
int cmd_exec(struct cmdargs *a);

/* The image tag of distro D for a context hash CONTEXT and base image ID
 * BASE_ID ("" when not known): <project>-<distro>:<16 hex digits>. */
char *image_tag(const struct matrix *m, const struct distro *d, const char *context, const char *base_id);
/* The tag of distro D's base imported from its rootfs recipe:
 * <project>-base-<distro>:<16 hex digits of the recipe's hash>. */
char *base_tag(const struct matrix *m, const struct distro *d);
