/* xml_internal.h: the state shared by xml.c (the libxml2 reader loop, text
 * capture, markup serialization) and xml_fields.c (which element means what,
 * and how captured text becomes feed and item fields). Private to src/feed/. */
#ifndef BRIEF_FEED_XML_INTERNAL_H
#define BRIEF_FEED_XML_INTERNAL_H

#include <libxml/xmlreader.h>
#include <stdint.h>

#include "feed/xml.h"
#include "util/arena.h"
#include "util/buf.h"

/* libxml2 refuses deeper nesting without XML_PARSE_HUGE anyway. */
#define XML_MAX_DEPTH 256
#define XML_MAX_BASES 32
#define XML_MAX_CATEGORIES 64
#define XML_MAX_ENCLOSURES 32

/* Namespace groups: the formats' own vocabularies share one group ("core")
 * because feedparser, like us, treats RSS, RDF and Atom element names alike. */
enum xml_nsg {
	NSG_CORE, NSG_DC, NSG_DCTERMS, NSG_CONTENT, NSG_MEDIA, NSG_ITUNES, NSG_XHTML, NSG_ADMIN,
	NSG_RDF, NSG_XML, NSG_SLASH, NSG_WFW, NSG_FEEDBURNER, NSG_OTHER,
};

/* What an element is, by depth. */
enum xml_role {
	ROLE_NONE, ROLE_ROOT, ROLE_FEED, ROLE_ITEM, ROLE_FIELD, ROLE_AUTHOR, ROLE_IMAGE, ROLE_GROUP,
	ROLE_ITCAT, ROLE_IGNORE,
	ROLE_SEEK, /* an unknown root (an XHTML page...) or inside one: a feed root may still come */
};

enum xml_field {
	FLD_NONE, FLD_TITLE, FLD_LINK, FLD_ID, FLD_SUMMARY, FLD_CONTENT, FLD_AUTHOR, FLD_PUBLISHED,
	FLD_UPDATED, FLD_COMMENTS, FLD_SUBTITLE, FLD_LANGUAGE, FLD_GENERATOR, FLD_ICON,
	FLD_AUTHOR_NAME, FLD_AUTHOR_EMAIL, FLD_CATEGORY,
	FLD_ORIGLINK, /* feedburner:origLink: the item's link over any other (xml_item_end) */
	FLD_COUNT,
};

/* How an element's value is obtained. */
enum xml_kind {
	KIND_TEXT,      /* text construct: text, type="html|xhtml|text", mode="escaped|base64|xml" */
	KIND_DATE,      /* a date string */
	KIND_URL,       /* a URL as text (resolved) */
	KIND_LINK,      /* RSS <link>URL</link> or Atom <link rel href type/> */
	KIND_GUID,      /* RSS guid (isPermaLink) */
	KIND_CATEGORY,  /* term attribute or text */
	KIND_ITUNES_CATEGORY, /* text attribute */
	KIND_ENCLOSURE, /* url/type/length attributes */
	KIND_MEDIA,     /* media:content url/type/fileSize */
	KIND_PERSON,    /* author: text, or name/email children */
	KIND_IMAGE,     /* RSS image: url child */
	KIND_GROUP,     /* media:group */
	KIND_SKIP,      /* ignore the whole subtree (atom:source, textinput) */
	KIND_HREF,      /* a URL in an href attribute (itunes:image) */
	KIND_RESOURCE,  /* a value in rdf:resource (admin:generatorAgent) */
};

/* The attributes the parser looks at, copied out of the reader (its pointers
 * are not stable across attribute moves). Offsets into xml_parser.attr_text;
 * -1 = absent. */
enum xml_attr {
	ATTR_BASE, ATTR_LANG, ATTR_TYPE, ATTR_MODE, ATTR_REL, ATTR_HREF, ATTR_LENGTH, ATTR_URL,
	ATTR_TERM, ATTR_TEXT, ATTR_PERMALINK, ATTR_RESOURCE, ATTR_ABOUT, ATTR_VERSION,
	ATTR_FILESIZE, ATTR_LASTMOD, ATTR_COUNT,
};

