/* test_scan_diff.c: the fast XML tokenizer (xml_scan.c) against libxml2's
 * reader (xml_reader.c) over every XML document of the shared corpus: both
 * must produce the same feed, items, bozo flag and error. Each document is given
 * in a buffer of its exact size (no terminating NUL, as a mapped file is), so
 * that ASan sees a read past its end. Skipped (77) without the corpus. */
#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "feed/charset.h"
#include "feed/xml.h"
#include "testlib.h"
#include "util/buf.h"
#include "util/fs.h"
#include "util/str.h"

static void
put(struct buf *b, const char *name, const char *s)
{
	buf_printf(b, "%s=%s\n", name, s ? s : "(null)");
}

static int
digest_item(void *ctx, const struct feed_doc *doc, const struct feed_item *it)
{
	(void)doc;
	struct buf *b = ctx;
	put(b, "id", it->id);
	put(b, "title", it->title);
	put(b, "link", it->link);
	put(b, "author", it->author);
	put(b, "summary", it->summary);
	put(b, "content", it->content);
	put(b, "text", it->text);
	put(b, "comments", it->comments);
	buf_printf(b, "dates=%lld %lld\n", (long long)it->published, (long long)it->updated);
	for (size_t i = 0; i < it->category_count; i++)
		put(b, "category", it->categories[i]);
	for (size_t i = 0; i < it->enclosure_count; i++)
		buf_printf(b, "enclosure=%s %s %lld\n", it->enclosures[i].url,
		           it->enclosures[i].type ? it->enclosures[i].type : "", (long long)it->enclosures[i].length);
	return 0;
}

static void
digest(const char *utf8, size_t len, enum xml_tokenizer use, struct buf *out)
{
	struct arena a = ARENA_INIT;
	struct feed_doc doc;
	memset(&doc, 0, sizeof doc);
	doc.version = "";
	struct feed_parse_opts o = {.base_url = "http://corpus.example/dir/feed.xml"};
	out->len = 0;
	int rc = xml_parse_with(utf8, len, &o, &a, digest_item, out, &doc, use);
	buf_printf(out, "rc=%d version=%s bozo=%d items=%zu html=%d\n", rc, doc.version, doc.is_bozo, doc.item_count,
	           doc.is_html);
	put(out, "error", doc.error);
	put(out, "feed.title", doc.feed.title);
	put(out, "feed.link", doc.feed.link);
	put(out, "feed.id", doc.feed.id);
	put(out, "feed.subtitle", doc.feed.subtitle);
	put(out, "feed.author", doc.feed.author);
	put(out, "feed.language", doc.feed.language);
	put(out, "feed.icon", doc.feed.icon);
	put(out, "feed.generator", doc.feed.generator);
	buf_printf(out, "feed.updated=%lld\n", (long long)doc.feed.updated);
	arena_free(&a);
}

static size_t files, differ, fast_only;

/* Whether the fast tokenizer takes the document without handing over. */
static int
is_taken_by_scanner(const char *utf8, size_t len)
{
	struct arena a = ARENA_INIT;
	struct buf ignored = BUF_INIT;
	struct feed_doc doc;
	memset(&doc, 0, sizeof doc);
	doc.version = "";
	struct feed_parse_opts o = {.base_url = "http://corpus.example/dir/feed.xml"};
	int rc = xml_parse_with(utf8, len, &o, &a, digest_item, &ignored, &doc, XML_SCAN_ONLY);
	int taken = !(rc != 0 && doc.error && strcmp(doc.error, "handed over") == 0);
	arena_free(&a);
	buf_free(&ignored);
	return taken;
}

static int
visit(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if (type != FTW_F || strstr(path, ".json") || strstr(path, ".gz"))
		return 0;
	struct buf data = BUF_INIT, fast = BUF_INIT, slow = BUF_INIT;
	struct err e;
	if (fs_read_all(path, &data, &e) != 0)
		return 0;
	struct arena a = ARENA_INIT;
	struct charset_result cs;
	charset_to_utf8(data.data ? data.data : "", data.len, NULL, NULL, &a, &cs);
	char *exact = xmalloc(cs.len ? cs.len : 1); /* no NUL after it */
	memcpy(exact, cs.utf8, cs.len);
	digest(exact, cs.len, XML_SCAN_FIRST, &fast);
	digest(exact, cs.len, XML_LIBXML2_ONLY, &slow);
	fast_only += is_taken_by_scanner(exact, cs.len);
	free(exact);
	files++;
	if (fast.len != slow.len || memcmp(fast.data, slow.data, fast.len) != 0) {
		differ++;
		size_t i = 0;
		while (i < fast.len && i < slow.len && fast.data[i] == slow.data[i])
			i++;
		size_t from = i > 80 ? i - 80 : 0;
		fprintf(stderr, "DIFF %s at byte %zu:\n  fast: %.160s\n  libxml2: %.160s\n", path, i, fast.data + from,
		        slow.data + from);
	}
	arena_free(&a);
	buf_free(&data);
	buf_free(&fast);
	buf_free(&slow);
	return 0;
}

int
main(void)
{
	const char *shared = test_need_shared();
	char corpus[4096];
	snprintf(corpus, sizeof corpus, "%s/corpus", shared);
	nftw(corpus, visit, 16, FTW_PHYS);
	printf("%zu documents, %zu differ between the fast tokenizer and libxml2; the fast tokenizer "
	       "takes %zu\n", files, differ, fast_only);
	CHECK(files > 100);
	CHECK_INT(differ, 0);
	return test_done("test_scan_diff");
}
