/* Docker's .dockerignore patterns (glob.h says what they mean): a pattern
 * is checked and translated as docker does, then its Go regexp is read
 * into a program that runs all its threads in step (a Pike VM without
 * captures), never backtracking. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "glob.h"
#include "util.h"

#define RUNE_ERROR 0xFFFDu
#define RUNE_MAX 0x10FFFFu
#define END UINT32_MAX		/* what scan_peek sees past the pattern */
#define NONE SIZE_MAX		/* no atom to repeat */

/* Docker's four ways of matching, chosen as it compiles a pattern. */
enum kind { KIND_EXACT, KIND_PREFIX, KIND_SUFFIX, KIND_REGEXP };

enum op {
	OP_RUNE, OP_CLASS, OP_ANY,		/* consume one character */
	OP_SPLIT, OP_JMP,			/* go to pc + x (and pc + y) */
	OP_BEGIN, OP_END, OP_WORD, OP_NOTWORD,	/* go on to pc + 1 if true */
	OP_MATCH,
};

/* Jumps are relative, so that a block can be moved without rewriting it. */
struct inst {
	enum op op;
	int neg;	/* CLASS: what is outside the ranges */
	long x, y;	/* RUNE: the rune; CLASS: first range, count */
};

struct range {
	uint32_t lo, hi;
};

struct prog {
	struct inst *v;
	size_t n, cap;
	struct range *r;
	size_t nr, rcap;
	size_t *start;		/* where each alternative starts */
	size_t nstart;
};

struct runes {
	uint32_t *v;
	size_t n, cap;
};

/* A compiled pattern. */
struct glob {
	enum kind kind;
	const char *pat;
	size_t len;
	struct prog prog;	/* KIND_REGEXP */
};

/* Reading docker's regexp into a program. */
struct parse {
	const uint32_t *t, *end;
	struct prog *prog;
	size_t last;		/* where the last atom starts, or NONE */
	size_t *open;		/* where each open group starts */
	size_t depth;
};

/* Running a program over a text. */
struct run {
	const struct prog *prog;
	const char *s;
	size_t n, pos;
	size_t *seed, nseed;	/* pcs after the character just taken */
	size_t *next, nnext;	/* pcs that take the next character */
	size_t *mark, gen;	/* the closure in which each pc was queued */
	size_t *stack, sp;
	int parents;		/* also try the text up to each '/' */
	int at_end;		/* the text is taken to end at pos */
	int matched;
};

/* Character sets as pairs of bytes, low and high, in Go's order. */
#define PAIRS(s) s, sizeof(s) - 1
static const struct named {
	const char *name, *pairs;
	size_t len;
} named[] = {
	{"[:alnum:]", PAIRS("09AZaz")},
	{"[:alpha:]", PAIRS("AZaz")},
	{"[:ascii:]", PAIRS("\0\177")},
	{"[:blank:]", PAIRS("\t\t  ")},
	{"[:cntrl:]", PAIRS("\0\37\177\177")},
	{"[:digit:]", PAIRS("09")},
	{"[:graph:]", PAIRS("!~")},
	{"[:lower:]", PAIRS("az")},
	{"[:print:]", PAIRS(" ~")},
	{"[:punct:]", PAIRS("!/:@[`{~")},
	{"[:space:]", PAIRS("\t\r  ")},
	{"[:upper:]", PAIRS("AZ")},
	{"[:word:]", PAIRS("09AZ__az")},
	{"[:xdigit:]", PAIRS("09AFaf")},
	{"\\d", PAIRS("09")},
	{"\\s", PAIRS("\t\n\f\r  ")},
	{"\\w", PAIRS("09AZ__az")},
};

/* The character at S (N > 0 bytes) and its width, as Go decodes UTF-8: an
 * invalid or cut sequence is U+FFFD one byte wide. */
