/* llmserver_longform.h: the stand-in's long-form tasks ("article", "weekly") and their fault
 * modes, for the weekly and article tests. */
#ifndef BRIEF_TESTS_LLMSERVER_LONGFORM_H
#define BRIEF_TESTS_LLMSERVER_LONGFORM_H

#include <jansson.h>

#include "llmserver.h"

/* Handlers (rows of llmsrv_tasks). */
int llmsrv_article(const struct llmsrv_call *call, json_t **answer);
int llmsrv_weekly(const struct llmsrv_call *call, json_t **answer);
int llmsrv_classify(const struct llmsrv_call *call, json_t **answer);

/* Make the next count "article" answers faulty: "cite_missing" (cites a source id the story
 * does not have), "miss_section" (three sections, no closing question), "wrong_lang" (an
 * English body for a Chinese article), "too_short", "heading_markup" (the first three section
 * headings carry Markdown heading marks and their own number: "### 一、…", "## **二、…**",
 * "###三、…"), "heading_cites" (the headline and the first section heading end with a
 * citation, "…[1]"), "cite_list" (with two sources or more, every other line of the sections
 * cites them in one list: "[1, 2]", "[1，2]", "[1-2]" or "【1】"), "blank_parts" (a headline
 * of an ideographic and a zero-width space, a closing question of a zero-width space and "？"),
 * "controls" (the first section ends with a sentence whose figure no source has, after an OSC
 * title and a CSI clear-screen escape sequence), "same_headings" (every section headed as the
 * first: "Tech Wire：变化已经发生" five times), "label_headings" (topics, not claims: "背景",
 * "影响分析", ... "结语"; "Background", "Analysis", ... "Conclusion").
 * NULL or count 0 clears. */
void llmsrv_article_fault(const char *mode, int count);

/* Make the next count "weekly" answers to requests whose user message contains match cite a
 * source id the group does not have (n + 5 for the first source). NULL or count 0 clears. */
void llmsrv_weekly_fault(const char *match, int count);

/* Make the next count "weekly" answers open their paragraphs as list items: the first "- ",
 * the others "2. ", "3. " (as a model numbering its paragraphs writes them). 0 clears. */
void llmsrv_weekly_lists(int count);

/* Answer the next count "weekly" requests whose user message contains match with the
 * paragraphs paragraphs_json (a JSON array of strings, or any JSON value a faulty model might
 * send there) instead of the written ones. NULL or count 0 clears. */
void llmsrv_weekly_answer(const char *match, int count, const char *paragraphs_json);

#endif
