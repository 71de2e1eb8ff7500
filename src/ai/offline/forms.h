/* forms.h: the form a piece announces, read from its headline and its feed before and apart
 * from its subject: a how-to, a versioned release (of a model or of a tool), an essay's or a
 * judgement's title, a notice, a sponsor's post, a podcast episode, a code host's feed. categorize (offline.c)
 * weighs the form against the subject's evidence. (Whether a feed calls itself a column is read
 * there too, with the lexicon's opinion cues.) */
#ifndef BRIEF_AI_OFFLINE_FORMS_H
#define BRIEF_AI_OFFLINE_FORMS_H

#include "ai/offline/lang.h"
#include "model.h"

struct piece_form {
	int howto;         /* a how-to or a tool write-up ("How I set up vim", "Using X with Y", "Tips") */
	int release;       /* a versioned release ("Mercurial 1.3 released", "v3.9.0") */
	int model_release; /* a release of a model ("Claude Opus 4.6", "GPT-5.3 released"), not of a tool */
	int essay_title;   /* the title has an essay's form ("On X", "Why I X", "Stop X", "Über X") or
	                    * passes a judgement ("… Makes Things Worse", "Mac Malaise") */
	int notice;        /* the title is a notice: an event's logistics, a sales offer, a celebration */
	int code_feed;     /* the feed is a code host's feed of a project's commits, releases or tags */
	int episode;       /* the title is a podcast episode's ("CRE195 Das Gehirn", "#332", "Episode 12") */
	int sponsored;     /* a sponsor's post: the title's "[Sponsor]" / "Sponsored:" label, or a text
	                    * that opens by thanking its sponsor ("My thanks to X for sponsoring …") */
	int year_review;   /* the title reviews a year ("2023 in review", "My year in …"): an essay when
	                    * the writer speaks in it, which only the text tells (offline.c) */
};

/* Read the forms of a, whose headline is title (its title, or its first sentence when it has
 * none) and whose language is lang, into out. Pure: no I/O, no state. */
void form_read(const struct article *a, const char *title, enum lang lang, struct piece_form *out);

#endif
