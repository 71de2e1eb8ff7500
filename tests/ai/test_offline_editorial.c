/* test_offline_editorial.c: the offline engine as an editor (issue 11, section 4), on small
 * articles of our own in several languages: Unicode-correct keywords with display casing,
 * language-aware stop words, multilingual category cues matched as whole words in the item's
 * language, how-tos and releases as tools, highlights from shared topics, and extracts without
 * page furniture. */
#include <stdlib.h>
#include <string.h>

#include "ai/offline/keywords.h"
#include "ai/offline/lang.h"
#include "ai/offline/offline.h"
#include "category.h"
#include "testlib.h"
#include "util/str.h"

#define NOW INT64_C(1771675200)

static struct article
art(const char *title, const char *text, const char *source)
{
	static int64_t next_id = 1;
	struct article a;
	memset(&a, 0, sizeof a);
	a.id = next_id;
	a.source_id = next_id++;
	a.title = title;
	a.text = text;
	a.source_name = source;
	a.source_url = "https://feeds.example.org/feed.xml";
	a.link = "https://example.org/post";
	a.published = a.when = a.first_seen = NOW - 3600;
	return a;
}

/* s: a story of lead alone, filed under cat with the given keywords (count may be 0),
 * as the daily hands its picks to offline_highlights. */
static struct story *
one_story(struct story *s, struct article *lead, enum category cat, const char **keywords, size_t count)
{
	memset(s, 0, sizeof *s);
	s->lead = lead;
	s->member_count = 1;
	s->verdict.category = cat;
	s->verdict.keywords = keywords;
	s->verdict.keyword_count = count;
	return s;
}

/* The engine's verdict on a[i] within the window a[0..n). */
static void
judge(struct article *a, size_t n, size_t i, struct arena *arena, struct verdict *v)
{
	struct offline_prefs prefs = {0};
	struct kw_index *kw = kw_index_build(a, NULL, n);
	struct offline_ctx ctx = {.now = NOW, .hours = 48, .prefs = &prefs, .kw = kw, .articles = a, .article_count = n};
	offline_verdict(&ctx, &a[i], arena, v);
	kw_index_free(kw);
}

static int
has_kw(const struct verdict *v, const char *k)
{
	for (size_t i = 0; i < v->keyword_count; i++)
		if (strcmp(v->keywords[i], k) == 0)
			return 1;
	return 0;
}

static void
show(const char *what, const struct verdict *v)
{
	fprintf(stderr, "  %s: %s [", what, category_id(v->category));
	for (size_t i = 0; i < v->keyword_count; i++)
		fprintf(stderr, "%s%s", i ? ", " : "", v->keywords[i]);
	fprintf(stderr, "]\n");
}

/* Filler articles so that TF-IDF has a window to compare with. */
static size_t
window(struct article *w, const struct article *subject)
{
	w[0] = *subject;
	w[1] = art("Weekly notes", "Some notes about the week, the weather and a walk in the park with friends.", "Notes");
	w[2] = art("Kurzmeldungen", "Heute gibt es nur kurze Meldungen aus der Stadt und dem Umland zu lesen.", "Stadt");
	w[3] = art("Brèves", "Quelques nouvelles brèves de la semaine, la météo et le sport du dimanche.", "Journal");
	return 4;
}

/* The engine's verdict on a alone in the filler window, shown under what (NULL: not shown). */
static void
judge_alone(const char *what, const struct article *a, struct arena *arena, struct verdict *v)
{
	struct article w[4];
	size_t n = window(w, a);
	judge(w, n, 0, arena, v);
	if (what)
		show(what, v);
}

/* The offline enrichment of a, judged alone in the filler window. */
static void
enrich_alone(const struct article *a, const char *lang, struct arena *arena, struct enrichment *e)
{
	struct verdict v;
	judge_alone(NULL, a, arena, &v);
	offline_enrich(a, &v, lang, arena, e);
}

/* An item with nothing to tag gets no keyword: the category's id used to stand in, which
 * showed "🏷️ other" under a Chinese digest's item and made "other" a topic the day's
 * stories shared. */
static void
test_nothing_to_tag(void)
{
	struct arena arena = ARENA_INIT;
	struct verdict v;
	struct article a = art("Oh no!", "It is what it is.", "A microblog");
	judge_alone("nothing to tag", &a, &arena, &v);
	CHECK_INT(v.keyword_count, 0);
	/* Its why-read names no topic, rather than an empty one ("文章，涉及 ：…", "A write-up
	 * about : …"). */
	struct enrichment e;
	offline_enrich(&a, &v, "zh", &arena, &e);
	fprintf(stderr, "  nothing to tag, why: %s\n", e.reason);
	CHECK(str_starts(e.reason, "文章：") && strstr(e.reason, "涉及") == NULL);
	offline_enrich(&a, &v, "en", &arena, &e);
	fprintf(stderr, "  nothing to tag, why: %s\n", e.reason);
	CHECK(str_starts(e.reason, "A write-up: ") && strstr(e.reason, "about") == NULL);
	/* ... while an item with words keeps them */
	a = art("Rust 1.80 released", "The Rust team shipped version 1.80 of the compiler with lazy cells.", "Rust blog");
	judge_alone(NULL, &a, &arena, &v);
	CHECK(v.keyword_count >= 1 && has_kw(&v, "Rust"));
	arena_free(&arena);
}

/* Quality is for the digest's technical reader: a long report with no technical subject is at
 * most 3 however many words and figures it has (it had scored 8), while a technical article of
 * the same length keeps the points its length and figures earn, and a short one on a core
 * subject is not a link post. */
static void
test_off_topic_quality(void)
{
	struct arena arena = ARENA_INIT;
	struct verdict v;
	static const char match_report[] =
		"The home side won the final 3-1 on Saturday evening in front of 41,000 supporters. The visitors "
		"scored first after 12 minutes, when their captain headed in a corner at the near post. The hosts "
		"answered before half time through a low shot from the edge of the area that went in off the post. "
		"After the break the coach moved his wingers inside and the midfield began to control the game. "
		"The second goal came on 64 minutes from a quick free kick taken while the defenders were still "
		"arguing with the referee. The visitors pushed forward in the last twenty minutes and hit the "
		"crossbar twice, once from a volley and once from a deflected cross. Their goalkeeper came up for "
		"a late corner, and the hosts broke away to score the third goal into an empty net in the 93rd "
		"minute. It was the club's first title in 18 years, and the players celebrated with the crowd for "
		"almost an hour after the final whistle. The coach said after the match that the team had grown "
		"through a difficult season, with 9 injuries in the autumn and a run of five games without a win "
		"in the winter. He thanked the supporters who had travelled to every away match and said the "
		"squad would stay together for next season. The captain of the visitors said his team had "
		"played well for an hour but had paid for two mistakes. The city will hold a parade on Monday, "
		"and the trophy will be shown at the town hall for a week. Tickets for the first home match of "
		"the new season go on sale in July, and the club expects the stadium to be full again.";
	struct article a = art("Home side win the cup final after eighteen years", match_report, "City news");
	judge_alone("off-topic report", &a, &arena, &v);
	CHECK(v.relevance <= 3);
	CHECK(v.quality <= 3);
	static const char kernel_report[] =
		"The Linux kernel 6.9 release brings a new scheduler for the io_uring subsystem and faster "
		"page cache lookups. The maintainers merged 14,000 commits from 2,000 developers over nine weeks. "
		"The file system work includes large folio support in ext4 and a new recovery path for Btrfs "
		"when a device disappears under load. Networking gains a zero-copy receive path that cuts CPU "
		"use by 20 percent in the maintainers' benchmarks on 100 Gbit cards. The Rust support grows "
		"with the first drivers for network PHYs written in Rust, and the build system can now check "
		"the bindings against the C headers. On the security side the release adds stricter checks to "
		"the BPF verifier and removes an old system call that allowed reading kernel memory. The "
		"memory management changes reduce lock contention in the page allocator, which the "
		"developers measured with a compile benchmark on a machine with 128 cores. Storage drivers "
		"gain support for new NVMe features, and the virtual machine code adds a faster path for "
		"guests that use huge pages. The release notes list 35 regressions that were fixed in the "
		"last two weeks before the release, and the next merge window opens on Monday. Distributions "
		"such as Fedora and Arch are expected to ship the new kernel within a month, and the long term "
		"support branch will continue to receive fixes for older hardware.";
	struct article b = art("Linux 6.9 released with io_uring and ext4 changes", kernel_report, "Kernel news");
	judge_alone("kernel report", &b, &arena, &v);
	CHECK(v.relevance > 3);
	CHECK(v.quality >= 6);
	/* A story on a core subject that its feed sums up in two sentences is solid news, not a
	 * link post: its quality is at least its relevance less 3 (it had quality 2). */
	struct article c = art("OpenSSL fixes a remote code execution vulnerability in its TLS stack",
	                       "The OpenSSL project released fixes for a buffer overflow in the TLS handshake. "
	                       "Attackers could exploit the vulnerability remotely.",
	                       "Security news");
	judge_alone("brief security news", &c, &arena, &v);
	CHECK(v.relevance >= 7);
	CHECK(v.quality >= v.relevance - 3);
	arena_free(&arena);
}

/* Keywords keep every letter (ü, é, ß) and are words of the article, not truncations. */
static void
test_unicode_keywords(void)
{
	struct arena arena = ARENA_INIT;
	struct article de = art("Überwachung: Bundestag beschließt Gesetz zur Vorratsdatenspeicherung",
	                        "Der Bundestag hat am Donnerstag die Vorratsdatenspeicherung beschlossen. Die Überwachung "
	                        "von Verbindungsdaten soll künftig zehn Wochen dauern. Datenschützer kritisieren die "
	                        "Überwachung scharf und kündigen eine Verfassungsbeschwerde gegen die "
	                        "Vorratsdatenspeicherung an. Die Überwachung betrifft alle Telefonkunden.",
	                        "Netzpolitik");
	struct verdict v;
	judge_alone("de surveillance", &de, &arena, &v);
	CHECK(has_kw(&v, "Überwachung") || has_kw(&v, "Vorratsdatenspeicherung"));
	for (size_t i = 0; i < v.keyword_count; i++) {
		CHECK(strstr(v.keywords[i], "berwachung") == NULL || strstr(v.keywords[i], "Überwachung") != NULL);
		/* every keyword is spelt as in the article (or is a canonical lexicon topic) */
		CHECK(str_icasestr(de.text, strlen(de.text), v.keywords[i]) || str_icasestr(de.title, strlen(de.title), v.keywords[i]) ||
		      strcmp(v.keywords[i], "Datenschutz") == 0 || strcmp(v.keywords[i], "privacy") == 0);
		CHECK(!lang_is_stopword(LANG_DE, v.keywords[i]));
	}
	CHECK_INT(v.category, CAT_SECURITY);

	struct article fr = art("La sécurité des élèves menacée par une faille",
	                        "Une faille de sécurité dans le logiciel Pronote expose les données des élèves. Les "
	                        "chercheurs ont découvert que la faille permettait de lire les notes et les adresses. "
	                        "L'éditeur a publié un correctif mardi. La faille touche des milliers d'écoles.",
	                        "Le Journal");
	judge_alone("fr flaw", &fr, &arena, &v);
	CHECK(has_kw(&v, "Pronote"));
	for (size_t i = 0; i < v.keyword_count; i++) {
		CHECK(strcmp(v.keywords[i], "curit") != 0 && strcmp(v.keywords[i], "l ves") != 0);
		CHECK(!lang_is_stopword(LANG_FR, v.keywords[i]));
	}
	CHECK_INT(v.category, CAT_SECURITY);

	/* A soft hyphen (&shy;, as German news sites mark where a long word may break) is invisible
	 * and joins the word: it was read as a break ("Sicherheits", "lücke"). */
	struct article shy = art("Kritische Sicherheits\u00adlücke in Exchange",
	                         "Microsoft warnt vor einer kritischen Sicherheits\u00adlücke in Exchange. Angreifer "
	                         "können über die Sicherheits\u00adlücke Code ausführen. Admins sollen das Update "
	                         "sofort einspielen.",
	                         "Nachrichten");
	judge_alone("de soft hyphen", &shy, &arena, &v);
	CHECK(has_kw(&v, "Sicherheitslücke"));
	CHECK(!has_kw(&v, "Sicherheits") && !has_kw(&v, "lücke"));
	arena_free(&arena);
}

/* Scripts without capitals are words too: an Urdu article gets keywords spelt as it writes
 * them (it had none: Arabic letters were no letters), and no function word of its script
 * ("کے", "میں") or of Russian ("из": two letters, four bytes) is one. */
static void
test_caseless_script_keywords(void)
{
	struct arena arena = ARENA_INIT;
	struct article ur = art("سائبر حملوں کے خلاف بینکوں کے لیے نیا قانون",
	                        "حکومت نے سائبر حملوں کے خلاف نیا قانون منظور کیا ہے۔ قانون کے تحت بینکوں کو ہر سائبر "
	                        "حملے کی اطلاع دینی ہوگی۔ ماہرین کا کہنا ہے کہ سائبر حملوں میں اضافہ ہوا ہے اور بینکوں کو "
	                        "بہتر حفاظت کی ضرورت ہے۔ حکومت کے مطابق قانون اگلے ماہ سے نافذ ہوگا اور بینکوں پر جرمانے "
	                        "بھی ہوں گے۔",
	                        "Khabrein");
	struct verdict v;
	judge_alone("ur cyber law", &ur, &arena, &v);
	CHECK(v.keyword_count >= 2);
	CHECK(has_kw(&v, "سائبر") || has_kw(&v, "بینکوں") || has_kw(&v, "قانون"));
	for (size_t i = 0; i < v.keyword_count; i++) {
		CHECK(strstr(ur.text, v.keywords[i]) || strstr(ur.title, v.keywords[i]));
		CHECK(!lang_is_stopword(LANG_OTHER, v.keywords[i]));
	}
	struct article ru = art("Данные из банков и данные из больниц",
	                        "Данные из банков, данные из больниц и данные из магазинов хранятся на серверах в "
	                        "Москве. Из отчёта следует, что из каждых десяти серверов три не обновлялись. Из "
	                        "банков утекли пароли клиентов, из больниц истории болезней.",
	                        "Vesti");
	judge_alone("ru data", &ru, &arena, &v);
	CHECK(v.keyword_count >= 2);
	for (size_t i = 0; i < v.keyword_count; i++) {
		CHECK(str_icasestr(ru.text, strlen(ru.text), v.keywords[i]) || str_icasestr(ru.title, strlen(ru.title), v.keywords[i]));
		CHECK(!lang_is_stopword(LANG_OTHER, v.keywords[i]));
		/* neither a keyword nor a word of a phrase ("данные из") */
		size_t kl = strlen(v.keywords[i]);
		CHECK(strcmp(v.keywords[i], "из") != 0 && strstr(v.keywords[i], "из ") != v.keywords[i] &&
		      !(kl > 5 && strcmp(v.keywords[i] + kl - 5, " из") == 0));
	}
	CHECK(lang_is_stopword(LANG_OTHER, "из") && lang_is_stopword(LANG_OTHER, "کے") &&
	      lang_is_stopword(LANG_OTHER, "של") && !lang_is_stopword(LANG_EN, "کے"));
	/* Italian: its function words ("che", "della", "sono") are no keywords (an Italian post's
	 * tags read "ImageMagick, ICO, sRGB, che" when Italian was read as Spanish or English). */
	struct article it = art("Le icone che il browser mostra",
	                        "Sembra che nel mondo dei siti web ci sia una enorme confusione su come specificare "
	                        "le icone della pagina. Il file che il browser chiede per primo è favicon.ico, ma "
	                        "le icone che contano sono quelle della pagina, che sono più grandi. Anche ImageMagick "
	                        "sa creare il file, e lo fa in un secondo: dico sempre che è lo strumento che serve.",
	                        "Blog");
	CHECK_INT(lang_detect(it.title, it.text), LANG_IT);
	judge_alone("it favicon", &it, &arena, &v);
	CHECK(v.keyword_count >= 2);
	for (size_t i = 0; i < v.keyword_count; i++)
		CHECK(strcmp(v.keywords[i], "che") != 0 && strcmp(v.keywords[i], "della") != 0 &&
		      strcmp(v.keywords[i], "sono") != 0 && strncmp(v.keywords[i], "che ", 4) != 0);
	CHECK(has_kw(&v, "ImageMagick"));
	CHECK(lang_is_stopword(LANG_IT, "che") && !lang_is_stopword(LANG_ES, "che") && !lang_is_stopword(LANG_EN, "che"));
	/* the list is searched by bisection: words with accents sort by their bytes */
	static const char *const it_words[] = {"agli", "già", "gli", "oggi", "ogni", "perché", "però", "più", "viene"};
	for (size_t i = 0; i < sizeof it_words / sizeof it_words[0]; i++)
		CHECK(lang_is_stopword(LANG_IT, it_words[i]));
	CHECK(strcmp(lang_code(LANG_IT), "it") == 0 && lang_parse("it", 2) == LANG_IT);
	arena_free(&arena);
}

/* The name a headline puts before its colon is a keyword as a whole ("Star Wars", not "Wars";
 * a series without its episode number), a label there is none ("Link:"). */
static void
test_title_head_keywords(void)
{
	struct arena arena = ARENA_INIT;
	struct verdict v;
	struct article sw = art("Star Wars: Film über Kopfgeldjäger ist zu 100 Prozent tot",
	                        "Der geplante Kinofilm über den Kopfgeldjäger wird nicht mehr gedreht, sagte der "
	                        "Produzent in einem Interview. Das Studio konzentriert sich nun auf Serien für seinen "
	                        "Streamingdienst.",
	                        "Spielenews");
	judge_alone("de head", &sw, &arena, &v);
	CHECK(has_kw(&v, "Star Wars"));
	CHECK(!has_kw(&v, "Wars") && !has_kw(&v, "Star"));
	struct article gb = art("Giant Bombcast 603: Call of Tuesday",
	                        "The crew talks about the week's releases, a strategy game that takes too long to "
	                        "load and a racing game with a surprising soundtrack. Then listener questions.",
	                        "Giant Bomb");
	judge_alone("en series head", &gb, &arena, &v);
	CHECK(has_kw(&v, "Giant Bombcast"));
	for (size_t i = 0; i < v.keyword_count; i++)
		CHECK(strstr(v.keywords[i], "603") == NULL);
	struct article link = art("Link: The Dolphins Were Not Playing",
	                          "A surfer filmed a group of dolphins circling a shark near the beach, and a marine "
	                          "biologist explains that the dolphins were protecting their young, not playing.",
	                          "One Foot Tsunami");
	judge_alone("label head", &link, &arena, &v);
	CHECK(!has_kw(&v, "Link"));
	/* A launch verb before the name is no part of it, nor a tag of its own: two launches on one
	 * day made "Announcing" the day's recurring topic. */
	struct article ann = art("Announcing OSS-Fuzz: Continuous Fuzzing for Open Source Software",
	                         "OSS-Fuzz is a new service that fuzzes open source projects around the clock. "
	                         "OSS-Fuzz runs libFuzzer on thousands of machines and files bugs with the projects.",
	                         "Testing Blog");
	judge_alone("launch verb head", &ann, &arena, &v);
	CHECK(has_kw(&v, "OSS-Fuzz"));
	CHECK(!has_kw(&v, "Announcing OSS-Fuzz") && !has_kw(&v, "Announcing"));
	arena_free(&arena);
}

/* Code pasted into a post: its variables ("itemsPerPage", "postId", "ThereIsNoCutlery", the
 * class-prefixed "NSFontSizeAttribute") are no
 * tags however often the text repeats them; a name spelt like one is, when the headline uses it
 * ("rssCloud"). */
