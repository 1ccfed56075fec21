/* Ninja syntax: the only module that writes it, and the escaping of paths
 * and commands in one place each. */

/* One build statement. Paths are raw; they are escaped when printed. */
struct edge {
	const char *rule;
	struct strv outs, ins, implicit, order;
	struct strv args;	/* $args: the helper's arguments, shell-quoted */
	struct strv vars;	/* more bindings: name, value pairs (plain text) */
	char *origin;		/* what makes the edge, for messages: "the job a:b" */
};

struct graph {
	struct strv program;	/* $orchgen: how commands call orchgen, as words */
	struct strv header;	/* top-level bindings: name, value pairs */
	struct edge *edges;
	size_t nedges;
	struct strv defaults;
};

/* A new edge in G for RULE with one output OUT (NULL: none yet), made for
 * what ORIGIN (printf-style) says. */
struct edge *graph_edge(struct graph *g, const char *rule, const char *out, const char *origin, ...);
void graph_free(struct graph *g);

/* Append S escaped as a Ninja path ($, space, ':' prefixed with $), or,
 * when PATH is 0, as a variable's value ($ doubled, leading blanks kept
 * with $). -1 if S holds a newline, or a path holds '|': Ninja cannot
 * express either. */
int ninja_escape(struct buf *b, const char *s, int path);
/* Append ARGV as shell words: each quoted when it needs it, then $ doubled. */
int ninja_command(struct buf *b, const struct strv *argv);
/* The whole file: $orchgen, header bindings, the TEMPLATE text, the edges, defaults.
 * -1 (warned) when some path or value cannot be expressed, or when two
 * edges would make one output (the message names both). */
int ninja_write(struct buf *b, const struct graph *g, const char *template);
/* Does TEMPLATE define rule NAME? A project's own template from before a
 * rule existed gets no edges that need it. */
int ninja_defines_rule(const char *template, const char *name);
