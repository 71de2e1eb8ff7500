/* test_html.c: HTML/XML escaping (util/html.h), which every page of brief serve relies on. */
#include "testlib.h"
#include "util/html.h"

int
main(void)
{
	struct buf b = BUF_INIT;
	html_escape_str(&b, "<script>alert(\"x\" & 'y')</script>");
	CHECK_STR(b.data, "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;");
	buf_clear(&b);
	html_escape_str(&b, "caf\xc3\xa9 \xe4\xb8\xad \xf0\x9f\x98\x80 \xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d");
	CHECK_STR(b.data, "caf\xc3\xa9 \xe4\xb8\xad \xf0\x9f\x98\x80 \xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d");
	buf_clear(&b);
	html_escape(&b, "a\x01" "b\xff" "c\td", 7);
	CHECK_STR(b.data, "ab\xef\xbf\xbd" "c\td");
	buf_clear(&b);
	/* U+FFFE and U+FFFF are no XML characters: dropped; U+FFFD and U+FEFF's neighbours stay */
	html_escape_str(&b, "x\xef\xbf\xbfy\xef\xbf\xbez\xef\xbf\xbd\xef\xbb\xbf");
	CHECK_STR(b.data, "xyz\xef\xbf\xbd\xef\xbb\xbf");
	buf_clear(&b);
	html_escape_str(&b, NULL);
	CHECK_INT(b.len, 0);
	buf_free(&b);
	return test_done("test_html");
}