/* One attribute of an element event (namespace declarations included, first,
 * as libxml2's reader lists them: uri XML_NS_XMLNS). */
struct xml_ev_attr {
	const char *local;
	const char *uri;   /* NULL when in no namespace */
	const char *qname; /* as written */
	const char *value; /* entity-decoded, normalized */
};

/* A start or end tag, from whichever tokenizer produced it. Strings are valid
 * only during the call. */
struct xml_elem {
	const char *local;      /* never NULL */
	const char *uri;        /* NULL when in no namespace */
	const char *qname;      /* as written ("dc:creator") */
	const char *default_ns; /* default namespace in scope (set for the root only) */
	int nsg;                /* its enum xml_nsg when the tokenizer knows it, else -1 */
	int depth;              /* 0 = the root element */
	int is_empty;           /* <x/>: no end event follows */
	const struct xml_ev_attr *attrs;
	size_t attr_count;
};

#define XML_NS_XMLNS "http://www.w3.org/2000/xmlns/"
#define XML_NS_XML "http://www.w3.org/XML/1998/namespace"

/* A field value and how strongly its source element claims it: a value is
 * replaced by one of equal or higher rank (the last of equals wins, as in
 * feedparser). */
struct xml_slot {
	const char *s;
	int rank;
	int is_plain; /* summary/content/subtitle: published as text/plain, not HTML */
};

struct xml_date {
	int64_t t;
	int rank;
};

struct xml_entry {
	struct xml_slot slot[FLD_COUNT];
	struct xml_date published, updated;
	const char **categories;
	size_t category_count, category_cap;
	struct feed_enclosure *enclosures;
	size_t enclosure_count, enclosure_cap;
	struct feed_enclosure media; /* first media:content, used when there is no enclosure */
	const char *guid_link;       /* guid usable as link (isPermaLink) */
	char author_elem[16];        /* the element that gave slot[FLD_AUTHOR] ("2:author"), so a
	                              * repeat of it adds a co-author instead of replacing */
};

struct xml_base {
	int depth;
	char *url; /* malloc'd */
};

struct xml_parser {
	xmlTextReaderPtr reader;
	xmlDocPtr xml_doc;      /* owned once xmlTextReaderCurrentDoc() was called */
	const struct feed_parse_opts *opts;
	int want_html;          /* summary/content are returned */
	int want_text;          /* the plain text is returned */
	size_t skip_items;      /* items already delivered by an abandoned fast scan */
	const char *scan_problem; /* a repair the fast scanner made (as xml_prepass would) */
	struct feed_doc *doc;
	struct arena *arena;   /* document-level strings (the caller's) */
	struct arena scratch;  /* one item's strings; reset after each callback */
	feed_item_fn on_item;
	void *ctx;
	int is_stopped;

	int is_atom;
	int is_atom10;           /* Atom 1.0: an xhtml <div> wrapper is left out */
	int is_netscape;         /* a Netscape RSS 0.91 DOCTYPE was seen */
	enum xml_role role[XML_MAX_DEPTH + 1];
	int item_depth;        /* depth of the open item, -1 when none */
	struct xml_entry feed; /* channel-level values (strings in arena) */
	struct xml_entry item; /* the open item (strings in scratch) */

	/* the element whose text is being captured */
	int cap_depth;         /* -1 when not capturing */
	enum xml_field cap_field;
	enum xml_kind cap_kind;
	int cap_rank;
	int cap_is_xhtml;      /* serialize children as markup, escape text */
	int cap_is_plain;      /* type="text" */
	int cap_is_base64;
	int cap_wrapper_depth; /* depth of the xhtml <div> wrapper left out, or -1 */
	int cap_seen_child;    /* an element child was serialized */
	int cap_is_full;       /* the capture is cut (or discarded): nothing more is kept */
	int cap_is_discarded;  /* summary/content nobody asked for: text not kept */
	struct buf cap;
	/* the author container's parts */
	struct buf person_name, person_email;
	int person_rank;
	char person_elem[16];  /* the author container: namespace group and lower-case name */
	int cap_is_html;       /* type="html" (or mode="escaped") */
	int cap_is_permalink;  /* guid isPermaLink is not "false" */

