/* JSON, as orchgen writes it (results, reports, listings) and reads it back
 * (results): strings escaped in one place, and a reader for the flat
 * objects orchgen writes (string, number, true, false and null values). */

/* S as a JSON string appended to B; null when S is NULL. */
void json_string(struct buf *b, const char *s);

/* One value of a flat object: a string (TEXT), or a number, true, false or
 * null (TEXT as written, STRING 0). */
struct json_value {
	const char *text;
	int string;
};

/* Read the flat object in TEXT, calling FN for each member. 0, or -1 when
 * TEXT is not such an object (nested values are not read). */
int json_object(const char *text, void (*fn)(void *arg, const char *key, const struct json_value *v), void *arg);
