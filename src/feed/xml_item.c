/* xml_item.c: assemble the normalized item from the values collected while its
 * element was open, hand it to the callback, and publish channel-level values. */
#include <string.h>

#include "feed/text.h"
#include "feed/xml_internal.h"
#include "util/str.h"

void
xml_item_start(struct xml_parser *p, int depth)
{
	if (p->item_depth >= 0)
		xml_item_end(p); /* an item nested in an item: close the outer one first */
	memset(&p->item, 0, sizeof p->item);
	p->item.published.t = p->item.updated.t = FEED_NO_DATE;
	p->item_depth = depth;
	const char *about = xml_attr(p, ATTR_ABOUT);
	if (about) {
		size_t len = strlen(about);
		str_trim(&about, &len);
		if (len) {
			p->item.slot[FLD_ID].s = arena_strndup(&p->scratch, about, len);
			p->item.slot[FLD_ID].rank = 0;
		}
	}
}

void
xml_feed_publish(struct xml_parser *p)
{
	struct feed_info *f = &p->doc->feed;
	const struct xml_slot *s = p->feed.slot;
	f->title = s[FLD_TITLE].s;
	f->link = s[FLD_LINK].s;
	f->id = s[FLD_ID].s;
	f->subtitle = s[FLD_SUBTITLE].s;
	f->subtitle_is_plain = s[FLD_SUBTITLE].is_plain;
	f->language = s[FLD_LANGUAGE].s;
	f->author = s[FLD_AUTHOR].s;
	f->icon = s[FLD_ICON].s;
	f->generator = s[FLD_GENERATOR].s;
	f->updated = p->feed.updated.t;
}

void
xml_item_end(struct xml_parser *p)
{
	struct xml_entry *e = &p->item;
	const struct xml_slot *s = e->slot;
	struct feed_item item;
	memset(&item, 0, sizeof item);
	item.id = s[FLD_ID].s;
	item.title = s[FLD_TITLE].s;
	item.link = s[FLD_LINK].s ? s[FLD_LINK].s : e->guid_link;
	if (s[FLD_ORIGLINK].s) { /* FeedBurner's <link> is its redirector: the post's URL wins */
		if (item.link && strcmp(item.link, s[FLD_ORIGLINK].s) != 0)
			item.link_alias = item.link;
		item.link = s[FLD_ORIGLINK].s;
	}
	item.author = s[FLD_AUTHOR].s;
	item.summary = s[FLD_SUMMARY].s;
	item.content = s[FLD_CONTENT].s;
	item.plain = (s[FLD_SUMMARY].is_plain ? FEED_PLAIN_SUMMARY : 0) | (s[FLD_CONTENT].is_plain ? FEED_PLAIN_CONTENT : 0);
	item.comments = s[FLD_COMMENTS].s;
	item.published = e->published.t;
	item.updated = e->updated.t;
	item.categories = e->categories;
	item.category_count = e->category_count;
	item.enclosures = e->enclosures;
	item.enclosure_count = e->enclosure_count;
	if (!item.enclosure_count && e->media.url) {
		item.enclosures = &e->media;
		item.enclosure_count = 1;
	}
	if (!p->want_html)
		item.summary = item.content = NULL;
	/* content, else summary; an empty content (content:encoded left empty, Atom src=) is none */
	static const int text_fields[] = {FLD_CONTENT, FLD_SUMMARY};
	for (size_t f = 0; f < 2 && p->want_text; f++) {
		const struct xml_slot *best = &s[text_fields[f]];
		if (!best->s)
			continue;
		p->tmp.len = 0;
		if (best->is_plain)
			text_plain_body(best->s, strlen(best->s), &p->tmp);
		else
			text_from_html(best->s, strlen(best->s), XML_FIELD_MAX, &p->tmp);
		item.text = arena_strndup(&p->scratch, p->tmp.data ? p->tmp.data : "", p->tmp.len);
		if (p->tmp.len)
			break;
	}
	p->item_depth = -1;
	xml_feed_publish(p);
	p->doc->item_count++;
	if (p->skip_items > 0)
		p->skip_items--; /* delivered already, by the abandoned fast scan */
	else if (p->on_item && p->on_item(p->ctx, p->doc, &item) != 0)
		p->is_stopped = 1;
	memset(&p->item, 0, sizeof p->item);
	arena_reset(&p->scratch);
}
