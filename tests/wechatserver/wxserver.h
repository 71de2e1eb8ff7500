/* wxserver.h: a loopback stand-in of the WeChat Official Account (公众号) API for the
 * wechat_mp delivery tests. It answers the three calls brief makes and checks every request
 * as the official documentation describes it (developers.weixin.qq.com, "获取 Access token",
 * "新增永久素材", "新增草稿"):
 *   GET  /cgi-bin/token?grant_type=client_credential&appid=A&secret=S
 *        -> {"access_token","expires_in"}; 40013 invalid appid, 40125 invalid appsecret;
 *   POST /cgi-bin/material/add_material?access_token=T&type=image, multipart/form-data with
 *        the image in the field "media" (a file name, an image type, 1 byte..10 MB)
 *        -> {"media_id","url"};
 *   POST /cgi-bin/draft/add?access_token=T, JSON {"articles":[{title <= 32 characters,
 *        author <= 16, digest <= 128, content (< 20,000 characters, < 1 MB), thumb_media_id
 *        of a permanent material, need_open_comment 0|1, only_fans_can_comment 0|1}]}
 *        -> {"media_id"}; 45003 title size out of limit, 45110 author size out of limit,
 *        45004 description size out of limit, 45002 content size out of limit, 40007
 *        invalid media_id; an <img> in content not on mmbiz.qpic.cn is a problem (the API
 *        drops it from the draft);
 *   POST /cgi-bin/media/uploadimg?access_token=T, multipart "media" (jpg or png, <= 1 MB)
 *        -> {"url": "http://mmbiz.qpic.cn/..."}; 40005 invalid file type, 40009 invalid image size;
 *   GET  /outside/cover.png, /outside/logo.gif, /outside/huge.jpg (1.5 MB): images on "another
 *        site", for a [brand] cover.
 * A token that is not one it issued is 40001; a token it was told to expire is 42001; a rate
 * limit it was told to impose is 45009 or 45011. A thumb_media_id it did not issue (a restarted
 * stand-in = an account whose material was deleted) is 40007. A request that breaks the documented form (wrong
 * method, missing parameter, wrong content type, \u-escaped JSON text) is answered 40035
 * "invalid parameter" and recorded as a problem the test fails on. */
#ifndef BRIEF_TESTS_WXSERVER_H
#define BRIEF_TESTS_WXSERVER_H

#include <stddef.h>

struct wx_server;

struct wx_counts {
	long token, upload, draft; /* successful answers */
	long refused;              /* API errors answered (token, size, quota ...) */
	long images;               /* media/uploadimg answers (content images uploaded) */
	long content_images;       /* <img> in the drafts' content, and those not on mmbiz.qpic.cn */
	long outside_images;
	char title[512], author[256], digest[1024], thumb[128];
	size_t content_len;
	char content_head[2048];   /* the first bytes of the last draft's content */
};

/* Start on 127.0.0.1 (ephemeral port) for this appid/secret; tokens live expires_in seconds. */
struct wx_server *wx_server_start(const char *appid, const char *secret, long expires_in);
int wx_server_port(const struct wx_server *s);
/* Every token issued so far becomes expired (the next use answers 42001). */
void wx_server_expire_tokens(struct wx_server *s);
/* The next n draft/add calls answer code: 45009 (the daily quota is used up) or 45011 (the
 * per-minute quota: "api minute-quota reach limit  mustslower  retry next minute"). */
void wx_server_rate_limit(struct wx_server *s, int n, long code);
void wx_server_counts(struct wx_server *s, struct wx_counts *out);
/* Contract violations seen so far, one per line ("" when none). Valid until the next call. */
const char *wx_server_problems(struct wx_server *s);
/* The last access token issued ("" before the first). Valid until the next call. */
const char *wx_server_last_token(struct wx_server *s);
void wx_server_stop(struct wx_server *s);

#endif
