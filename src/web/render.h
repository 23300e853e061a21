// Server-side rendering: mustache templates compiled into the binary (templates/), HTML
// escaping by default, the message catalogue (templates/i18n/*.json) and the page layout.
#pragma once

#include <string>

#include <kainjow/mustache.hpp>

namespace xaso::web {

using Data = kainjow::mustache::data;

enum class Lang { kVi, kEn };

// Renders templates/<name>.html with `data`. Precondition: the template exists (checked by
// the render test over every route). Thread-safe: each thread keeps its own parsed copies.
std::string RenderTemplate(const std::string& name, const Data& data);

// The catalogue as a mustache object, used as {{t.key}} in templates.
const Data& Catalogue(Lang lang);
// Makes every templates/partials/*.html usable as {{> name}} in a template rendered with `data`.
void AddPartials(Data& data);
// One message, for text built in C++ (e.g. flash messages). Falls back to Vietnamese, then
// to the key.
std::string Message(Lang lang, const std::string& key);
// A moment as people in Vietnam read it: "hh:mm dd/mm/yyyy" at UTC+7.
std::string VnDateTime(int64_t unix_seconds);

// A static asset compiled into the binary, or nullptr.
const std::string_view* StaticAsset(const std::string& path);

}  // namespace xaso::web
