/* lang.c: language detection by function words, and the stop-word lists of German, French,
 * Dutch, Spanish, Portuguese and other scripts (English ones live in text.c; Chinese function
 * characters in keywords.c, where the n-grams are cut). */
#include "ai/offline/lang.h"

#include <stdlib.h>
#include <string.h>

#include "ai/offline/text.h"
#include "util/str.h"
#include "util/utf8.h"

#define DETECT_BYTES 4000 /* the head of a text says which language it is in */
#define WORD_BYTES 32
#define MARKERS 24 /* function words per language that tell it apart */

/* Sorted by byte order for bsearch (a test checks the order). */
static const char *const stop_de[] = {
	"aber", "alle", "allem", "allen", "aller", "allerdings", "alles", "als", "also", "am", "an", "andere",
	"anderen", "anderer", "anderes", "auch", "auf", "aus", "bei", "beim", "bereits", "bin", "bis", "bisher",
	"bislang", "bist", "da", "dabei", "damit", "dann", "darauf", "darum", "das", "dass", "dein", "deine", "dem",
	"den", "denen", "denn", "der", "deren", "derzeit", "des", "dessen", "dich", "die", "dies", "diese",
	"diesem", "diesen", "dieser", "dieses", "dir", "doch", "dort", "du", "durch", "eben", "ein", "eine",
	"einem", "einen", "einer", "eines", "einige", "einigen", "einmal", "er", "es", "etwa", "etwas", "euch",
	"euer", "für", "gegen", "gewesen", "gibt", "hab", "habe", "haben", "hat", "hatte", "hatten", "heute",
	"hier", "hin", "hinter", "ich", "ihm", "ihn", "ihnen", "ihr", "ihre", "ihrem", "ihren", "ihrer", "im",
	"immer", "in", "indem", "ins", "ist", "ja", "jede", "jedem", "jeden", "jeder", "jedes", "jedoch", "jetzt",
	"kann", "kein", "keine", "keinen", "können", "könnte", "künftig", "laut", "machen", "man", "mehr",
	"mehrere", "mein", "meine", "mich", "mir", "mit", "muss", "musste", "nach", "neben", "neue", "neuen",
	"neuer", "neues", "nicht", "nichts", "noch", "nun", "nur", "ob", "oder", "ohne", "prozent", "rund", "schon",
	"sehr", "sei", "sein", "seine", "seinem", "seinen", "seiner", "seit", "sich", "sie", "sind", "so", "sodass",
	"soll", "sollen", "sollte", "sondern", "sonst", "sowie", "um", "und", "uns", "unser", "unter", "viel",
	"viele", "vom", "von", "vor", "war", "waren", "warum", "was", "weil", "weiter", "welche", "welchem",
	"welchen", "welcher", "wenn", "wer", "werde", "werden", "wie", "wieder", "will", "wir", "wird", "wirklich",
	"wo", "wollen", "worden", "wurde", "wurden", "zu", "zum", "zur", "zwar", "zwischen", "über",
};

static const char *const stop_fr[] = {
	"afin", "ai", "ainsi", "alors", "après", "au", "aucun", "aussi", "autre", "autres", "aux", "avant", "avec",
	"avoir", "bien", "c", "ce", "cela", "celle", "celui", "ces", "cet", "cette", "chez", "comme", "comment",
	"d", "dans", "de", "depuis", "des", "deux", "doit", "donc", "dont", "du", "elle", "elles", "en", "encore",
	"entre", "est", "et", "eu", "faire", "fait", "fois", "il", "ils", "j", "je", "l", "la", "le", "les", "leur",
	"leurs", "lors", "lui", "m", "ma", "mais", "me", "mes", "moi", "moins", "mon", "même", "n", "ne", "ni",
	"non", "nos", "notre", "nous", "on", "ont", "ou", "où", "par", "parce", "pas", "peu", "peut", "plus",
	"pour", "pourquoi", "quand", "que", "quel", "quelle", "quelles", "quels", "qui", "s", "sa", "sans", "se",
	"selon", "sera", "ses", "si", "son", "sont", "sous", "sur", "t", "ta", "tant", "te", "tes", "toi", "ton",
	"toujours", "tous", "tout", "toute", "toutes", "très", "tu", "un", "une", "vers", "vos", "votre", "vous",
	"y", "à", "été", "être",
};

