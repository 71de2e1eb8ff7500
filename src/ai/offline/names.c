/* names.c: the Chinese names table (names.h) and its everyday-word rule. */
#include "ai/offline/names.h"

#include <string.h>

#include "util/str.h"

/* Two Chinese sites' write-ups, or an English and a Chinese one, name a company each their own
 * way ("苹果起诉 Masimo" ~ "Apple 与 Masimo 专利战再起"). A longer name comes before the shorter
 * one it starts with ("阿里巴巴", "阿里"). Some names start everyday words, told by the word
 * after the name (not_before): 苹果汁 (apple juice), 小米粥 (millet porridge), 三星堆 (an
 * archaeological site), 阿里山 (a mountain), 文心雕龙 (a classic of literary criticism). Others
 * end everyday words, told by the word before the name (not_after): 红豆包 and 黏豆包 are buns,
 * 青苹果 a green apple, 黄小米 millet, 一百度 a hundred degrees; and 普通义务 (a duty) holds 通义.
 * Scanning a text character by character reaches the name inside such a word, so the word
 * before is read as well as the word after. People too, by the name English headlines call them (their family name, both spellings of it in
 * Chinese): "Sam Altman" is 奥特曼 or 阿尔特曼, "Linus Torvalds" 林纳斯·托瓦兹; a person the
 * weekly's list names in English ("Sam Altman" for OpenAI) has that company as entity, unless
 * the name is also someone else's: 奥特曼 is Ultraman too, and a weekly groups by one name alone
 * (clustering needs another name and a phrase in common). */
static const struct zh_name names[] = {
	{"苹果", "apple", "Apple", "汁 树 派 醋 酱 酒 皮 核 味 籽", "青 红 烂 烤"},
	{"谷歌", "google", "Google", "", ""},
	{"微软", "microsoft", "Microsoft", "", ""},
	{"英伟达", "nvidia", "Nvidia", "", ""},
	{"特斯拉", "tesla", "Tesla", "线圈", ""},
	{"亚马逊", "amazon", "Amazon", "雨林 河 流域", ""},
	{"英特尔", "intel", "Intel", "", ""},
	{"三星", "samsung", "Samsung", "堆 级", ""},
	{"华为", "huawei", "Huawei", "", ""},
	{"小米", "xiaomi", "Xiaomi", "粥 饭 椒 粒 糕", "黄 糯"},
	{"腾讯", "tencent", "Tencent", "", ""},
	{"百度", "baidu", "Baidu", "", "一 二 两 三 四 五 六 七 八 九 几 数"},
	{"阿里巴巴", "alibaba", "Alibaba", "", ""},
	{"阿里", "alibaba", "Alibaba", "山", ""},
	{"字节跳动", "bytedance", "ByteDance", "", ""},
	{"台积电", "tsmc", "TSMC", "", ""},
	{"脸书", "facebook", "Meta", "", ""},
	{"推特", "twitter", NULL, "", ""},
	{"领英", "linkedin", NULL, "", ""},
	{"索尼", "sony", NULL, "", ""},
	{"网飞", "netflix", "Netflix", "", ""},
	{"安卓", "android", "Google", "", ""},
	{"火狐", "firefox", "Mozilla", "狸", ""},
	{"深度求索", "deepseek", "DeepSeek", "", ""},
	{"马斯克", "musk", NULL, "", ""}, /* Tesla, SpaceX, xAI, X: his name says none of them */
	{"奥特曼", "altman", NULL, "", ""},
	{"阿尔特曼", "altman", "OpenAI", "", ""},
	{"林纳斯", "linus", NULL, "", ""},
	{"托瓦兹", "torvalds", NULL, "", ""},
	{"托瓦尔兹", "torvalds", NULL, "", ""},
	{"黄仁勋", "huang", NULL, "", ""},
	{"基辛格", "gelsinger", NULL, "", ""},
	{"盖尔辛格", "gelsinger", NULL, "", ""},
	{"库克", "cook", NULL, "群岛", ""},
	{"扎克伯格", "zuckerberg", "Meta", "", ""},
	{"纳德拉", "nadella", NULL, "", ""},
	{"皮查伊", "pichai", NULL, "", ""},
	{"贝索斯", "bezos", NULL, "", ""},
	{"通义", "tongyi", "Alibaba", "务", ""},
	{"千问", "qwen", "Alibaba", "", ""},
	{"豆包", "doubao", "ByteDance", "", "红 绿 黑 芸 黏 粘 蒸"},
	{"文心", "ernie", "Baidu", "雕龙", ""},
	{"微信", "wechat", "Tencent", "", ""},
	{"月之暗面", "moonshot", "Moonshot AI", "", ""},
	{"智谱", "zhipu", "Zhipu AI", "", ""},
};

/* Whether next starts with a word of the space-separated list words: a name's not_before.
 * Words, not characters: 特斯拉线圈 (a Tesla coil) is no company, 特斯拉线上发布会 (Tesla's
 * online event) is. */
static int
starts_with_any(const char *next, const char *words)
{
	for (const char *w = words; *w;) {
		size_t n = strcspn(w, " ");
		if (n && strncmp(next, w, n) == 0)
			return 1;
		w += n;
		w += *w == ' ';
	}
	return 0;
}

/* Whether the text s..p ends with a word of the space-separated list words: a name's
 * not_after (红豆包: the 红 before 豆包). */
static int
ends_with_any(const char *s, const char *p, const char *words)
{
	for (const char *w = words; *w;) {
		size_t n = strcspn(w, " ");
		if (n && (size_t)(p - s) >= n && strncmp(p - n, w, n) == 0)
			return 1;
		w += n;
		w += *w == ' ';
	}
	return 0;
}

const struct zh_name *
zh_name_at(const char *s, const char *p)
{
	if ((unsigned char)*p < 0x80)
		return NULL; /* every name starts with a CJK character */
	for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
		if (str_starts(p, names[k].zh) && !starts_with_any(p + strlen(names[k].zh), names[k].not_before) &&
		    !ends_with_any(s, p, names[k].not_after))
			return &names[k];
	return NULL;
}

int
zh_name_latin(const char *w, size_t len)
{
	for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
		if ((strlen(names[k].latin) == len && str_ncasecmp(names[k].latin, w, len) == 0) ||
		    (names[k].entity && strlen(names[k].entity) == len && str_ncasecmp(names[k].entity, w, len) == 0))
			return 1;
	return 0;
}