static uint32_t
utf8_next(const char *str, size_t n, size_t *width)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned lo = 0x80, hi = 0xBF;
	size_t len = s[0] < 0xE0 ? 2 : s[0] < 0xF0 ? 3 : 4;
	uint32_t r = s[0] & (0x7F >> len);

	*width = 1;
	if (s[0] < 0x80)
		return s[0];
	if (s[0] < 0xC2 || s[0] > 0xF4 || n < len)
		return RUNE_ERROR;
	if (s[0] == 0xE0 || s[0] == 0xF0)
		lo = s[0] == 0xE0 ? 0xA0 : 0x90;
	if (s[0] == 0xED || s[0] == 0xF4)
		hi = s[0] == 0xED ? 0x9F : 0x8F;
	for (size_t i = 1; i < len; i++, lo = 0x80, hi = 0xBF) {
		if (s[i] < lo || s[i] > hi)
			return RUNE_ERROR;
		r = r << 6 | (s[i] & 0x3F);
	}
	*width = len;
	return r;
}

static void
runes_put(struct runes *rs, uint32_t c)
{
	if (rs->n == rs->cap) {
		rs->cap = rs->cap ? rs->cap * 2 : 64;
		rs->v = xrealloc(rs->v, rs->cap * sizeof(*rs->v));
	}
	rs->v[rs->n++] = c;
}

static void
runes_puts(struct runes *rs, const char *s)
{
	while (*s)
		runes_put(rs, (unsigned char)*s++);
}

/* One class member as filepath.Match reads it, into R: '-' and ']' need a
 * '\', the chunk must go on after it. 0 or -1. */
static int
syntax_member(const char **pp, const char *end, uint32_t *r)
{
	const char *p = *pp;
	size_t w;

	if (p == end || *p == '-' || *p == ']')
		return -1;
	if (*p == '\\' && ++p == end)
		return -1;
	*r = utf8_next(p, (size_t)(end - p), &w);
	if (*r == RUNE_ERROR && w == 1)
		return -1;
	*pp = p + w;
	return *pp == end ? -1 : 0;
}

/* The class at *PP ('['), skipped; DOT: does it match '.'? 0 or -1. */
static int
syntax_class(const char **pp, const char *end, int *dot)
{
	const char *p = *pp + 1;
	int neg = p < end && *p == '^', in = 0;
	uint32_t lo, hi;

	p += neg;
	for (int n = 0; !(n > 0 && *p == ']'); n++) {
		if (syntax_member(&p, end, &lo) < 0)
			return -1;
		hi = lo;
		if (*p == '-') {
			p++;
			if (syntax_member(&p, end, &hi) < 0)
				return -1;
		}
		in |= lo <= '.' && '.' <= hi;
	}
	*pp = p + 1;
	*dot = in != neg;
	return 0;
}

/* The chunk at *PP as filepath.Match cuts a pattern: the '*'s that lead it
 * skipped, then up to the next '*' outside brackets. Returns its end. */
static const char *
chunk_next(const char **pp, const char *end)
{
	const char *p = *pp;
	int inrange = 0;

	while (p < end && *p == '*')
		p++;
	*pp = p;
	for (; p < end && (*p != '*' || inrange); p++) {
		if (*p == '\\' && p + 1 < end)
			p++;
		else if (*p == '[' || *p == ']')
			inrange = *p == '[';
	}
	return p;
}

/* Check the chunk from P to END as filepath.Match does; DOT: is it one
 * element that matches "."? (A literal element is one byte.) 0 or -1. */
static int
chunk_check(const char *p, const char *end, int *dot)
{
	int n = 0, m = 0;

	for (; p < end; n++) {
		if (*p == '[') {
			if (syntax_class(&p, end, &m) < 0)
				return -1;
		} else if (*p == '\\') {
			if (p + 1 == end)
				return -1;
			m = p[1] == '.';
			p += 2;
		} else {
			m = *p == '?' || *p == '.';
			p++;
		}
	}
	*dot = n == 1 && m;
	return 0;
}

/* Does filepath.Match(pattern, ".") report no error? Docker checks a
 * pattern so. Go checks a chunk only while the match goes on: the first
 * chunk, and the second when the first is one element that matches ".";
 * what lies beyond is left to Go's regexp. */