static const char *const stop_nl[] = {
	"aan", "al", "alle", "alleen", "als", "bij", "dan", "dat", "de", "der", "deze", "die", "dit", "doch",
	"door", "dus", "een", "eens", "en", "er", "geen", "had", "heb", "hebben", "heeft", "het", "hier", "hij",
	"hoe", "hun", "ik", "in", "is", "je", "jij", "kan", "kon", "kunnen", "maar", "me", "meer", "men", "met",
	"mij", "mijn", "na", "naar", "niet", "niets", "nog", "nu", "of", "om", "omdat", "ons", "onze", "ook", "op",
	"over", "te", "tegen", "toch", "toen", "tot", "u", "uit", "uw", "van", "veel", "voor", "want", "waren",
	"was", "wat", "we", "weer", "wel", "werd", "wie", "wij", "worden", "wordt", "zal", "ze", "zelf", "zich",
	"zij", "zijn", "zo", "zonder", "zou",
};

static const char *const stop_es[] = {
	"a", "al", "algo", "algunos", "ante", "antes", "aquí", "así", "año", "años", "cada", "como", "con",
	"contra", "cual", "cuando", "de", "del", "desde", "donde", "dos", "e", "el", "ella", "ellas", "ellos", "en",
	"entre", "era", "es", "esa", "ese", "eso", "esta", "este", "esto", "estos", "está", "están", "fue", "ha",
	"hace", "han", "hasta", "hay", "la", "las", "le", "les", "lo", "los", "me", "mi", "mientras", "muy", "más",
	"ni", "no", "nos", "nosotros", "o", "otra", "otro", "otros", "para", "pero", "poco", "por", "porque",
	"puede", "que", "qué", "se", "sea", "según", "ser", "si", "sin", "sino", "sobre", "solo", "son", "su",
	"sus", "sí", "también", "tan", "tanto", "te", "tiene", "tienen", "todo", "todos", "tu", "un", "una", "uno",
	"unos", "y", "ya",
};

static const char *const stop_pt[] = {
	"a", "ao", "aos", "as", "até", "com", "como", "da", "das", "de", "dela", "dele", "deles", "depois", "do",
	"dos", "e", "ela", "ele", "eles", "em", "entre", "era", "essa", "esse", "esta", "este", "está", "eu", "foi",
	"foram", "há", "isso", "já", "lhe", "mais", "mas", "me", "mesmo", "muito", "na", "nas", "nem", "no", "nos",
	"não", "o", "os", "ou", "para", "pela", "pelas", "pelo", "pelos", "por", "porque", "quando", "que", "quem",
	"se", "sem", "ser", "seu", "seus", "sua", "suas", "são", "também", "te", "tem", "um", "uma", "umas", "uns",
	"à", "às", "é",
};

/* Italian: an Italian post's tags read "ImageMagick, ICO, sRGB, che" before it had a list. */
static const char *const stop_it[] = {
	"agli", "alla", "alle", "allo", "anche", "ancora", "avere", "che", "chi", "col", "come",
	"cosa", "cui", "dagli", "dai", "dal", "dalla", "dalle", "degli", "dei", "del", "della",
	"delle", "dello", "dove", "essere", "fra", "già", "gli", "hanno", "loro", "mentre", "mio",
	"molto", "nei", "nel", "nella", "nelle", "non", "nostro", "oggi", "ogni", "per", "perché",
	"però", "più", "poi", "proprio", "qualche", "quale", "quando", "quanto", "quella", "quelle",
	"quelli", "quello", "questa", "queste", "questi", "questo", "sempre", "sono", "stato",
	"sua", "sue", "sui", "sul", "sulla", "suo", "suoi", "tra", "tutti", "tutto", "una", "uno",
	"viene",
};

/* Text of no language brief tells apart (LANG_OTHER) is often in a script of its own, whose
 * function words can be listed together without meeting a word of another list: Russian,
 * Arabic, Urdu, Persian and Hebrew ("из", "في", "کے", "که", "של"). */
