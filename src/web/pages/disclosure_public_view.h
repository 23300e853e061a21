// Pieces of the public disclosure register (issue 7 parts 5 and 6) that need no storage: the
// list's query string, the Atom feed, the open-data files, labels and the privacy headers.
// Pure functions, so that web_test checks them without a server.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/disclosure/compliance.h"
#include "web/router.h"

namespace xaso::web {

// The list's filters from ?loai=&nam=&q=&trang= (each optional). nullopt for a year that is
// not a number of 2000–2100, a page that is not a positive number, a type code with anything
// but a-z, 0-9 and '_', or a search over 200 characters: a 400, never a guess.
struct DisclosureListQuery {
  std::optional<std::string> type_code;
  std::optional<int> year;
  std::string q;  // as typed (shown back in the box)
  int page = 1;
};
std::optional<DisclosureListQuery> ParseDisclosureListQuery(
    const std::map<std::string, std::string>& query);

// RFC 3339 in UTC ("2026-03-05T01:02:03Z"), as Atom's <updated> wants.
std::string Rfc3339Utc(int64_t unix_seconds);
// "12 B", "3,4 kB", "1,2 MB" with the Vietnamese decimal comma.
std::string FileSizeVi(int64_t bytes);
// "đúng hạn" or "chậm 3 ngày" (English: "on time", "3 days late"); "" before it first went out.
std::string TimelinessLabel(Lang lang, const disclosure::ItemCompliance& c);
// A flag in words, from disclosure.flag.<code> with {days} and {required} filled in.
std::string FlagLabel(Lang lang, const disclosure::Flag& f);

// One entry of the Atom feed; `url` absolute.
struct FeedEntry {
  std::string url;
  std::string title;
  std::string type_name;
  std::string summary;
  int64_t published_at = 0;
};
// An Atom 1.0 document (RFC 4287). `self` is the feed's own absolute URL, also its id; an
// entry's id is its page's URL. `updated` is the newest entry's time (or `now` when none).
std::string AtomFeed(const std::string& title, const std::string& self, const std::string& html,
                     const std::vector<FeedEntry>& entries, int64_t now);

// One line of the open-data export (format in docs/disclosure.md).
struct ExportFile {
  int n = 0;
  std::string filename;
  std::string content_type;
  int64_t size = 0;
  std::string sha256;
  std::string url;  // absolute
};
struct ExportRow {
  int64_t id = 0;
  std::string type_code;
  int law_item = 0;
  std::string title;
  int year = 0;
  std::string period_key;
  std::string decision_number;
  std::optional<Date> decision_on;
  int64_t published_at = 0;
  std::optional<Date> first_out;
  std::optional<Date> due;
  bool on_time = false;
  std::string url;
  std::vector<ExportFile> files;
};
// CSV with a byte-order mark, one line per item, dates dd/mm/yyyy as in the other exports and
// published_at in RFC 3339; the files in one column as "name|sha256|url" joined by ';'.
std::string DisclosureExportCsv(const std::vector<ExportRow>& rows);
// {"items": [...]} with the same fields, dates yyyy-mm-dd (null when none), files as objects.
std::string DisclosureExportJson(const std::vector<ExportRow>& rows);

// Tells search engines to leave a page alone (personal data, LEGAL.md §11): the X-Robots-Tag
// header here; the page's <meta name="robots"> comes from Data "noindex" in the layout.
Response& NoIndex(Response& r);

}  // namespace xaso::web
