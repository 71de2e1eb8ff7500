/* store.c: opening the database, pragmas and forward-only schema migrations. */
#include "store/store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "feed/feed.h"
#include "store/fts.h"
#include "store/pack.h"
#include "store/walbuf.h"
#include "util/fs.h"
#include "util/str.h"

/* A number macro as SQL text. */
#define SQL_NUMBER_(x) #x
#define SQL_NUMBER(x) SQL_NUMBER_(x)

/* Each entry migrates from version i to i+1. Never edit a released entry: add one. */
static const char *const migrations[] = {
	/* 0 -> 1: the initial schema. */
	"CREATE TABLE sources ("
	"  id INTEGER PRIMARY KEY,"
	"  url TEXT NOT NULL UNIQUE,"          /* current feed URL (updated on permanent redirects) */
	"  name TEXT,"                          /* user-given or list name */
	"  title TEXT,"                         /* the feed's own title, as last parsed */
	"  html_url TEXT,"
	"  category TEXT,"
	"  user_agent TEXT,"                    /* per-feed override */
	"  is_default INTEGER NOT NULL DEFAULT 0," /* came from the built-in list */
	"  added_at INTEGER NOT NULL,"
	"  etag TEXT,"
	"  last_modified TEXT,"
	"  last_attempt_at INTEGER,"
	"  last_success_at INTEGER,"
	"  last_status INTEGER,"                /* HTTP status of the last attempt, 0 = no response */
	"  last_error TEXT,"
	"  consecutive_failures INTEGER NOT NULL DEFAULT 0,"
	"  avg_latency_ms REAL,"
	"  item_count INTEGER NOT NULL DEFAULT 0"
	");"
	"CREATE TABLE items ("
	"  id INTEGER PRIMARY KEY,"
	"  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,"
	"  dedupe_key TEXT NOT NULL,"           /* 'g:'guid, else 'l:'canonical link, else 'h:'hash(title+date) */
	"  guid TEXT,"                          /* no longer written: the key's g: part is the guid (older rows keep it) */
	"  link TEXT,"
	"  canonical_link TEXT,"                /* NULL when it is the link (older rows may hold a copy) */
	"  title TEXT,"
	"  author TEXT,"
	"  summary TEXT,"
	"  content TEXT,"
	"  text TEXT,"
	"  categories TEXT,"                    /* JSON array of strings */
	"  enclosures TEXT,"                    /* JSON array of {url,type,length} */
	"  comments TEXT,"
	"  published INTEGER,"                  /* UTC seconds: published, else updated (feed_item_date); NULL when undated */
	"  updated INTEGER,"
	"  first_seen INTEGER NOT NULL,"
	"  content_hash TEXT NOT NULL,"
	"  changed_at INTEGER,"                 /* last time content_hash changed */
	"  UNIQUE(source_id, dedupe_key)"
	");"
	"CREATE INDEX items_canonical ON items(canonical_link);"
	"CREATE INDEX items_published ON items(published);"
	"CREATE INDEX items_first_seen ON items(first_seen);"
	"CREATE VIRTUAL TABLE items_fts USING fts5(title, text, content='items', content_rowid='id',"
	"  tokenize='trigram');"
	"CREATE TRIGGER items_ai AFTER INSERT ON items BEGIN"
	"  INSERT INTO items_fts(rowid, title, text) VALUES (new.id, new.title, new.text);"
	"END;"
	"CREATE TRIGGER items_ad AFTER DELETE ON items BEGIN"
	"  INSERT INTO items_fts(items_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);"
	"END;"
	"CREATE TRIGGER items_au AFTER UPDATE OF title, text ON items BEGIN"
	"  INSERT INTO items_fts(items_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);"
	"  INSERT INTO items_fts(rowid, title, text) VALUES (new.id, new.title, new.text);"
	"END;"
	"CREATE TABLE fetch_log ("
	"  id INTEGER PRIMARY KEY,"
	"  source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,"
	"  url TEXT NOT NULL,"
	"  started_at INTEGER NOT NULL,"
	"  http_status INTEGER,"
	"  bytes INTEGER NOT NULL DEFAULT 0,"  /* bytes on the wire */
	"  ms INTEGER NOT NULL DEFAULT 0,"
	"  items_new INTEGER NOT NULL DEFAULT 0,"
	"  error TEXT"
	");"
	"CREATE TABLE llm_cache ("
	"  task TEXT NOT NULL,"
	"  prompt_version INTEGER NOT NULL,"
	"  model TEXT NOT NULL,"
	"  input_hash TEXT NOT NULL,"
	"  answer TEXT NOT NULL,"               /* the validated JSON answer */
	"  created_at INTEGER NOT NULL,"
	"  PRIMARY KEY(task, prompt_version, model, input_hash)"
	");"
	"CREATE TABLE llm_usage ("
	"  id INTEGER PRIMARY KEY,"
	"  at INTEGER NOT NULL,"
	"  task TEXT NOT NULL,"
	"  model TEXT NOT NULL,"
	"  http_status INTEGER,"
	"  ms INTEGER,"
	"  prompt_tokens INTEGER NOT NULL DEFAULT 0,"
	"  completion_tokens INTEGER NOT NULL DEFAULT 0,"
	"  cached_tokens INTEGER NOT NULL DEFAULT 0,"
	"  error TEXT"
	");"
	"CREATE TABLE verdicts ("                /* latest score per item, for reports and serve */
	"  item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,"
	"  engine TEXT NOT NULL,"               /* 'llm' or 'offline' */
	"  model TEXT,"
	"  relevance INTEGER NOT NULL, quality INTEGER NOT NULL, timeliness INTEGER NOT NULL,"
	"  category TEXT NOT NULL,"
	"  keywords TEXT,"                      /* JSON array */
	"  scored_at INTEGER NOT NULL"
	");"
	"CREATE TABLE enrichments ("
	"  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,"
	"  lang TEXT NOT NULL,"
	"  engine TEXT NOT NULL,"
	"  title TEXT, summary TEXT, reason TEXT,"
	"  created_at INTEGER NOT NULL,"
	"  PRIMARY KEY(item_id, lang)"
	");"
	"CREATE TABLE reports ("                 /* every digest/weekly/article written, for the archive */
	"  id INTEGER PRIMARY KEY,"
	"  kind TEXT NOT NULL,"                 /* daily | weekly | article */
	"  slug TEXT NOT NULL,"                 /* 2026-02-21, 2026-W08, story id */
	"  lang TEXT NOT NULL,"
	"  title TEXT,"
	"  created_at INTEGER NOT NULL,"
	"  markdown TEXT, html TEXT, json TEXT,"
	"  UNIQUE(kind, slug, lang)"
	");",
	/* 1 -> 2: sources fetched only through `brief fetch --feeds FILE` are kept apart from the
	 * user's list (is_adhoc = 1) so they are neither listed nor fetched by a plain run. */
	"ALTER TABLE sources ADD COLUMN is_adhoc INTEGER NOT NULL DEFAULT 0;"
	"CREATE INDEX fetch_log_source ON fetch_log(source_id, started_at);",
	/* 2 -> 3: deferred full-text indexing for bulk writers. While a row is in fts_defer
	 * (only ever inside the fetcher's own write transaction, cleared before it commits),
	 * new items are queued in fts_pending and indexed with one statement at commit: FTS5
	 * flushes a segment per statement otherwise, which made indexing 6x the cost of the
	 * insert. Every other writer sees no row in fts_defer and indexes immediately. */
	"CREATE TABLE fts_defer(is_on INTEGER);"
	"CREATE TABLE fts_pending(id INTEGER PRIMARY KEY);"
	"DROP TRIGGER items_ai;"
	"DROP TRIGGER items_ad;"
	"DROP TRIGGER items_au;"
	"CREATE TRIGGER items_ai AFTER INSERT ON items WHEN NOT EXISTS (SELECT 1 FROM fts_defer) BEGIN"
	"  INSERT INTO items_fts(rowid, title, text) VALUES (new.id, new.title, new.text);"
	"END;"
	"CREATE TRIGGER items_ai_deferred AFTER INSERT ON items WHEN EXISTS (SELECT 1 FROM fts_defer) BEGIN"
	"  INSERT INTO fts_pending(id) VALUES (new.id);"
	"END;"
	"CREATE TRIGGER items_ad AFTER DELETE ON items BEGIN"
	"  INSERT INTO items_fts(items_fts, rowid, title, text) SELECT 'delete', old.id, old.title, old.text"
	"    WHERE NOT EXISTS (SELECT 1 FROM fts_pending WHERE id = old.id);"
	"  DELETE FROM fts_pending WHERE id = old.id;"
	"END;"
	"CREATE TRIGGER items_au AFTER UPDATE OF title, text ON items"
	"  WHEN NOT EXISTS (SELECT 1 FROM fts_pending WHERE id = old.id) BEGIN"
	"  INSERT INTO items_fts(items_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);"
	"  INSERT INTO items_fts(rowid, title, text) VALUES (new.id, new.title, new.text);"
	"END;",
	/* 3 -> 4: what publishing channels keep between runs (store/pubcache.c): the 公众号
	 * access token until it expires, the media id of an uploaded cover (key: its hash). */
	"CREATE TABLE publish_cache ("
	"  channel TEXT NOT NULL,"      /* "wechat_mp:APPID" */
	"  key TEXT NOT NULL,"          /* "access_token", "cover:SHA256" */
	"  value TEXT NOT NULL,"
	"  expires_at INTEGER,"         /* UTC seconds; NULL = kept until dropped */
	"  PRIMARY KEY(channel, key)"
	") WITHOUT ROWID;",
	/* 4 -> 5: the trigram index gives way to the "brief" tokenizer (store/fts.c): words for
	 * alphabetic scripts, bigrams and single characters for CJK, so 1-2 character Chinese
	 * queries are answered from the index, at about a third of the size. items.text, summary and
	 * content may now be deflated (store/pack.h): the index reads text through items_doc. The
	 * new index is filled by store_fts_backfill (newest items first, one committed batch at a time, so an
	 * interrupted run resumes): items with id < fts_rebuild.below are not in it yet, and the
	 * triggers leave them alone. Pruned items (bodies removed by `brief prune`) are marked
	 * with pruned_at; prune_log records each prune for `brief doctor`. */
	"DROP TRIGGER items_ai;"
	"DROP TRIGGER items_ai_deferred;"
	"DROP TRIGGER items_ad;"
	"DROP TRIGGER items_au;"
	"DROP TABLE items_fts;"
	"CREATE VIEW items_doc AS SELECT id, title, unpacked(text) AS text FROM items;"
	"CREATE VIRTUAL TABLE items_fts USING fts5(title, text, content='items_doc', content_rowid='id',"
	"  tokenize='brief');"
	"CREATE TABLE fts_rebuild(below INTEGER NOT NULL);"
	"INSERT INTO fts_rebuild SELECT COALESCE(MAX(id), 0) + 1 FROM items;"
	"CREATE TRIGGER items_ai AFTER INSERT ON items"
	"  WHEN NOT EXISTS (SELECT 1 FROM fts_defer) AND new.id >= (SELECT below FROM fts_rebuild) BEGIN"
	"  INSERT INTO items_fts(rowid, title, text) VALUES (new.id, new.title, unpacked(new.text));"
	"END;"
	"CREATE TRIGGER items_ai_deferred AFTER INSERT ON items"
	"  WHEN EXISTS (SELECT 1 FROM fts_defer) AND new.id >= (SELECT below FROM fts_rebuild) BEGIN"
	"  INSERT INTO fts_pending(id) VALUES (new.id);"
	"END;"
	"CREATE TRIGGER items_ad AFTER DELETE ON items WHEN old.id >= (SELECT below FROM fts_rebuild) BEGIN"
	"  INSERT INTO items_fts(items_fts, rowid, title, text) SELECT 'delete', old.id, old.title, unpacked(old.text)"
	"    WHERE NOT EXISTS (SELECT 1 FROM fts_pending WHERE id = old.id);"
	"  DELETE FROM fts_pending WHERE id = old.id;"
	"END;"
	"CREATE TRIGGER items_au AFTER UPDATE OF title, text ON items"
	"  WHEN old.id >= (SELECT below FROM fts_rebuild)"
	"   AND NOT EXISTS (SELECT 1 FROM fts_pending WHERE id = old.id) BEGIN"
	"  INSERT INTO items_fts(items_fts, rowid, title, text) VALUES ('delete', old.id, old.title, unpacked(old.text));"
	"  INSERT INTO items_fts(rowid, title, text) VALUES (new.id, new.title, unpacked(new.text));"
	"END;"
	"CREATE TABLE fts_terms(term TEXT PRIMARY KEY) WITHOUT ROWID;" /* see store/fts.h */
	"ALTER TABLE items ADD COLUMN pruned_at INTEGER;"
	/* The time an item is listed by (published, else first seen): the archive's pages walk
	 * it by keyset and the daily window takes its range, both without a scan. */
	"CREATE INDEX items_when ON items(COALESCE(published, first_seen));"
	/* ... and per source, for the newest post of each feed (feed health). The older indexes
	 * served no query any more (canonical_link is only ever looked up together with the
	 * unindexed link). */
	"CREATE INDEX items_source_when ON items(source_id, COALESCE(published, first_seen));"
	"DROP INDEX items_canonical;"
	"DROP INDEX items_published;"
	"DROP INDEX items_first_seen;"
	"CREATE TABLE prune_log ("
	"  id INTEGER PRIMARY KEY,"
	"  at INTEGER NOT NULL,"
	"  keep_days INTEGER NOT NULL,"
	"  items INTEGER NOT NULL,"               /* bodies removed */
	"  kept_cited INTEGER NOT NULL,"          /* old but cited by a report, kept whole */
	"  bytes_freed INTEGER NOT NULL"          /* file shrink by the incremental vacuum */
	");",
	/* 5 -> 6: article pages fetched for items with thin feed text (store/fulltext.h): one
	 * outcome per item, so a page is fetched once; reports read the longer text. The text is
	 * stored like items.text (store/pack.h: deflated when that saves space). `brief prune`
	 * drops the rows of the items whose bodies it removes. */
	"CREATE TABLE fulltext ("
	"  item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,"
	"  url TEXT NOT NULL,"                   /* the page fetched: the item's link */
	"  status INTEGER NOT NULL,"             /* 1 article extracted, 2 page without an article, 0 failed */
	"  text TEXT,"                           /* the article as plain text (status 1), maybe packed */
	"  error TEXT,"                          /* why it failed (status 0) */
	"  fetched_at INTEGER NOT NULL,"
	"  attempts INTEGER NOT NULL"            /* a failure is retried up to FULLTEXT_MAX_ATTEMPTS */
	");",
	/* 6 -> 7: an item's extracted article page is in the full-text index with it (the text
	 * column: the feed's text, a blank line, the page's: STORE_FTS_DOC), so a search finds
	 * words only the page has. The index's content view joins the page; every trigger that
	 * writes or deletes an item's entry computes it from the rows of that moment, and a change
	 * to a page row re-indexes its item (unless the item is not indexed yet: below
	 * fts_rebuild.below, or queued in fts_pending, whose indexing reads the page itself).
	 * The delete trigger runs BEFORE the delete, while the page row a cascade would remove is
	 * still there. The items that already have a page are re-indexed here, in this
	 * migration's transaction (an interrupted migration is rolled back and runs again). */
	"DROP VIEW items_doc;"
	"CREATE VIEW items_doc AS SELECT i.id, i.title, " STORE_FTS_DOC("i.text", "f.text") " AS text FROM items i"
	"  LEFT JOIN fulltext f ON f.item_id = i.id AND f.status = 1;"
	"DROP TRIGGER items_ai;"
	"CREATE TRIGGER items_ai AFTER INSERT ON items"
	"  WHEN NOT EXISTS (SELECT 1 FROM fts_defer) AND new.id >= (SELECT below FROM fts_rebuild) BEGIN"
	"  INSERT INTO items_fts(rowid, title, text)"
	"    VALUES (new.id, new.title, " STORE_FTS_DOC("new.text", STORE_FTS_PAGE("new.id")) ");"
	"END;"
	"DROP TRIGGER items_ad;"
	"CREATE TRIGGER items_bd BEFORE DELETE ON items WHEN old.id >= (SELECT below FROM fts_rebuild) BEGIN"
	"  INSERT INTO items_fts(items_fts, rowid, title, text)"
	"    SELECT 'delete', old.id, old.title, " STORE_FTS_DOC("old.text", STORE_FTS_PAGE("old.id"))
	"    WHERE NOT EXISTS (SELECT 1 FROM fts_pending WHERE id = old.id);"
	"  DELETE FROM fts_pending WHERE id = old.id;"
	"END;"
	"DROP TRIGGER items_au;"
	"CREATE TRIGGER items_au AFTER UPDATE OF title, text ON items"
	"  WHEN old.id >= (SELECT below FROM fts_rebuild)"
	"   AND NOT EXISTS (SELECT 1 FROM fts_pending WHERE id = old.id) BEGIN"
	"  INSERT INTO items_fts(items_fts, rowid, title, text)"
	"    VALUES ('delete', old.id, old.title, " STORE_FTS_DOC("old.text", STORE_FTS_PAGE("old.id")) ");"
	"  INSERT INTO items_fts(rowid, title, text)"
	"    VALUES (new.id, new.title, " STORE_FTS_DOC("new.text", STORE_FTS_PAGE("new.id")) ");"
	"END;"
	"CREATE TRIGGER fulltext_ai AFTER INSERT ON fulltext WHEN new.status = 1"
	"   AND new.item_id >= (SELECT below FROM fts_rebuild)"
	"   AND NOT EXISTS (SELECT 1 FROM fts_pending WHERE id = new.item_id) BEGIN"
	"  INSERT INTO items_fts(items_fts, rowid, title, text)"
	"    SELECT 'delete', i.id, i.title, unpacked(i.text) FROM items i WHERE i.id = new.item_id;"
	"  INSERT INTO items_fts(rowid, title, text)"
	"    SELECT i.id, i.title, " STORE_FTS_DOC("i.text", "new.text") " FROM items i WHERE i.id = new.item_id;"
	"END;"
	"CREATE TRIGGER fulltext_au AFTER UPDATE ON fulltext WHEN (old.status = 1 OR new.status = 1)"
	"   AND new.item_id >= (SELECT below FROM fts_rebuild)"
	"   AND NOT EXISTS (SELECT 1 FROM fts_pending WHERE id = new.item_id) BEGIN"
	"  INSERT INTO items_fts(items_fts, rowid, title, text)"
	"    SELECT 'delete', i.id, i.title,"
	"      " STORE_FTS_DOC("i.text", "CASE WHEN old.status = 1 THEN old.text END") " FROM items i WHERE i.id = old.item_id;"
	"  INSERT INTO items_fts(rowid, title, text)"
	"    SELECT i.id, i.title, " STORE_FTS_DOC("i.text", "CASE WHEN new.status = 1 THEN new.text END")
	"    FROM items i WHERE i.id = new.item_id;"
	"END;"
	/* Without the item (a cascade from its delete, which items_bd already took out of the
	 * index) there is nothing to re-index. */
	"CREATE TRIGGER fulltext_ad AFTER DELETE ON fulltext WHEN old.status = 1"
	"   AND old.item_id >= (SELECT below FROM fts_rebuild)"
	"   AND NOT EXISTS (SELECT 1 FROM fts_pending WHERE id = old.item_id) BEGIN"
	"  INSERT INTO items_fts(items_fts, rowid, title, text)"
	"    SELECT 'delete', i.id, i.title, " STORE_FTS_DOC("i.text", "old.text") " FROM items i WHERE i.id = old.item_id;"
	"  INSERT INTO items_fts(rowid, title, text)"
	"    SELECT i.id, i.title, unpacked(i.text) FROM items i WHERE i.id = old.item_id;"
	"END;"
	"INSERT INTO items_fts(items_fts, rowid, title, text)"
	"  SELECT 'delete', i.id, i.title, unpacked(i.text) FROM items i JOIN fulltext f ON f.item_id = i.id"
	"  WHERE f.status = 1 AND i.id >= (SELECT below FROM fts_rebuild)"
	"    AND NOT EXISTS (SELECT 1 FROM fts_pending p WHERE p.id = i.id);"
	"INSERT INTO items_fts(rowid, title, text)"
	"  SELECT i.id, i.title, " STORE_FTS_DOC("i.text", "f.text") " FROM items i JOIN fulltext f ON f.item_id = i.id"
	"  WHERE f.status = 1 AND i.id >= (SELECT below FROM fts_rebuild)"
	"    AND NOT EXISTS (SELECT 1 FROM fts_pending p WHERE p.id = i.id);",
	/* 7 -> 8: FTS5 merges a level of the index once it holds 8 segments instead of 4: each
	 * word's entries are rewritten about half as often as the index grows (log8 instead of
	 * log4 levels), which cut the fetcher's CPU by about a quarter (docs/store.md). Searches
	 * then meet more segments between merges; store_fts_merge after each fetch folds them. */
	"INSERT INTO items_fts(items_fts, rank) VALUES ('automerge', 8);",
	/* 8 -> 9: the feed's description of itself (RSS channel description, Atom subtitle, JSON
	 * Feed description) as plain text, set on each successful fetch that has one: the offline
	 * engine reads a columnist's "Tech opinion and analysis from …" as the form of every item
	 * (docs/ai.md, "category"). NULL until the next fetch of a store made before. */
	"ALTER TABLE sources ADD COLUMN description TEXT;",
	/* 9 -> 10: FTS5 collects up to 8 MiB of new entries in memory (hashsize; default 1 MiB)
	 * before it writes them out as a segment of the index. A fetch's commit indexes a few
	 * thousand items, which made several segments, each of them merged again and again as
	 * the index grows; now it makes one. Segment writes and merges were a third of the
	 * fetcher's CPU; this cut its CPU by 7-13 % for 6-7 MiB more at the peak (docs/store.md). */
	"INSERT INTO items_fts(items_fts, rank) VALUES ('hashsize', 8388608);",
	/* 10 -> 11: a source URL stored from a public feed's permanent redirect came from the
	 * feed, not from the user, and stays checked as a redirect's target (net/guard.h): its
	 * host may resolve to a private address later. 0 for the URLs stored before. */
	"ALTER TABLE sources ADD COLUMN url_checked INTEGER NOT NULL DEFAULT 0;",
	/* 11 -> 12: the delivery log (store/deliverlog.c): each part of a report a channel
	 * accepted, written as it is accepted, so that a rerun after a delivery cut short (a
	 * failed part, a killed run, another channel failing) sends only what did not go out. */
	"CREATE TABLE delivery_log ("
	"  report TEXT NOT NULL,"              /* 'daily/2026-02-21/zh': kind/slug/lang of reports */
	"  channel TEXT NOT NULL,"             /* the [deliver \"NAME\"] name */
	"  part INTEGER NOT NULL,"             /* 1-based */
	"  parts INTEGER NOT NULL,"            /* how many the report was split into for the channel */
	"  sent_at INTEGER NOT NULL,"
	"  PRIMARY KEY(report, channel, part)"
	");",
	/* 12 -> 13: the URL a source was subscribed under, kept when a permanent redirect moves
	 * url (NULL until one does): importing the same list again, `feeds rm` with the URL the
	 * user gave, and a --feeds restriction still find the source, instead of adding the old
	 * URL as a second source that fetches the same feed again. */
	"ALTER TABLE sources ADD COLUMN subscribed_url TEXT;",
	/* 13 -> 14: the archive lists reports newest first (created_at, then id) and a report's
	 * page links the reports of its kind and language just older and newer: without an index
	 * each read every report (a page of the table each, their bodies beside them) and sorted
	 * them; now both walk an index and stop at the rows they show. */
	"CREATE INDEX reports_when ON reports(created_at);"
	"CREATE INDEX reports_kind_when ON reports(kind, lang, created_at);",
	/* 14 -> 15: a 429 (or 5xx) whose Retry-After pointed past the run's deadline: no request to
	 * the source's host before this time (wall clock, epoch seconds), so the next run (cron an
	 * hour later) skips it instead of asking again at once (docs/net.md). NULL = none. */
	"ALTER TABLE sources ADD COLUMN not_before INTEGER;",
	/* 15 -> 16: whom a delivery went to (store/deliverlog.h): a hash of the channel's target
	 * (its webhook URL, Telegram chat, mail recipients), so that a channel whose target the
	 * user corrects gets the report again, not "already has it". NULL for the rows written
	 * before, which count for any target. */
	"ALTER TABLE delivery_log ADD COLUMN target TEXT;",
	/* 16 -> 17: the latest items (serve's /items, its pages back and forth) and a search's
	 * ages place an item as the digests do (STORE_ITEM_WHEN: never later than first seen), so
	 * that an item dated after it was fetched does not sit at the top of the list with a time
	 * still to come; its pages walk this index by keyset, one range from the cursor. */
	"CREATE INDEX items_placed ON items(" STORE_ITEM_WHEN("") ");",
	/* 17 -> 18: when each message a delivery target accepted went out, in milliseconds, kept
	 * apart from the delivery log: --redeliver and a report cut anew forget a report's rows
	 * there, but not that the robot took those messages (its 20 a minute, Feishu's 5 a
	 * second, channel_pace). Rows older than an hour are dropped as new ones are written. */
	"CREATE TABLE delivery_sends (target TEXT NOT NULL, sent_ms INTEGER NOT NULL);"
	"CREATE INDEX delivery_sends_target ON delivery_sends(target, sent_ms);"
	"INSERT INTO delivery_sends(target, sent_ms) SELECT target, sent_at * 1000 FROM delivery_log"
	"  WHERE target IS NOT NULL;",
	/* 18 -> 19: a report's parts are logged per target, not per channel: an email channel
	 * logs each recipient it mailed (store/deliverlog.h), so that one added to its list later
	 * gets the report and the others not again. The key gains the target. */
	"CREATE TABLE delivery_log_19 ("
	"  report TEXT NOT NULL, channel TEXT NOT NULL, part INTEGER NOT NULL, parts INTEGER NOT NULL,"
	"  sent_at INTEGER NOT NULL, target TEXT,"
	"  PRIMARY KEY(report, channel, target, part)"
	");"
	"INSERT INTO delivery_log_19(report, channel, part, parts, sent_at, target)"
	"  SELECT report, channel, part, parts, sent_at, target FROM delivery_log;"
	"DROP TABLE delivery_log;"
	"ALTER TABLE delivery_log_19 RENAME TO delivery_log;",
	/* 19 -> 20: after each 200 the same-feed check (store_source_merge_same) looks for the
	 * sources of the fetched one's title, and every lookup of a source by URL (feeds add,
	 * import, rm, --feeds) also matches the URL it was subscribed under: without an index each
	 * read the whole table, at 10,000 sources 10^8 rows a run, and an import of such a list
	 * took minutes. */
	"CREATE INDEX sources_title ON sources(title);"
	"CREATE INDEX sources_subscribed ON sources(subscribed_url);",
	/* 20 -> 21: a source that keeps failing is asked less often (docs/net.md, "Failing
	 * sources"): when its current run of failures began (failing_since) and the earliest time
	 * a plain fetch asks it again (retry_at, epoch seconds). NULL for the sources of a store
	 * written before: a failing one is asked by the next run, whose failure, counted on from
	 * its consecutive_failures, sets both (the start of a streak begun before stays unknown). */
	"ALTER TABLE sources ADD COLUMN failing_since INTEGER;"
	"ALTER TABLE sources ADD COLUMN retry_at INTEGER;",
	/* 21 -> 22: a date before FEED_DATE_MIN (1995) is no date (feed/feed.h feed_item_date):
	 * the items a CMS dated to the epoch or to the year 1 were placed there, in no digest, no
	 * weekly and at the end of the latest items; now they take their updated date when that is
	 * one, else none (placed when first seen, as an undated item). Found through items_when
	 * (first seen is never before 1995), not by reading every row; one statement in the
	 * migration's transaction, run again in full when interrupted. */
	"UPDATE items SET published = CASE WHEN updated >= " SQL_NUMBER(FEED_DATE_MIN) " THEN updated END"
	"  WHERE COALESCE(published, first_seen) < " SQL_NUMBER(FEED_DATE_MIN) ";",
};