static const char *const stop_other[] = {
	"а", "без", "более", "больше", "будет", "будто", "бы", "был", "была",
	"были", "было", "быть", "в", "вам", "вас", "вдруг", "ведь", "во", "вот",
	"впрочем", "все", "всегда", "всего", "всех", "всю", "вы", "где",
	"года", "году", "да", "даже", "два", "для", "до", "другой", "его", "ее",
	"ей", "ему", "если", "есть", "еще", "ещё", "её", "ж", "же", "за", "зачем",
	"здесь", "и", "из", "или", "им", "иногда", "их", "к", "как", "какая",
	"какой", "когда", "конечно", "которая", "которое", "которой",
	"которые", "который", "которых", "кто", "куда", "ли", "лучше",
	"между", "меня", "мне", "много", "может", "можно", "мой", "моя", "мы",
	"на", "над", "надо", "наконец", "нас", "не", "него", "нее", "ней",
	"нельзя", "нет", "неё", "ни", "нибудь", "никогда", "ним", "них",
	"ничего", "но", "ну", "о", "об", "один", "одна", "одним", "одно",
	"одного", "одной", "около", "он", "она", "они", "опять", "от", "перед",
	"по", "под", "после", "потом", "потому", "почти", "при", "про", "раз",
	"разве", "с", "сам", "свою", "себе", "себя", "сейчас", "со", "совсем",
	"так", "также", "такой", "там", "тебя", "тем", "теперь", "то", "тогда",
	"того", "тоже", "только", "том", "тот", "три", "тут", "ты", "у", "уж",
	"уже", "хорошо", "хоть", "чего", "чем", "через", "что", "чтоб",
	"чтобы", "чуть", "эти", "это", "этого", "этой", "этом", "этот", "эту",
	"я", "אבל", "או", "אחד", "אחת", "אין", "אם", "את", "בין", "גם", "הוא", "היא",
	"היה", "היתה", "הם", "זה", "יש", "כי", "כל", "לא", "לפי", "מה", "עוד", "על",
	"עם", "רק", "של", "آن", "أن", "أو", "إلى", "إن", "اب", "از", "اس", "است",
	"التي", "الذي", "الذين", "الى", "اما", "ان", "او", "اور", "اپنا", "اپنی",
	"اپنے", "اگر", "این", "ایک", "با", "بارے", "بجائے", "بر", "برای", "بعد",
	"به", "بود", "بين", "بھی", "تا", "تمام", "تک", "تھا", "تھی", "تھے", "ثم",
	"جس", "جن", "جو", "حتى", "خلاف", "خود", "در", "دوسری", "دوسرے", "دونوں",
	"دیا", "دینے", "را", "رہا", "رہی", "رہے", "ساتھ", "سکتا", "سکتی", "سکتے",
	"سے", "شامل", "شد", "شده", "طرف", "على", "عن", "عند", "في", "قبل", "قد",
	"كان", "كانت", "كل", "لا", "لم", "لن", "لیا", "لیتے", "لیے", "ما", "مع",
	"من", "می", "میں", "نہیں", "نیز", "نے", "ها", "هذا", "هذه", "هم", "هو", "هي",
	"و", "وأن", "والا", "والی", "والے", "وفي", "وقد", "ومن", "وہ", "پر",
	"پہلے", "چاہیے", "کا", "کر", "کرتا", "کرتی", "کرتے", "کرنے", "کریں",
	"کرے", "که", "کو", "کچھ", "کہ", "کی", "کیا", "کے", "گئی", "گئے", "گا", "گی",
	"گیا", "گے", "ہو", "ہوئی", "ہوئے", "ہوا", "ہوگا", "ہوگی", "ہوں", "ہیں",
	"ہے", "یا", "یک", "یہ",
};

/* A few frequent function words per language, which tell the languages apart (shared words
 * such as "de" or "que" count for each language that has them). */
static const char *const markers[LANG_OTHER][MARKERS] = {
	[LANG_EN] = {"the", "and", "of", "to", "is", "that", "with", "for", "this", "are", "was", "it", "on", "be"},
	[LANG_DE] = {"und", "der", "die", "das", "nicht", "ist", "mit", "für", "ein", "eine", "auf", "sich", "auch",
	             "wird", "dass", "den", "von", "dem", "im", "zu", "als", "nach", "werden", "über"},
	[LANG_FR] = {"le", "les", "et", "des", "est", "pour", "une", "dans", "du", "qui", "sur", "pas", "au", "avec",
	             "il", "la"},
	[LANG_NL] = {"het", "een", "van", "niet", "voor", "zijn", "wordt", "ook", "met", "naar", "bij", "worden",
	             "deze", "dat", "op", "ik"},
	[LANG_ES] = {"el", "los", "las", "que", "una", "para", "por", "del", "con", "es", "se", "más", "como", "pero",
	             "y", "la"},
	[LANG_PT] = {"não", "uma", "com", "os", "do", "da", "em", "são", "para", "pelo", "ao", "foi", "também", "que",
	             "o", "na"},
	[LANG_IT] = {"il", "che", "della", "sono", "non", "per", "gli", "nel", "anche", "più", "questo", "delle",
	             "degli", "una", "di", "è"},
};

