/* Text in XML and HTML (JUnit reports, the HTML report): escaped in one
 * place. Whatever a log holds comes out as well-formed text: the five
 * markup characters as entities, terminal colour sequences (ESC [ ... m)
 * dropped, and bytes XML cannot hold (controls but tab and newline,
 * invalid UTF-8) shown as \xNN. */

/* The N bytes at S as markup text, appended to B. */
void markup_text(struct buf *b, const char *s, size_t n);
/* The same for a string; "" for NULL. */
void markup_str(struct buf *b, const char *s);
/* PATH as a relative URL in an attribute: every byte but letters, digits
 * and "-._~/" percent-encoded. */
void markup_url(struct buf *b, const char *path);
