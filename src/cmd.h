/* The commands: each takes the arguments main.c parsed for it (only the
 * options its entry in main.c's table accepts, the required ones given)
 * and returns an exit status. */

struct cmdargs {
	const char *command;	/* its name */
	struct options o;
	const char *self;	/* how build.ninja calls orchgen: an absolute path */
	char *from, *again;	/* what o.from and o.again point to */
	struct refv dirargs;	/* the arguments of the -C options, as in argv */
	const char *distro, *suite, *variant;	/* --distro, --suite, --variant */
	const char *hash, *image, *key;	/* --hash, --image, --key: edge inputs */
	const char *out;	/* -o of the edge helpers */
	const char *format;	/* --format */
	int caches;		/* gc --caches */
	int keep_archives;	/* gc --keep-archives: older archives kept per repository */
	int follow;		/* hash --follow */
	int tail;		/* log -f */
	int rebuild;		/* image --rebuild */
	const char *junit, *json, *html;	/* report --junit, --json, --html: files to write */
	struct strv results;	/* report and list --results: result directories */
	unsigned shard, nshards;	/* list --shard=K/N (0 of 0: none); keys --shards=N */
	const char *context;	/* --context: a docker context's .dockerignore applies */
	struct strv exclude;	/* --exclude */
	struct strv rest;	/* operands */
	int dashdash;		/* how many operands came before "--"; -1: no "--" */
};

/* Say what is wrong with the command line ("orchgen: " and FMT), then
 * print the command's usage line, on stderr: EXIT_USAGE, to return. */
int cmd_usage(const struct cmdargs *a, const char *fmt, ...);

int cmd_generate(struct cmdargs *a);
int cmd_list(struct cmdargs *a);
int cmd_keys(struct cmdargs *a);
int cmd_gc(struct cmdargs *a);
int cmd_report(struct cmdargs *a);
int cmd_why(struct cmdargs *a);
int cmd_log(struct cmdargs *a);
int cmd_init(struct cmdargs *a);
int cmd_shell(struct cmdargs *a);
int cmd_exec(struct cmdargs *a);
int cmd_up(struct cmdargs *a);
int cmd_down(struct cmdargs *a);
int cmd_hash(struct cmdargs *a);
int cmd_base(struct cmdargs *a);
int cmd_image(struct cmdargs *a);
int cmd_warm(struct cmdargs *a);
int cmd_build(struct cmdargs *a);
int cmd_test(struct cmdargs *a);
int cmd_retest(struct cmdargs *a);
int cmd_probe(struct cmdargs *a);