static int
syntax_ok(const char *p, size_t len)
{
	const char *end = p + len, *stop;
	int dot = 1;

	for (int i = 0; i < 2 && dot; i++) {
		stop = chunk_next(&p, end);
		if (p == stop)
			return 1;	/* nothing but '*' left */
		if (chunk_check(p, stop, &dot) < 0)
			return 0;
		p = stop;
	}
	return 1;
}

/* Docker reads a pattern with Go's text/scanner: character by character,
 * a leading byte order mark skipped. */
struct scan {
	const char *p, *end;
};

static uint32_t
scan_peek(const struct scan *sc)
{
	size_t w;

	return sc->p < sc->end ? utf8_next(sc->p, (size_t)(sc->end - sc->p), &w) : END;
}

static uint32_t
scan_next(struct scan *sc)
{
	size_t w;
	uint32_t c;

	if (sc->p == sc->end)
		return END;
	c = utf8_next(sc->p, (size_t)(sc->end - sc->p), &w);
	sc->p += w;
	return c;
}

/* A "**" whose first '*' was just read: its regexp, or the switch to a
 * prefix or suffix match that docker makes instead. */
static enum kind
translate_star2(struct scan *sc, struct runes *re, enum kind kind, int first)
{
	scan_next(sc);
	if (scan_peek(sc) == '/')
		scan_next(sc);
	if (scan_peek(sc) == END && kind == KIND_EXACT) {
		kind = KIND_PREFIX;
	} else {
		runes_puts(re, scan_peek(sc) == END ? ".*" : "(.*/)?");
		kind = KIND_REGEXP;
	}
	return first ? KIND_SUFFIX : kind;
}

/* Character C of the pattern into the regexp; does it call for one? */
static int
translate_char(struct scan *sc, struct runes *re, uint32_t c)
{
	if (c == '*' || c == '?') {
		runes_puts(re, c == '*' ? "[^/]*" : "[^/]");
		return 1;
	}
	if (c != 0 && c < 0x80 && strchr(".+()$", (int)c)) {
		runes_put(re, '\\');
		runes_put(re, c);
		return 0;
	}
	if (c == '\\' && scan_peek(sc) != END) {
		runes_put(re, '\\');
		runes_put(re, scan_next(sc));
		return 1;
	}
	runes_put(re, c);
	return c == '[' || c == ']';
}

/* The pattern as docker's regexp, and docker's kind of match for it (the
 * regexp serves only KIND_REGEXP). */
static enum kind
translate(const char *pat, size_t len, struct runes *re)
{
	struct scan sc = {pat, pat + len};
	enum kind kind = KIND_EXACT;

	if (scan_peek(&sc) == 0xFEFF)
		scan_next(&sc);
	runes_put(re, '^');
	for (int i = 0; scan_peek(&sc) != END; i++) {
		uint32_t c = scan_next(&sc);

		if (c == '*' && scan_peek(&sc) == '*')
			kind = translate_star2(&sc, re, kind, i == 0);
		else if (translate_char(&sc, re, c))
			kind = KIND_REGEXP;
	}
	runes_put(re, '$');
	return kind;
}

static void
prog_put(struct prog *p, struct inst in)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 32;
		p->v = xrealloc(p->v, p->cap * sizeof(*p->v));
	}
	p->v[p->n++] = in;
}

static void
prog_emit(struct prog *p, enum op op, long x, long y)
{
	prog_put(p, (struct inst){.op = op, .x = x, .y = y});
}

/* Emit the instruction at AT, moving what follows (relative jumps keep). */
static void
prog_insert(struct prog *p, size_t at, enum op op, long x, long y)
{
	prog_emit(p, op, x, y);
	memmove(p->v + at + 1, p->v + at, (p->n - 1 - at) * sizeof(*p->v));
	p->v[at] = (struct inst){.op = op, .x = x, .y = y};
}

/* Repeat the block from AT to the end: OP is '*', '+' or '?'. */
static void
prog_repeat(struct prog *p, size_t at, uint32_t op)
{
	long len = (long)(p->n - at);

	if (op == '+') {
		prog_emit(p, OP_SPLIT, -len, 1);
		return;
	}
	prog_insert(p, at, OP_SPLIT, 1, op == '*' ? len + 2 : len + 1);
	if (op == '*')
		prog_emit(p, OP_JMP, -(len + 1), 0);
}