int
store_schema_version(void)
{
	return (int)(sizeof migrations / sizeof migrations[0]);
}

int
store_exec(struct store *st, const char *sql, struct err *e)
{
	char *msg = NULL;
	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		err_set(e, "database %s: %s", st->path, msg ? msg : sqlite3_errmsg(st->db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

sqlite3_stmt *
store_prepare(struct store *st, const char *sql, struct err *e)
{
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
		err_set(e, "database: %s", sqlite3_errmsg(st->db));
		return NULL;
	}
	return s;
}

struct store_cached {
	const char *sql;
	sqlite3_stmt *stmt;
};

sqlite3_stmt *
store_cached(struct store *st, const char *sql, struct err *e)
{
	for (size_t i = 0; i < st->cached_count; i++)
		if (st->cached[i].sql == sql)
			return st->cached[i].stmt;
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK) {
		err_set(e, "database: %s", sqlite3_errmsg(st->db));
		return NULL;
	}
	if (st->cached_count == st->cached_cap) {
		st->cached_cap = st->cached_cap ? st->cached_cap * 2 : 16;
		st->cached = xrealloc(st->cached, st->cached_cap * sizeof *st->cached);
	}
	st->cached[st->cached_count++] = (struct store_cached){sql, s};
	return s;
}

int
store_cached_step(struct store *st, sqlite3_stmt *s, struct err *e)
{
	int rc = sqlite3_step(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		err_set(e, "database %s: %s", st->path, sqlite3_errmsg(st->db));
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

int
store_cached_run(struct store *st, const char *sql, struct err *e)
{
	sqlite3_stmt *s = store_cached(st, sql, e);
	return s ? store_cached_step(st, s, e) : -1;
}

void
store_bind_text(sqlite3_stmt *s, int idx, const char *text)
{
	if (text)
		sqlite3_bind_text(s, idx, text, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, idx);
}

const char *
store_col_text(sqlite3_stmt *s, int col)
{
	return (const char *)sqlite3_column_text(s, col);
}

const char *
store_col_dup(sqlite3_stmt *s, int col, struct arena *arena)
{
	return arena_strdup(arena, store_col_text(s, col));
}

int
store_begin(struct store *st, struct err *e)
{
	return store_exec(st, "BEGIN IMMEDIATE", e);
}

int
store_commit(struct store *st, struct err *e)
{
	if (fts_vocab_flush(st->vocab, st->db, e) < 0)
		return -1;
	if (store_exec(st, "COMMIT", e) < 0) {
		fts_vocab_forget(st->vocab); /* its words may not be in fts_terms after all */
		return -1;
	}
	return 0;
}

void
store_rollback(struct store *st)
{
	fts_vocab_forget(st->vocab);
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

static int
user_version(struct store *st)
{
	sqlite3_stmt *s = store_prepare(st, "PRAGMA user_version", NULL);
	int v = -1;
	if (s && sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return v;
}

static int
migrate(struct store *st, struct err *e)
{
	int target = store_schema_version();
	for (;;) {
		int v = user_version(st);
		if (v < 0)
			return err_set(e, "database %s: cannot read schema version", st->path);
		if (v > target)
			return err_set(
			    e, "database %s has schema version %d, newer than this brief (%d); upgrade brief",
			    st->path, v, target);
		if (v == target)
			return 0;
		if (store_begin(st, e) < 0)
			return -1;
		/* Read again under the write lock: another brief opening the store at the same time
		 * (a fetch, and the archive restarted after an upgrade) may have migrated it while
		 * this one waited for the lock, and a step run twice fails ("duplicate column"). */
		if (user_version(st) != v) {
			store_rollback(st);
			continue;
		}
		char pragma[64];
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", v + 1);
		if (store_exec(st, migrations[v], e) < 0 || store_exec(st, pragma, e) < 0) {
			store_rollback(st);
			return err_wrap(e, "migrating schema %d -> %d", v, v + 1);
		}
		if (store_commit(st, e) < 0)
			return -1;
	}
}

/* The value of a one-row, one-column query, or fallback. */
static int64_t
query_int(struct store *st, const char *sql, int64_t fallback)
{
	sqlite3_stmt *s = store_prepare(st, sql, NULL);
	int64_t v = fallback;
	if (s && sqlite3_step(s) == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

int
store_fts_backfill(struct store *st, int batch, int max_batches, struct err *e)
{
	int64_t below;
	for (int done = 0; (max_batches == 0 || done < max_batches) &&
	                   (below = query_int(st, "SELECT below FROM fts_rebuild", 0)) > 1; done++) {
		if (store_begin(st, e) < 0)
			return -1;
		/* Read again under the write lock: another brief opening the store meanwhile (a
		 * fetch while the archive starts) may have indexed this batch while this one waited,
		 * and FTS5 takes a row twice without a word: the index would be corrupt. */
		if (query_int(st, "SELECT below FROM fts_rebuild", 0) != below) {
			store_rollback(st);
			done--; /* no batch of this run's */
			continue;
		}
		sqlite3_stmt *s = store_prepare(st,
			"INSERT INTO items_fts(rowid, title, text) SELECT id, title, text FROM items_doc"
			" WHERE id >= ?1 AND id < ?2", e); /* items_doc: with the article page (STORE_FTS_DOC) */
		int64_t floor = below > batch ? below - batch : 1;
		int rc = -1;
		if (s) {
			sqlite3_bind_int64(s, 1, floor);
			sqlite3_bind_int64(s, 2, below);
			rc = sqlite3_step(s) == SQLITE_DONE ? 0 : err_set(e, "database %s: indexing items: %s", st->path,
			                                                   sqlite3_errmsg(st->db));
			sqlite3_finalize(s);
		}
		if (rc == 0) {
			s = store_prepare(st, "UPDATE fts_rebuild SET below = ?1", e);
			if (s) {
				sqlite3_bind_int64(s, 1, floor);
				rc = sqlite3_step(s) == SQLITE_DONE ? 0 : err_set(e, "database: %s", sqlite3_errmsg(st->db));
				sqlite3_finalize(s);
			} else {
				rc = -1;
			}
		}
		if (rc < 0 || store_commit(st, e) < 0) {
			store_rollback(st);
			return -1;
		}
	}
	if (query_int(st, "SELECT below FROM fts_rebuild", 0) > 1)
		return 0; /* stopped at max_batches */
	/* A store made before incremental vacuum (auto_vacuum = NONE) is rebuilt once so that
	 * `brief prune` can give space back; a crash before it ends just runs it again. The
	 * rebuild needs room for a second copy of the store: on a full disk (or a write failing)
	 * it is left for a later opening, as SQLite rolled it back, rather than failing this one:
	 * every command, `brief prune` too, would fail until the disk had that room. */
	if (query_int(st, "PRAGMA auto_vacuum", 2) != 2 &&
	    store_exec(st, "PRAGMA auto_vacuum = INCREMENTAL; VACUUM", e) < 0) {
		int code = sqlite3_errcode(st->db) & 0xff;
		if (code != SQLITE_FULL && code != SQLITE_IOERR)
			return err_wrap(e, "switching to incremental vacuum");
	}
	return 0;
}

/* Leaf pages per 'merge' step of store_fts_merge: small enough that a step is a short write
 * (readers in WAL mode are never held up; another writer waits at most this long). */
#define FTS_MERGE_STEP 500

int
store_fts_merge(struct store *st, int max_pages, int *pages, struct err *e)
{
	*pages = 0;
	/* FTS5's automerge (4) merges a level only once it holds 4 segments, so a store grown by
	 * many small commits keeps up to 3 per level (16-17 at 300k items), and a prefix query
	 * looks up each of its words in every one. With usermerge 2 a 'merge' leaves at most one
	 * segment per level. A positive N (not -N, which folds every segment into one) matters: a
	 * -N merge cut short by the budget starts over from the index's first term once the next
	 * fetch has added segments, so with an index larger than the budget it never finishes;
	 * a per-level merge is resumed where it stopped. */
	if (store_exec(st, "INSERT INTO items_fts(items_fts, rank) VALUES ('usermerge', 2)", e) < 0)
		return -1;
	sqlite3_stmt *s = store_prepare(st, "INSERT INTO items_fts(items_fts, rank) VALUES ('merge', ?1)", e);
	if (!s)
		return -1;
	int rc = 0;
	while (*pages < max_pages) {
		int step = max_pages - *pages < FTS_MERGE_STEP ? max_pages - *pages : FTS_MERGE_STEP;
		int before = sqlite3_total_changes(st->db);
		sqlite3_bind_int(s, 1, step);
		if (sqlite3_step(s) != SQLITE_DONE) {
			rc = err_set(e, "database %s: merging the full-text index: %s", st->path, sqlite3_errmsg(st->db));
			break;
		}
		sqlite3_reset(s);
		/* SQLite's advice: fewer than 2 rows changed means nothing was left to merge. */
		if (sqlite3_total_changes(st->db) - before < 2)
			break;
		*pages += step;
	}
	sqlite3_finalize(s);
	/* The merged segments' pages are free now; the file keeps them (auto_vacuum incremental)
	 * until given back. Otherwise the file ends a fetch with whatever the last merges freed
	 * (3-26 MB measured after 90k items), which the next fetch would reuse but which the
	 * store's size on disk counts. ~0.1 CPU s per 2,000 pages. */
	if (rc == 0)
		rc = store_exec(st, "PRAGMA incremental_vacuum", e);
	return rc;
}

int
store_fts_rebuild(struct store *st, struct err *e)
{
	if (store_begin(st, e) < 0)
		return -1;
	if (store_exec(st, "INSERT INTO items_fts(items_fts) VALUES ('rebuild')", e) < 0 || store_commit(st, e) < 0) {
		store_rollback(st);
		return err_wrap(e, "rebuilding the full-text index");
	}
	return 0;
}

int64_t
store_fts_segments(struct store *st)
{
	return query_int(st, "SELECT count(DISTINCT segid) FROM items_fts_idx", -1);
}

/* Bound the WAL file left behind after checkpoints (STORE_WAL_KEEP_BYTES). 0 or -1 with e set. */
static int
set_wal_keep(struct store *st, struct err *e)
{
	char pragma[64];
	snprintf(pragma, sizeof pragma, "PRAGMA journal_size_limit = %lld", STORE_WAL_KEEP_BYTES);
	return store_exec(st, pragma, e);
}

int
store_open(struct store *st, const char *path, struct err *e)
{
	memset(st, 0, sizeof *st);
	st->path = xstrdup(path);
	walbuf_register(); /* when it cannot, the platform's VFS serves, only slower */
	if (sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
	                    NULL) != SQLITE_OK) {
		int sys = st->db ? sqlite3_system_errno(st->db) : 0; /* why the file would not open */
		err_set(e, "cannot open database %s: %s%s%s%s", path, st->db ? sqlite3_errmsg(st->db) : "out of memory",
		        sys ? " (" : "", sys ? strerror(sys) : "", sys ? ")" : "");
		store_close(st);
		return -1;
	}
	sqlite3_busy_timeout(st->db, 10000);
	/* A new database gives freed pages back on `PRAGMA incremental_vacuum` (set before the
	 * first table exists; older stores switch in store_fts_backfill). */
	if (!(st->vocab = fts_register(st->db, e)) ||
	    (store_pack_register(st->db) < 0 && err_set(e, "database: cannot register unpacked()") < 0) ||
	    (user_version(st) == 0 && store_exec(st, "PRAGMA auto_vacuum = INCREMENTAL", e) < 0) ||
	    store_exec(st, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;", e) < 0 ||
	    set_wal_keep(st, e) < 0 ||
	    migrate(st, e) < 0 || store_fts_backfill(st, 20000, 0, e) < 0) {
		store_close(st);
		return -1;
	}
	return 0;
}

/* Open path read-only (uri: a "file:" URI with flags) with brief's SQL functions and tokenizer,
 * and read its schema version into *version. 0, or -1 with e set (st closed). */
static int
open_readonly_as(struct store *st, const char *path, const char *name, int uri, int *version, struct err *e)
{
	if (sqlite3_open_v2(name, &st->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | (uri ? SQLITE_OPEN_URI : 0),
	                    NULL) != SQLITE_OK) {
		err_set(e, "cannot open database %s: %s", path, st->db ? sqlite3_errmsg(st->db) : "out of memory");
		sqlite3_close(st->db);
		st->db = NULL;
		return -1;
	}
	sqlite3_busy_timeout(st->db, 10000);
	if (!(st->vocab = fts_register(st->db, e)) ||
	    (store_pack_register(st->db) < 0 && err_set(e, "database: cannot register unpacked()") < 0))
		return -1;
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(s);
	*version = rc == SQLITE_ROW ? sqlite3_column_int(s, 0) : -1;
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return err_set(e, "database %s: %s", path, sqlite3_errmsg(st->db));
	return 0;
}

int
store_open_readonly(struct store *st, const char *path, int *is_snapshot, struct err *e)
{
	memset(st, 0, sizeof *st);
	st->path = xstrdup(path);
	*is_snapshot = 0;
	walbuf_register();
	int version = -1;
	if (open_readonly_as(st, path, path, 0, &version, e) < 0) {
		/* A WAL store is read through its -shm file; where none exists and none can be made
		 * (a directory this user may not write, with no writer at work), SQLite can only read
		 * the file as immutable: without locks, and blind to later writes. */
		int code = st->db ? sqlite3_errcode(st->db) & 0xff : SQLITE_CANTOPEN;
		if (code != SQLITE_CANTOPEN && code != SQLITE_READONLY) {
			store_close(st);
			return -1;
		}
		char *kept = st->path;
		st->path = NULL;
		store_close(st);
		st->path = kept;
		struct buf uri = BUF_INIT;
		buf_puts(&uri, "file:");
		for (const char *p = path; *p; p++) /* the characters a URI's path cannot hold as they are */
			if (*p == '%' || *p == '?' || *p == '#')
				buf_printf(&uri, "%%%02X", (unsigned char)*p);
			else
				buf_putc(&uri, *p);
		buf_puts(&uri, "?immutable=1");
		int rc = open_readonly_as(st, path, buf_str(&uri), 1, &version, e);
		buf_free(&uri);
		if (rc < 0) {
			store_close(st);
			return -1;
		}
		*is_snapshot = 1;
	}
	/* Nothing here may migrate: a store of another schema is read by the brief that wrote it,
	 * or migrated by one that may write it. */
	if (version != store_schema_version()) {
		err_set(e,
		        version > store_schema_version()
		            ? "database %s is from a newer brief (schema %d; this one reads %d)"
		            : "database %s is at schema %d and this brief reads %d: it needs migrating, which only a user "
		              "who may write it can do (any brief command run as its owner, e.g. brief fetch)",
		        path, version, store_schema_version());
		store_close(st);
		return -1;
	}
	return 0;
}

int
store_is_readonly(struct store *st)
{
	return sqlite3_db_readonly(st->db, "main") == 1;
}

int
store_check_writable(const char *path, struct err *e)
{
	sqlite3 *db = NULL;
	int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL);
	if (rc != SQLITE_OK) {
		err_set(e, "cannot open it for writing: %s", db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
		sqlite3_close(db);
		return -1;
	}
	sqlite3_busy_timeout(db, 2000);
	if (sqlite3_db_readonly(db, "main") == 1) {
		sqlite3_close(db);
		return err_set(e, "it is read-only (file permissions or a read-only file system)");
	}
	if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
		err_set(e, "cannot take the write lock: %s", sqlite3_errmsg(db));
		sqlite3_close(db);
		return -1;
	}
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(db);
	/* Room for writes: 1 MiB in the store's directory (where the WAL grows too). */
	char probe[4200];
	const char *slash = strrchr(path, '/');
	snprintf(probe, sizeof probe, "%.*s%sbrief-write-check.%ld", slash ? (int)(slash - path) : 0, path,
	         slash ? "/" : "", (long)getpid());
	int fd = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return err_set(e, "cannot create a file beside it: %s", strerror(errno));
	static const char zeros[65536];
	int failed = 0, saved = 0;
	for (int i = 0; i < 16 && !failed; i++) {
		failed = fs_write_full(fd, zeros, sizeof zeros) < 0;
		saved = errno;
	}
	if (!failed && fsync(fd) < 0) {
		failed = 1;
		saved = errno;
	}
	close(fd);
	unlink(probe);
	if (failed)
		return err_set(e, "cannot write 1 MiB beside it: %s", strerror(saved));
	return 0;
}

void
store_close(struct store *st)
{
	if (st->db && st->vocab) { /* words indexed outside store_commit (autocommit writes) */
		struct err e;
		fts_vocab_flush(st->vocab, st->db, &e);
	}
	for (size_t i = 0; i < st->cached_count; i++)
		sqlite3_finalize(st->cached[i].stmt);
	free(st->cached);
	if (st->db)
		sqlite3_close(st->db);
	free(st->path);
	memset(st, 0, sizeof *st);
}
