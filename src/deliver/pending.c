/* pending.c: placeholders for the channel families still being written (removed as each lands). */
#include "deliver/channel.h"

#define PENDING(fn)                                                                                \
	int fn(const struct channel *ch, const struct deliver_message *msg, struct err *e)         \
	{                                                                                          \
		(void)msg;                                                                         \
		return err_set(e, "deliver %s (%s): not implemented yet", ch->name, ch->type);     \
	}

PENDING(chat_send_webhook)
PENDING(chat_send_slack)
PENDING(chat_send_discord)
PENDING(chat_send_wecom)
PENDING(chat_send_telegram)
PENDING(sign_send_feishu)
PENDING(sign_send_dingtalk)
PENDING(email_send)
