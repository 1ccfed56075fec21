/* .dockerignore patterns, matched in time polynomial in the lengths of the
 * pattern and the path: a few "**" must not cost exponential time.
 *
 * The meaning is that of moby/patternmatcher, which the docker CLI and
 * BuildKit use for .dockerignore; a difference would make orchgen hash files
 * docker leaves out of the context, or miss files it sends. Docker checks a
 * pattern with Go's filepath.Match syntax, then translates it into a Go
 * regexp; orchgen makes the same translation and reads the regexp as Go's
 * regexp package does, into an automaton run without backtracking. So a
 * pattern matches the whole path, and:
 *
 *   *      is any run of characters but '/', none included;
 *   ?      is one character but '/';
 *   [a-c]  is one character of the class; "[^a-c]" the complement, which
 *          holds '/'; '!' does not negate ("[!a]" is '!' or 'a');
 *   \*     is '*': any ASCII punctuation after '\' stands for itself;
 *   **     is any number of directories, none included, unless it ends
 *          the pattern: "a", "**" and "b" joined by '/' match "a/b" and
 *          "a/x/y/b"; "**" and "b" match "b" and "x/b"; "a**b" matches "ab"
 *          and "ax/b" but not "axb". Ending the pattern, it is anything: "a"
 *          and "**" match what is below "a", not "a" itself.
 *
 * A character is a UTF-8 sequence; an invalid byte counts as one. Docker's
 * translation lets some Go regexp syntax through, and orchgen follows it:
 *   - a letter or digit after '\' is a Go escape: "\d" a digit, "\w", "\s",
 *     "\n", "\x41", "\101", "\b" a word boundary, "\A", "\z", "\Q...\E";
 *   - '^' outside a class is the start of the path, so "a^b*" matches
 *     nothing ("a^b", with no glob character, is literal);
 *   - '|', '{' and '}' are Go's: "*.c|x" matches a path that starts as
 *     "*.c" would or ends in "x"; "?{2}" is two characters;
 *   - '*', '?' and "**" inside [...] are replaced before Go reads the
 *     class: "[*]" is the class "[[^/]" repeated, then a ']';
 *   - "[:alpha:]" and the other POSIX names are classes inside [...];
 *   - docker compares bytes, no regexp, when the pattern is literal text
 *     then a final "**" (a prefix), or a leading "**" then literal text (a
 *     suffix: "**x" matches any path ending in "x", "ax" included);
 *     otherwise "**" never matches a newline.
 * Docker refuses a .dockerignore (the build fails) when Go's filepath.Match
 * finds a pattern malformed (an unclosed '[', a class member '-' or ']' not
 * escaped, a '\' at the end) in matching it against ".": it looks no
 * further than the first '*', or the second when what precedes it matches
 * ".". Past that, such text goes to Go's regexp as it is: "a*[-x]" is "a",
 * a name, then '-' or 'x'. Go's regexp refuses a range such as "z-a", a
 * count over 1000 and escapes it does not know (docker fails when it first
 * uses the pattern). Such patterns match nothing here; so does one with a
 * "\p" Unicode class, for orchgen has no Unicode tables (the one place it
 * departs from docker).
 *
 * The fnmatch(FNM_PATHNAME) matcher this replaces differed: a class never
 * matched '/', and "[!a]" negated; "**" not followed by '/' was any run of
 * characters ("a**b" matched "axb", "**?" matched "ab") and crossed
 * newlines; '?' and a class matched a byte; '\' before a letter was the
 * letter; '^', '|', '{' and an unclosed '[' were literal; "[]a]" and "[a-]"
 * were classes, "[*]" the class of '*'; a '*' right after "\*" made a
 * "**". */

/* Does PATTERN, cleaned and without the '!' of an exception, match the whole
 * of PATH ('/'-separated, cleaned)? 1 or 0. */
int glob_match(const char *pattern, const char *path);
/* Does PATTERN match PATH or a directory above it? Docker applies a pattern
 * so ("build" leaves out "build/x/y"). One pass over PATH answers for all
 * its prefixes, so this costs no more than glob_match. */
int glob_match_or_parent(const char *pattern, const char *path);