static void
prog_range(struct prog *p, uint32_t lo, uint32_t hi)
{
	if (p->nr == p->rcap) {
		p->rcap = p->rcap ? p->rcap * 2 : 32;
		p->r = xrealloc(p->r, p->rcap * sizeof(*p->r));
	}
	p->r[p->nr++] = (struct range){lo, hi};
}

/* Add the named SET, or its complement, to the class being read. */
static void
prog_set(struct prog *p, const struct named *set, int neg)
{
	uint32_t next = 0;

	for (size_t i = 0; i < set->len; i += 2) {
		uint32_t lo = (unsigned char)set->pairs[i];
		uint32_t hi = (unsigned char)set->pairs[i + 1];

		if (!neg)
			prog_range(p, lo, hi);
		else if (lo > next)
			prog_range(p, next, lo - 1);
		next = hi + 1;
	}
	if (neg)
		prog_range(p, next, RUNE_MAX);
}

/* Repeat the block from AT to the end MIN to MAX times (MAX -1: no limit). */
static void
prog_count(struct prog *p, size_t at, long min, long max)
{
	size_t len = p->n - at;
	struct inst *block = xmalloc(len * sizeof(*block));

	memcpy(block, p->v + at, len * sizeof(*block));
	p->n = at;
	for (long i = 0; i < (max < 0 ? min + 1 : max); i++) {
		size_t copy = p->n;

		for (size_t j = 0; j < len; j++)
			prog_put(p, block[j]);
		if (i >= min)
			prog_repeat(p, copy, max < 0 ? '*' : '?');
	}
	free(block);
}

static void
prog_start(struct prog *p)
{
	p->start = xrealloc(p->start, (p->nstart + 1) * sizeof(*p->start));
	p->start[p->nstart++] = p->n;
}

static void
prog_free(struct prog *p)
{
	free(p->v);
	free(p->r);
	free(p->start);
}

static const struct named *
named_find(const char *name)
{
	for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); i++) {
		if (strcmp(named[i].name, name) == 0)
			return &named[i];
	}
	return NULL;
}