static void
test_code_spelt_words(void)
{
	struct arena arena = ARENA_INIT;
	struct verdict v;
	struct article code = art("Paging the posts of a WordPress blog over AMF",
	                          "The service returns a page of posts: call getPosts with itemsPerPage and a "
	                          "postId to start from. If itemsPerPage is missing the server uses ten, and postId "
	                          "defaults to the newest post. The client keeps itemsPerPage in its settings and "
	                          "sends the last postId it saw, so itemsPerPage times the page number never "
	                          "skips a post. ThereIsNoCutlery is the name of the test fixture, and "
	                          "ThereIsNoCutlery holds three posts. The font comes from NSFontSizeAttribute: "
	                          "NSFontSizeAttribute wins over the style, NSFontSizeAttribute is read once, and "
	                          "NSFontSizeAttribute has no default.",
	                          "Code Notes");
	judge_alone("code words", &code, &arena, &v);
	CHECK(v.keyword_count >= 2);
	CHECK(has_kw(&v, "WordPress"));
	CHECK(!has_kw(&v, "itemsPerPage") && !has_kw(&v, "postId") && !has_kw(&v, "getPosts"));
	CHECK(!has_kw(&v, "ThereIsNoCutlery"));
	CHECK(!has_kw(&v, "NSFontSizeAttribute"));
	struct article named = art("rssCloud support in the new release",
	                           "The release adds rssCloud: a feed tells its readers where to ask for a ping, "
	                           "and rssCloud calls them back when the feed changes, so readers need not poll. "
	                           "The rssCloud server keeps a list of subscriptions for a day.",
	                           "Scripting News");
	judge_alone("named like code", &named, &arena, &v);
	CHECK(has_kw(&v, "rssCloud"));
	arena_free(&arena);
}

/* A common word that opens a name ("New", "Whole") makes the name with the capitalised word
 * after it: "New Zealand", not the fragment "Zealand". Not with a lower-case word ("the Person
 * class"), not inside a longer capitalised run ("Ingrid Goes West"), and not where a quotation
 * capitalises its first word (“How Google’s …”). */
static void
test_name_openers(void)
{
	struct arena arena = ARENA_INIT;
	struct verdict v;
	struct article trip = art("My first few weeks in New Zealand",
	                          "There was my final week at the old job, a farewell party and then my trip to New "
	                          "Zealand. Currently New Zealand looks much the same as home, seeing as I am locked "
	                          "away in an office most of the time. The flight went through Auckland, and the "
	                          "office is in Auckland too.",
	                          "A Blog");
	judge_alone("name opener", &trip, &arena, &v);
	CHECK(has_kw(&v, "New Zealand"));
	CHECK(!has_kw(&v, "Zealand"));
	struct article deal = art("Amazon buys a grocer",
	                          "Amazon agreed to buy Whole Foods for $13.7 billion. The grocer keeps its name, and "
	                          "Amazon will sell its own devices in the stores of Whole Foods.",
	                          "A Blog");
	judge_alone("name opener, body", &deal, &arena, &v);
	CHECK(has_kw(&v, "Whole Foods"));
	struct article code = art("Models in PHP",
	                          "The Person class extends the model base. Each Person class instance keeps its "
	                          "attributes in an array, and the Person class throws when one is missing. We saw "
	                          "the film Ingrid Goes West, and Ingrid Goes West was fine. Raymond Wong wrote "
	                          "\u201cHow Google\u2019s earbuds will win\u201d and then \u201cHow Google\u2019s phone will win\u201d.",
	                          "A Blog");
	judge_alone("no name opener", &code, &arena, &v);
	CHECK(!has_kw(&v, "person class") && !has_kw(&v, "Person class"));
	CHECK(!has_kw(&v, "Goes West"));
	CHECK(!has_kw(&v, "How Google"));
	arena_free(&arena);
}

/* A headline written in sentence case capitalises names only: two capitalised words side by side
 * there are a name, though no body repeats it ("Abe Vigoda" of a title-only post). Not in a
 * headline in Title Case, and not with the headline's first word when that is a verb
 * ("Announcing FeedMail"). */
static void
test_sentence_case_names(void)
{
	struct arena arena = ARENA_INIT;
	struct verdict v;
	struct article obit = art("Character actor Abe Vigoda has passed away at 94.", "", "A Forum");
	judge_alone("sentence case name", &obit, &arena, &v);
	CHECK(has_kw(&v, "Abe Vigoda"));
	CHECK(!has_kw(&v, "Vigoda"));
	struct article episode = art("297: It Also Deserves To Die", "", "A Podcast");
	judge_alone("title case", &episode, &arena, &v);
	CHECK(!has_kw(&v, "Also Deserves"));
	struct article launch = art("Announcing FeedMail for your inbox", "", "A Blog");
	judge_alone("headline verb", &launch, &arena, &v);
	CHECK(!has_kw(&v, "Announcing FeedMail"));
	arena_free(&arena);
}

/* A field's topic that a story off the field mentions in passing does not lead its tags: a
 * seismology story that says "machine learning" once is filed `other`, and is tagged by what it is
 * about first. A title that names the topic still leads with it. */
static void
test_off_field_topics(void)
{
	struct arena arena = ARENA_INIT;
	struct verdict v;
	struct article quake = art("Earthquake shakes the coast of Crete",
	                           "An earthquake of magnitude 5.8 shook the coast of Crete on Tuesday. Houses in "
	                           "Heraklion shook for twenty seconds, and the earthquake was felt on Santorini. The "
	                           "seismologists in Heraklion map the aftershocks with machine learning, and they "
	                           "expect more aftershocks near Crete this week. The ferries to Santorini ran late.",
	                           "Island News");
	judge_alone("off-field topic", &quake, &arena, &v);
	CHECK_INT(v.category, CAT_OTHER);
	CHECK(v.keyword_count >= 2);
	CHECK(v.keyword_count > 0 && strcmp(v.keywords[0], "machine learning") != 0);
	CHECK(has_kw(&v, "Crete") || has_kw(&v, "earthquake"));
	arena_free(&arena);
}

/* A name that ends in a one- or two-letter abbreviation is one tag ("Face ID", "Apple TV"), not
 * the lower-case "face"; a person's initial ("Bhat M.") and the O of "O'Neil" end no name. */
static void
test_abbreviated_names(void)
{
	struct arena arena = ARENA_INIT;
	struct verdict v;
	struct article face = art("Security firm fools Face ID with a mask",
	                          "The new phone unlocks with Face ID, which scans your face with infrared light. "
	                          "A security firm in Vietnam built a mask that fooled Face ID, though the mask took "
	                          "days to make. Apple says Face ID is far harder to fool than a fingerprint.",
	                          "Macworld");
	judge_alone("abbreviation", &face, &arena, &v);
	CHECK(has_kw(&v, "Face ID"));
	CHECK(!has_kw(&v, "face"));
	struct article staff = art("New general manager for the bank",
	                           "The bank named Raghavendra Bhat M. its new general manager. Raghavendra Bhat M. "
	                           "joined the bank in 1990, and Tom O'Neil, who ran the branch before, said Tom "
	                           "O'Neil would stay on as an adviser.",
	                           "Bank News");
	judge_alone("initials", &staff, &arena, &v);
	CHECK(!has_kw(&v, "Bhat M") && !has_kw(&v, "Tom O"));
	arena_free(&arena);
}

/* A word the headline names in full is that name: "Brian Merchant", not "Merchant", where the
 * body writes the full name once (possessive) and then the surname alone, as reviews do, and
 * the first name alone is no term of its own (the day's other stories have other Brians). */
static void
test_title_full_names(void)
{
	struct arena arena = ARENA_INIT;
	struct verdict v;
	struct article book = art("The knives come out for the old team in Brian Merchant\u2019s history of the phone",
	                          "A magazine has a long excerpt from Brian Merchant\u2019s history of the phone, "
	                          "out next week. Merchant has many sources on the record, though it is not "
	                          "clear whether the designer spoke to Merchant, or if Merchant got the quotes "
	                          "from somewhere else. The engineers spoke to Merchant at length, and Merchant "
	                          "quotes them on the prototypes. Merchant also went to the mines, and Merchant "
	                          "visited the factories, where Merchant was shown out; Merchant does not say "
	                          "who let him in, and Merchant leaves the rest to the reader. Tony Fadell and "
	                          "Phil Schiller argued over the keyboard; Tony Fadell says Phil Schiller lost. "
	                          "Scott Forstall ran the software, and Scott Forstall left in 2012. Foxconn built "
	                          "the first units in a plant that Foxconn still runs, far from Cupertino, where "
	                          "Cupertino kept the secret.",
	                          "Daring Fireball");
	/* The day's other stories have other Brians: the first name alone weighs little. */
	struct article w[4] = {book,
	                       art("Brian Eno at eighty", "Brian Eno plays a new record in Berlin tonight.", "Music"),
	                       art("Brian Cox on stars", "Brian Cox explains why stars shine in a new series.", "Science"),
	                       art("Brian May's telescope", "Brian May shows the telescope he built as a boy.", "Space")};
	judge(w, 4, 0, &arena, &v);
	show("full name", &v);
	CHECK(has_kw(&v, "Brian Merchant"));
	CHECK(!has_kw(&v, "Merchant"));
	arena_free(&arena);
}

/* A vulnerability's identifier is its tag ("CVE-2024-3094", upper-cased), not the word "CVE"
 * every security story shares; a round-up that names several is tagged with none of them. */
static void
test_cve_identifiers(void)
{
	struct arena arena = ARENA_INIT;
	struct verdict v;
	struct article one = art("Notes on cve-2024-3094 and the backdoor in xz",
	                         "The backdoor in the xz compression library, tracked as CVE-2024-3094, hooked the "
	                         "SSH daemon through liblzma. The CVE got a score of 10. Distributions reverted the "
	                         "xz release, and the exploit never reached stable releases.",
	                         "Security Notes");
	judge_alone("cve title", &one, &arena, &v);
	CHECK(has_kw(&v, "CVE-2024-3094"));
	CHECK(!has_kw(&v, "CVE"));
	struct article many = art("Fuzzing found a CVE in two image parsers this year",
	                          "The fuzzers found CVE-2017-2801 in one image parser and CVE-2017-2802 in "
	                          "another; each CVE was fixed within a week, and the exploit write-ups followed. "
	                          "Fuzzing keeps finding memory bugs in parsers.",
	                          "Security Notes");
	judge_alone("cve round-up", &many, &arena, &v);
	CHECK(has_kw(&v, "CVE"));
	CHECK(!has_kw(&v, "CVE-2017-2801") && !has_kw(&v, "CVE-2017-2802"));
	/* The identifier taken as a TF-IDF term before the lexicon's "CVE" filled a later slot:
	 * naming the CVE there made the tag twice ("Rust, Python, CVE-2024-24576, CVE-2024-24576"). */
	struct article twice = art("Rust 和 Python", "两者都修复了 CVE-2024-24576。", "安全周报");
	judge_alone("cve taken twice", &twice, &arena, &v);
	CHECK(has_kw(&v, "CVE-2024-24576"));
	for (size_t i = 0; i < v.keyword_count; i++)
		for (size_t j = 0; j < i; j++)
			CHECK(str_casecmp(v.keywords[i], v.keywords[j]) != 0);
	arena_free(&arena);
}

/* A lexicon term written as a call in code is the code's function, no topic: ggplot2's aes()
 * ("geom_point(aes(x = hour, y = count))") made three R charting tutorials "cryptography"
 * through the lexicon's AES, in their tags and in the day's shared topics. Prose that names
 * AES, a space before its bracket, still does. */
static void
test_code_calls(void)
{
	struct arena arena = ARENA_INIT;
	struct verdict v;
	struct article chart = art("Charting bike rentals by hour with R",
	                           "The rentals data has one row per trip. We count trips per hour and plot them:\n"
	                           "ggplot(df, aes(x = hour, y = trips)) + geom_line(aes(color = weekday))\n"
	                           "Weekdays peak at eight and at five. A second chart splits them by station:\n"
	                           "ggplot(df, aes(x = hour, y = trips, fill = station)) + geom_col()\n"
	                           "The stations near the river are busiest on weekends.",
	                           "A Data Blog");
	judge_alone("code call", &chart, &arena, &v);
	CHECK(!has_kw(&v, "cryptography") && !has_kw(&v, "AES") && !has_kw(&v, "aes"));
	CHECK(v.category != CAT_SECURITY);
	struct article prose = art("Why the disk images are encrypted",
	                           "The images are encrypted with AES (the Advanced Encryption Standard) in GCM mode. "
	                           "The key never leaves the machine, and AES keeps the images safe at rest.",
	                           "A Data Blog");
	judge_alone("aes in prose", &prose, &arena, &v);
	CHECK(has_kw(&v, "cryptography") || has_kw(&v, "encryption"));
	arena_free(&arena);
}

/* A common word that a text only ever capitalises at a sentence's start is no name: Medium's
 * "Continue reading on Medium »" tagged posts "Continue", a podcast's FAQ "Listen", others
 * "Meet", "Apologies", "Keys", shown capitalised as names. Another article of the window writes
 * it in lower case, which a name opening its sentences ("Velomat runs …") never is. */
static void
test_sentence_openers(void)
{
	struct arena arena = ARENA_INIT;
	struct article w[5];
	w[0] = art("Bike rentals by hour",
	           "Velomat runs the rentals. Velomat counts them by hour. Weekdays start early: the rentals "
	           "peak at eight. Weekdays end late, with the rentals up again at six.",
	           "A Data Blog");
	w[1] = art("Trains run late", "On weekdays the trains run late, and on weekdays the buses are full.", "Transit");
	w[2] = art("Weekly notes", "Some notes about the week, the weather and a walk in the park with friends.", "Notes");
	w[3] = art("A walk", "We walked to the lake and back, and the weather held all afternoon.", "Notes");
	w[4] = art("Bread", "The bread took four hours to rise, then forty minutes in a hot oven.", "Kitchen");
	struct verdict v;
	judge(w, 5, 0, &arena, &v);
	show("sentence opener", &v);
	CHECK(!has_kw(&v, "Weekdays") && !has_kw(&v, "weekdays"));
	CHECK(has_kw(&v, "Velomat"));
	arena_free(&arena);
}

/* An ellipsis written as one character ends a sentence as "..." does: "my talk today… Continue
 * reading on Medium »" had made "Continue" a word capitalised mid-sentence, a name, and the
 * tag of the post. */
static void
test_ellipsis_openers(void)
{
	struct arena arena = ARENA_INIT;
	struct article w[5];
	w[0] = art("Slides from the meetup",
	           "Here are the slides and links from my talk about screenshots today\u2026 Continue reading on the "
	           "blog.",
	           "A Blog");
	w[1] = art("Trains run late", "The trains continue to run late, and the buses continue to be full.", "Transit");
	w[2] = art("Weekly notes", "Some notes about the week, the weather and a walk in the park with friends.", "Notes");
	w[3] = art("A walk", "We walked to the lake and back, and the weather held all afternoon.", "Notes");
	w[4] = art("Bread", "The bread took four hours to rise, then forty minutes in a hot oven.", "Kitchen");
	struct verdict v;
	judge(w, 5, 0, &arena, &v);
	show("ellipsis opener", &v);
	CHECK(!has_kw(&v, "Continue") && !has_kw(&v, "continue"));
	CHECK(has_kw(&v, "screenshots") || has_kw(&v, "slides"));
	arena_free(&arena);
}

/* A code identifier the headline names is the topic ("hardened_malloc", "io.ReadSeeker");
 * one only the body's pasted code has is not ("buf_size"), nor a name's initials ("R.L."). */
static void
test_title_identifiers(void)
{
	struct arena arena = ARENA_INIT;
	struct verdict v;
	struct article alloc = art("Why the heap overflow fails against hardened_malloc",
	                           "The exploit needs two chunks side by side, which hardened_malloc never places "
	                           "together. Set buf_size to 64 and buf_size bytes are copied; with buf_size past "
	                           "the slab the guard page stops the write, since hardened_malloc keeps guard "
	                           "pages between slabs. The buf_size check in the parser was missing.",
	                           "Security Notes");
	judge_alone("title identifier", &alloc, &arena, &v);
	CHECK(has_kw(&v, "hardened_malloc"));
	CHECK(!has_kw(&v, "buf_size"));
	struct article stine = art("I'm R.L. Stine, author of the Goosebumps books, ask me anything",
	                           "Hi, I am the author of the Goosebumps books. The Goosebumps movie is out on "
	                           "disc today, and I will answer questions about the Goosebumps series for an hour.",
	                           "reddit");
	judge_alone("initials", &stine, &arena, &v);
	CHECK(!has_kw(&v, "R.L"));
	arena_free(&arena);
}

/* A release headline's product, the words before its version, is a keyword whole ("Zorin OS"
 * of "Zorin OS 17.1 arrives"); a word that numbers ("Version 1.2 of …") is none. */
static void
test_release_products(void)
{
	struct arena arena = ARENA_INIT;
	struct verdict v;
	struct article rel = art("Zorin OS 17.1 arrives",
	                         "The developers of the desktop distribution have released a new point release. "
	                         "It boots in seconds from a USB stick, adds a new package manager and updates the "
	                         "kernel. Artyom Zorin thanks the testers of the release candidates.",
	                         "Open Source News");
	judge_alone("release product", &rel, &arena, &v);
	CHECK(has_kw(&v, "Zorin OS"));
	struct article ver = art("Version 1.2 of the export script",
	                         "The script exports a project's tasks to a calendar. This release adds time zones "
	                         "and fixes the export of repeating tasks; the calendar now shows due dates.",
	                         "Scripts");
	judge_alone("numbering word", &ver, &arena, &v);
	CHECK(!has_kw(&v, "Version"));
	arena_free(&arena);
}

/* A talk's page: the speaker's name once, whole ("Andreas Zeller", not "Zeller" and "Andreas"
 * as two tags), and the topic phrase its title names past the first word though the body says it
 * only once ("unit tests"); a section-wide topic ("security") gives way to specific ones. */
static void
test_names_and_title_phrases(void)
{
	struct arena arena = ARENA_INIT;
	struct verdict v;
	struct article talk = art("Allison Sullivan on the Benefits of Unit Tests for Software Models",
	                          "Allison Sullivan teaches at the University of Texas at Arlington. Her study of "
	                          "specifications written in Alloy shows that writing unit tests for a model catches "
	                          "mistakes that the modelers missed. Sullivan argues that model checkers should make "
	                          "them cheap to write, and Sullivan followed students and professional modelers over "
	                          "two semesters.",
	                          "It Will Never Work in Theory");
	judge_alone("talk", &talk, &arena, &v);
	CHECK(has_kw(&v, "Allison Sullivan"));
	CHECK(!has_kw(&v, "Sullivan") && !has_kw(&v, "Allison"));
	CHECK(has_kw(&v, "unit tests"));
	struct article sec = art("OpenSSL security fix for a heap overflow in certificate parsing",
	                         "The OpenSSL project fixed a heap overflow in its certificate parser. The security "
	                         "advisory rates the security flaw as high; a malformed certificate can crash a TLS "
	                         "server. Security researchers at Google found the overflow with OSS-Fuzz. The "
	                         "security team thanks them; security updates are out for the 3.0 and 3.3 branches.",
	                         "Security News");
	judge_alone("security item", &sec, &arena, &v);
	CHECK(v.keyword_count >= 3);
	CHECK(has_kw(&v, "OpenSSL"));
	CHECK(!has_kw(&v, "security"));
	arena_free(&arena);
}

/* A long word in capitals is shown as written when the title around it is not shouted
 * ("my HMODULE"), in lower case when the whole title shouts. */
static void
test_title_capitals(void)
{
	struct arena arena = ARENA_INIT;
	struct verdict v;
	struct article id = art("What does it mean when the bottom bit of my HMODULE is set?", "", "Old New Thing");
	judge_alone("identifier", &id, &arena, &v);
	CHECK(has_kw(&v, "HMODULE"));
	CHECK(!has_kw(&v, "hmodule"));
	struct article loud = art("HUGE SAVINGS ON EVERY KEYBOARD THIS WEEKEND", "", "Deals");
	judge_alone("shouted", &loud, &arena, &v);
	for (size_t i = 0; i < v.keyword_count; i++)
		CHECK(strcmp(v.keywords[i], "KEYBOARD") != 0 && strcmp(v.keywords[i], "SAVINGS") != 0);
	arena_free(&arena);
}

