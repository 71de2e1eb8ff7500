/* test_cli_opml_broken.c: an OPML file that is not well-formed (a truncated download, a tag
 * left open) is used whole or not at all (docs/cli.md): `feeds import` exits 1 with an error
 * naming the file and the line and imports nothing — not even the entries before the break;
 * `fetch --feeds` and `daily --feeds` refuse it the same way, before fetching anything. */
#include <stdlib.h>
#include <string.h>

#include "netlib.h"
#include "testlib.h"

static const char whole[] =
	"<?xml version=\"1.0\"?>\n"
	"<opml version=\"2.0\">\n"
	"<body>\n"
	"<outline text=\"a\" xmlUrl=\"https://a.example/feed\"/>\n"
	"<outline text=\"b\" xmlUrl=\"https://b.example/feed\"/>\n"
	"<outline text=\"c\" xmlUrl=\"https://c.example/feed\"/>\n"
	"</body>\n"
	"</opml>\n";

int
main(void)
{
	const char *home = t_subdir("home");
	const char *dir = t_subdir("in");
	char cut[4200], open_tag[4200], good[4200];
	snprintf(cut, sizeof cut, "%s/cut.opml", dir);
	snprintf(open_tag, sizeof open_tag, "%s/open.opml", dir);
	snprintf(good, sizeof good, "%s/good.opml", dir);
	/* cut in the middle of line 5's attribute */
	const char *at = strstr(whole, "b.exa");
	test_write_file(cut, whole, (size_t)(at - whole) + 5);
	/* line 5's outline left open: the mismatch shows at </body> on line 7 */
	const char *open_doc = "<?xml version=\"1.0\"?>\n<opml version=\"2.0\">\n<body>\n"
	                       "<outline text=\"a\" xmlUrl=\"https://a.example/feed\"/>\n"
	                       "<outline text=\"b\" xmlUrl=\"https://b.example/feed\">\n"
	                       "<outline text=\"c\" xmlUrl=\"https://c.example/feed\"/>\n"
	                       "</body>\n</opml>\n";
	test_write_file(open_tag, open_doc, strlen(open_doc));
	test_write_file(good, whole, strlen(whole));
	struct buf out = BUF_INIT, err = BUF_INIT;

	CHECK_INT(t_brief(NULL, NULL, &err, "feeds", "import", cut, "--home", home, NULL), 1);
	fputs(buf_str(&err), stderr);
	CHECK(strstr(buf_str(&err), cut) != NULL);
	CHECK(strstr(buf_str(&err), "line 5: not well-formed OPML") != NULL);
	CHECK(strstr(buf_str(&err), "nothing imported") != NULL);
	buf_clear(&err);
	CHECK_INT(t_brief(NULL, NULL, &err, "feeds", "import", open_tag, "--home", home, NULL), 1);
	fputs(buf_str(&err), stderr);
	CHECK(strstr(buf_str(&err), "line 7: not well-formed OPML") != NULL);
	/* nothing stored: the list is still the built-in one (no user source a.example) */
	CHECK_INT(t_brief(NULL, &out, NULL, "feeds", "list", "--home", home, NULL), 0);
	CHECK(strstr(buf_str(&out), "a.example") == NULL);
	CHECK(strstr(buf_str(&out), "built-in") != NULL);

	/* --feeds lists are read the same way: refused before any fetch */
	buf_clear(&err);
	CHECK_INT(t_brief(NULL, NULL, &err, "fetch", "--feeds", cut, "--home", home, "--timeout", "1", NULL), 1);
	CHECK(strstr(buf_str(&err), "line 5: not well-formed OPML") != NULL);
	buf_clear(&err);
	CHECK_INT(t_brief(NULL, NULL, &err, "daily", "--feeds", cut, "--home", home, "--timeout", "1", NULL), 1);
	CHECK(strstr(buf_str(&err), "line 5: not well-formed OPML") != NULL);
	buf_clear(&out);
	CHECK_INT(t_brief(NULL, &out, NULL, "feeds", "list", "--home", home, NULL), 0);
	CHECK(strstr(buf_str(&out), "a.example") == NULL);

	/* the whole file imports all three */
	buf_clear(&err);
	CHECK_INT(t_brief(NULL, NULL, &err, "feeds", "import", good, "--home", home, NULL), 0);
	CHECK(strstr(buf_str(&err), "imported 3 feeds (3 new)") != NULL);
	buf_free(&out);
	buf_free(&err);
	return test_done("test_cli_opml_broken");
}
