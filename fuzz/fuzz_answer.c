/* fuzz_answer.c: libFuzzer target for the model-answer parser: schema_extract (the JSON
 * object inside a raw answer: the whole text, a ``` fence, or the first balanced object in
 * prose), schema_extract_list (a bare list found the same way), schema_extract_cut_list (the
 * whole entries of a list cut short: objects only, at least one) and schema_validate against
 * every task's answer schema. Invariants (abort() on violation): what is extracted is an object
 * (a list for schema_extract_list); serialised and extracted again it is the same
 * object; a rejection always comes with a one-line reason. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ai/llm/prompt.h"
#include "ai/llm/schema.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	json_t *list = schema_extract_list((const char *)data, size);
	if (list && !json_is_array(list))
		abort();
	json_decref(list);
	json_t *cut = schema_extract_cut_list((const char *)data, size);
	for (size_t i = 0; cut && i < json_array_size(cut); i++)
		if (!json_is_object(json_array_get(cut, i)))
			abort();
	if (cut && json_array_size(cut) == 0)
		abort();
	json_decref(cut);
	json_t *answer = schema_extract((const char *)data, size);
	if (!answer)
		return 0;
	if (!json_is_object(answer))
		abort();
	char *text = json_dumps(answer, JSON_COMPACT | JSON_ENCODE_ANY);
	if (!text)
		abort();
	json_t *again = schema_extract(text, strlen(text));
	if (!again || !json_equal(answer, again))
		abort();
	json_decref(again);
	free(text);
	for (int t = 0; t < PROMPT_TASK_COUNT; t++) {
		char why[200] = "";
		if (schema_validate(prompt_schema((enum prompt_task)t), answer, why, sizeof why) < 0 &&
		    (why[0] == '\0' || strchr(why, '\n')))
			abort();
	}
	json_decref(answer);
	return 0;
}
