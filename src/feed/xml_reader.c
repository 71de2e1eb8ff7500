/* xml_reader.c: the general tokenizer of the XML feed parser: libxml2's
 * streaming reader in recover mode (no DTD loading, no entity substitution, no
 * network) turned into the events of xml_internal.h. Used for every document
 * the fast scanner (xml_scan.c) does not take: ill-formed ones, DOCTYPEs with
 * an internal subset, anything unusual. It owns error reporting (the first
 * libxml2 error makes the document bozo) and internal entity expansion. */
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "feed/xml_internal.h"
#include "util/str.h"

static const char *
cstr(const xmlChar *s)
{
	return (const char *)s;
}

#if LIBXML_VERSION >= 21200
static void
on_xml_error(void *arg, const xmlError *err)
#else
static void
on_xml_error(void *arg, xmlErrorPtr err)
#endif
{
	struct xml_parser *p = arg;
	if (!err || err->level < XML_ERR_ERROR || p->error)
		return;
	const char *msg = err->message ? err->message : "XML error";
	size_t len = strlen(msg);
	while (len > 0 && is_ascii_space(msg[len - 1]))
		len--;
	p->error = arena_printf(p->arena, "line %d: %.*s", err->line, (int)len, msg);
}

/* The reader's attribute pointers are not stable across moves: copy names'
 * pointers (dictionary strings) and values into one buffer, then index it. */
struct attr_list {
	struct buf values;
	struct xml_ev_attr *attrs;
	size_t count, cap;
	size_t *value_off;
};

static void
collect_attrs(xmlTextReaderPtr r, struct attr_list *l)
{
	l->count = 0;
	l->values.len = 0;
	if (xmlTextReaderHasAttributes(r) != 1)
		return;
	for (int ok = xmlTextReaderMoveToFirstAttribute(r); ok == 1; ok = xmlTextReaderMoveToNextAttribute(r)) {
		const char *local = cstr(xmlTextReaderConstLocalName(r));
		if (!local)
			continue;
		if (l->count == l->cap) {
			l->cap = l->cap ? l->cap * 2 : 16;
			l->attrs = xrealloc(l->attrs, l->cap * sizeof *l->attrs);
			l->value_off = xrealloc(l->value_off, l->cap * sizeof *l->value_off);
		}
		struct xml_ev_attr *a = &l->attrs[l->count];
		a->local = local;
		a->uri = cstr(xmlTextReaderConstNamespaceUri(r));
		a->qname = cstr(xmlTextReaderConstName(r));
		if (!a->qname)
			a->qname = local;
		const char *v = cstr(xmlTextReaderConstValue(r));
		l->value_off[l->count] = l->values.len;
		buf_puts(&l->values, v ? v : "");
		buf_putc(&l->values, '\0');
		l->count++;
	}
	xmlTextReaderMoveToElement(r);
	for (size_t i = 0; i < l->count; i++)
		l->attrs[i].value = l->values.data + l->value_off[i];
}

static void
element_event(xmlTextReaderPtr r, struct xml_elem *e, int depth)
{
	memset(e, 0, sizeof *e);
	e->nsg = -1;
	e->depth = depth;
	e->local = cstr(xmlTextReaderConstLocalName(r));
	if (!e->local)
		e->local = "";
	e->uri = cstr(xmlTextReaderConstNamespaceUri(r));
	e->qname = cstr(xmlTextReaderConstName(r));
	if (!e->qname)
		e->qname = e->local;
	/* An undeclared prefix leaves "prefix:name" as the local name. */
	const char *colon = strchr(e->local, ':');
	if (colon && !e->uri)
		e->local = colon + 1;
}

static void
on_entity_ref(struct xml_parser *p, int depth)
{
	xmlNodePtr node = xmlTextReaderCurrentNode(p->reader);
	/* After this call the document is ours to free (see xml_read). */
	if (!p->xml_doc)
		p->xml_doc = xmlTextReaderCurrentDoc(p->reader);
	xmlDocPtr doc = p->xml_doc;
	if (!node || !doc || !node->name)
		return;
	xmlEntityPtr ent = xmlGetDocEntity(doc, node->name);
	if (!ent || ent->etype != XML_INTERNAL_GENERAL_ENTITY || !ent->content) {
		if (!p->error)
			p->error = arena_printf(p->arena, "entity '%s' not expanded (external or undefined)",
			                        cstr(node->name));
		return;
	}
	if (!xml_is_capturing(p, depth))
		return;
	size_t len = strlen(cstr(ent->content));
	if (len > p->entity_budget) {
		if (!p->error)
			p->error = "entity expansion limit exceeded";
		p->entity_budget = 0;
		return;
	}
	p->entity_budget -= len;
	xml_cap_append(p, cstr(ent->content), len);
}

int
xml_read(struct xml_parser *p, const char *s, size_t len)
{
	int options = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_IGNORE_ENC |
	              XML_PARSE_NOWARNING | XML_PARSE_COMPACT;
	if (len > (size_t)INT32_MAX) {
		p->doc->error = "document too large";
		return -1;
	}
	p->reader = xmlReaderForMemory(s, (int)len, NULL, "UTF-8", options);
	if (!p->reader) {
		p->doc->error = "cannot create the XML reader";
		return -1;
	}
	xmlTextReaderSetStructuredErrorHandler(p->reader, on_xml_error, p);
	struct attr_list attrs = {BUF_INIT, NULL, 0, 0, NULL};
	struct xml_elem e;
	while (!p->is_stopped && xmlTextReaderRead(p->reader) == 1) {
		xmlTextReaderPtr r = p->reader;
		int depth = xmlTextReaderDepth(r);
		switch (xmlTextReaderNodeType(r)) {
		case XML_READER_TYPE_ELEMENT: {
			element_event(r, &e, depth);
			e.is_empty = xmlTextReaderIsEmptyElement(r) == 1;
			xmlChar *def = NULL;
			if (depth == 0)
				e.default_ns = cstr(def = xmlTextReaderLookupNamespace(r, NULL));
			collect_attrs(r, &attrs);
			e.attrs = attrs.attrs;
			e.attr_count = attrs.count;
			xml_ev_start(p, &e);
			xmlFree(def);
			break;
		}
		case XML_READER_TYPE_END_ELEMENT:
			element_event(r, &e, depth);
			xml_ev_end(p, &e);
			break;
		case XML_READER_TYPE_TEXT:
		case XML_READER_TYPE_CDATA:
		case XML_READER_TYPE_WHITESPACE:
		case XML_READER_TYPE_SIGNIFICANT_WHITESPACE: {
			const char *v = cstr(xmlTextReaderConstValue(r));
			if (v)
				xml_ev_text(p, depth, v, strlen(v));
			break;
		}
		case XML_READER_TYPE_ENTITY_REFERENCE:
			on_entity_ref(p, depth);
			break;
		default:
			break;
		}
	}
	buf_free(&attrs.values);
	free(attrs.attrs);
	free(attrs.value_off);
	return 0;
}
