/* select.c: PLACEHOLDER until window selection lands. */
#include "store/select.h"

int
store_select_window(struct store *st, int64_t now, int hours, const int64_t *source_ids, size_t source_count,
                    struct arena *arena, struct article **out, size_t *count, struct err *e)
{
	(void)st; (void)now; (void)hours; (void)source_ids; (void)source_count; (void)arena;
	*out = NULL;
	*count = 0;
	return err_set(e, "window selection is not implemented yet");
}
