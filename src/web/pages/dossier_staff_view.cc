#include "web/pages/dossier_staff_view.h"

#include "core/clock.h"
#include "core/text.h"
#include "web/pages/plan_view.h"

namespace xaso::web {

using onestop::DossierStatus;

Result<onestop::Dossier> LoadDossier(Context& ctx) {
  const auto id = IdParam(ctx, "id");
  if (!id) return MakeError(ErrorCode::kNotFound, "Không tìm thấy hồ sơ.");
  return ctx.svc.dossier_repo->Get(ctx.account->commune_id, *id);
}

StaffNames LoadStaffNames(Context& ctx, int64_t commune_id) {
  StaffNames names;
  if (auto accounts = ctx.svc.identity->ListAccounts(commune_id)) {
    for (const auto& a : *accounts) {
      names.by_id[a.id] = a.display_name;
      names.by_username[a.username] = a.display_name;
    }
  }
  return names;
}

Data SheetData(Context& ctx, const std::vector<onestop::Event>& events, const StaffNames& names) {
  Data lines(Data::type::list);
  for (const auto& e : events) {
    Data x;
    x.set("at", VnDateTime(e.at));
    const auto name = names.by_username.find(e.actor);
    x.set("actor", name == names.by_username.end() ? e.actor : name->second);
    const bool extension = e.kind == "extension";
    const std::string from =
        extension ? std::string() : DossierStatusLabel(ctx.lang, e.from_status);
    x.set("from", from);
    x.set("has_from", Data(!from.empty()));
    x.set("to", extension ? Message(ctx.lang, "dossier_staff.extension_event")
                          : DossierStatusLabel(ctx.lang, e.to_status));
    // Every key is set, empty or not, so that none falls through to the page's own (its due).
    // The receipt's line keeps the channel's code as its note.
    const auto channel = e.to_status == "received" && e.from_status.empty()
                             ? onestop::DossierChannelFromCode(e.note)
                             : std::nullopt;
    x.set("note", channel ? Message(ctx.lang, "dossier_staff.channel." + e.note) : e.note);
    Data missing(Data::type::list);
    for (const auto& m : e.missing) missing.push_back(Data(m));
    x.set("missing", missing);
    x.set("has_missing", Data(!e.missing.empty()));
    x.set("due", e.due_on ? e.due_on->ToVi() : std::string());
    lines.push_back(x);
  }
  return lines;
}

std::vector<ExtensionLine> ExtensionsOf(const onestop::Dossier& d,
                                        const std::vector<onestop::Event>& events) {
  // The due date in force before each letter: the receipt's, moved by every event that moved
  // it (a return from a supplement, an earlier letter).
  std::vector<ExtensionLine> out;
  Date due = d.first_due_on;
  for (const auto& e : events) {
    if (!e.due_on) continue;
    if (e.kind == "extension") out.push_back({e.at, e.actor, due, *e.due_on, e.note});
    due = *e.due_on;
  }
  return out;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string_view line = Trim(std::string_view(text).substr(start, end - start));
    if (!line.empty()) out.emplace_back(line);
    start = end + 1;
  }
  return out;
}

std::string SiteBase(const Context& ctx) {
  const std::string host = ctx.req.Header("host");
  if (host.empty() || host.size() > 255) return {};
  for (char c : host) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
    if (!ok) return {};
  }
  // Secure cookies mean the site is served over TLS, perhaps by a proxy in front of it.
  return (ctx.req.tls || ctx.svc.secure_cookies ? "https://" : "http://") + host;
}

}  // namespace xaso::web
