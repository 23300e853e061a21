#include "web/render.h"

#include <cstdio>
#include <map>
#include <mutex>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/date.h"
#include "core/embedded.h"

namespace xaso::web {
namespace {

const std::map<std::string, std::string_view>& Assets() {
  static const auto* assets = [] {
    auto* m = new std::map<std::string, std::string_view>();
    for (const EmbeddedFile& f : EmbeddedWebAssets()) m->emplace(std::string(f.path), f.data);
    return m;
  }();
  return *assets;
}

// Mustache resolves {{t.site.name}} by walking objects, so "site.name" becomes t → site → name.
struct Node {
  std::string value;
  std::map<std::string, Node> children;
};

Data ToData(const Node& n) {
  if (n.children.empty()) return Data(n.value);
  Data d;
  for (const auto& [k, c] : n.children) d.set(k, ToData(c));
  return d;
}

Data Nest(const std::map<std::string, std::string>& flat) {
  Node root;
  for (const auto& [key, value] : flat) {
    Node* n = &root;
    size_t pos = 0;
    while (true) {
      const size_t dot = key.find('.', pos);
      n = &n->children[key.substr(pos, dot - pos)];
      if (dot == std::string::npos) break;
      pos = dot + 1;
    }
    n->value = value;
  }
  return ToData(root);
}

struct Catalogues {
  std::map<std::string, std::string> vi, en;
  Data vi_data, en_data;
};

const Catalogues& LoadCatalogues() {
  static const Catalogues* c = [] {
    auto* out = new Catalogues();
    auto load = [](const std::string& path, std::map<std::string, std::string>& into) {
      auto it = Assets().find(path);
      if (it == Assets().end()) return;
      const auto j = nlohmann::json::parse(it->second);
      for (auto& [k, v] : j.items()) into[k] = v.get<std::string>();
    };
    load("templates/i18n/vi.json", out->vi);
    load("templates/i18n/en.json", out->en);
    // English falls back to Vietnamese key by key.
    for (auto& [k, v] : out->vi) out->en.emplace(k, v);
    out->vi_data = Nest(out->vi);
    out->en_data = Nest(out->en);
    return out;
  }();
  return *c;
}

}  // namespace

std::string RenderTemplate(const std::string& name, const Data& data) {
  thread_local std::unordered_map<std::string, kainjow::mustache::mustache> compiled;
  auto it = compiled.find(name);
  if (it == compiled.end()) {
    auto asset = Assets().find("templates/" + name + ".html");
    std::string text = asset == Assets().end() ? "<p>missing template " + name + "</p>"
                                               : std::string(asset->second);
    it = compiled.emplace(name, kainjow::mustache::mustache(text)).first;
  }
  return it->second.render(data);
}

void AddPartials(Data& data) {
  // Each templates/partials/NAME.html is available as {{> NAME}}.
  static const std::vector<std::pair<std::string, std::string>> kPartials = [] {
    std::vector<std::pair<std::string, std::string>> out;
    const std::string prefix = "templates/partials/";
    for (const auto& [path, text] : Assets()) {
      if (path.rfind(prefix, 0) != 0 || !path.ends_with(".html")) continue;
      out.emplace_back(path.substr(prefix.size(), path.size() - prefix.size() - 5),
                       std::string(text));
    }
    return out;
  }();
  for (const auto& [name, text] : kPartials) {
    const std::string* body = &text;
    data.set(name, kainjow::mustache::partial([body] { return *body; }));
  }
}

const Data& Catalogue(Lang lang) {
  return lang == Lang::kEn ? LoadCatalogues().en_data : LoadCatalogues().vi_data;
}

std::string Message(Lang lang, const std::string& key) {
  const auto& m = lang == Lang::kEn ? LoadCatalogues().en : LoadCatalogues().vi;
  auto it = m.find(key);
  return it == m.end() ? key : it->second;
}

const std::string_view* StaticAsset(const std::string& path) {
  auto it = Assets().find("static/" + path);
  return it == Assets().end() ? nullptr : &it->second;
}

std::string VnDateTime(int64_t unix_seconds) {
  const int64_t minute = Clock::SecondsIntoDayVn(unix_seconds) / 60;
  char hm[8];
  std::snprintf(hm, sizeof hm, "%02d:%02d", static_cast<int>(minute / 60),
                static_cast<int>(minute % 60));
  return std::string(hm) + " " + Clock::DayVn(unix_seconds).ToVi();
}

}  // namespace xaso::web
