/* Ninja syntax: the only module that writes it, and the escaping of paths
 * and commands in one place each. */

/* What an edge lists, in the order a build statement has them. */
enum edge_list { EDGE_OUT, EDGE_IN, EDGE_IMPLICIT, EDGE_ORDER, EDGE_ARG, EDGE_NLISTS };

/* One build statement. It owns none of its strings: each is the graph's
 * (graph_own) or outlives the graph. Paths are raw; they are escaped when
 * printed. */
struct edge {
	const char *rule;
	const char **v;		/* its lists, one after the other (edge_list) */
	unsigned n[EDGE_NLISTS], cap;
	const char *var[2][2];	/* variables of its own besides $args: name, value (one shell word); name NULL: none */
	const char *what;	/* $what; NULL: not set */
	const char *origin;	/* what makes the edge, for messages: a format of %s only */
	const char *oarg[4];	/* its arguments */
};

struct graph {
	struct strv program;	/* $orchgen: how commands call orchgen, as words */
	struct strv header;	/* top-level bindings: name, value pairs (plain text) */
	struct strv rules;	/* rules of its own, as Ninja text, after the template's */
	struct edge *edges;
	size_t nedges, cap;
	struct strv defaults;
	struct strv owned;	/* strings the graph frees */
};

/* A new edge in G for RULE with one output OUT (NULL: none yet), made for
 * what ORIGIN says: a format whose every conversion is %s, at most four,
 * each argument a string that outlives G (it is formatted only for a
 * message), or NULL for the output the message is about (an edge of many
 * outputs). A later graph_edge() may move the edges: add to E first. */
struct edge *graph_edge(struct graph *g, const char *rule, const char *out, const char *origin, ...);
/* Add S to E's list L. */
void edge_add(struct edge *e, enum edge_list l, const char *s);
/* E's list L: its N strings. */
const char *const *edge_list(const struct edge *e, enum edge_list l, unsigned *n);
/* What makes E, or its output OUT, as a new string: "the job of suite a
 * on alpha". */
char *edge_origin(const struct edge *e, const char *out);
/* G takes S (allocated), to free with itself; S is returned. */
const char *graph_own(struct graph *g, char *s);
void graph_free(struct graph *g);

/* Append S escaped as a Ninja path ($, space, ':' prefixed with $), or,
 * when PATH is 0, as a variable's value ($ doubled, leading blanks kept
 * with $). -1 if S holds a newline, or a path holds '|': Ninja cannot
 * express either. */
int ninja_escape(struct buf *b, const char *s, int path);
/* Append the N WORDS as shell words: each quoted when it needs it, $ doubled. */
int ninja_command(struct buf *b, const char *const *words, size_t n);
/* The whole file: $orchgen, header bindings, the TEMPLATE text, G's own
 * rules, the edges, defaults. -1 (warned) when some path or value cannot be
 * expressed, or when two edges would make one output (the message names
 * both). */
int ninja_write(struct buf *b, const struct graph *g, const char *template);
/* Rule NAME in TEMPLATE: its text, from its "rule" line to the end of its
 * last binding (*LEN bytes, its last newline included); NULL when TEMPLATE
 * does not define it. */
const char *ninja_rule(const char *template, const char *name, size_t *len);
/* Rule NAME of TEMPLATE copied as rule AS, each use of a variable
 * SUBST[2i] in it ($v or ${v}) replaced by the Ninja text SUBST[2i + 1]
 * (SUBST ends with NULL): a new string; NULL when TEMPLATE lacks the rule,
 * or the rule uses no SUBST[0]. */
char *ninja_rule_copy(const char *template, const char *name, const char *as, const char *const *subst);
/* Does G define rule NAME itself (G's rules)? */
int graph_defines_rule(const struct graph *g, const char *name);
/* Is S one shell word as it is, and Ninja text as it is: nothing in it to
 * quote or escape? */
int ninja_plain_word(const char *s);
/* Does TEMPLATE define rule NAME? A project's own template from before a
 * rule existed gets no edges that need it. */
int ninja_defines_rule(const char *template, const char *name);