static int
is_alnum(uint32_t c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

static int
is_word(uint32_t c)
{
	return c == '_' || is_alnum(c);
}

static int
is_octal(const uint32_t *t, const uint32_t *end)
{
	return t < end && *t >= '0' && *t <= '7';
}

static int
hex_value(uint32_t c)
{
	if (c >= '0' && c <= '9')
		return (int)(c - '0');
	if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
		return (int)((c | 0x20) - 'a' + 10);
	return -1;
}

/* The character C stands for after '\' in C's way ("\n"), or END. */
static uint32_t
escape_c(uint32_t c)
{
	static const char pairs[] = "a\af\fn\nr\rt\tv\v";

	for (size_t i = 0; pairs[i]; i += 2) {
		if ((uint32_t)pairs[i] == c)
			return (uint32_t)pairs[i + 1];
	}
	return END;
}

/* The character escaped at *TP ('\') as Go's parseEscape reads it: ASCII
 * punctuation itself, octal, "\x" and two hex digits, or a C escape. */
static int
escape_char(const uint32_t **tp, const uint32_t *end, uint32_t *r)
{
	const uint32_t *t = *tp + 1;
	uint32_t c;

	if (t == end)
		return -1;
	c = *t++;
	if (c >= '1' && c <= '7' && !is_octal(t, end))
		return -1;	/* a back reference */
	if (c >= '0' && c <= '7') {
		*r = c - '0';
		for (int i = 1; i < 3 && is_octal(t, end); i++)
			*r = *r * 8 + *t++ - '0';
	} else if (c == 'x') {
		if (end - t < 2 || hex_value(t[0]) < 0 || hex_value(t[1]) < 0)
			return -1;
		*r = (uint32_t)(hex_value(t[0]) * 16 + hex_value(t[1]));
		t += 2;
	} else if (c < 0x80 && !is_alnum(c)) {
		*r = c;
	} else if ((*r = escape_c(c)) == END) {
		return -1;
	}
	*tp = t;
	return 0;
}

/* A class member at *TP: itself, or what it escapes. */
static int
class_char(const uint32_t **tp, const uint32_t *end, uint32_t *r)
{
	if (*tp == end)
		return -1;	/* no closing ']' */
	if (**tp == '\\')
		return escape_char(tp, end, r);
	*r = *(*tp)++;
	return 0;
}

/* A POSIX class "[:name:]" or "[:^name:]" at *TP, added: 1; 0 when there is
 * none, -1 when the name is unknown. */
static int
class_posix(const uint32_t **tp, const uint32_t *end, struct prog *p)
{
	const uint32_t *t = *tp, *close = t + 2;
	char name[16];
	size_t k = 0;
	int neg;

	if (end - t <= 2 || t[0] != '[' || t[1] != ':')
		return 0;
	while (close + 1 < end && !(close[0] == ':' && close[1] == ']'))
		close++;
	if (close + 1 >= end)
		return 0;
	neg = t[2] == '^';
	for (const uint32_t *c = t; c < close + 2; c++) {
		if (k + 1 == sizeof(name) || *c >= 0x80)
			return -1;
		if (c != t + 2 || !neg)
			name[k++] = (char)*c;
	}
	name[k] = '\0';
	const struct named *set = named_find(name);
	if (!set)
		return -1;
	prog_set(p, set, neg);
	*tp = close + 2;
	return 1;
}

/* A Perl class "\d", "\s", "\w" (or "\D"... their complements) at *TP,
 * added: 1; 0 when there is none. */
static int
class_perl(const uint32_t **tp, const uint32_t *end, struct prog *p)
{
	const uint32_t *t = *tp;
	char name[3] = {'\\', 0, 0};
	const struct named *set;

	if (end - t < 2 || t[0] != '\\' || t[1] >= 0x80)
		return 0;
	name[1] = (char)(t[1] | 0x20);
	if (!(set = named_find(name)))
		return 0;
	prog_set(p, set, t[1] < 'a');
	*tp = t + 2;
	return 1;
}

/* One member of a class at *TP: a named class, a character or a range. */
static int
class_item(const uint32_t **tp, const uint32_t *end, struct prog *p)
{
	const uint32_t *t = *tp;
	uint32_t lo, hi;
	int rc = class_posix(tp, end, p);

	if (rc != 0)
		return rc < 0 ? -1 : 0;
	if (end - t >= 2 && t[0] == '\\' && (t[1] == 'p' || t[1] == 'P'))
		return -1;	/* a Unicode class: no tables here */
	if (class_perl(tp, end, p))
		return 0;
	if (class_char(&t, end, &lo) < 0)
		return -1;
	hi = lo;
	if (end - t >= 2 && t[0] == '-' && t[1] != ']') {
		t++;
		if (class_char(&t, end, &hi) < 0 || hi < lo)
			return -1;
	}
	prog_range(p, lo, hi);
	*tp = t;
	return 0;
}

static void
parse_atom(struct parse *ps, enum op op, long x)
{
	ps->last = ps->prog->n;
	prog_emit(ps->prog, op, x, 0);
}

/* The ranges from AT on, as one class. */
static void
parse_class_atom(struct parse *ps, size_t at, int neg)
{
	parse_atom(ps, OP_CLASS, (long)at);
	ps->prog->v[ps->last].y = (long)(ps->prog->nr - at);
	ps->prog->v[ps->last].neg = neg;
}

/* A class at PS->t ('['); a ']' first in it is a member. */
static int
parse_class(struct parse *ps)
{
	const uint32_t *t = ps->t + 1;
	size_t at = ps->prog->nr;
	int neg = t < ps->end && *t == '^';

	t += neg;
	for (int first = 1; t == ps->end || *t != ']' || first; first = 0) {
		if (class_item(&t, ps->end, ps->prog) < 0)
			return -1;
	}
	ps->t = t + 1;
	parse_class_atom(ps, at, neg);
	return 0;
}

/* "\Q...\E": what is between, literally. */
static void
parse_quote(struct parse *ps)
{
	const uint32_t *t = ps->t + 2;

	for (; t < ps->end; t++) {
		if (t[0] == '\\' && t + 1 < ps->end && t[1] == 'E') {
			t += 2;
			break;
		}
		parse_atom(ps, OP_RUNE, (long)*t);
	}
	ps->t = t;
}

/* An escape at PS->t outside a class: an assertion, a quoted run, a Perl
 * class or one character. */
static int
parse_escape(struct parse *ps)
{
	static const struct {
		uint32_t c;
		enum op op;
	} asserts[] = {{'A', OP_BEGIN}, {'z', OP_END}, {'b', OP_WORD}, {'B', OP_NOTWORD}};
	uint32_t c = ps->t + 1 < ps->end ? ps->t[1] : END, r;
	size_t at = ps->prog->nr;

	for (size_t i = 0; i < sizeof(asserts) / sizeof(asserts[0]); i++) {
		if (c == asserts[i].c) {
			parse_atom(ps, asserts[i].op, 0);
			ps->t += 2;
			return 0;
		}
	}
	if (c == 'Q') {
		parse_quote(ps);
		return 0;
	}
	if (c == 'C' || c == 'p' || c == 'P')
		return -1;	/* any byte, Unicode classes: not here */
	if (class_perl(&ps->t, ps->end, ps->prog)) {
		parse_class_atom(ps, at, 0);
		return 0;
	}
	if (escape_char(&ps->t, ps->end, &r) < 0)
		return -1;
	parse_atom(ps, OP_RUNE, (long)r);
	return 0;
}

/* A '*', '+' or '?' at PS->t, applied to the last atom. */
static int
parse_repeat(struct parse *ps)
{
	uint32_t op = *ps->t++;

	if (ps->last == NONE)
		return -1;	/* Go refuses "a**" and a repeat of nothing */
	if (ps->t < ps->end && *ps->t == '?')
		ps->t++;	/* non-greedy: the same paths match */
	prog_repeat(ps->prog, ps->last, op);
	ps->last = NONE;
	return 0;
}

/* A decimal count at T as Go reads one (no leading zero), capped past any
 * count Go allows; the rest of T, or NULL when there is none. */
static const uint32_t *
brace_int(const uint32_t *t, const uint32_t *end, long *n)
{
	if (t == end || *t < '0' || *t > '9')
		return NULL;
	if (*t == '0' && t + 1 < end && t[1] >= '0' && t[1] <= '9')
		return NULL;
	for (*n = 0; t < end && *t >= '0' && *t <= '9'; t++)
		*n = *n > 1000 ? *n : *n * 10 + (long)(*t - '0');
	return t;
}

/* "{n}", "{n,}" or "{n,m}" at T: what follows it, or NULL when T holds
 * none (then '{' is a literal). */
static const uint32_t *
brace_read(const uint32_t *t, const uint32_t *end, long *min, long *max)
{
	if (!(t = brace_int(t + 1, end, min)) || t == end)
		return NULL;
	if (*t != ',')
		*max = *min;
	else if (++t == end)
		return NULL;
	else if (*t == '}')
		*max = -1;
	else if (!(t = brace_int(t, end, max)))
		return NULL;
	return t < end && *t == '}' ? t + 1 : NULL;
}

/* A '{' at PS->t: a counted repeat of the last atom, or itself. */
static int
parse_brace(struct parse *ps)
{
	long min, max;
	const uint32_t *t = brace_read(ps->t, ps->end, &min, &max);

	if (!t) {
		parse_atom(ps, OP_RUNE, '{');
		ps->t++;
		return 0;
	}
	if (min > 1000 || max > 1000 || (max >= 0 && min > max) || ps->last == NONE)
		return -1;
	ps->t = t < ps->end && *t == '?' ? t + 1 : t;
	prog_count(ps->prog, ps->last, min, max);
	ps->last = NONE;
	return 0;
}

/* A '|' at PS->t: the alternative so far is whole. Docker's regexps have
 * one only outside any group. */
static int
parse_bar(struct parse *ps)
{
	if (ps->depth > 0)
		return -1;
	prog_emit(ps->prog, OP_MATCH, 0, 0);
	prog_start(ps->prog);
	ps->last = NONE;
	ps->t++;
	return 0;
}

/* What C is outside classes and escapes: '.' is any character but '\n',
 * '^' and '$' the ends of the text, anything else itself. */
static enum op
atom_op(uint32_t c)
{
	if (c == '.')
		return OP_ANY;
	if (c == '^')
		return OP_BEGIN;
	return c == '$' ? OP_END : OP_RUNE;
}

/* One piece of the regexp at PS->t. */
static int
parse_one(struct parse *ps)
{
	uint32_t c = *ps->t;

	switch (c) {
	case '(':
		ps->open[ps->depth++] = ps->prog->n;
		ps->last = NONE;
		break;
	case ')':
		if (ps->depth == 0)
			return -1;
		ps->last = ps->open[--ps->depth];
		break;
	case '*': case '+': case '?':
		return parse_repeat(ps);
	case '[':
		return parse_class(ps);
	case '\\':
		return parse_escape(ps);
	case '{':
		return parse_brace(ps);
	case '|':
		return parse_bar(ps);
	default:
		parse_atom(ps, atom_op(c), (long)c);
	}
	ps->t++;
	return 0;
}

/* Read RE, with Go's regexp syntax and flags ('.' is not '\n'; '^' and '$'
 * are the ends of the path), into P. 0 or -1. */
static int
prog_compile(struct prog *p, const struct runes *re)
{
	struct parse ps = {re->v, re->v + re->n, p, NONE, xmalloc(re->n * sizeof(size_t)), 0};
	int rc = 0;

	prog_start(p);
	while (rc == 0 && ps.t < ps.end)
		rc = parse_one(&ps);
	if (ps.depth > 0)
		rc = -1;
	prog_emit(p, OP_MATCH, 0, 0);
	free(ps.open);
	return rc;
}

static int
run_holds(const struct run *r, enum op op)
{
	int before = r->pos > 0 && is_word((unsigned char)r->s[r->pos - 1]);
	int after = r->pos < r->n && is_word((unsigned char)r->s[r->pos]);

	if (op == OP_BEGIN)
		return r->pos == 0;
	if (op == OP_END)
		return r->at_end || r->pos == r->n;
	return (before != after) == (op == OP_WORD);
}

static void
run_push(struct run *r, size_t pc)
{
	if (r->mark[pc] != r->gen) {
		r->mark[pc] = r->gen;
		r->stack[r->sp++] = pc;
	}
}

/* Queue PC and all it reaches without taking a character. Each pc is
 * queued once a closure, so a closure costs at most the program's length. */
static void
run_add(struct run *r, size_t pc)
{
	run_push(r, pc);
	while (r->sp > 0) {
		const struct inst *in = &r->prog->v[pc = r->stack[--r->sp]];

		if (in->op == OP_JMP || in->op == OP_SPLIT)
			run_push(r, (size_t)((long)pc + in->x));
		if (in->op == OP_SPLIT)
			run_push(r, (size_t)((long)pc + in->y));
		if (in->op == OP_MATCH)
			r->matched = 1;
		if ((in->op == OP_RUNE || in->op == OP_CLASS || in->op == OP_ANY) && !r->at_end)
			r->next[r->nnext++] = pc;
		if (in->op >= OP_BEGIN && in->op <= OP_NOTWORD && run_holds(r, in->op))
			run_push(r, pc + 1);
	}
}

/* The closure at pos of the seeds and of a new start: Go searches the whole
 * text, and only an alternative that begins with '^' is held to its start.
 * AT_END: as if the text ended at pos, to see whether that much matches. */
static void
run_close(struct run *r, int at_end)
{
	r->gen++;
	r->at_end = at_end;
	for (size_t i = 0; i < r->nseed; i++)
		run_add(r, r->seed[i]);
	for (size_t i = 0; i < r->prog->nstart; i++)
		run_add(r, r->prog->start[i]);
}

static int
inst_takes(const struct prog *p, const struct inst *in, uint32_t c)
{
	if (in->op == OP_RUNE)
		return c == (uint32_t)in->x;
	if (in->op == OP_ANY)
		return c != '\n';
	for (long i = in->x; i < in->x + in->y; i++) {
		if (c >= p->r[i].lo && c <= p->r[i].hi)
			return !in->neg;
	}
	return in->neg;
}

/* Does P match within the N bytes at S (or, with PARENTS, within the bytes
 * before one of its '/')? All threads take each character together, so the
 * cost is O(program × N) steps and O(program) memory, parents included. */
static int
prog_run(const struct prog *p, const char *s, size_t n, int parents)
{
	size_t *mem = xcalloc(4 * p->n, sizeof(size_t));
	struct run r = {.prog = p, .s = s, .n = n, .parents = parents};

	r.seed = mem, r.next = mem + p->n, r.mark = mem + 2 * p->n, r.stack = mem + 3 * p->n;
	for (;;) {
		size_t w;
		uint32_t c;

		if (parents && r.pos < n && s[r.pos] == '/')
			run_close(&r, 1);
		if (!r.matched)
			run_close(&r, 0);
		if (r.matched || r.pos == n)
			break;
		c = utf8_next(s + r.pos, n - r.pos, &w);
		r.nseed = 0;
		for (size_t i = 0; i < r.nnext; i++) {
			if (inst_takes(p, &p->v[r.next[i]], c))
				r.seed[r.nseed++] = r.next[i] + 1;
		}
		r.nnext = 0;
		r.pos += w;
	}
	free(mem);
	return r.matched;
}

static void
glob_free(struct glob *g)
{
	prog_free(&g->prog);
}

static int
glob_compile(struct glob *g, const char *pattern)
{
	struct runes re = {0};
	int rc = 0;

	*g = (struct glob){.pat = pattern, .len = strlen(pattern)};
	if (!syntax_ok(g->pat, g->len))
		return -1;
	g->kind = translate(g->pat, g->len, &re);
	if (g->kind == KIND_REGEXP)
		rc = prog_compile(&g->prog, &re);
	free(re.v);
	return rc;
}

/* Does G, of a kind docker matches without a regexp, match the N bytes at
 * S? Its prefix and suffix matches cut the "**" off as two bytes. */
static int
glob_bytes(const struct glob *g, const char *s, size_t n)
{
	const char *sfx;
	size_t m;

	if (g->kind == KIND_EXACT)
		return n == g->len && memcmp(s, g->pat, n) == 0;
	sfx = g->pat + 2;
	m = g->len - 2;
	if (g->kind == KIND_PREFIX)
		return n >= m && memcmp(s, g->pat, m) == 0;
	if (n >= m && memcmp(s + n - m, sfx, m) == 0)
		return 1;
	return m > 0 && sfx[0] == '/' && n == m - 1 && memcmp(s, sfx + 1, n) == 0;
}

/* Does G match PATH, or with PARENTS a directory above it? */
static int
glob_run(const struct glob *g, const char *path, int parents)
{
	size_t n = strlen(path);
	int ok;

	if (g->kind == KIND_REGEXP)
		return prog_run(&g->prog, path, n, parents);
	ok = glob_bytes(g, path, n);
	for (size_t i = 0; parents && !ok && i < n; i++) {
		if (path[i] == '/')
			ok = glob_bytes(g, path, i);
	}
	return ok;
}

int
glob_match(const char *pattern, const char *path)
{
	struct glob g;
	int ok = glob_compile(&g, pattern) == 0 && glob_run(&g, path, 0);

	glob_free(&g);
	return ok;
}

int
glob_match_or_parent(const char *pattern, const char *path)
{
	struct glob g;
	int ok = glob_compile(&g, pattern) == 0 && glob_run(&g, path, 1);

	glob_free(&g);
	return ok;
}