	struct xml_base bases[XML_MAX_BASES];
	int base_count;

	/* attributes of the current element */
	struct buf attr_text;
	long attr_off[ATTR_COUNT];

	struct buf tmp;        /* scratch for URL resolution and text conversion */
	size_t entity_budget;  /* bytes of internal entity text still allowed */
	const char *error;     /* first XML error, in arena */
};

/* Value of attribute a of the current element, or NULL. */
static inline const char *
xml_attr(const struct xml_parser *p, enum xml_attr a)
{
	return p->attr_off[a] < 0 ? NULL : p->attr_text.data + p->attr_off[a];
}

/* Events from a tokenizer (xml_scan.c's fast path or xml_reader.c's libxml2
 * reader). text is not NUL-terminated; depth is the text's own (parent + 1). */
void xml_ev_start(struct xml_parser *p, const struct xml_elem *e);
void xml_ev_end(struct xml_parser *p, const struct xml_elem *e);
void xml_ev_text(struct xml_parser *p, int depth, const char *s, size_t len);
/* Append to the text being captured (bounded by XML_FIELD_MAX). */
void xml_cap_append(struct xml_parser *p, const char *s, size_t len);
/* True when text at this depth is being kept (so entity text must be expanded). */
int xml_is_capturing(const struct xml_parser *p, int depth);
/* True when xml_ev_text would keep text at this depth (else it may be skipped). */
int xml_wants_text(const struct xml_parser *p, int depth);

/* The fast path: tokenize a well-formed UTF-8 document ourselves (no DTD
 * internal subset) and deliver events. Returns 0 when the whole document was
 * read, -1 as soon as anything is not plainly well-formed: the caller then
 * starts over with libxml2 (items already delivered are counted in
 * p->doc->item_count). HTML named entities are decoded as xml_prepass_run
 * would make them decodable, with the same repairs (p->scan_problem). */
int xml_scan(struct xml_parser *p, const char *s, size_t len);
/* Set up xml_scan's tables now (it does so itself on first use; see feed_init_once). */
void xml_scan_init(void);
/* The general path: libxml2's reader in recover mode over the pre-passed text.
 * Returns 0, or -1 when libxml2 could not start (doc->error set). */
int xml_read(struct xml_parser *p, const char *s, size_t len);

/* Which namespace group a namespace URI belongs to (NULL = no namespace). */
enum xml_nsg xml_ns_group(const char *uri, const char *qname);

/* Look up the element (group, local name) in scope ROLE_FEED or ROLE_ITEM.
 * Returns 1 and fills field/rank/kind when it is one we use. */
int xml_field_lookup(enum xml_nsg g, const char *name, enum xml_role scope, enum xml_field *field,
                     int *rank, enum xml_kind *kind);

/* The base URL in effect (xml:base, else --base, else the feed's own link). */
const char *xml_current_base(const struct xml_parser *p);

/* Handle a field element's start: attribute-only kinds are complete here;
 * text kinds start a capture. depth is the element's depth. */
void xml_field_start(struct xml_parser *p, enum xml_field f, int rank, enum xml_kind kind, int depth,
                     int is_empty);
/* The captured element ended: turn p->cap into the field value. */
void xml_field_end(struct xml_parser *p);
/* Start/end of an item; xml_item_end() builds the feed_item and calls back. */
void xml_item_start(struct xml_parser *p, int depth);
void xml_item_end(struct xml_parser *p);
/* Copy the channel-level values into doc->feed (called before each callback and at the end). */
void xml_feed_publish(struct xml_parser *p);

#endif
