// Decoding what browsers send: percent-encoding, query strings and form bodies, cookies.
#pragma once

#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"

namespace xaso::web {

// nullopt for a malformed escape ("%zz", a lone "%").
std::optional<std::string> PercentDecode(std::string_view s, bool plus_is_space);
std::string PercentEncode(std::string_view s);

// application/x-www-form-urlencoded (also query strings). nullopt when an escape is
// malformed or a decoded name or value is not valid UTF-8. Repeated names keep the first.
std::optional<std::map<std::string, std::string>> ParseForm(std::string_view body);

std::map<std::string, std::string> ParseCookies(std::string_view header);

// `path` if it is a path on this site that is safe to put in a Location header: it starts
// with one '/', and holds only A–Z, a–z, 0–9 and "/_.~-". Anything else (another host, a
// scheme, control characters, spaces, backslashes) gives nullopt.
std::optional<std::string> LocalPath(std::string_view path);

// A date typed by a person: dd/mm/yyyy (d/m/yyyy too) or yyyy-mm-dd, between 1990 and 2200,
// surrounding spaces ignored; nullopt otherwise.
std::optional<Date> ParseDateInput(std::string_view text);

// A whole decimal number in [min, max] (no sign, spaces or other characters); nullopt else.
std::optional<int64_t> ParseInt(std::string_view s, int64_t min = 1,
                                int64_t max = std::numeric_limits<int64_t>::max());

// HTML-escapes text for the few places that build markup outside templates.
std::string EscapeHtml(std::string_view s);

}  // namespace xaso::web
