/* claims.c: a piece's claim list as JSON (claims.h). */
#include "report/claims.h"

#include "util/json.h"

json_t *
claims_json(const struct grounding_report *rep)
{
	json_t *o = json_object();
	json_object_set_new(o, "checked", json_boolean(rep != NULL));
	if (!rep)
		return o;
	json_t *list = json_array();
	size_t unverified = 0;
	for (size_t i = 0; i < rep->claims.count; i++) {
		const struct ground_claim *c = &rep->claims.claims[i];
		unverified += c->status != GROUND_OK && !c->removed;
		json_array_append_new(
			list, json_pack("{s:s,s:o,s:o,s:I,s:o,s:b,s:s,s:b}", "kind", claim_kind_name(c->c.kind), "text",
		                        json_text(c->c.text), "where", json_text(c->where), "sentence",
		                        (json_int_t)c->sentence + 1, "source",
		                        c->source ? json_integer((json_int_t)c->source) : json_null(), "verified",
		                        c->status == GROUND_OK, "status", ground_status_name(c->status), "removed",
		                        c->removed));
	}
	json_object_set_new(o, "claims", list);
	json_object_set_new(o, "unverified", json_integer((json_int_t)unverified));
	json_object_set_new(o, "removed_sentences", json_integer((json_int_t)rep->removed));
	json_object_set_new(o, "citations_added", json_integer((json_int_t)rep->cited));
	json_object_set_new(o, "thin_sources", json_boolean(rep->is_thin));
	return o;
}
