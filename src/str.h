/* Growable strings and string vectors. */
#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *s;	/* always NUL-terminated once anything was added */
	size_t len, cap;
};

void buf_putc(struct buf *b, char c);
void buf_puts(struct buf *b, const char *s);
void buf_putn(struct buf *b, const char *s, size_t n);
void buf_printf(struct buf *b, const char *fmt, ...);
void buf_vprintf(struct buf *b, const char *fmt, va_list ap);
/* The contents, "" for an empty buffer; owned by the buffer. */
const char *buf_str(struct buf *b);
void buf_free(struct buf *b);
/* Does the shell take byte C as itself, unquoted, in any word? */
int str_shell_safe(unsigned char c);
/* Append S as one shell word, for a line a user may copy: bare when the
 * shell takes every byte as itself, else in single quotes. */
void buf_shell_word(struct buf *b, const char *s);

/* The strings up to a NULL, one after the other, as a new string: a join
 * that is cheaper than formatting. */
char *str_join(const char *s, ...);

struct strv {
	char **v;
	size_t n, cap;
};

/* Append a copy of S. */
void strv_push(struct strv *sv, const char *s);
/* Append S itself; the vector now owns it. */
void strv_take(struct strv *sv, char *s);
void strv_sort(struct strv *sv);
/* Sort SV and drop repeated entries. */
void strv_uniq(struct strv *sv);
int strv_contains(const struct strv *sv, const char *s);
/* The index of the first of SV's sorted strings not before KEY (SV->n: none). */
size_t strv_lower_bound(const struct strv *sv, const char *key);
/* Split S on blanks (space, tab, newline) and append each word. */
void strv_split(struct strv *sv, const char *s);
void strv_free(struct strv *sv);

/* A vector of strings that it does not own: each outlives it. */
struct refv {
	const char **v;
	size_t n, cap;
};

void refv_push(struct refv *rv, const char *s);
/* Sort RV by the strings and drop repeated ones. */
void refv_uniq(struct refv *rv);
void refv_free(struct refv *rv);
