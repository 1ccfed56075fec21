/* YAML files, read into a tree of nodes with their positions: the only
 * module that uses libyaml. It refuses what a hostile or mistaken file
 * could cost or mean twice: more than 1 MiB, nesting deeper than 32
 * levels, more than 100000 nodes or 16 MiB of text (counting what aliases
 * copy), more than 256 anchors, a key given twice in a mapping, merge keys
 * (<<), more than one document. Errors are printed as
 * "orchgen: PATH:LINE:COL: message". Its functions are ynode_*: libyaml
 * owns the yaml_ prefix (yaml_free is one of its own). */
#include <stdarg.h>

enum ytype { Y_SCALAR, Y_SEQUENCE, Y_MAPPING };

struct ynode {
	enum ytype type;
	char *text;		/* a scalar's value */
	int plain;		/* an unquoted scalar, which may stand for null */
	int line, col;		/* 1-based */
	struct ynode *kid, *next;	/* a mapping's children alternate key, value */
};

/* Read PATH and parse its one document into *ROOT (NULL when the file
 * holds no document at all). 0, or -1 (reported). */
int ynode_load(const char *path, struct ynode **root);
void ynode_free(struct ynode *n);
/* Is N a plain "", "~" or "null": no value at all? */
int ynode_isnull(const struct ynode *n);
/* "a scalar", "a sequence" or "a mapping", for messages. */
const char *ynode_kind(const struct ynode *n);
/* Report "PATH:LINE:COL: message"; -1, for the caller to return. */
int ynode_report(const char *path, int line, int col, const char *fmt, ...);
int ynode_vreport(const char *path, int line, int col, const char *fmt, va_list ap);
