/* What an edge's output was made of, written with it so that `orchgen
 * why` can tell, input by input, what changed since: lines of NAME VALUE
 * (a value's newlines and backslashes escaped), in the order added. An
 * image keeps its record beside its tag, a stage in its stamp, a job in
 * its stamp (with its image's and its build's, prefixed "image." and
 * "build."). */

struct record {
	struct strv pairs;	/* name, value, name, value... */
};

void record_add(struct record *r, const char *name, const char *value);
/* Every pair of FROM, each name after PREFIX. */
void record_merge(struct record *r, const char *prefix, const struct record *from);
/* The value of NAME, or NULL. */
const char *record_get(const struct record *r, const char *name);
/* Write R to PATH atomically: 0 or -1 (warned). */
int record_write(const char *path, const struct record *r);
/* Does the file at PATH hold exactly R, as record_write() writes it? 0
 * when not, or when it cannot be read. */
int record_holds(const char *path, const struct record *r);
/* Read the record at PATH into R (empty when there is none): 0, or -1 when
 * the file is there but is not a record. */
int record_read(const char *path, struct record *r);
void record_free(struct record *r);
