#include "web/pages/disclosure_public_view.h"

#include <ctime>

#include <nlohmann/json.hpp>

#include "core/csv.h"
#include "core/text.h"
#include "web/form.h"
#include "web/open311/xml_writer.h"
#include "web/pages/disclosure_staff_view.h"
#include "web/vn_number.h"

namespace xaso::web {
namespace {

constexpr size_t kMaxSearch = 200;  // characters

bool IsTypeCode(const std::string& s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

std::string DayVi(const std::optional<Date>& d) { return d ? d->ToVi() : std::string(); }

}  // namespace

std::optional<DisclosureListQuery> ParseDisclosureListQuery(
    const std::map<std::string, std::string>& query) {
  DisclosureListQuery out;
  auto get = [&](const char* name) -> const std::string* {
    auto it = query.find(name);
    return it == query.end() || it->second.empty() ? nullptr : &it->second;
  };
  if (const std::string* t = get("loai")) {
    if (!IsTypeCode(*t)) return std::nullopt;
    out.type_code = *t;
  }
  if (const std::string* y = get("nam")) {
    auto year = ParseInt(*y, 2000, 2100);
    if (!year) return std::nullopt;
    out.year = static_cast<int>(*year);
  }
  if (const std::string* q = get("q")) {
    if (Utf8Length(*q) > kMaxSearch) return std::nullopt;
    out.q = *q;
  }
  if (const std::string* p = get("trang")) {
    auto page = ParseInt(*p, 1, 100000);
    if (!page) return std::nullopt;
    out.page = static_cast<int>(*page);
  }
  return out;
}

std::string Rfc3339Utc(int64_t unix_seconds) {
  const auto t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string FileSizeVi(int64_t bytes) {
  if (bytes < 1024) return VnInt(bytes) + " B";
  if (bytes < 1024 * 1024) return VnDecimal(static_cast<double>(bytes) / 1024) + " kB";
  return VnDecimal(static_cast<double>(bytes) / (1024.0 * 1024.0)) + " MB";
}

std::string TimelinessLabel(Lang lang, const disclosure::ItemCompliance& c) {
  if (!c.first_out) return {};
  if (c.on_time()) return Message(lang, "disclosure.pub.on_time");
  return FillPlaceholders(Message(lang, "disclosure.pub.late_days"),
                          {{"days", std::to_string(c.first_out->days() - c.due.days())}});
}

std::string AtomFeed(const std::string& title, const std::string& self, const std::string& html,
                     const std::vector<FeedEntry>& entries, int64_t now) {
  int64_t updated = entries.empty() ? now : 0;
  for (const auto& e : entries) updated = std::max(updated, e.published_at);
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  out += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\">\n";
  out += "<title>" + EscapeXmlText(title) + "</title>\n";
  out += "<id>" + EscapeXmlText(self) + "</id>\n";
  out +=
      "<link rel=\"self\" type=\"application/atom+xml\" href=\"" + EscapeXmlText(self) + "\"/>\n";
  out += "<link rel=\"alternate\" type=\"text/html\" href=\"" + EscapeXmlText(html) + "\"/>\n";
  out += "<updated>" + Rfc3339Utc(updated) + "</updated>\n";
  // RFC 4287 §4.1.1: a feed needs an author unless every entry has one.
  out += "<author><name>" + EscapeXmlText(title) + "</name></author>\n";
  for (const auto& e : entries) {
    out += "<entry>\n";
    out += "<id>" + EscapeXmlText(e.url) + "</id>\n";
    out += "<title>" + EscapeXmlText(e.title) + "</title>\n";
    out += "<link rel=\"alternate\" type=\"text/html\" href=\"" + EscapeXmlText(e.url) + "\"/>\n";
    out += "<updated>" + Rfc3339Utc(e.published_at) + "</updated>\n";
    out += "<published>" + Rfc3339Utc(e.published_at) + "</published>\n";
    out += "<category term=\"" + EscapeXmlText(e.type_name) + "\"/>\n";
    if (!e.summary.empty()) {
      out += "<summary>" + EscapeXmlText(TruncateUtf8(e.summary, 500)) + "</summary>\n";
    }
    out += "</entry>\n";
  }
  out += "</feed>\n";
  return out;
}

std::string DisclosureExportCsv(const std::vector<ExportRow>& rows) {
  // The byte-order mark makes spreadsheet programs on Windows read the file as UTF-8.
  std::string out =
      "\xEF\xBB\xBF"
      "id,type_code,law_item,title,year,period,decision_number,decision_on,published_at,"
      "first_out,due,on_time,url,files\r\n";
  for (const auto& r : rows) {
    std::string files;
    for (const auto& f : r.files) {
      if (!files.empty()) files += ';';
      files += f.filename + "|" + f.sha256 + "|" + f.url;
    }
    out += std::to_string(r.id) + "," + CsvEscape(r.type_code) + "," + std::to_string(r.law_item) +
           "," + CsvEscape(r.title) + "," + std::to_string(r.year) + "," + CsvEscape(r.period_key) +
           "," + CsvEscape(r.decision_number) + "," + DayVi(r.decision_on) + "," +
           Rfc3339Utc(r.published_at) + "," + DayVi(r.first_out) + "," + DayVi(r.due) + "," +
           (r.on_time ? "1" : "0") + "," + CsvEscape(r.url) + "," + CsvEscape(files) + "\r\n";
  }
  return out;
}

std::string DisclosureExportJson(const std::vector<ExportRow>& rows) {
  using Json = nlohmann::json;
  Json items = Json::array();
  for (const auto& r : rows) {
    Json files = Json::array();
    for (const auto& f : r.files) {
      files.push_back({{"n", f.n},
                       {"filename", f.filename},
                       {"content_type", f.content_type},
                       {"size", f.size},
                       {"sha256", f.sha256},
                       {"url", f.url}});
    }
    auto day = [](const std::optional<Date>& d) { return d ? Json(d->ToIso()) : Json(nullptr); };
    items.push_back({{"id", r.id},
                     {"type_code", r.type_code},
                     {"law_item", r.law_item},
                     {"title", r.title},
                     {"year", r.year},
                     {"period", r.period_key},
                     {"decision_number", r.decision_number},
                     {"decision_on", day(r.decision_on)},
                     {"published_at", Rfc3339Utc(r.published_at)},
                     {"first_out", day(r.first_out)},
                     {"due", day(r.due)},
                     {"on_time", r.on_time},
                     {"url", r.url},
                     {"files", files}});
  }
  return Json{{"items", items}}.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Response& NoIndex(Response& r) { return r.With("X-Robots-Tag", "noindex, nofollow"); }

}  // namespace xaso::web