/* Canonical topics with display casing, so the tag cloud aggregates across stories. */
static void
test_display_casing(void)
{
	struct arena arena = ARENA_INIT;
	struct article en = art("Serving LLM inference from PostgreSQL with a Rust extension",
	                        "We wrote a Rust extension for PostgreSQL that runs llm inference next to the data. "
	                        "The extension loads a small language model once per backend. In our tests postgres "
	                        "answered 40 queries per second with the LLM on a laptop, and the Rust code stayed "
	                        "under 2,000 lines.",
	                        "Example Blog");
	struct verdict v;
	judge_alone("en casing", &en, &arena, &v);
	CHECK(has_kw(&v, "LLM"));
	CHECK(has_kw(&v, "PostgreSQL"));
	CHECK(has_kw(&v, "Rust"));
	CHECK(!has_kw(&v, "llm") && !has_kw(&v, "postgresql") && !has_kw(&v, "rust"));
	arena_free(&arena);
}

/* One article and what the engine must make of it (alone in the filler window). */
struct cue_case {
	const char *what, *title, *text, *source;
	enum category cat;  /* the category it must get ... */
	int cat_is_not;     /* ... or, when set, must not get */
	const char *kw;     /* a keyword it must have, or NULL */
	const char *no_kw;  /* a keyword it must not have, or NULL */
	int stop_lang;      /* 1: no keyword is a stop word of lang */
	enum lang lang;
};

/* Judge each case, from a feed at url (NULL: the default URL), with the byline author (NULL:
 * none), and check it. */
static void
check_cases_by(const struct cue_case *cases, size_t count, const char *url, const char *author)
{
	struct arena arena = ARENA_INIT;
	struct verdict v;
	for (size_t c = 0; c < count; c++) {
		const struct cue_case *k = &cases[c];
		struct article a = art(k->title, k->text, k->source);
		if (url)
			a.source_url = url;
		a.author = author;
		judge_alone(k->what, &a, &arena, &v);
		if (k->cat_is_not)
			CHECK(v.category != k->cat);
		else
			CHECK_INT(v.category, k->cat);
		if (k->kw)
			CHECK(has_kw(&v, k->kw));
		if (k->no_kw)
			CHECK(!has_kw(&v, k->no_kw));
		for (size_t i = 0; k->stop_lang && i < v.keyword_count; i++)
			CHECK(!lang_is_stopword(k->lang, v.keywords[i]));
	}
	arena_free(&arena);
}

/* Judge each case, from a feed at url (NULL: the default URL), and check it. */
static void
check_cases_from(const struct cue_case *cases, size_t count, const char *url)
{
	check_cases_by(cases, count, url, NULL);
}

static void
check_cases(const struct cue_case *cases, size_t count)
{
	check_cases_from(cases, count, NULL);
}