struct stoplist {
	const char *const *words;
	size_t count;
};

#define LIST(a) {a, sizeof a / sizeof a[0]}
static const struct stoplist stoplists[LANG_COUNT] = {
	[LANG_DE] = LIST(stop_de), [LANG_FR] = LIST(stop_fr), [LANG_NL] = LIST(stop_nl),
	[LANG_ES] = LIST(stop_es), [LANG_PT] = LIST(stop_pt), [LANG_IT] = LIST(stop_it),
	[LANG_OTHER] = LIST(stop_other),
};

static int
cmp_word(const void *key, const void *elem)
{
	return strcmp((const char *)key, *(const char *const *)elem);
}

int
lang_is_stopword(enum lang l, const char *w)
{
	if (text_is_stopword(w))
		return 1;
	if (l >= LANG_COUNT || !stoplists[l].count)
		return 0;
	return bsearch(w, stoplists[l].words, stoplists[l].count, sizeof *stoplists[l].words, cmp_word) != NULL;
}

const char *
lang_code(enum lang l)
{
	static const char *const codes[LANG_COUNT] = {"en", "de", "fr", "nl", "es", "pt", "it", "zh", "other"};
	return l < LANG_COUNT ? codes[l] : "other";
}

enum lang
lang_parse(const char *code, size_t len)
{
	for (int l = 0; l < LANG_COUNT; l++)
		if (strlen(lang_code((enum lang)l)) == len && str_ncasecmp(code, lang_code((enum lang)l), len) == 0)
			return (enum lang)l;
	return LANG_COUNT;
}

struct counts {
	size_t cjk, words, latin_words, hits[LANG_OTHER];
};

static void
count_word(struct counts *c, const char *w)
{
	c->words++;
	for (int l = 0; l < LANG_OTHER; l++)
		for (size_t i = 0; i < MARKERS && markers[l][i]; i++)
			if (strcmp(w, markers[l][i]) == 0) {
				c->hits[l]++;
				break;
			}
}

/* Lower-cased letter runs of s[0..len) (any script text_is_cjk does not claim); CJK counted. */
static void
count_text(struct counts *c, const char *s, size_t len)
{
	char w[WORD_BYTES + 1];
	size_t wl = 0;
	int latin = 1;
	for (size_t i = 0; i <= len;) {
		uint32_t cp = 0;
		size_t n = i < len ? utf8_decode(s + i, len - i, &cp) : 1;
		int letter = i < len && utf8_is_letter(cp);
		if (letter) {
			char enc[4];
			size_t el = utf8_encode(utf8_tolower(cp), enc);
			if (wl + el <= WORD_BYTES)
				memcpy(w + wl, enc, el), wl += el;
			latin &= cp < 0x250;
		} else if (wl) {
			w[wl] = '\0';
			count_word(c, w);
			c->latin_words += (size_t)latin;
			wl = 0;
			latin = 1;
		}
		if (i < len && text_is_cjk(cp))
			c->cjk++;
		i += n;
	}
}

enum lang
lang_detect(const char *title, const char *text)
{
	struct counts c;
	memset(&c, 0, sizeof c);
	size_t tl = title ? strlen(title) : 0, xl = text ? strlen(text) : 0;
	if (tl)
		count_text(&c, title, tl);
	if (xl)
		count_text(&c, text, xl > DETECT_BYTES ? utf8_prefix_chars(text, DETECT_BYTES, DETECT_BYTES) : xl);
	/* A Chinese text with English names in it: CJK characters outnumber the Latin words. */
	if (c.cjk >= 10 && c.cjk > c.words)
		return LANG_ZH;
	int best = LANG_EN;
	for (int l = 0; l < LANG_OTHER; l++)
		if (c.hits[l] > c.hits[best])
			best = l;
	if (c.hits[best] >= 3 || (c.hits[best] >= 2 && c.words < 30))
		return (enum lang)best;
	/* Too few function words to tell: Latin script counts as English, other scripts as other. */
	return c.latin_words * 2 >= c.words ? LANG_EN : LANG_OTHER;
}
