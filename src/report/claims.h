/* claims.h: the claim list of a long-form piece (ai/longform/grounding.h) as JSON, for the
 * weekly's and the commentary's JSON outputs, so a person or a CI job can audit a post. */
#ifndef BRIEF_REPORT_CLAIMS_H
#define BRIEF_REPORT_CLAIMS_H

#include <jansson.h>

#include "ai/longform/grounding.h"

/* {"checked": true, "claims": [{"kind", "text", "where", "sentence", "source", "verified",
 * "status", "removed"}...], "unverified": N, "removed_sentences": N, "citations_added": N,
 * "thin_sources": bool}; source is the citation id (the post's reference number for the
 * weekly) or null; "unverified" counts the written piece's claims that are not verified
 * (removed ones excluded). A new reference; "checked": false and no list when rep is NULL. */
json_t *claims_json(const struct grounding_report *rep);

#endif