/* KI, IA, 人工智能 are AI in their language; the same letters elsewhere are not. */
static void
test_multilingual_cues(void)
{
	static const struct cue_case cases[] = {
		{"de KI", "KI erkennt Hautkrebs besser als Ärzte",
		 "Ein neuronales Netz der Universität Heidelberg erkennt Hautkrebs auf Fotos "
		 "zuverlässiger als 58 Dermatologen. Die KI wurde mit 100.000 Bildern trainiert. Die "
		 "Forscher wollen die KI nun in Kliniken testen.",
		 "Wissen", CAT_AI_ML, 0, "KI", NULL, 0, LANG_DE},
		{"fr IA", "L'IA générative arrive dans les mairies",
		 "Plusieurs mairies testent une IA générative pour répondre aux questions des habitants. "
		 "Le modèle de langage est hébergé en France. Les agents gardent la main sur les réponses "
		 "envoyées par l'IA.",
		 "Le Journal", CAT_AI_ML, 0, NULL, NULL, 0, LANG_FR},
		{"es IA", "La inteligencia artificial llega a los hospitales",
		 "Tres hospitales de Madrid usan inteligencia artificial para leer radiografías. La IA "
		 "marca los casos urgentes y los médicos revisan cada resultado antes del diagnóstico.",
		 "Diario", CAT_AI_ML, 0, NULL, NULL, 0, LANG_ES},
		{"zh AI", "人工智能助手进入医院",
		 "多家医院开始使用人工智能助手整理病历。该系统基于大模型，医生审核每一份由人工智能生成的记录。"
		 "医院表示，人工智能助手每天节省医生两个小时。",
		 "科技日报", CAT_AI_ML, 0, NULL, NULL, 0, LANG_ZH},
		/* "Ki" as a name in English, "ia" inside words, and Dutch "na rust" (after half-time). */
		{"en Ki", "Ki Hong Lee joins the cast of a new film",
		 "Actor Ki Hong Lee will star in the new film, the studio said on Monday. Filming starts "
		 "in Georgia in the spring, and the cast also includes several media veterans.",
		 "Film News", CAT_AI_ML, 1, NULL, NULL, 0, LANG_EN},
		{"nl rust", "Ajax wint na rust van PSV",
		 "Ajax heeft zondag met 2-1 gewonnen van PSV. Na rust scoorde Ajax twee keer. De trainer "
		 "was na afloop tevreden over de rust in de ploeg en de inzet van de spelers.",
		 "Sportnieuws", CAT_OTHER, 0, NULL, "Rust", 1, LANG_NL},
	};
	check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* A first-person how-to about a tool is tools, not opinion; a versioned release is tools. */
static void
test_howto_and_release(void)
{
	static const struct cue_case cases[] = {
		{"how-to", "How I set up vim for writing prose",
		 "I have used vim for ten years, and my setup for prose took me a while to get "
		 "right. In this post I show my vimrc: I turn on spell checking, I map a key to "
		 "reflow paragraphs, and I install a linter plugin. I think the result is the best "
		 "editor I have had for writing. My advice: start small and add one plugin at a time.",
		 "Someone's blog", CAT_TOOLS, 0, "Vim", NULL, 0, LANG_EN},
		/* a gerund doing something with a named means is a how-to; about people it is no tool */
		{"gerund with", "Making use of syntax filters with Pelican",
		 "Pelican highlights code with Pygments, and Pygments has filters that merge tokens. I wrote a small "
		 "plugin that registers a filter for every code block, and the generated HTML got smaller.",
		 "A blog", CAT_TOOLS, 0, NULL, NULL, 0, LANG_EN},
		{"gerund via", "Managing an IRC bouncer via OpenRC",
		 "The bouncer runs in a tmux session as its own user on Alpine Linux, so it gets the distribution's "
		 "security updates like any package. An OpenRC service file starts it at boot and restarts it.",
		 "A blog", CAT_TOOLS, 0, NULL, NULL, 0, LANG_EN},
		/* "X 101:" is a beginner's guide, "Integrating X" a how-to */
		{"101", "Blogpress 101: Adding Shop Items to Your Sidebar",
		 "Open the WordPress dashboard and paste the link of an album, a book or a film from the store: the "
		 "sidebar shows its cover, its price and the store's rating of the music, books and movies you like.",
		 "A blog host", CAT_TOOLS, 0, NULL, NULL, 0, LANG_EN},
		{"integrating", "Integrating Micro.blog",
		 "The site is static HTML. A little JavaScript calls the service's API over HTTP for the replies to "
		 "each post, and the CSS styles them like the comments; nginx serves it all.",
		 "A blog", CAT_TOOLS, 0, NULL, NULL, 0, LANG_EN},
		/* a guide that says it teaches is a how-to, even where the body is full of security words;
		 * one that argues is not */
		{"teaching guide", "Leaving Windows 10 for Linux: A Practical Migration Guide",
		 "Windows 10 loses its security updates in October, and unpatched systems are open to malware and "
		 "ransomware attacks. Back up your files, try a Linux distribution from a USB stick, then install it "
		 "next to Windows and move your data over.",
		 "A Windows site", CAT_TOOLS, 0, NULL, NULL, 0, LANG_EN},
		{"arguing guide", "The Hater's Guide to the Smartphone Industry",
		 "Phone makers sell the same phone every year and call it new. The industry's marketing budgets are "
		 "larger than its research budgets, and buyers pay for it.",
		 "A newsletter", CAT_TOOLS, 1, NULL, NULL, 0, LANG_EN},
		{"gerund about people", "Managing a team with empathy",
		 "Good managers listen before they decide. They give their team time to think and credit for the work, "
		 "and they take the blame when a project fails.",
		 "A blog", CAT_TOOLS, 1, NULL, NULL, 0, LANG_EN},
		/* the end of a version's updates is its release news too ("updates" as "update") */
		{"no more updates", "No more updates for Python 3.0",
		 "The Python developers have announced that version 3.0 gets no further bug fixes. Users are "
		 "advised to move to the current version of the language and its interpreter.",
		 "A news site", CAT_TOOLS, 0, NULL, NULL, 0, LANG_EN},
		/* a roadmap plans a version: design ahead, no release */
		{"roadmap", "Roadmap for Ruby 4.1.0",
		 "The core team has published its plans for the next version of the language: a new garbage collector, "
		 "faster method dispatch and the removal of two deprecated syntax forms.",
		 "A news site", CAT_TOOLS, 1, NULL, NULL, 0, LANG_EN},
		{"release", "Mercurial 6.8.1 released",
		 "The Mercurial project has released version 6.8.1. The release fixes two crashes in "
		 "the rebase extension and speeds up status on large repositories.",
		 "Mercurial", CAT_TOOLS, 0, "Mercurial", NULL, 0, LANG_EN},
	};
	check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* Categories from weighted evidence: whole words in the item's language, "other" has cues of
 * its own, opinion needs argument markers rather than the first person, imperative how-tos
 * about a tool are tools, German hyphen compounds count by their head. */
static void
test_category_evidence(void)
{
	static const struct cue_case cases[] = {
		/* "ki" inside German words (Ski, Kiel, Wiki) is no AI */
		{"de ki in words", "Skiurlaub in Kiel: Wikis für Touristen",
		 "Die Stadt Kiel hat ein Wiki für Touristen eingerichtet. Skifahrer finden dort Tipps für den "
		 "Skiurlaub, die Preise der Hotels und die Fahrpläne der Busse in die Berge.",
		 "Nachrichten", CAT_AI_ML, 1, NULL, "KI", 0, LANG_DE},
		/* tech business news is other, though it mentions software and the cloud */
		{"en funding", "Acme raises $40 million in Series B funding to expand in Europe",
		 "Acme, which sells cloud software to dentists, has raised $40 million in a Series B round led by "
		 "two investors from London. The company will hire 200 people and open offices in Berlin and Paris, "
		 "its CEO said. Its revenue tripled last year.",
		 "Business Wire", CAT_OTHER, 0, NULL, NULL, 0, LANG_EN},
		/* a first-person report of a measurement is engineering, not opinion */
		{"en first person", "Measuring SQLite's WAL mode on my laptop",
		 "I wanted to know how much the write-ahead log helps, so I wrote a small benchmark. On my laptop "
		 "I ran 10,000 inserts in WAL mode and in rollback mode. I found that WAL mode was 4 times faster "
		 "for my workload, and my readers were never blocked. I put the code and my numbers on GitHub so "
		 "you can run the benchmark yourself on your database.",
		 "Someone's blog", CAT_ENGINEERING, 0, "SQLite", NULL, 0, LANG_EN},
		/* argument markers make an opinion piece even about a technical subject */
		{"en opinion", "Microservices considered harmful",
		 "I think most teams that split their product into microservices made a mistake. In my opinion "
		 "the network is not a function call, and we should stop pretending it is. I believe a well-kept "
		 "monolith serves a team of ten better, and I would argue the same for a team of fifty.",
		 "Essays", CAT_OPINION, 0, NULL, NULL, 0, LANG_EN},
		{"de Kommentar", "Kommentar: Die Cloud ist kein Allheilmittel",
		 "Viele Firmen verlagern ihre Server in die Cloud, weil es modern wirkt. Ich glaube, dass das oft "
		 "teurer wird als gedacht. Meiner Meinung nach sollten Unternehmen erst rechnen und dann umziehen.",
		 "Meinung", CAT_OPINION, 0, NULL, NULL, 0, LANG_DE},
		/* an imperative title about using a tool is a how-to */
		{"en imperative how-to", "Troubleshoot Kubernetes pods with kubectl debug",
		 "When a pod crashes before you can attach to it, kubectl debug starts a copy with a shell and "
		 "the same volumes. Run it with the name of the pod and the image of your choice, then inspect "
		 "the logs and the file system.",
		 "Docs Blog", CAT_TOOLS, 0, "Kubernetes", NULL, 0, LANG_EN},
		/* the head of a German hyphen compound is a cue; an English "C-level" is no C */
		{"de compound", "Neuer Linux-Kernel beschleunigt Dateisysteme",
		 "Die Entwickler haben den Linux-Kernel in Version 6.9 veröffentlicht. Die neue Version bringt "
		 "schnellere Dateisysteme und bessere Treiber für Grafikkarten.",
		 "Technik", CAT_OTHER, 1, "Linux", NULL, 0, LANG_DE},
		/* lawful access to devices is security, though the story is told with courts and phones */
		{"en lawful access", "Phone maker fights FBI order on passcode",
		 "The company asked the court to vacate the order, which would make it write software to get past "
		 "the passcode of a suspect's phone. The government says it needs lawful access to the phone.",
		 "Tech News", CAT_SECURITY, 0, NULL, NULL, 0, LANG_EN},
		/* science news is other: a space station's cargo ship is no Rust package manager */
		{"en space", "NASA to broadcast the departure of a cargo ship from the space station",
		 "The uncrewed cargo spacecraft leaves the International Space Station on Tuesday with two tons of "
		 "experiments; astronauts on board will release it with the station's robotic arm.",
		 "Space News", CAT_OTHER, 0, NULL, NULL, 0, LANG_EN},
		{"en C-level", "C-level executives meet at the annual summit",
		 "C-level executives from banks and insurers met at the annual summit in Zurich to talk about "
		 "interest rates, hiring and the economy.",
		 "Business Wire", CAT_ENGINEERING, 1, NULL, "C", 0, LANG_EN},
	};
	check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* The form of a piece decides over its subject where it is announced: an essay's title ("On
 * X", "Über X", "Over X", "Knock It Off With X", a personal "Why I …"), a genre label in the
 * title or tags ("Kommentar") and argument markers of each language. Each positive case has a
 * twin with the same subject in a plain title or in the wrong language that stays a topic. */
static void
test_opinion_form(void)
{
	static const char seminar[] =
	    "The school requires every doctoral student to attend two seminars a week, on topics from databases to "
	    "compilers and distributed systems. Attendance is recorded. Most of the talks are about research far "
	    "from one's own, and the schedule leaves little time for the lab.";
	static const struct cue_case cases[] = {
		{"en On X", "On mandatory seminars for doctoral students", seminar, "A PhD blog", CAT_OPINION, 0, NULL,
		 NULL, 0, LANG_EN},
		{"en plain title", "Mandatory seminars for doctoral students", seminar, "A PhD blog", CAT_OPINION, 1,
		 NULL, NULL, 0, LANG_EN},
		/* a column teaser of one sentence, in the imperative */
		{"en Knock it off", "Knock It Off With the Tech Prediction Stories",
		 "Every January the same columnists predict the same gadgets.", "A column", CAT_OPINION, 0, NULL, NULL, 0,
		 LANG_EN},
		{"en Why I", "Why I moved my writing off social networks",
		 "For ten years my posts lived on other people's platforms. This year they moved to a blog that I host, "
		 "with a feed anyone can follow.",
		 "A blog", CAT_OPINION, 0, NULL, NULL, 0, LANG_EN},
		/* a headline that passes a judgement announces a column, even over a technical teaser */
		{"en judgement", "Firmware 'Improvements' That Actually Make Things Worse",
		 "The new UEFI firmware and its BIOS menus were supposed to make booting simpler.", "A column",
		 CAT_OPINION, 0, NULL, NULL, 0, LANG_EN},
		{"en report", "Firmware update makes booting faster",
		 "The new UEFI firmware and its BIOS menus were supposed to make booting simpler.", "A column",
		 CAT_OPINION, 1, NULL, NULL, 0, LANG_EN},
		/* a "why" headline that explains a fact is no argument, nor is a technical question */
		{"en why explainer", "Why radiation causes dry mouth",
		 "Radiation therapy for head and neck cancer damages the salivary glands, doctors at the clinic "
		 "explain. Patients can ease the symptoms with water and sugar-free gum.",
		 "Health news", CAT_OPINION, 1, NULL, NULL, 0, LANG_EN},
		{"en why question", "Why does the dialog manager use extra bytes in the window class?",
		 "The Win32 dialog manager reserves extra bytes in the window class for its own bookkeeping. Programs "
		 "that register a dialog class must ask for them, or the dialog procedure overwrites memory.",
		 "A Windows blog", CAT_ENGINEERING, 0, NULL, NULL, 0, LANG_EN},
		/* the title names a core topic: the essay form does not turn a vulnerability write-up
		 * into an opinion piece */
		{"en On CVE", "On CVE-2024-3094 and the xz backdoor",
		 "The backdoor in xz was found by chance. The malicious code hooked into sshd through liblzma, and "
		 "the exploit needed a key that only the attacker had.",
		 "A security blog", CAT_SECURITY, 0, NULL, NULL, 0, LANG_EN},
		{"de Über", "Über Impertinenz",
		 "Neulich im Gespräch: der Ton macht die Musik, und wer im Recht ist, muss nicht laut werden.",
		 "Der Blog", CAT_OPINION, 0, NULL, NULL, 0, LANG_DE},
		{"nl Over", "Over de haast van nieuwe software",
		 "Elke week komt er een nieuwe versie van de app, en elke keer moeten de gebruikers weer zoeken waar "
		 "de knoppen zijn gebleven. Volgens mij is dat geen vooruitgang.",
		 "Een blog", CAT_OPINION, 0, NULL, NULL, 0, LANG_NL},
		/* English "Over" is a number, not an essay */
		{"en Over 100", "Over 100 servers went down after the update",
		 "More than 100 servers of the hosting company went down after a kernel update on Tuesday. The "
		 "company rolled the update back within two hours.",
		 "A news site", CAT_OPINION, 1, NULL, NULL, 0, LANG_EN},
		/* a genre label wins over a technical subject */
		{"de Kommentar", "Kommentar: Die Datenbank ist kein Dateisystem",
		 "Wer Dateien in der Datenbank ablegt, bekommt Backups von vielen Gigabyte, langsame Abfragen und "
		 "einen Server, der beim Schreiben hängt. Programmierung heißt auch, das richtige Werkzeug zu wählen.",
		 "Ein Magazin", CAT_OPINION, 0, NULL, NULL, 0, LANG_DE},
		{"de ohne Kommentar", "Die Datenbank ist kein Dateisystem",
		 "Wer Dateien in der Datenbank ablegt, bekommt Backups von vielen Gigabyte, langsame Abfragen und "
		 "einen Server, der beim Schreiben hängt. Programmierung heißt auch, das richtige Werkzeug zu wählen.",
		 "Ein Magazin", CAT_OPINION, 1, NULL, NULL, 0, LANG_DE},
		/* argument markers of other languages in the body */
		{"fr selon moi", "Les réseaux sociaux et nous",
		 "Selon moi, nous devons quitter les grandes plateformes. Je crois que nos textes méritent un lieu à "
		 "nous, et je pense que les flux RSS suffisent.",
		 "Un blog", CAT_OPINION, 0, NULL, NULL, 0, LANG_FR},
		{"zh 我觉得", "写博客这件事",
		 "我觉得写博客最重要的是坚持。在我看来，平台会消失，但自己的网站和文字会留下来。我认为每个程序员都应该有自己的博客。",
		 "某博客", CAT_OPINION, 0, NULL, NULL, 0, LANG_ZH},
	};
	check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* Session 7, from the fresh set's misses (data/editorial/README.md), each a general rule:
 *   - an item its feed publishes without a title (a link blog's or a microblog's post) is
 *     headed by its first sentence: the title weights and title rules read that sentence;
 *   - "On this day …", "On Monday …" date a story; they are no essay's "On X";
 *   - "agent" alone is a weak AI cue: border, FBI and estate agents are no AI. */
static void
test_untitled_dates_agents(void)
{
	static const struct cue_case cases[] = {
		{"untitled AI post", "",
		 "A startup launches an AI-powered search engine for recipes. The link goes to its announcement.",
		 "A link blog", CAT_AI_ML, 0, NULL, NULL, 0, LANG_EN},
		{"untitled, no title field", NULL,
		 "A startup launches an AI-powered search engine for recipes. The link goes to its announcement.",
		 "A link blog", CAT_AI_ML, 0, NULL, NULL, 0, LANG_EN},
		/* the same sentence after a lead that says something else is a body mention */
		{"titled, AI in the body", "Links for Tuesday",
		 "The city library reopens after two years of work. A startup launches an AI-powered search engine "
		 "for recipes.",
		 "A link blog", CAT_AI_ML, 1, NULL, NULL, 0, LANG_EN},
		{"en On this day", "On this day in 2015: the city opened its new library",
		 "Ten years ago the city opened its new central library, with a cafe, a garden on the roof and room "
		 "for half a million books.",
		 "A local blog", CAT_OPINION, 1, NULL, NULL, 0, LANG_EN},
		{"en On Monday", "On Monday the council votes on the new bus routes",
		 "The council votes on Monday on the new bus routes through the old town.", "A local blog",
		 CAT_OPINION, 1, NULL, NULL, 0, LANG_EN},
		{"border agents", "Border agents check travellers' papers at the station",
		 "Since Monday, border agents have checked the papers of every traveller who gets off the night "
		 "train at the central station.",
		 "A news site", CAT_AI_ML, 1, NULL, NULL, 0, LANG_EN},
		{"AI agents", "AI agents book flights for travellers",
		 "The airline lets AI agents book and change flights for its customers.", "A news site", CAT_AI_ML, 0,
		 NULL, NULL, 0, LANG_EN},
	};
	check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* A personal post whose technical words are asides (a programmer's anniversary at work, a
 * meme answered on a developer's blog) is other; the same writer's write-up of a technical
 * subject, named in its title, stays technical. */
static void
test_personal_post(void)
{
	static const char anniversary[] =
	    "Five years ago this week I started here. I remember my first day: I got lost on the way to the "
	    "office, I spilled coffee on my new desk, and my manager took me to lunch anyway. Since then I have "
	    "moved twice, my daughter has started to walk and I have learned to bake bread on Sundays. I still "
	    "write PHP most days, and I still like my colleagues. We have had our hard months, and I have "
	    "thought about leaving more than once, but every time I stayed because of the people. My favourite "
	    "part of the year is the summer outing, when we rent a boat and sail on the lake, and my least "
	    "favourite is the week in which the heating breaks. I learned programming from a book my uncle gave "
	    "me, and I never thought I would be paid for it. I want to thank everyone who made these years what "
	    "they were, and I am looking forward to the next five. I will bring cake on Friday, and I promise it "
	    "will be better than the one I baked in the spring, which my neighbours still talk about, and not "
	    "in a kind way. I have kept every card you gave me in a box under my bed, and I read them again "
	    "last night, and I laughed at most of them and cried at two. My first desk plant is still alive, "
	    "which surprises me more than anything else about these years. Thank you all, and see you on "
	    "Friday, where I will tell the story of the lost keys once more, as I do every year.";
	static const struct cue_case cases[] = {
		{"personal anniversary", "Five years", anniversary, "A developer's blog", CAT_OTHER, 0, NULL, NULL, 0,
		 LANG_EN},
		{"same writer, technical title", "Five years of PHP: what I learned about programming", anniversary,
		 "A developer's blog", CAT_OTHER, 1, NULL, NULL, 0, LANG_EN},
	};
	check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* A long first-person piece that names no subject and has no argument marker is an essay even
 * in a feed whose other items are "other": the source's prior is no subject of the piece's own. */
static void
test_essay_against_prior(void)
{
	static const char *const items[4][2] = {
	    {"Leaving", "I quit the service last month. I had used it for nine years, and I thought I would miss it. "
	                "I don't. My mornings are mine again: I read, I write, I walk before I open my laptop. What "
	                "I miss is a few people, and I write to them now, one letter at a time, and they write back "
	                "to me. I stayed too long. I was afraid that I would lose my friends, but my friends were "
	                "never there; only my habits were. I feel lighter. I sleep better. I have time for my own "
	                "thoughts, and I like them more than I expected. My evenings are quiet, and I no longer "
	                "reach for my pocket every few minutes. I cook again. I call my sister on Sundays, and she "
	                "laughs at how long it took me. My advice, if you want it: try a month without it and see "
	                "what you do with the hours. I am glad that I did."},
	    {"Football results", "The match ended two to one after a late goal in the stadium, the coach said."},
	    {"Election night", "The election results came in late; the government party lost two seats."},
	    {"New smartphone", "The smartphone goes on sale on Friday at a price of 799 dollars."},
	};
	struct arena arena = ARENA_INIT;
	struct article w[4];
	for (size_t i = 0; i < 4; i++) {
		w[i] = art(items[i][0], items[i][1], "A personal site");
		w[i].source_id = w[0].source_id;
	}
	struct offline_prefs prefs = {0};
	struct kw_index *kw = kw_index_build(w, NULL, 4);
	struct offline_ctx ctx = {.now = NOW, .hours = 48, .prefs = &prefs, .kw = kw, .articles = w, .article_count = 4};
	offline_prepare(&ctx, &arena);
	struct verdict v;
	offline_verdict(&ctx, &w[1], &arena, &v);
	CHECK_INT(v.category, CAT_OTHER); /* the feed's other items are "other": its prior */
	offline_verdict(&ctx, &w[0], &arena, &v);
	show("essay in an 'other' feed", &v);
	CHECK_INT(v.category, CAT_OPINION);
	kw_index_free(kw);
	arena_free(&arena);
}

/* The feed's own categories are cues that weigh like the title: a thin item tagged "security"
 * by its feed is security, the same item untagged is not; a German "Meinung" or an English
 * "Opinion" tag marks an opinion piece. */
static void
test_feed_tag_cues(void)
{
	static const char *sec[] = {"Security", "Conferences"}, *meinung[] = {"Meinung", "Programmierung"},
	                  *opinion[] = {"Opinion"};
	static const struct {
		const char *title, *text, *source, **tags;
		size_t tag_count;
		enum category cat; /* with the tags it is this, without them it is not */
	} cases[] = {
		{"Notes from the conference in Lisbon", "Three talks stood out this year, and the hallway track was better "
		 "than ever. Slides are linked below for those who could not come.", "Conference notes", sec, 2,
		 CAT_SECURITY},
		{"Einfach bleiben", "Wer ein neues Werkzeug einführt, sollte vorher fragen, ob das alte nicht reicht. "
		 "Meistens reicht es, und das spart allen viel Zeit.", "Der Blog", meinung, 2, CAT_OPINION},
		{"Shipping features nobody asked for", "Every release adds another toggle, and every toggle is a "
		 "support ticket waiting to happen. Ship less, and ship it well.", "A newspaper", opinion, 1, CAT_OPINION},
	};
	struct arena arena = ARENA_INIT;
	struct article w[4];
	struct verdict v;
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		struct article a = art(cases[c].title, cases[c].text, cases[c].source);
		size_t n = window(w, &a);
		judge(w, n, 0, &arena, &v);
		show("untagged", &v);
		CHECK(v.category != cases[c].cat);
		w[0].categories = cases[c].tags;
		w[0].category_count = cases[c].tag_count;
		judge(w, n, 0, &arena, &v);
		show(cases[c].tags[0], &v);
		CHECK_INT(v.category, cases[c].cat);
	}
	arena_free(&arena);
}

/* A feed that describes itself as opinion ("Tech opinion and analysis from …", "Thoughts on
 * …", German "Meinung") announces the form of its items, like an opinion tag on each: a
 * columnist's teaser with no argument marker of its own is opinion there and not in a feed
 * without that description. It stays weak: a news feed that lists opinion among its sections
 * gives no lean, a tagline's joke ("it was wrong") is no genre, and a teaser whose title names a
 * core topic of another category keeps that category. */
static void
test_feed_description(void)
{
	static const char teaser[] = "Every few years the industry forgets what the last bubble taught it.";
	static const char ai_teaser[] = "The new model writes code and answers questions in forty languages.";
	static const struct {
		const char *what, *title, *text, *description;
		enum category cat; /* with the description it is this ... */
		int is_not;        /* ... or, when set, it is not */
	} cases[] = {
		{"column", "Did We Learn Nothing From the Dot-Com Bust?", teaser,
		 "Tech opinion and analysis from a columnist at a magazine", CAT_OPINION, 0},
		{"thoughts", "Did We Learn Nothing From the Dot-Com Bust?", teaser, "Thoughts on technology and business",
		 CAT_OPINION, 0},
		{"de Meinung", "Haben wir nichts aus der Dotcom-Blase gelernt?",
		 "Alle paar Jahre vergisst die Branche, was die letzte Blase sie gelehrt hat.",
		 "Meinung und Analyse zur Technik", CAT_OPINION, 0},
		{"news feed", "Did We Learn Nothing From the Dot-Com Bust?", teaser,
		 "Latest US news, world news, sports, business, opinion, analysis and reviews", CAT_OPINION, 1},
		{"tagline", "Did We Learn Nothing From the Dot-Com Bust?", teaser,
		 "I just said what I said and it was wrong.", CAT_OPINION, 1},
		{"core topic", "OpenAI releases GPT-5 with a new reasoning model", ai_teaser,
		 "Tech opinion and analysis from a columnist at a magazine", CAT_AI_ML, 0},
	};
	struct arena arena = ARENA_INIT;
	struct article w[4];
	struct verdict v;
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		struct article a = art(cases[c].title, cases[c].text, "A magazine");
		size_t n = window(w, &a);
		judge(w, n, 0, &arena, &v);
		show("no description", &v);
		if (!cases[c].is_not && cases[c].cat == CAT_OPINION)
			CHECK(v.category != CAT_OPINION); /* the description is what decides */
		w[0].source_description = cases[c].description;
		judge(w, n, 0, &arena, &v);
		show(cases[c].what, &v);
		if (cases[c].is_not)
			CHECK(v.category != cases[c].cat);
		else
			CHECK_INT(v.category, cases[c].cat);
	}
	arena_free(&arena);
}

/* Releases named by their version up front ("fortify-headers 2.1", "Snuffleupagus 0.10.0 - ..."),
 * or after a catalogue's colon ("Apps for X: Player v.4.15"), with no "released" in the title,
 * are tools even when the product is no lexicon term; a number with a dot that is no version
 * ("3.5 mag", "up 2.5 percent", "Markets: shares close up 2.5") is no release. A pre-release
 * tag ("4.0rc1 adds …", "2.0b1 brings …") is a version anywhere in the head. */
static void
test_version_titles(void)
{
	static const struct cue_case cases[] = {
		{"name version", "fortify-headers 2.1",
		 "Only a few days after 2.0, here is 2.1, fixing a couple of portability issues and tidying up "
		 "the code. Changelog: remove superfluous includes, add a missing include.",
		 "A blog", CAT_TOOLS, 0, NULL, NULL, 0, LANG_EN},
		{"name version dash", "Quokkasnap 0.10.0 - The Friendly One",
		 "A new version of Quokkasnap is out, with support for the latest interpreter and a few "
		 "quality-of-life improvements for people who run it in containers.",
		 "A blog", CAT_TOOLS, 0, NULL, NULL, 0, LANG_EN},
		{"magnitude", "Minor earthquake, 3.5 mag was detected near a town in Greece",
		 "A minor earthquake with magnitude 3.5 was detected on Tuesday, 8 kilometres from the town. "
		 "No damage was reported.",
		 "Earthquakes today", CAT_TOOLS, 1, NULL, NULL, 0, LANG_EN},
		/* a catalogue names the product and its version after a colon */
		{"catalogue", "Apps for the N97: Quokkaplayer v.4.15",
		 "A small video player for the phone, with subtitles and a sleep timer. Size 1.2 MB.",
		 "A phone fan site", CAT_TOOLS, 0, NULL, NULL, 0, LANG_EN},
		{"after a colon, a number", "Markets: shares close up 2.5",
		 "The company's shares closed up 2.5 on Thursday after quarterly revenue beat forecasts.",
		 "Markets", CAT_TOOLS, 1, NULL, NULL, 0, LANG_EN},
		{"percent", "Shares up 2.5 percent after the results",
		 "The company's shares rose 2.5 percent on Thursday after quarterly revenue beat forecasts.",
		 "Markets", CAT_TOOLS, 1, NULL, NULL, 0, LANG_EN},
		/* a pre-release tag makes x.y a version wherever it stands, and a version is no keyword
		 * (a link blog's post that is a title alone) */
		{"pre-release, title alone", "sqlite-utils 4.0rc1 adds migrations and nested transactions", "",
		 "A link blog", CAT_TOOLS, 0, NULL, "4.0rc1", 0, LANG_EN},
		{"beta tag", "Quokkasnap 2.0b1 brings plugins", "",
		 "A link blog", CAT_TOOLS, 0, NULL, "2.0b1", 0, LANG_EN},
		{"not a tag", "Minor earthquake, 3.5mag near a town in Greece", "",
		 "Earthquakes today", CAT_TOOLS, 1, NULL, NULL, 0, LANG_EN},
	};
	check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* A notice is other whatever it is about: an event's logistics (a call for presentations,
 * registration), a sales offer with a price, a birthday. Each has a twin with the same text
 * under a title that tells a story, which keeps its subject; a notice whose title names a core
 * topic of another category ("phishing") keeps that category. */
static void
test_notice_titles(void)
{
	static const char forum[] =
	    "The forum is the place for developers of virtualization in the Linux kernel, QEMU and KVM to meet. "
	    "Talks cover the virtual machine monitor, device emulation, live migration, storage and networking "
	    "performance. Submit a presentation proposal by the end of June.";
	static const char course[] =
	    "Learn to build apps for iOS with Swift in 120 hours of video: the course covers Xcode, the "
	    "compiler's error messages, testing and debugging, and shipping an app to the App Store.";
	static const struct cue_case cases[] = {
		{"call for presentations", "Virt Forum 2025: Call for presentations", forum, "A project blog",
		 CAT_OTHER, 0, NULL, NULL, 0, LANG_EN},
		{"forum story", "Virt Forum 2025: live migration without downtime", forum, "A project blog", CAT_OTHER,
		 1, NULL, NULL, 0, LANG_EN},
		{"registration", "DevConf 2025 - Registration is open!", forum, "A project blog", CAT_OTHER, 0, NULL,
		 NULL, 0, LANG_EN},
		{"offer", "Weekend Steal: Get the Complete iOS Developer Course for $19", course, "A magazine", CAT_OTHER,
		 0, NULL, NULL, 0, LANG_EN},
		{"course story", "Building iOS apps with Swift: a 120-hour course", course, "A magazine", CAT_OTHER, 1,
		 NULL, NULL, 0, LANG_EN},
		{"birthday", "Happy 10th Birthday, Testing Notes!",
		 "Ten years ago we wrote our first post about unit testing and flaky tests. Since then engineers from "
		 "many teams have written about test automation and code quality here. Thank you for reading.",
		 "A testing blog", CAT_OTHER, 0, NULL, NULL, 0, LANG_EN},
		{"offer about phishing", "Black Friday phishing: fake deal mails steal passwords",
		 "Attackers send mails with fake Black Friday deals that lead to phishing pages. The pages steal "
		 "passwords and card numbers; the malware in the attachments logs keystrokes.",
		 "A security blog", CAT_SECURITY, 0, NULL, NULL, 0, LANG_EN},
	};
	check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* A sponsor's post (a "[Sponsor]" or "Sponsor:" label, or a text that opens by thanking its
 * sponsor) is other with quality 1, whatever it sells: the same text under a plain title with no
 * thanks is the product's own news, and a story about a sponsorship is a story. */
static void
test_sponsored_posts(void)
{
	static const char app[] =
	    "Tracker is a native Mac app that logs the time you spend in each app, document and website, "
	    "so you can bill clients accurately. It works offline, keeps your data private and exports "
	    "reports to CSV and PDF. Download the free trial today.";
	static const char thanks[] =
	    "My thanks to Tracker for sponsoring last week's RSS feed. Tracker is a native Mac app that logs the "
	    "time you spend in each app, document and website, so you can bill clients accurately. It works "
	    "offline, keeps your data private and exports reports to CSV and PDF.";
	struct arena arena = ARENA_INIT;
	struct article a = art("[Sponsor] Tracker — Automatic Time Tracking for Mac", app, "A link blog");
	struct verdict labelled, plain, thanked, story;
	judge_alone("[Sponsor] label", &a, &arena, &labelled);
	a = art("Tracker — Automatic Time Tracking for Mac", app, "A link blog");
	judge_alone("plain title", &a, &arena, &plain);
	a = art("Tracker", thanks, "A link blog");
	judge_alone("thanks for sponsoring", &a, &arena, &thanked);
	a = art("Chipmaker sponsors the Rust Foundation",
	        "The company will give the Rust Foundation two million dollars over three years to pay maintainers of the "
	        "compiler and of Cargo, the foundation said on Tuesday. Thanks to the grant, four engineers can work on "
	        "the borrow checker full time.",
	        "A news site");
	judge_alone("story of a sponsorship", &a, &arena, &story);
	fprintf(stderr, "  quality: label %d, plain %d, thanks %d, story %d\n", labelled.quality, plain.quality,
	        thanked.quality, story.quality);
	CHECK_INT(labelled.category, CAT_OTHER);
	CHECK_INT(labelled.quality, 1);
	/* the label is no tag, however few words the post has */
	a = art("[Sponsor] Tracker for Mac", "Tracker logs your hours.", "A link blog");
	struct verdict brief_ad;
	judge_alone("short [Sponsor] post", &a, &arena, &brief_ad);
	CHECK(!has_kw(&brief_ad, "Sponsor") && has_kw(&brief_ad, "Tracker"));
	CHECK_INT(thanked.category, CAT_OTHER);
	CHECK_INT(thanked.quality, 1);
	CHECK(plain.quality > 1);
	/* an app that tracks one's working time is no surveillance: "time tracking" is a tool's
	 * phrase, as "bug tracking" is, not the lexicon's "tracking" */
	CHECK(plain.category != CAT_SECURITY && !has_kw(&plain, "surveillance"));
	CHECK(story.quality > 1 && story.category != CAT_OTHER);
	arena_free(&arena);
}

/* "vulnerable" is the everyday word for people and places at risk ("a vulnerable orphan",
 * "coasts vulnerable to flooding") far more than for software: alone it is a faint hint, not the
 * sure cue of security that "vulnerability" is. A news story about a trafficked child is
 * other; servers "vulnerable to attack" by a named flaw stay security. */
static void
test_vulnerable_people(void)
{
	struct arena arena = ARENA_INIT;
	struct verdict people, servers;
	struct article a = art("Trafficked, beaten, enslaved: the life of a farm worker",
	                       "At ten he was taken from his village to a city abroad and spent four years tending plants "
	                       "for a brutal gang. Anyone who thinks the business is a friendly occupation needs to reflect "
	                       "on the experience of a vulnerable orphan who was ten when he was trafficked to work there.",
	                       "A newspaper");
	judge_alone("vulnerable orphan", &a, &arena, &people);
	a = art("Thousands of mail servers left vulnerable",
	        "Thousands of Exim mail servers are still vulnerable to attack through a flaw that lets a remote "
	        "sender run code as root, researchers said; the fix shipped in March but few hosts applied it.",
	        "A news site");
	judge_alone("vulnerable servers", &a, &arena, &servers);
	CHECK(people.category != CAT_SECURITY);
	CHECK_INT(servers.category, CAT_SECURITY);
	arena_free(&arena);
}

/* A podcast episode ("XYZ195 Das Gehirn", "Show #332: …", "Cast 603: …") is about what its
 * title says: with no technical term in the title it is other, whatever its show notes
 * mention; with one ("IPv6") it keeps that subject, and the same notes under a plain title keep
 * theirs. A beginner's guide ("Typepad 101:") or a year before a colon is no episode number. */
static void
test_episode_titles(void)
{
	static const char brain[] =
	    "Wie das Gehirn lernt und erinnert: Der Neurowissenschaftler erklärt, was Neuronen tun, wie ein "
	    "neuronales Netz im Computer davon abweicht und warum Algorithmen noch lange kein Gedächtnis haben. "
	    "Außerdem geht es um Schlaf, Musik und die Frage, wie man Neues behält.";
	static const struct cue_case cases[] = {
		{"show code", "XYZ195 Das Gehirn", brain, "Ein Podcast", CAT_OTHER, 0, NULL, NULL, 0, LANG_DE},
		{"no episode", "Das Gehirn und das neuronale Netz", brain, "Ein Podcast", CAT_AI_ML, 0, NULL, NULL, 0,
		 LANG_DE},
		{"number before colon", "Cast 603: Easy Chicken",
		 "This week we talk about the new console, the GPU in it, the game engine behind the sequel and the "
		 "compiler bugs its developers hit, then answer mail.",
		 "A podcast", CAT_OTHER, 0, NULL, NULL, 0, LANG_EN},
		{"technical title", "XYZ197 IPv6",
		 "Der Gast erklärt, warum das Internet neue Adressen braucht, wie Router und Provider umstellen und was "
		 "sich für das Heimnetz ändert. Dazu Geschichten aus der Geschichte des Netzes.",
		 "Ein Podcast", CAT_ENGINEERING, 0, NULL, NULL, 0, LANG_DE},
		{"beginner's guide", "Blogging 101: A Gallery on Your Sidebar",
		 "Install the gallery plugin from the settings page of your blog. The plugin adds a widget to the "
		 "sidebar; the theme editor lets you move it, and the plugin's settings set the number of photos.",
		 "A blog host", CAT_TOOLS, 0, NULL, NULL, 0, LANG_EN},
	};
	check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* An item of a code host's feed of commits, releases or tags is the project's news: tools,
 * by the feed's name ("Recent Commits to repo:main") or its URL (…/commits/main.atom), however
 * the commit is worded; the same commit in a blog's feed keeps its subject, and a commit that
 * names a core security topic stays security. */
static void
test_code_feeds(void)
{
	static const char commit[] = "The parser now reads the default XML namespace instead of matching prefixes, so "
	                             "feeds that declare the namespace differently are parsed the same way.";
	static const struct cue_case by_name[] = {
		{"commits by name", "Refactor RSS parser to use default namespace", commit, "Recent Commits to reader:main",
		 CAT_TOOLS, 0, NULL, NULL, 0, LANG_EN},
		{"a blog's commit", "Refactor RSS parser to use default namespace", commit, "A developer's notes",
		 CAT_TOOLS, 1, NULL, NULL, 0, LANG_EN},
		{"terse commit", "Parse podcast categories", "Read the categories of podcast feeds.",
		 "Recent Commits to reader:main", CAT_TOOLS, 0, NULL, NULL, 0, LANG_EN},
		{"security commit", "Fix CVE-2025-1234: heap overflow in the XML parser",
		 "A crafted feed could overflow a heap buffer in the parser; the exploit needs no login.",
		 "Recent Commits to reader:main", CAT_SECURITY, 0, NULL, NULL, 0, LANG_EN},
	};
	static const struct cue_case by_url[] = {
		{"commits by URL", "Refactor RSS parser to use default namespace", commit, "A developer's notes",
		 CAT_TOOLS, 0, NULL, NULL, 0, LANG_EN},
	};
	check_cases(by_name, sizeof by_name / sizeof by_name[0]);
	check_cases_from(by_url, 1, "https://code.example.org/acme/reader/commits/main.atom");
}

/* Short German news is read as German (its cues apply), German compounds count by their German
 * lexicon part ("Trojanerfirma", "Datenschutzbehörde") but not by an English loan inside them
 * ("Geocaching" is no caching), and security holes are security in any wording. */
static void
test_german_compounds_and_holes(void)
{
	CHECK_INT(lang_detect("Sicherheitslücke: Daten von Kunden betroffen",
	                      "Von dem Datenleck im Buchungssystem waren mehr Kunden betroffen als bisher bekannt."),
	          LANG_DE);
	static const struct cue_case cases[] = {
		{"de short", "Sicherheitslücke: Daten von 9.000 weiteren Kunden betroffen",
		 "Von dem Datenleck im Buchungssystem der Firma waren mehr Kunden betroffen als bisher bekannt. "
		 "Die Firma rät ihnen, die Bank zu kontaktieren.",
		 "Nachrichten", CAT_SECURITY, 0, NULL, NULL, 0, LANG_DE},
		{"de compound", "Trojanerfirma lässt interne Daten im Netz",
		 "Eine Firma aus München verkauft Software an Behörden. Eine andere Firma hat interne Daten "
		 "des Unternehmens offen im Netz gefunden und in einem Vortrag gezeigt.",
		 "Nachrichten", CAT_SECURITY, 0, NULL, NULL, 0, LANG_DE},
		{"de loan", "Geocaching: Die Schatzsuche mit dem Handy",
		 "Beim Geocaching suchen die Spieler mit dem Handy nach versteckten Dosen im Wald. Die Dosen "
		 "werden von anderen Spielern versteckt, und die Koordinaten stehen im Netz.",
		 "Freizeit", CAT_ENGINEERING, 1, NULL, NULL, 0, LANG_DE},
		{"en hole", "Hole in a popular media player",
		 "A researcher says a hole in the Windows version of the media player is highly critical; "
		 "a crafted file can run code on the machine.",
		 "News", CAT_SECURITY, 0, NULL, NULL, 0, LANG_EN},
	};
	check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* A source's typical category is a weak prior. An item of a machine-learning blog with thin
 * vocabulary of its own is ai-ml once the window is prepared, and other without the prior.
 * Weak evidence of the source's subject counts when the prior backs it: a short item of an
 * engineering feed naming code and software is engineering with the prior, and those words
 * alone are no subject without it. A source with no other items in the window has no prior. */
static void
test_source_prior(void)
{
	static const struct {
		const char *source, *items[4][2]; /* the subject first, then the feed's three others */
		enum category before, after;      /* before: what the subject must not be without the prior */
	} cases[] = {
		{"ML Notes",
		 {{"Notes from last week", "We compared embeddings for the support tickets of a customer and wrote "
		                           "down what we saw. More next week."},
		  {"Fine-tuning a language model on a laptop", "We fine-tuned a small language model with PyTorch on a "
		                                               "laptop GPU. Training took six hours."},
		  {"Machine learning for forecasting sales", "A neural network forecasts sales better than the old "
		                                             "regression, once the training data is cleaned."},
		  {"What deep learning gets wrong about tabular data", "Deep learning models lose to gradient boosted "
		                                                       "trees on most tabular data sets we tried, and "
		                                                       "inference is slower."}},
		 CAT_AI_ML, CAT_AI_ML},
		{"Talks",
		 {{"A talk about keeping units small", "The speaker's research shows that code units under a limit "
		                                       "help software teams."},
		  {"Unit tests that do not flake", "Flaky unit tests waste the time of every developer; we measured the "
		                                   "causes in a large code base and fixed the worst of them."},
		  {"Refactoring a compiler's parser", "The parser of our compiler was rewritten to recover from syntax "
		                                      "errors, with a test suite of 3,000 programs."},
		  {"Profiling memory allocation in production", "A sampling profiler found the allocator as the hot "
		                                                "spot; a bump allocator halved the latency."}},
		 CAT_ENGINEERING, CAT_ENGINEERING},
		/* a weak term in the title ("software", "code") is real evidence with the prior behind it */
		{"Research talks",
		 {{"Jane Roe on the Bimodality of Software", "Jane Roe is a professor at a university in Ohio. In this "
		                                             "talk she explains what her group found."},
		  {"Unit tests that do not flake", "Flaky unit tests waste the time of every developer; we measured the "
		                                   "causes in a large code base and fixed the worst of them."},
		  {"Refactoring a compiler's parser", "The parser of our compiler was rewritten to recover from syntax "
		                                      "errors, with a test suite of 3,000 programs."},
		  {"Profiling memory allocation in production", "A sampling profiler found the allocator as the hot "
		                                                "spot; a bump allocator halved the latency."}},
		 CAT_ENGINEERING, CAT_ENGINEERING},
	};
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		struct arena arena = ARENA_INIT;
		struct article w[5];
		for (size_t i = 0; i < 4; i++) {
			w[i] = art(cases[c].items[i][0], cases[c].items[i][1], cases[c].source);
			w[i].source_id = w[0].source_id;
		}
		w[4] = art("Kurzmeldungen", "Heute gibt es nur kurze Meldungen aus der Stadt und dem Umland zu lesen.",
		           "Stadt");
		struct offline_prefs prefs = {0};
		struct kw_index *kw = kw_index_build(w, NULL, 5);
		struct offline_ctx ctx = {.now = NOW, .hours = 48, .prefs = &prefs, .kw = kw, .articles = w, .article_count = 5};
		struct verdict v;
		offline_verdict(&ctx, &w[0], &arena, &v);
		show("no prior", &v);
		CHECK(v.category != cases[c].before);
		offline_prepare(&ctx, &arena);
		offline_verdict(&ctx, &w[0], &arena, &v);
		show("with the source's prior", &v);
		CHECK_INT(v.category, cases[c].after);
		offline_verdict(&ctx, &w[4], &arena, &v); /* a source with no other items: no prior */
		CHECK_INT(v.category, CAT_OTHER);
		kw_index_free(kw);
		arena_free(&arena);
	}
}

/* A shared topic named in Chinese is written into the Chinese sentence as a Chinese word,
 * without the spaces a Latin name takes: "同属数据库的还有", "数据库方面有" (seed 000's
 * prose), not "同属 数据库 的还有". */
static void
test_highlights_cjk_topic(void)
{
	struct arena arena = ARENA_INIT;
	static const char *kw[][2] = {{"数据库", "存储引擎"}, {"数据库", "向量检索"}, {"安全", "供应链"}};
	static const char *titles[] = {"用 Rust 重写数据库存储引擎", "向量数据库选型指南", "一次供应链攻击复盘"};
	static const enum category cats[] = {CAT_ENGINEERING, CAT_ENGINEERING, CAT_SECURITY};
	struct article arts[3];
	struct story stories[3];
	struct story *top[3];
	for (size_t i = 0; i < 3; i++) {
		arts[i] = art(titles[i], "text", "src");
		top[i] = one_story(&stories[i], &arts[i], cats[i], kw[i], 2);
	}
	const char *zh = offline_highlights(top, 3, "zh", &arena);
	fprintf(stderr, "  highlights, Chinese topic: %s\n", zh);
	CHECK(strstr(zh, "同属数据库的还有「向量数据库选型指南」") != NULL);
	CHECK(strstr(zh, " 数据库") == NULL && strstr(zh, "数据库 ") == NULL);
	struct story *lead_alone[3] = {top[2], top[0], top[1]};
	zh = offline_highlights(lead_alone, 3, "zh", &arena);
	fprintf(stderr, "  %s\n", zh);
	CHECK(strstr(zh, "。数据库方面有「用 Rust 重写数据库存储引擎」") != NULL);
	arena_free(&arena);
}

/* 今日看点 names the topics shared by several stories with their counts and the #1 story as
 * the lead; a topic only one story has is not a trend. */
static void
test_highlights_clusters(void)
{
	struct arena arena = ARENA_INIT;
	static const char *kw[][3] = {
		{"LLM", "inference", "Taalas"}, {"LLM", "Gemini", "pricing"}, {"LLM", "agents", "Claude"},
		{"Rust", "compiler", "LLVM"},   {"Rust", "Linux", "kernel"},  {"phishing", "MFA", "Starkiller"},
	};
	static const char *titles[] = {"Taalas serves Llama at 17,000 tokens/second", "Gemini 3.1 Pro is here",
	                               "Claude agents in practice", "A Rust compiler backend", "Rust in the Linux kernel",
	                               "Starkiller phishing kit"};
	static const enum category cats[] = {CAT_AI_ML, CAT_AI_ML, CAT_AI_ML, CAT_ENGINEERING, CAT_ENGINEERING,
	                                     CAT_SECURITY};
	struct article arts[6];
	struct story stories[6];
	struct story *top[6];
	for (size_t i = 0; i < 6; i++) {
		arts[i] = art(titles[i], "text", "src");
		top[i] = one_story(&stories[i], &arts[i], cats[i], kw[i], 3);
		stories[i].enrichment.title = titles[i];
	}
	const char *zh = offline_highlights(top, 6, "zh", &arena);
	fprintf(stderr, "  highlights zh: %s\n", zh);
	CHECK(strstr(zh, "LLM") && strstr(zh, "3 篇"));
	CHECK(strstr(zh, "Rust") && strstr(zh, "2 篇"));
	CHECK(strstr(zh, "领头") && strstr(zh, titles[0]));
	CHECK(strstr(zh, "Starkiller") == NULL && strstr(zh, "MFA") == NULL); /* one story: no trend */
	CHECK(strstr(zh, "pricing") == NULL);
	const char *en = offline_highlights(top, 6, "en", &arena);
	fprintf(stderr, "  highlights en: %s\n", en);
	CHECK(strstr(en, "LLM (3 stories)") && strstr(en, "Rust (2 stories)"));
	CHECK(strstr(en, titles[0]) && strstr(en, "Starkiller") == NULL);
	CHECK(strstr(zh, "同属 LLM 的还有") && strstr(en, "Also on LLM: ")); /* the lead is an LLM story */
	/* The day's mix of categories comes first; two stories of six are recurring, not where the
	 * picks "cluster" or "集中". */
	CHECK(str_starts(zh, "今天的 6 篇精选以 AI / ML 为主（3 篇），另有工程（2 篇）。"));
	CHECK(str_starts(en, "Today's 6 picks are mostly AI / ML (3 stories), with Engineering (2)."));
	CHECK(strstr(zh, "反复出现的话题是 LLM（3 篇）和 Rust（2 篇）") && strstr(zh, "集中") == NULL);
	CHECK(strstr(en, "Recurring topics: LLM (3 stories) and Rust (2 stories)") && strstr(en, "cluster") == NULL);
	/* When the lead is in no cluster, the biggest cluster's stories are not "also" on it. */
	struct story *lead_alone[6] = {top[5], top[0], top[1], top[2], top[3], top[4]};
	zh = offline_highlights(lead_alone, 6, "zh", &arena);
	en = offline_highlights(lead_alone, 6, "en", &arena);
	fprintf(stderr, "  highlights, lead alone: %s\n  %s\n", zh, en);
	CHECK(strstr(zh, "LLM 方面有") && strstr(zh, "还有") == NULL);
	CHECK(strstr(en, " On LLM: ") && strstr(en, "Also") == NULL);
	/* No category holds a third of the picks: how they spread over those with two or more;
	 * "other" is named only when no other category is. */
	static const enum category spread[] = {CAT_SECURITY, CAT_AI_ML, CAT_SECURITY, CAT_AI_ML, CAT_TOOLS, CAT_OTHER, CAT_OTHER};
	struct article more[7];
	struct story ms[7];
	struct story *mtop[7];
	for (size_t i = 0; i < 7; i++) {
		more[i] = art("A story of its own", "text", "src");
		mtop[i] = one_story(&ms[i], &more[i], spread[i], NULL, 0);
	}
	zh = offline_highlights(mtop, 7, "zh", &arena);
	en = offline_highlights(mtop, 7, "en", &arena);
	fprintf(stderr, "  highlights, spread: %s\n  %s\n", zh, en);
	CHECK(str_starts(zh, "今天的 7 篇精选分布在 AI / ML（2 篇）、安全（2 篇）。"));
	CHECK(str_starts(en, "Today's 7 picks spread over AI / ML (2) and Security (2)."));
	CHECK(strstr(zh, "其他") == NULL && strstr(zh, "反复出现") == NULL);
	for (size_t i = 0; i < 6; i++)
		ms[i].verdict.category = (enum category)i;
	zh = offline_highlights(mtop, 6, "zh", &arena);
	en = offline_highlights(mtop, 6, "en", &arena);
	CHECK(str_starts(zh, "今天的 6 篇精选各属不同领域。"));
	CHECK(str_starts(en, "Today's 6 picks each belong to a different field."));
	ms[0].verdict.category = ms[1].verdict.category = CAT_OTHER;
	zh = offline_highlights(mtop, 6, "zh", &arena);
	CHECK(str_starts(zh, "今天的 6 篇精选以其他为主（3 篇）。"));
	/* A day mostly off the field says so, beside the categories it has. */
	for (size_t i = 0; i < 7; i++)
		ms[i].verdict.category = i < 2 ? CAT_AI_ML : i == 2 ? CAT_SECURITY : CAT_OTHER;
	zh = offline_highlights(mtop, 7, "zh", &arena);
	en = offline_highlights(mtop, 7, "en", &arena);
	fprintf(stderr, "  highlights, mostly other: %s\n  %s\n", zh, en);
	CHECK(str_starts(zh, "今天的 7 篇精选以其他为主（4 篇），另有 AI / ML（2 篇）。"));
	CHECK(str_starts(en, "Today's 7 picks are mostly Other (4 stories), with AI / ML (2)."));
	/* One category holds every pick: "all", not "mostly Other (7 stories)" of seven. */
	for (size_t i = 0; i < 7; i++)
		ms[i].verdict.category = CAT_OTHER;
	zh = offline_highlights(mtop, 7, "zh", &arena);
	en = offline_highlights(mtop, 7, "en", &arena);
	fprintf(stderr, "  highlights, all other: %s\n  %s\n", zh, en);
	CHECK(str_starts(zh, "今天的 7 篇精选都属于其他。"));
	CHECK(str_starts(en, "Today's 7 picks are all Other."));
	for (size_t i = 0; i < 2; i++)
		ms[i].verdict.category = CAT_AI_ML;
	zh = offline_highlights(mtop, 2, "zh", &arena);
	CHECK(str_starts(zh, "今天的 2 篇精选都属于 AI / ML。"));
	/* A category that ties with another is no day's main one: "mostly AI / ML (2 stories), with
	 * Security (2) and Engineering (2)" said of three even thirds. */
	for (size_t i = 0; i < 6; i++)
		ms[i].verdict.category = i < 2 ? CAT_AI_ML : i < 4 ? CAT_SECURITY : CAT_ENGINEERING;
	zh = offline_highlights(mtop, 6, "zh", &arena);
	en = offline_highlights(mtop, 6, "en", &arena);
	fprintf(stderr, "  highlights, even thirds: %s\n  %s\n", zh, en);
	CHECK(str_starts(zh, "今天的 6 篇精选分布在 AI / ML（2 篇）、安全（2 篇）、工程（2 篇）。"));
	CHECK(str_starts(en, "Today's 6 picks spread over AI / ML (2), Security (2) and Engineering (2)."));
	/* One pick is no spread over "different fields": its field is named. */
	zh = offline_highlights(mtop, 1, "zh", &arena);
	en = offline_highlights(mtop, 1, "en", &arena);
	fprintf(stderr, "  highlights, one pick: %s\n  %s\n", zh, en);
	CHECK(str_starts(zh, "今天只有 1 篇精选，属于 AI / ML。"));
	CHECK(str_starts(en, "Today's one pick is in AI / ML."));
	arena_free(&arena);
}

/* The extract is the lead of the article body, without share bars, company widgets, bylines
 * and image credits. */
static void
test_extract_furniture(void)
{
	struct arena arena = ARENA_INIT;
	struct article a = art("Startup ships a faster SQLite replication tool",
	                       "Share this article: Twitter Facebook LinkedIn Email. By Jane Doe, Staff Writer. "
	                       "Photo: Jane Doe / Getty Images. Company: Litestream Inc. Website: litestream.io "
	                       "Founded: 2021. Litestream released version 1.0 of its SQLite replication tool on "
	                       "Tuesday. The tool streams every change to object storage within a second. Three "
	                       "companies already run it in production, the founder said. Related: Ten databases "
	                       "to watch.",
	                       "Tech Wire");
	struct enrichment e;
	enrich_alone(&a, "zh", &arena, &e);
	fprintf(stderr, "  extract: %s\n", e.summary);
	CHECK(str_istarts(e.summary, "Litestream released version 1.0"));
	CHECK(strstr(e.summary, "Share this") == NULL && strstr(e.summary, "Getty") == NULL);
	CHECK(strstr(e.summary, "Website:") == NULL && strstr(e.summary, "By Jane") == NULL);
	CHECK(strstr(e.summary, "Related:") == NULL);
	/* A Chinese heading the feed text starts with is no sentence of the summary; a short
	 * sentence with a figure is. */
	struct article zh = art("年度博客总结",
	                        "整体数据概览。全年发布文章四十余篇，核心主题是大型语言模型在软件工程中的实践与落地。"
	                        "总阅读量约3.2万次。下半年的文章更多讨论智能体和模型评测，也收录了几篇部署经验。",
	                        "A blog");
	enrich_alone(&zh, "zh", &arena, &e);
	fprintf(stderr, "  extract zh: %s\n", e.summary);
	CHECK(strstr(e.summary, "整体数据概览") == NULL);
	CHECK(strstr(e.summary, "全年发布文章四十余篇") != NULL && strstr(e.summary, "3.2万次") != NULL);
	/* Nothing follows a full-width stop, even when the next sentence starts with a Latin name;
	 * English sentences keep their space. */
	struct article latin = art("新机发布", "小米召开发布会，发布了新款手机和汽车。SU7 Ultra的起售价为52.99万元，两小时内锁单超过1万台。"
	                                     "手机起售价6499元。",
	                           "A blog");
	enrich_alone(&latin, "zh", &arena, &e);
	fprintf(stderr, "  extract zh/Latin: %s\n", e.summary);
	CHECK(strstr(e.summary, "汽车。SU7 Ultra") != NULL && strstr(e.summary, "。 ") == NULL);
	CHECK(strstr(e.summary, "万台。手机") != NULL);
	enrich_alone(&a, "zh", &arena, &e);
	CHECK(strstr(e.summary, "on Tuesday. The tool") != NULL);
	/* Headings are lines of their own in the text (feed/text.h): they are no part of the lead
	 * sentence after them, and a summary is one line. */
	struct article head = art("UTBoost: evaluating coding agents",
	                          "Abstract\nThe advent of large language models has spurred the development of coding "
	                          "agents for real-world code generation. SWE-Bench uses real problems taken from GitHub "
	                          "issues and their pull requests.\nHow It Works\nA generator writes extra test cases for "
	                          "each task and reruns every patch against them:\nthe ones that fail are reported.",
	                          "arxiv");
	enrich_alone(&head, "en", &arena, &e);
	fprintf(stderr, "  extract after headings: %s\n", e.summary);
	CHECK(str_starts(e.summary, "The advent of large language models"));
	CHECK(strstr(e.summary, "How It Works") == NULL && strchr(e.summary, '\n') == NULL);
	CHECK(strstr(e.summary, "against them: the ones that fail") != NULL);
	struct article wrapped = art("A short note", "The new release of the parser\nfixes the crash on empty feeds that "
	                                             "three readers reported last week. It also reads dates in more "
	                                             "formats than before.",
	                             "A blog");
	enrich_alone(&wrapped, "en", &arena, &e);
	CHECK(str_starts(e.summary, "The new release of the parser fixes the crash")); /* a <br>, no heading */
	/* A standfirst or a subtitle of a dozen words without a stop is no part of the sentence
	 * after it ("…was killed Two crew members…" before); a line that ends on "for" goes on. */
	struct article standfirst = art("Train derails north of the city",
	                                "One person who was not aboard the train was killed\nTwo crew members and two "
	                                "passengers were taken to a local hospital after the crash. The line stays closed "
	                                "until Monday.",
	                                "A paper");
	enrich_alone(&standfirst, "en", &arena, &e);
	fprintf(stderr, "  extract after a standfirst: %s\n", e.summary);
	CHECK(str_starts(e.summary, "Two crew members and two passengers"));
	struct article subtitle = art("CRE191 Internet im Festnetz",
	                              "Über den Zugang zum und die Verhinderung von schnellem Internet\nJeder will ins Netz, "
	                              "und die Festnetze sind immer noch der schnellste Weg dorthin. Doch zufrieden ist "
	                              "kaum jemand.",
	                              "A podcast");
	enrich_alone(&subtitle, "de", &arena, &e);
	CHECK(str_starts(e.summary, "Jeder will ins Netz"));
	struct article open_end = art("SDK 4.0", "Yesterday we shipped the new version of our mobile SDK for\nAndroid and "
	                                         "iOS, with faster builds and smaller apps. It is free for everyone.",
	                              "A blog");
	enrich_alone(&open_end, "en", &arena, &e);
	CHECK(str_starts(e.summary, "Yesterday we shipped the new version of our mobile SDK for Android and iOS"));
	struct article yin = art("从零实现 LLM", "引言\n为什么要学习 LLM\n当你和 ChatGPT 对话时，它不仅能回答你的问题，还能续写故事、"
	                                          "记住上下文，甚至调整风格。几乎所有新一代 AI 产品都离不开大语言模型。",
	                         "A blog");
	enrich_alone(&yin, "zh", &arena, &e);
	fprintf(stderr, "  extract zh after headings: %s\n", e.summary);
	CHECK(str_starts(e.summary, "当你和 ChatGPT 对话时"));
	/* A byline of several people with their roles, on a line of its own (a <br> after it) or
	 * as a sentence, is no part of the lead; a sentence that starts with "By" and a name but
	 * goes on in lower case is. */
	struct article by_line = art("OSS-Fuzz: five months later",
	                             "By Ada Chang, Bo Arya (Security Engineers, Browser Security), Cy Serebro (Software "
	                             "Engineer, Dynamic Tools), and Di Armour (Security Program Manager)\nFive months ago "
	                             "we announced a fuzzing service for open source projects. It has run ten trillion "
	                             "test inputs a day since.",
	                             "A blog");
	enrich_alone(&by_line, "en", &arena, &e);
	fprintf(stderr, "  extract after a byline line: %s\n", e.summary);
	CHECK(str_starts(e.summary, "Five months ago we announced"));
	struct article by_sentence = art("A fuzzing service",
	                                 "By Ed Aiz, Kostya Sere, Ola Chang and Mia Whit, Software Engineers, Dynamic Tools. "
	                                 "We are happy to announce a fuzzing service for open source projects. It runs on "
	                                 "idle machines.",
	                                 "A blog");
	enrich_alone(&by_sentence, "en", &arena, &e);
	CHECK(str_starts(e.summary, "We are happy to announce"));
	struct article by_friday = art("Layoffs at a chip maker",
	                               "By Friday the company had laid off half of its staff and closed two of its "
	                               "offices in the city, according to people familiar with the plans. The rest "
	                               "were told to work from home.",
	                               "A blog");
	enrich_alone(&by_friday, "en", &arena, &e);
	CHECK(str_starts(e.summary, "By Friday the company had laid off"));
	/* A paper's "Authors:" line (a list item of a reading-notes post, as a sentence of its own)
	 * is the byline under another label: the summary opened with the nine names, and the
	 * paper's idea came after them. A Chinese post's "作者：" line is one too. */
	static const char *const labelled[][4] = {
		{"Paper notes: stack spilling",
		 "Authors: Kyle \"kb\" Zeng, Ruoyu Wang, Yan Shoshi, and Adam Doupe from Shellphish, along with Zhen Lin, "
		 "Kang Lu, Xin Xing and Tiffany Bao. The idea of the paper is to store a ROP chain in user data the kernel "
		 "copies onto its stack. It works on every recent kernel.",
		 "en", "The idea of the paper is"},
		{"编译器优化实践",
		 "作者：张三，李四\n本文介绍我们在编译器后端做的三项优化，它们把构建时间缩短了一半，并且让生成的二进制文件小了"
		 "百分之二十。",
		 "zh", "本文介绍我们在编译器后端"},
	};
	for (size_t k = 0; k < sizeof labelled / sizeof labelled[0]; k++) {
		struct article byline = art(labelled[k][0], labelled[k][1], "A blog");
		enrich_alone(&byline, labelled[k][2], &arena, &e);
		if (!str_starts(e.summary, labelled[k][3]))
			fprintf(stderr, "  extract after a labelled byline: %s\n", e.summary);
		CHECK(str_starts(e.summary, labelled[k][3]));
	}
	/* A code listing is one line of the text (its <pre> collapsed); the prose after it went on
	 * in lower case and made one sentence with it, and the summary opened with the listing's
	 * last line ("221 __vsnprintf_internal (buf + l, …, 222 mode_flags); the tl;dr is …", a
	 * security blog's post on a glibc bug). A prose line that ends in ";" stays. */
	struct article listing = art("Musings on a syslog overflow",
	                             "The bug is in the syslog code of the C library:\n"
	                             "l = __snprintf (buf, sizeof buf, fmt, pri); ... 221 __vsnprintf_internal (buf + l, "
	                             "bufsize - l + 1, fmt, apc, 222 mode_flags);\n"
	                             "the tl;dr is that bufsize is 0 while l is controlled by the caller. As the advisory "
	                             "says, messing with the name service structures is a good way to get a root shell on "
	                             "the system.",
	                             "A blog");
	enrich_alone(&listing, "en", &arena, &e);
	if (strstr(e.summary, "__vsnprintf_internal"))
		fprintf(stderr, "  extract after a code listing: %s\n", e.summary);
	CHECK(strstr(e.summary, "__vsnprintf_internal") == NULL && strstr(e.summary, "mode_flags") == NULL);
	CHECK(strstr(e.summary, "As the advisory says") != NULL);
	struct article semicolon = art("Two ways to ship",
	                               "We tried two ways to ship the release (both of them slow);\n"
	                               "the second one took a whole week longer than the first. It was worth it in the "
	                               "end for the users.",
	                               "A blog");
	enrich_alone(&semicolon, "en", &arena, &e);
	CHECK(str_starts(e.summary, "We tried two ways to ship the release"));
	/* A reddit link post's text is its furniture: nothing to quote. */
	struct article reddit = art("Robot solves Rubik's Cube in 1.1 seconds",
	                            "submitted bycoder13tovideos\n[link][287 comments]", "reddit");
	enrich_alone(&reddit, "en", &arena, &e);
	CHECK(strstr(e.summary, "submitted") == NULL && strstr(e.summary, "comments]") == NULL);
	/* Markup a feed escaped twice reaches the text as words: its attribute is no tag. */
	struct article ama = art("I dragged a model into the ocean with sharks, AMA",
	                         "Benjamin Von Wong here. The response has been <a href=\"https://x.example/1\">pretty "
	                         "huge</a>, see <a href=\"https://x.example/2\">the photos</a> and <a "
	                         "href=\"https://x.example/3\">the film</a> about the sharks.",
	                         "reddit");
	struct verdict va;
	judge_alone("escaped markup", &ama, &arena, &va);
	CHECK(!has_kw(&va, "href"));
	arena_free(&arena);
}

/* Language detection and the stop-word lists. */
static void
test_lang(void)
{
	CHECK_INT(lang_detect("Neue Funktionen", "Die Entwickler haben nicht nur die Oberfläche überarbeitet, sondern "
	                                         "auch die Leistung der App verbessert, die für alle Nutzer kostenlos ist."),
	          LANG_DE);
	CHECK_INT(lang_detect("Le projet", "Le projet est disponible pour les utilisateurs et la communauté dans une "
	                                   "version stable."),
	          LANG_FR);
	CHECK_INT(lang_detect("Nieuwe versie", "De nieuwe versie van het programma is niet alleen sneller, maar ook "
	                                       "zuiniger voor de gebruikers."),
	          LANG_NL);
	CHECK_INT(lang_detect("Nueva versión", "La nueva versión del programa es más rápida y los usuarios pueden "
	                                       "descargarla para Linux."),
	          LANG_ES);
	CHECK_INT(lang_detect("大模型推理", "今天的精选以人工智能为主，推理成本持续下降。"), LANG_ZH);
	CHECK_INT(lang_detect("Release notes", "The release fixes two bugs and adds a flag for the new cache."), LANG_EN);
	CHECK(lang_is_stopword(LANG_DE, "für") && lang_is_stopword(LANG_DE, "über") && !lang_is_stopword(LANG_EN, "für"));
	CHECK(lang_is_stopword(LANG_FR, "très") && lang_is_stopword(LANG_NL, "niet") && lang_is_stopword(LANG_ES, "según"));
	CHECK(lang_is_stopword(LANG_DE, "the")); /* English words appear in every language's tech writing */
	CHECK(!lang_is_stopword(LANG_DE, "rust") && !lang_is_stopword(LANG_NL, "rust"));
}

/* Session 8: a release of a model is AI, a release of a tool is tools (data/editorial/README.md:
 * "ai-ml: the subject is AI, machine learning, models"; seed 000 files "Gemini 3.1 Pro" and
 * "OpenAI makes GPT-5.3-Codex-Spark faster" under AI / ML and CloudPebble's SDK under tools). A
 * versioned title whose product is a model (a model family before the version, or the words
 * model, weights, open-weight in the title) is AI; the software that runs or trains models
 * (Ollama, llama.cpp, PyTorch) has releases like any tool. A how-to that uses a model product as
 * its means ("… via ChatGPT") is a how-to about a tool. */
static void
test_model_releases(void)
{
	static const struct cue_case cases[] = {
		{"model, version last", "Claude Opus 4.6",
		 "Anthropic's new model is better at long coding tasks and keeps a context window of a million tokens. "
		 "It costs the same per token as the previous version and is available in the API today.",
		 "A link blog", CAT_AI_ML, 0, NULL, NULL, 0, LANG_EN},
		{"model, released", "GPT-5.3 released",
		 "OpenAI released GPT-5.3 today, a model that answers faster and makes fewer mistakes on benchmarks "
		 "of reasoning and code. The model is available to every ChatGPT user.",
		 "A news site", CAT_AI_ML, 0, NULL, NULL, 0, LANG_EN},
		{"open-weight models", "Nemo 2.1 available: open-weight models for laptops",
		 "The release has three sizes, from 2 to 14 billion parameters, with weights under the Apache license. "
		 "They run on a laptop with 16 GB of memory.",
		 "A news site", CAT_AI_ML, 0, NULL, NULL, 0, LANG_EN},
		{"tool that runs models", "Ollama 0.6.2 released",
		 "This release of Ollama adds support for new models, fixes a crash when a download is cancelled and "
		 "speeds up loading on Linux. Install it with the script or the package manager.",
		 "Ollama releases", CAT_TOOLS, 0, NULL, NULL, 0, LANG_EN},
		{"AI library", "PyTorch 2.7 released",
		 "PyTorch 2.7 supports the new GPU architecture, adds a faster compiler mode and drops Python 3.8. "
		 "Upgrade with pip; the release notes list the breaking changes.",
		 "A news site", CAT_TOOLS, 0, NULL, NULL, 0, LANG_EN},
		/* a how-to whose means is a model product does a task of its own: tools; a how-to of an AI
		 * task (several AI terms) stays AI */
		{"how-to via a model", "Sorting my bookmarks via ChatGPT",
		 "I exported my bookmarks as an HTML file, pasted them in and asked for folders by subject. Then I "
		 "imported the file into the browser again and deleted the old folders.",
		 "A blog", CAT_TOOLS, 0, NULL, NULL, 0, LANG_EN},
		{"how-to of an AI task", "Fine-tuning a language model with LoRA",
		 "We fine-tuned a small language model on a laptop GPU. Training took six hours, and the model's "
		 "answers to support tickets got better than the base model's.",
		 "A blog", CAT_AI_ML, 0, NULL, NULL, 0, LANG_EN},
		{"product models", "macOS 14.2 update adds support for new Mac models",
		 "The update adds drivers for the new MacBook and iMac models, fixes a crash in Finder and "
		 "patches the kernel. Install it from the Software Update settings.",
		 "A news site", CAT_TOOLS, 0, NULL, NULL, 0, LANG_EN},
		{"tool named LLM", "LLM 0.27 released",
		 "This release of my LLM command-line tool adds support for tools in plugins, a new prompt option and "
		 "fixes to the logs database.",
		 "A link blog", CAT_TOOLS, 0, NULL, NULL, 0, LANG_EN},
	};
	check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* "transformer" names the neural architecture and the device on an electricity pole: alone it
 * is a weak AI cue; with other AI words it still counts. Compression is engineering vocabulary. */
static void
test_transformer_sense(void)
{
	static const struct cue_case cases[] = {
		{"power transformer", "Down time",
		 "The lab was offline for most of Saturday. The transformer that feeds our building failed in the "
		 "morning, and the utility replaced the transformer only in the evening. The switches came back by "
		 "themselves; two servers needed a hand.",
		 "A lab's blog", CAT_AI_ML, 1, NULL, NULL, 0, LANG_EN},
		{"transformer model", "Down time for the translation service",
		 "The translation service was offline for most of Saturday. Its transformer model ran out of GPU "
		 "memory after an update of the inference server, and we rolled back to the previous model.",
		 "A lab's blog", CAT_AI_ML, 0, NULL, NULL, 0, LANG_EN},
		/* compression is how software is built, like caching or concurrency */
		{"compression", "Pareto-optimal compression",
		 "Which level gives the best ratio for the time it takes? I measured every setting of three "
		 "compressors on a web server's logs and plotted size against seconds.",
		 "A blog", CAT_ENGINEERING, 0, "compression", NULL, 0, LANG_EN},
	};
	check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* The vocabulary of today's tech feeds: tools and apps readers run, frameworks and protocols,
 * current AI and security terms. Each case fails with the lexicon of session 7, which knew
 * none of these names, and each keyword keeps its display form. A product named beside a
 * security term in the title is the object of a security report, not a tool's news. */
static void
test_current_vocabulary(void)
{
	static const struct cue_case cases[] = {
		{"data science is AI / ML", "Which posts reach the front page",
		 "I collected 40,000 submissions, fit a logistic regression and a random forest on the title "
		 "length, the hour and the domain, and plotted the errors with t-SNE. The forest wins by a "
		 "little; the hour matters more than the title.",
		 "A blog", CAT_AI_ML, 0, "random forest", NULL, 0, LANG_EN},
		{"self-hosted apps", "Jellyfin on a Raspberry Pi",
		 "The server streams our films to the television and two phones. Hardware decoding works after one "
		 "change to the settings, and the whole box draws four watts.",
		 "A blog", CAT_TOOLS, 0, "Jellyfin", NULL, 0, LANG_EN},
		{"command-line tools", "Cutting clips with FFmpeg",
		 "Two flags do most of the work: the start time and the length. Copying the streams instead of "
		 "encoding them again makes it instant.",
		 "A blog", CAT_TOOLS, 0, "FFmpeg", NULL, 0, LANG_EN},
		{"VPN tool", "WireGuard between two offices",
		 "Each office router runs a peer; the keys are exchanged once and the tunnel comes up in a second. "
		 "We replaced a leased line with it.",
		 "A blog", CAT_TOOLS, 0, "WireGuard", NULL, 0, LANG_EN},
		{"protocol", "ActivityPub",
		 "Servers exchange activities as JSON documents posted to each other's inboxes. Following, "
		 "replies and deletions are all activities of one vocabulary.",
		 "A blog", CAT_ENGINEERING, 0, "ActivityPub", NULL, 0, LANG_EN},
		{"open weights", "Gemma quantized to GGUF",
		 "The four-bit files are a third of the original size and lose little on the usual evaluations. "
		 "They load on a laptop with 16 GB of memory.",
		 "A blog", CAT_AI_ML, 0, "GGUF", NULL, 0, LANG_EN},
		{"benchmark of coding models", "SWE-bench leaderboard update",
		 "The independent run scores every entry on the same harness. Scores moved by up to ten points "
		 "against the vendors' own figures.",
		 "A blog", CAT_AI_ML, 0, "SWE-bench", NULL, 0, LANG_EN},
		{"passkeys", "Passkeys replace passwords at the bank",
		 "Customers sign in with the phone's unlock instead of a password and a code by text message, "
		 "which phishing pages cannot capture.",
		 "A news site", CAT_SECURITY, 0, "passkeys", NULL, 0, LANG_EN},
		{"hole in a product", "Hole in VLC media player",
		 "An advisory rates the flaw highly critical: a crafted file runs code on Windows systems. A fixed "
		 "build is available for download.",
		 "A news site", CAT_SECURITY, 0, "VLC", NULL, 0, LANG_EN},
		/* topics that were cues without a keyword: the tag cloud shows them now */
		{"technical debt", "Paying it down",
		 "Every shortcut we took in the first year is now technical debt. This quarter we rewrote the "
		 "billing module instead of adding features, and the pager went quiet.",
		 "A blog", CAT_ENGINEERING, 0, "technical debt", NULL, 0, LANG_EN},
		{"XSS", "Stored XSS in a wiki plugin",
		 "A comment field accepted script tags and showed them to every reader of the page. The fixed "
		 "version escapes the field; administrators should update.",
		 "A news site", CAT_SECURITY, 0, "XSS", NULL, 0, LANG_EN},
		/* "attack" says what kind of news it is, not what it is about: a cue, no topic */
		{"attack is no topic", "Ransomware attack halts a hospital chain",
		 "The attack encrypted the records of 300 hospitals within an hour. The attackers got in through "
		 "one phishing email, and the chain paid no ransom.",
		 "A news site", CAT_SECURITY, 0, "ransomware", "attack", 0, LANG_EN},
		{"release of the same product", "VLC 3.0.21 released",
		 "The maintenance release fixes playback of some files and updates translations. It is available "
		 "for download for every platform.",
		 "A news site", CAT_TOOLS, 0, "VLC", NULL, 0, LANG_EN},
	};
	check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* Words of today's feeds that session 8's modern-web probe (data/editorial/README.md) showed the
 * engine misreading, each a general rule an editor would agree with: a German compound that only
 * begins with "Meinung" (freedom of speech, an opinion poll) is no opinion column; Privatsphäre and
 * the EU's Chatkontrolle are privacy and surveillance; a post-mortem or post-incident review is an
 * engineering write-up; and "how to" before a consumer gadget is a buyer's guide (other), not a
 * how-to about a tool. The fixtures are written for the test, not copied from the probe. */
static void
test_modern_probe(void)
{
	static const struct cue_case cases[] = {
		{"Meinungsfreiheit is no opinion label", "Meinungsfreiheit: Gericht stärkt Satire im Netz",
		 "Ein Landgericht hat entschieden, dass ein Satiriker seine Beiträge nicht löschen muss. Die "
		 "Kläger wollen in Berufung gehen.",
		 "Nachrichten", CAT_OPINION, 1, NULL, NULL, 0, LANG_DE},
		{"Privatsphäre is privacy", "Wie Apps die Privatsphäre ihrer Nutzer verletzen",
		 "Viele Apps senden Standortdaten und Kontakte an fremde Server, ohne dass die Nutzer es wissen. "
		 "Eine Studie hat 500 beliebte Apps untersucht.",
		 "Nachrichten", CAT_SECURITY, 0, NULL, NULL, 0, LANG_DE},
		{"Chatkontrolle is surveillance", "Chatkontrolle: Abstimmung im Rat verschoben",
		 "Die Mitgliedstaaten konnten sich nicht einigen. Der Entwurf sieht vor, dass Anbieter private "
		 "Nachrichten auf den Geräten durchsuchen.",
		 "Nachrichten", CAT_SECURITY, 0, "Chatkontrolle", NULL, 0, LANG_DE},
		{"post-mortem", "Post-mortem of our launch day",
		 "The shop was down for an hour after the newsletter went out, and some orders were lost before "
		 "we noticed.",
		 "A blog", CAT_ENGINEERING, 0, NULL, NULL, 0, LANG_EN},
		{"post-incident review", "Post-incident review: two hours without payments",
		 "Card payments failed for two hours on Friday evening. Customers could still browse and fill "
		 "their baskets.",
		 "A blog", CAT_ENGINEERING, 0, NULL, NULL, 0, LANG_EN},
		{"buyer's guide to a gadget", "How to choose a smartphone in 2026",
		 "Compare how many years of Android updates each maker promises, whether the apps that come with "
		 "it can be removed, and which update arrives first. Pixel phones now get seven years of updates "
		 "and new features every quarter.",
		 "A news site", CAT_OTHER, 0, NULL, NULL, 0, LANG_EN},
		{"how-to about a tool is still tools", "How to set up Syncthing on a NAS",
		 "Install the package, open the web interface and add the phone as a device. Folders then sync "
		 "both ways without a cloud.",
		 "A blog", CAT_TOOLS, 0, NULL, NULL, 0, LANG_EN},
	};
	check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* Session 13: terms of the field that today's blogs put in their titles, found where the seed
 * tool's own verdicts on seed 000's blogs (data/editorial/README.md) named a subject and the
 * engine knew no word of it: a botmaster, a credential stealer, Patch Tuesday, cybercrime are
 * security; KV cache, JAX, scaling laws, GLM are AI; an ORM, SQLAlchemy, regular expressions are
 * engineering. Each is a short title with the one term, as the blogs write them. */
static void
test_field_terms_2026(void)
{
	static const struct cue_case cases[] = {
		{"botmaster", "Who is the botmaster behind the new proxy network?", "", "A blog", CAT_SECURITY, 0,
		 "botnet", NULL, 0, LANG_EN},
		{"credential stealer", "Malicious package on PyPI ships a credential stealer", "", "A blog",
		 CAT_SECURITY, 0, NULL, NULL, 0, LANG_EN},
		{"Patch Tuesday", "Patch Tuesday, June 2026 edition", "", "A blog", CAT_SECURITY, 0, "Patch Tuesday",
		 NULL, 0, LANG_EN},
		{"cybercrime", "The economics of cybercrime forums", "", "A blog", CAT_SECURITY, 0, "cybercrime", NULL,
		 0, LANG_EN},
		{"KV cache", "A brief history of KV cache compression", "", "A blog", CAT_AI_ML, 0, "KV cache", NULL, 0,
		 LANG_EN},
		{"JAX", "JAX backends and devices", "", "A blog", CAT_AI_ML, 0, "JAX", NULL, 0, LANG_EN},
		{"scaling laws", "What the new scaling laws say", "", "A blog", CAT_AI_ML, 0, "scaling laws", NULL, 0,
		 LANG_EN},
		{"ORM", "Many-to-many relationships with SQLAlchemy", "", "A blog", CAT_ENGINEERING, 0, "SQLAlchemy",
		 NULL, 0, LANG_EN},
		{"regular expressions", "Regular expressions that work everywhere", "", "A blog", CAT_ENGINEERING, 0,
		 "regular expressions", NULL, 0, LANG_EN},
	};
	check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* A personal retrospective ("What I learned in ten years as a developer", "Was ich … gelernt
 * habe") is an essay unless its title names a core topic; and the first person counts in every
 * language, not only in English: a long German post in the first person that names no subject
 * is a personal essay as its English twin would be. */
static void
test_retrospectives_and_first_person(void)
{
	static const struct cue_case cases[] = {
		{"en retrospective", "What I learned in ten years as a developer",
		 "Ten years ago I wrote my first line of code for money. Since then I have worked at three "
		 "companies, and the developer I am today would give the younger one some advice.",
		 "A blog", CAT_OPINION, 0, NULL, NULL, 0, LANG_EN},
		{"de retrospective", "Was ich in zehn Jahren als Entwickler gelernt habe",
		 "Vor zehn Jahren habe ich meine erste Zeile Code für Geld geschrieben. Seitdem war ich bei drei "
		 "Firmen, und der Entwickler, der ich heute bin, würde dem jüngeren einiges raten.",
		 "Ein Blog", CAT_OPINION, 0, NULL, NULL, 0, LANG_DE},
		{"a core topic in the title stays its subject's", "What I learned migrating to Kubernetes",
		 "We moved forty services to Kubernetes last year. The Helm charts, the ingress controller and "
		 "the autoscaler each took longer than planned.",
		 "A blog", CAT_OPINION, 1, NULL, NULL, 0, LANG_EN},
		{"de first person", "Ein Jahr auf dem Land",
		 "Vor einem Jahr bin ich mit meiner Familie aus der Stadt in ein kleines Dorf gezogen. Ich hatte "
		 "mir das ruhiger vorgestellt. Morgens weckt mich der Hahn des Nachbarn, und mein Weg zum Bäcker "
		 "dauert zwanzig Minuten zu Fuß. Trotzdem möchte ich nicht zurück. Ich kenne inzwischen fast alle "
		 "Nachbarn beim Namen, und wenn ich im Garten arbeite, bleibt oft jemand am Zaun stehen und "
		 "erzählt mir etwas. Im Winter war es mir manchmal zu dunkel und zu still, und ich habe die "
		 "Abende in der Stadt vermisst, die Freunde, das Kino an der Ecke. Im Frühling aber, als die "
		 "Bäume blühten und die Kinder wieder draußen spielten, wusste ich, warum wir gekommen sind. "
		 "Meine Tochter hat hier ihre beste Freundin gefunden, und mein Sohn fährt jeden Tag mit dem "
		 "Rad zur Schule. Ich schreibe diese Zeilen am Küchentisch, vor mir liegt der Brief der "
		 "Gemeinde, die uns zum Dorffest einlädt. Meine Frau meint, wir sollten hingehen, und ich "
		 "glaube, sie hat recht. Es ist ein anderes Leben, langsamer und näher an den Menschen, und "
		 "ich bin froh, dass wir den Schritt gewagt haben.",
		 "Ein Blog", CAT_OPINION, 0, NULL, NULL, 0, LANG_DE},
	};
	check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* An argument announced in the title ("Thoughts on X", "The case for X") is opinion even when
 * X is a core topic. A verdict stated in the title ("Microservices are a trap", "X is a lie") and a review
 * of the writer's own year ("Summing up 2025", 年度复盘) are essays; a company's year in
 * review and a headline with "are not" are not. "Indie hacking" and "Hacker News" are no
 * attacks. */
static void
test_claims_and_year_reviews(void)
{
	static const struct cue_case cases[] = {
		{"claim", "Microservices are a trap for small teams",
		 "A team of five that splits its product into twenty microservices spends its days on "
		 "deployment, tracing and network errors instead of on the product. One process and one "
		 "database would have done.",
		 "A blog", CAT_OPINION, 0, NULL, NULL, 0, LANG_EN},
		{"an announced argument wins over a core topic", "Thoughts on Rust's async story",
		 "Async Rust works, but every library picks its runtime, and a newcomer meets pinning before "
		 "anything else. The language should have shipped one executor in the standard library.",
		 "A blog", CAT_OPINION, 0, NULL, NULL, 0, LANG_EN},
		{"a negated fact is news", "Most Android phones are not encrypted",
		 "A study of 2,000 devices found that most Android phones ship without full-disk encryption "
		 "enabled, leaving data exposed when a phone is stolen.",
		 "A news site", CAT_SECURITY, 0, NULL, NULL, 0, LANG_EN},
		{"personal year review", "Summing up 2025",
		 "This year I changed jobs, and it was the best decision I made. I wrote less than I "
		 "wanted, but I read more books than ever, and my team shipped the feature I had argued for "
		 "since spring. I said yes to too many meetings. My side "
		 "project stalled in March and I let it rest. Next year I want to write every week, and I will "
		 "keep my evenings for reading. I am grateful to the people who helped me through a hard "
		 "summer, and I hope to see more of them. Looking back, I learned that I work best with fewer "
		 "things on my plate, and that I need the long walks I took in the autumn.",
		 "A blog", CAT_OPINION, 0, NULL, NULL, 0, LANG_EN},
		{"a company's year in review", "2025 in review",
		 "The project merged 4,200 pull requests from 310 contributors this year. The 3.0 release "
		 "added a new storage engine, and the documentation was rewritten. Downloads grew by 40 "
		 "percent, and two companies joined the foundation as sponsors.",
		 "A project blog", CAT_OPINION, 1, NULL, NULL, 0, LANG_EN},
		{"zh year review", "2025年度复盘：技术成长与生活",
		 "这一年换了工作，从后端开发转到了云原生方向。上半年主要在做Spring Boot服务的迁移，下半年开始写技术博客，"
		 "一共写了三十多篇文章。生活上也有不少变化，明年希望能继续坚持写作。",
		 "一个博客", CAT_OPINION, 0, NULL, NULL, 0, LANG_ZH},
		{"Hacker News is a site", "Our launch on Hacker News",
		 "We posted the shop on Hacker News on a Tuesday morning. Hacker News sent 20,000 visitors, "
		 "counted without cookies for their privacy; the server held, and 300 people signed up.",
		 "A blog", CAT_SECURITY, 1, NULL, NULL, 0, LANG_EN},
		{"indie hacking is no attack", "Indie hacking",
		 "An indie hacker builds a small product alone and sells it online. Many indie hackers share "
		 "their revenue numbers on Hacker News and on their blogs, and some make a living from it.",
		 "A blog", CAT_SECURITY, 1, NULL, NULL, 0, LANG_EN},
	};
	check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* A leak is a data leak only beside other security words: alone it is as often a body's (a CSF
 * leak, a gas leak) or a rumour's. A leak of passwords is still security. */
static void
test_leak_senses(void)
{
	static const struct cue_case cases[] = {
		{"csf leak", "Cerebrospinal Fluid Leak: Presentation and Management",
		 "Dr. Mara Lind: Cerebrospinal Fluid Leak - Presentation and Management", "ENT Interviews",
		 CAT_SECURITY, 1, NULL, NULL, 0, LANG_EN},
		{"gas leak", "Gas leak closes the town hall for a day",
		 "A gas leak closed the town hall on Tuesday. Firefighters opened the windows and the "
		 "building reopened in the evening; the mayor thanked the staff for their patience.",
		 "Local News", CAT_OTHER, 0, NULL, NULL, 0, LANG_EN},
		{"password leak", "Leak exposes two million customer passwords",
		 "A leak at a shopping site exposed two million customer passwords, stored as unsalted "
		 "hashes. The company reset every account and says the attackers used a stolen admin key.",
		 "Tech News", CAT_SECURITY, 0, NULL, NULL, 0, LANG_EN},
	};
	check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* Medicine is other: the clinic's "testing" (of hearing, of balance) is no software testing,
 * and an interview with a surgeon about a diagnosis is health news; software testing stays
 * technical. */
static void
test_clinical_testing(void)
{
	static const struct cue_case cases[] = {
		{"clinical testing", "New testing in balance disorders",
		 "Dr Ana Ruiz, a surgeon at a university hospital, explains how the clinical testing of the "
		 "inner ear has changed: the diagnosis of vertigo, the symptoms patients report, and when "
		 "surgery helps.",
		 "ENT Interviews", CAT_OTHER, 0, NULL, NULL, 0, LANG_EN},
		{"software testing", "Testing concurrent code with unit tests",
		 "Unit tests of concurrent code pass a thousand times and fail once: a race condition. "
		 "Running the test suite under a thread sanitizer finds the data race the first time.",
		 "A blog", CAT_OTHER, 1, NULL, NULL, 0, LANG_EN},
	};
	check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* A person's attacker ("her attacker", "his attackers") is an assailant in a crime story, not
 * an intruder in a network; "the attackers" of a flaw are still security's. */
static void
test_personal_attackers(void)
{
	static const struct cue_case cases[] = {
		{"her attacker", "Jogger who fought off her attacker in a park is praised by the mayor",
		 "A jogger who fought off her attacker in a city park on Sunday was praised by the mayor. "
		 "Police arrested a man near the park an hour later.",
		 "City News", CAT_OTHER, 0, NULL, NULL, 0, LANG_EN},
		{"attackers of a flaw", "Attackers use a flaw in a VPN gateway to reach company networks",
		 "Attackers exploit an unpatched flaw in a VPN gateway to reach company networks; the "
		 "vendor published a fix and an advisory on Monday.",
		 "Tech News", CAT_SECURITY, 0, NULL, NULL, 0, LANG_EN},
	};
	check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* Guards, cameras and footage are a building's security, and security forces a state's: a
 * theft seen on security footage is a crime story. A flaw in a security camera is still a
 * security report. */
static void
test_physical_security(void)
{
	static const struct cue_case cases[] = {
		{"footage", "Painting stolen from a gallery overnight",
		 "A painting was stolen from a city gallery overnight. Security footage shows two men "
		 "leaving by a side door, and the police are asking for witnesses.",
		 "City News", CAT_OTHER, 0, NULL, NULL, 0, LANG_EN},
		{"camera flaw", "Security camera flaw lets attackers watch live video",
		 "A flaw in the firmware of a popular security camera lets attackers watch its live "
		 "video without a password; the vendor has released a fix.",
		 "Tech News", CAT_SECURITY, 0, NULL, NULL, 0, LANG_EN},
	};
	check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* A release is news of a tool in every language brief reads: a version in the title with the
 * language's release word (veröffentlicht, 发布, выпуск, lanzamiento). A debugging story is
 * not a tool's how-to: it is about how software is built (engineering). */
static void
test_release_words(void)
{
	static const struct cue_case cases[] = {
		{"debugging is engineering", "Debugging a memory leak in our Go service",
		 "Memory grew by 200 MB a day until the service was restarted. The heap profile pointed at a "
		 "cache that never evicted entries; a goroutine kept a reference to each request.",
		 "A blog", CAT_ENGINEERING, 0, NULL, NULL, 0, LANG_EN},
		{"zh release", "Go 1.24正式发布",
		 "Go 1.24 支持泛型类型别名，运行时改用 Swiss Tables 实现 map，CPU 开销平均降低 2%，并改进了 WebAssembly 支持。",
		 "一个博客", CAT_TOOLS, 0, NULL, NULL, 0, LANG_ZH},
		{"de release", "Go 1.24 veröffentlicht",
		 "Die neue Version der Programmiersprache bringt generische Typaliase, eine schnellere Map und "
		 "bessere Unterstützung für WebAssembly. Der Compiler erzeugt kleinere Binärdateien.",
		 "Nachrichten", CAT_TOOLS, 0, NULL, NULL, 0, LANG_DE},
		{"ru release", "Выпуск языка программирования Go 1.24",
		 "Представлен выпуск языка программирования Go 1.24, который развивается компанией Google. "
		 "В новой версии добавлены обобщённые псевдонимы типов и поддержка WebAssembly.",
		 "Новости", CAT_TOOLS, 0, NULL, NULL, 0, LANG_OTHER},
	};
	check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* CJK keywords are whole words: an n-gram that cuts a common word in half ("正式发" of
 * 正式发布, "度复盘" when 年 split 年度) or runs across a Japanese particle ("通信を暗") is no
 * keyword, nor is anything with Japanese grammar in hiragana in it ("ている", "使ってい"); a
 * katakana word is whole ("エンジニア", not "エンジニ"). */
static void
test_cjk_fragments(void)
{
	static const struct cue_case cases[] = {
		{"zh release verb", "Go 1.24正式发布",
		 "Go 1.24 正式发布，支持泛型类型别名。新版本正式发布后，运行时的 map 改用 Swiss Tables。",
		 "一个博客", CAT_TOOLS, 0, NULL, "正式发", 0, LANG_ZH},
		{"zh 年度", "2025年度复盘",
		 "这是我的年度复盘。年度复盘的第一部分写工作，第二部分写读书和生活。",
		 "一个博客", CAT_TOOLS, 1, "年度复盘", "度复盘", 0, LANG_ZH},
		{"ja particle", "フリーWi-Fiの通信を暗号化するアプリ",
		 "公衆無線LANでは通信を暗号化していないことが多い。このアプリは通信を暗号化して、"
		 "パスワードを守っている。",
		 "ニュース", CAT_TOOLS, 1, NULL, "通信を暗", 0, LANG_ZH},
		{"ja katakana word", "エンジニアの一日",
		 "エンジニアは朝に設計を見直す。午後はエンジニア同士で設計を議論し、夕方にエンジニアが結果を書く。",
		 "ブログ", CAT_SECURITY, 1, "エンジニア", "エンジニ", 0, LANG_ZH},
	};
	check_cases(cases, sizeof cases / sizeof cases[0]);

	/* Japanese grammar in hiragana ("ている", "使ってい") is in no keyword. */
	struct arena arena = ARENA_INIT;
	struct verdict v;
	struct article a = art("フリーWi-Fiの危険",
	                       "公衆無線LANでは通信を暗号化していないことが多い。多くの人が気にせず使っている。"
	                       "カフェで使っている人は注意している。",
	                       "ニュース");
	judge_alone("ja hiragana", &a, &arena, &v);
	CHECK(v.keyword_count > 0);
	for (size_t i = 0; i < v.keyword_count; i++)
		for (const char *p = v.keywords[i]; *p; p++) /* hiragana is U+3040..U+309F: E3 81 80..E3 82 9F */
			CHECK(!((unsigned char)p[0] == 0xE3 && ((unsigned char)p[1] == 0x81 ||
			        ((unsigned char)p[1] == 0x82 && (unsigned char)p[2] <= 0x9F))));
	arena_free(&arena);
}

/* Names in keywords are whole: a word the body only ever writes inside a longer capitalised
 * name is a fragment ("Francisco" of "San Francisco"), and a two-word name the body uses
 * once ("Ron Rivest") is a keyword like one it repeats. Capitals mark names only in running
 * prose: not in a text written in Title Case, not in German (every noun is capitalised), not
 * where the pair is cut out of a longer name ("Ian Lance" of "Ian Lance Taylor"). */
static void
test_whole_names(void)
{
	static const struct cue_case cases[] = {
		{"fragment", "A new office for the chip designer",
		 "The chip designer opened its San Francisco office this week. Forty engineers moved in, and the "
		 "designer plans to hire forty more engineers there by the summer.",
		 "A news site", CAT_OTHER, 0, NULL, "Francisco", 0, LANG_EN},
		{"name used once", "Hash function withdrawn from the competition",
		 "The team behind the hash function withdrew it from the competition, said Ron Rivest, who leads "
		 "the team. The hash function was too slow in its faster variant, and the team will not tweak it.",
		 "A news site", CAT_SECURITY, 0, "Ron Rivest", "Rivest", 0, LANG_EN},
		/* a lexicon term as a person's surname is the person, not the term, there and where the
		 * text goes on with the surname alone (the shared corpus: "Swift", the programming
		 * language, on a story about Taylor Swift); where the field's other terms say it is the
		 * term, it stays (any number of "Apple Swift" or "Arch Linux") */
		{"surname that is a term", "DJ who groped Taylor Swift hired by a radio station",
		 "A radio station in Mississippi hired the DJ whom a jury found to have groped Taylor Swift at a "
		 "photo session. He had sued Swift for damages and lost. The station says the DJ deserves a second "
		 "chance; listeners called for a boycott.",
		 "A newspaper", CAT_ENGINEERING, 1, NULL, "Swift", 0, LANG_EN},
		{"the term itself", "Swift 5.9 adds macros",
		 "The new version of Swift adds macros, which generate code at compile time. Apple Swift developers "
		 "can write macros in Swift itself, and Xcode shows what each macro expands to.",
		 "A blog", CAT_OTHER, 1, "Swift", NULL, 0, LANG_EN},
		{"pair cut from a longer name", "A sneaky bug in slices",
		 "The bug was found by Ian Lance Taylor while he reviewed a change to slices. The slices package "
		 "compacted the wrong elements when the slices overlapped, and a test now covers the case.",
		 "A blog", CAT_SECURITY, 1, NULL, "Ian Lance", 0, LANG_EN},
		{"Title Case text", "", "Om: Why Tech Needs Personalization.", "A link blog", CAT_SECURITY, 1,
		 "Personalization", NULL, 0, LANG_EN},
		/* a word in capitals longer than an acronym is a heading or shouting, no name */
		{"shouted heading", "Quarterly results of the chip maker",
		 "Our EXECUTIVE SUMMARY comes first. The chip maker sold more accelerators than in any quarter before; "
		 "revenue grew by a third, and the forecast for the year went up.",
		 "A news site", CAT_SECURITY, 1, NULL, "EXECUTIVE SUMMARY", 0, LANG_EN},
		{"German nouns", "Erste private Rakete erreicht den Orbit",
		 "Der Hersteller Landspace hat am Sonntag eine Rakete gestartet. Die Rakete erreichte die "
		 "Umlaufbahn, und der Hersteller plant weitere Starts im Sommer.",
		 "Eine Nachrichtenseite", CAT_AI_ML, 1, NULL, "Hersteller Landspace", 0, LANG_DE},
		/* an institution's noun alone is no keyword (the authors' affiliations); with its name it is */
		{"affiliations", "Rigorous evaluation of coding agents",
		 "The benchmark's tests miss wrong patches, so we generate more tests with a model. Jane Roe, Ann Lee. "
		 "The Chinese University of Hong Kong; University of Illinois. The new tests reject 345 patches that "
		 "the benchmark had passed, and the leaderboard changes for the coding agents.",
		 "A preprint server", CAT_SECURITY, 1, NULL, "University", 0, LANG_EN},
		{"institution named", "A study of social mobility",
		 "Researchers at Stanford University followed children for thirty years. Stanford University found that "
		 "mobility fell in most counties, and Stanford University will publish the county data.",
		 "A news site", CAT_SECURITY, 1, "Stanford University", NULL, 0, LANG_EN},
		/* a name's possessive is the name; no name runs on past it */
		{"possessive", "A phone that folds twice",
		 "Microsoft's answer to the folding phone arrived on Tuesday. Microsoft's device folds twice, and "
		 "Microsoft's store sells it for a thousand dollars.",
		 "A news site", CAT_SECURITY, 1, "Microsoft", "Microsoft's", 0, LANG_EN},
		{"possessive before a name", "Open models close the gap",
		 "Open models now compete with the closed ones. Alibaba\u2019s Qwen leads the open models, and "
		 "Alibaba\u2019s Qwen team ships a new model every month.",
		 "A news site", CAT_SECURITY, 1, NULL, "Alibaba\u2019s Qwen", 0, LANG_EN},
	};
	check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* A headline's wording is no tag: a word of the title that a body of some length never uses,
 * and that the day's other stories write in lower case ("plans", "subscribers", "recover"), is
 * how the headline put it; the body says what the story is about. A name in the title stays. */
static void
test_headline_wording(void)
{
	struct arena arena = ARENA_INIT;
	struct verdict v;
	struct article w[4] = {
		art("Chip maker plans a factory for subscribers to recover",
		    "The company will build a foundry in Ohio for its accelerator business. The foundry will make "
		    "accelerators for data centres from 2028, and the company expects two thousand jobs at the "
		    "foundry. The state pays part of the cost of the foundry, the roads and the training. Local "
		    "colleges will teach technicians to run the lithography machines, and suppliers of gases and "
		    "wafers have bought land next to the site; construction starts in the autumn.",
		    "A news site"),
		art("City budget", "The council plans to spend more on roads, and subscribers of the paper voted.",
		    "Local"),
		art("Storm", "Farmers recover slowly after the storm; the council plans help for them.", "Weather"),
		art("Streaming", "The service lost subscribers after it raised its price in the spring.", "Media")};
	judge(w, 4, 0, &arena, &v);
	show("headline wording", &v);
	CHECK(v.keyword_count > 0);
	CHECK(!has_kw(&v, "plans"));
	CHECK(!has_kw(&v, "subscribers"));
	CHECK(!has_kw(&v, "recover"));
	CHECK(!has_kw(&v, "Chip")); /* capitalised only as the headline's first word */
	CHECK(has_kw(&v, "foundry"));
	arena_free(&arena);
}

/* A podcast's show notes list topics ("APFS WWDC session", "iCloud storage: 1TB → 2TB"): two
 * acronyms side by side are two names, each a tag, not the phrase "APFS WWDC"; a quantity with
 * its unit ("1TB", "120Hz", "5000mAh") is what a product has, never a tag. */
static void
test_acronym_pairs_and_quantities(void)
{
	struct arena arena = ARENA_INIT;
	struct verdict v;
	struct article a = art("226: Smooth Scrolling",
	                       "Pre-show: lots of follow up. The APFS WWDC session and file name encoding: normalization "
	                       "forms, compression versus HFS+. iOS 11: many touch options on home screens. iCloud storage: "
	                       "1TB to 2TB for the same price. The new iPads have 120Hz displays and 5000mAh batteries; "
	                       "WWDC food and jackets. APFS again in the post-show.",
	                       "A podcast");
	judge_alone("show notes", &a, &arena, &v);
	CHECK(!has_kw(&v, "APFS WWDC"));
	CHECK(has_kw(&v, "APFS") || has_kw(&v, "WWDC"));
	CHECK(!has_kw(&v, "1TB") && !has_kw(&v, "2TB") && !has_kw(&v, "120Hz") && !has_kw(&v, "5000mAh"));
	arena_free(&arena);
}

/* A model is tagged as the text names it, with its version ("GPT-4.5", "Claude 3.7 Sonnet"):
 * the family alone ("GPT", "Claude") gathers every story about any of its models. */
static void
test_model_versions(void)
{
	static const struct cue_case cases[] = {
		{"hyphenated version", "OpenAI releases GPT-4.5 to subscribers",
		 "OpenAI released GPT-4.5 on Thursday. The company says GPT-4.5 hallucinates less than earlier "
		 "models and writes better prose; GPT-4.5 costs more per token than any model it sells.",
		 "A news site", CAT_SECURITY, 1, "GPT-4.5", "GPT", 0, LANG_EN},
		{"spaced version", "Anthropic ships Claude 3.7 Sonnet",
		 "Anthropic released Claude 3.7 Sonnet, a model that can think before it answers. Claude 3.7 Sonnet "
		 "leads the coding benchmarks, and Claude 3.7 Sonnet is available in the API today.",
		 "A news site", CAT_SECURITY, 1, "Claude 3.7 Sonnet", "Claude", 0, LANG_EN},
		{"family in the lexicon's spelling", "Dall-E 2",
		 "The new image model draws pictures from a sentence, at four times the resolution of the first "
		 "one, and it can edit a photo: add a dog, remove a lamp, change the style of the room.",
		 "A news site", CAT_SECURITY, 1, "DALL-E 2", "Dall-E 2", 0, LANG_EN},
	};
	check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* A guest the notes name in full once, then by the first name alone, is tagged with the full
 * name: the first name alone ("Clemens" of an episode with Clemens Schrimpe, "Scott" of Scott
 * Forstall) names no one a reader would look for. A word the text puts before several names
 * ("Taalas" of "Taalas Cloud" and "Taalas Studio") is no first name and stays. */
static void
test_first_names(void)
{
	static const struct cue_case cases[] = {
		{"guest by first name", "Episode 197: the new internet protocol",
		 "In this episode Tim talks with Clemens Schrimpe about the new protocol. Clemens explains why the "
		 "addresses ran out. Clemens was a member of the interop network. Clemens thinks the transition will "
		 "take years, and Clemens likes the prefix notation better.",
		 "A podcast", CAT_SECURITY, 1, "Clemens Schrimpe", "Clemens", 0, LANG_EN},
		{"interviewer named in full", "An interview about the first phone",
		 "A historian will interview Scott Forstall about the first phone next week at the museum. Scott ran "
		 "the software team, and Scott left the company in 2012. The museum sells tickets for the talk, and "
		 "Scott will answer questions from the audience.",
		 "A link blog", CAT_SECURITY, 1, "Scott Forstall", "Scott", 0, LANG_EN},
		{"company before products", "A new chip for inference",
		 "Taalas ships Taalas Cloud this week, and Taalas Studio follows in the spring. Taalas says the chip "
		 "serves a model faster than any graphics card, and Taalas Cloud rents it by the hour.",
		 "A news site", CAT_SECURITY, 1, "Taalas", NULL, 0, LANG_EN},
	};
	check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* The feed's own name tags none of its items: a show's name on each of its episodes says
 * nothing to the reader of a digest across feeds, who sees the source beside the item, and it
 * made the show the day's top tag. Seen on the shared corpus: "Giant Bombcast" on every episode
 * of the Giant Bombcast (its head before the colon), "Night Vale" on Welcome to Night Vale's,
 * "ATP" on the Accidental Tech Podcast's, "Luke Dorny" and "lukedorny.com" on Luke Dorny's. A
 * name that only shares a word with the feed's stays ("Giant Bombcast" of the feed "Giant
 * Bomb", test_title_head_keywords), and so does a lexicon topic the feed is named after where
 * the item is about it ("Rust" on the Rust blog). The item's byline is the publisher too. */
static void
test_feed_own_name(void)
{
	static const char ld[] = "A short note on the bloom of the cherry trees in the park. Luke Dorny took the photos "
	                         "with an old lens; prints are at lukedorny.com, and Luke Dorny thanks every reader "
	                         "who sends a tip through Ko-fi.";
	static const char marco[] = "Marco's iMac survived its journey, and the Overcast servers moved to a new host. "
	                            "Marco explains why the Overcast sync took a week, and Marco answers questions "
	                            "about watch apps.";
	static const char quebec[] = "A library in Quebec sits on the border, and the smuggling case puts it in the "
	                             "news. Quebec police and Vermont police watched the reading room for weeks before "
	                             "the arrests in Quebec.";
	static const struct cue_case cases[] = {
		{"show's own head", "Giant Bombcast 603: Call of Tuesday",
		 "The crew talks about the week's releases, a strategy game that takes too long to load and a racing "
		 "game with a surprising soundtrack. Then listener questions.",
		 "Giant Bombcast", CAT_SECURITY, 1, "game", "Giant Bombcast", 0, LANG_EN},
		{"show's own name in the text", "221 - The Glow Cloud, Explained",
		 "The glow cloud returns to Night Vale and the city council explains it at last. In Night Vale nothing "
		 "is what it seems, and Cecil reads the glow cloud's statement on air while the glow cloud drops small "
		 "animals on the dog park.",
		 "Welcome to Night Vale", CAT_SECURITY, 1, "glow cloud", "Night Vale", 0, LANG_EN},
		{"show's initials", "304: Island of Shortcuts",
		 "This week on ATP we test the new Shortcuts app and the Siri intents it brings. ATP members get the "
		 "bonus episode, and the Shortcuts gallery gets a review too.",
		 "Accidental Tech Podcast", CAT_SECURITY, 1, "Shortcuts", "ATP", 0, LANG_EN},
		{"author's own blog", "Bloom", ld, "Luke Dorny's v6", CAT_SECURITY, 1, "Ko-fi", "Luke Dorny", 0, LANG_EN},
		{"author's own domain", "Bloom", ld, "Luke Dorny's v6", CAT_SECURITY, 1, NULL, "lukedorny.com", 0, LANG_EN},
		{"feed about the topic", "Rust 1.80 released",
		 "Rust 1.80 stabilises lazy cells and exclusive ranges in patterns. The Rust team thanks the "
		 "contributors of the release.",
		 "Rust Blog", CAT_SECURITY, 1, "Rust", NULL, 0, LANG_EN},
		{"host's first name", "306: My Watch Has Ended", marco, "A podcast", CAT_SECURITY, 1, "Overcast", "Marco", 0,
		 LANG_EN},
		{"dateline's place", "Library straddles the border", quebec, "A newspaper", CAT_SECURITY, 1, "Quebec", NULL, 0,
		 LANG_EN},
	};
	/* Each case's byline (the last two have one). The byline's names tag nothing either: a
	 * podcast's host posts every episode, and his first name, which the show notes use for him
	 * ("Marco's iMac survived its journey"), was a tag of each (the shared corpus: "Marco" on 8
	 * episodes of the Accidental Tech Podcast, "Bomb" of the byline "Giant Bomb" on 10); a
	 * columnist's own name on her column likewise. What a byline adds after the names is no
	 * name: "in Stanstead, Quebec" is the story's place, which stays. */
	static const char *const bylines[sizeof cases / sizeof cases[0]] = {
		[6] = "Marco Arment", [7] = "Ashifa Kassam in Stanstead, Quebec"};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		check_cases_by(&cases[i], 1, NULL, bylines[i]);
}

/* The kind of piece the offline "why read" names comes from whole cue words: "paper" is not
 * in "newspaper", "review" not in "reviewed"; 发布 in running Chinese text also means
 * "published" ("没有发布日期"), so it names a release only in the title. */
static void
test_piece_kind_cues(void)
{
	static const struct {
		const char *title, *text, *want, *lang; /* want: the reason starts with it */
	} cases[] = {
		{"A note without a date", "这篇笔记没有发布日期，读者只能从上下文判断它写于何时。", "文章", "zh"},
		{"工具 2.0 发布", "新版本支持插件，修复了多个问题，可以从官网下载。", "发布消息", "zh"},
		{"Local news roundup", "The newspaper reviewed the town's budget and found the roads underfunded again.",
		 "A write-up", "en"},
		{"A paper on cache eviction", "The paper compares four eviction policies on production traces.",
		 "Research notes", "en"},
		/* A security piece is an incident report when its title says so; its body counting the
		 * vulnerabilities a fuzzing programme found is no incident. */
		{"Fuzzing open source: five months later",
		 "The fuzzing service has found over 1,000 bugs in 47 open source projects, 264 of them potential "
		 "security vulnerabilities and exploits of memory safety. Maintainers fixed most within a week.",
		 "A write-up", "en"},
		{"Critical vulnerability in the iPhone SMS application",
		 "Apple is working on an update to fix a critical security vulnerability in its texting application.",
		 "An incident report", "en"},
	};
	struct arena arena = ARENA_INIT;
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		struct article a = art(cases[c].title, cases[c].text, "A blog");
		struct enrichment e;
		enrich_alone(&a, cases[c].lang, &arena, &e);
		fprintf(stderr, "  kind: %s\n", e.reason);
		CHECK(str_istarts(e.reason, cases[c].want));
	}
	arena_free(&arena);
}

int
main(void)
{
	test_lang();
	test_unicode_keywords();
	test_caseless_script_keywords();
	test_title_head_keywords();
	test_feed_own_name();
	test_names_and_title_phrases();
	test_code_spelt_words();
	test_abbreviated_names();
	test_name_openers();
	test_sentence_case_names();
	test_off_field_topics();
	test_title_full_names();
	test_cve_identifiers();
	test_code_calls();
	test_sentence_openers();
	test_ellipsis_openers();
	test_title_identifiers();
	test_release_products();
	test_nothing_to_tag();
	test_off_topic_quality();
	test_title_capitals();
	test_display_casing();
	test_multilingual_cues();
	test_howto_and_release();
	test_category_evidence();
	test_source_prior();
	test_feed_tag_cues();
	test_feed_description();
	test_opinion_form();
	test_untitled_dates_agents();
	test_personal_post();
	test_model_releases();
	test_transformer_sense();
	test_essay_against_prior();
	test_version_titles();
	test_notice_titles();
	test_sponsored_posts();
	test_vulnerable_people();
	test_acronym_pairs_and_quantities();
	test_code_feeds();
	test_episode_titles();
	test_german_compounds_and_holes();
	test_highlights_clusters();
	test_highlights_cjk_topic();
	test_extract_furniture();
	test_current_vocabulary();
	test_whole_names();
	test_first_names();
	test_model_versions();
	test_headline_wording();
	test_piece_kind_cues();
	test_modern_probe();
	test_field_terms_2026();
	test_retrospectives_and_first_person();
	test_claims_and_year_reviews();
	test_release_words();
	test_cjk_fragments();
	test_leak_senses();
	test_clinical_testing();
	test_personal_attackers();
	test_physical_security();
	return test_done("test_offline_editorial");
}
