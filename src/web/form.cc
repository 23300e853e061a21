#include "web/form.h"

#include <charconv>

#include "core/text.h"

namespace xaso::web {
namespace {
int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::optional<std::string> PercentDecode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '%') {
      if (i + 2 >= s.size()) return std::nullopt;
      const int hi = HexValue(s[i + 1]), lo = HexValue(s[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string PercentEncode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::optional<std::map<std::string, std::string>> ParseForm(std::string_view body) {
  std::map<std::string, std::string> out;
  size_t pos = 0;
  while (pos <= body.size()) {
    size_t amp = body.find('&', pos);
    if (amp == std::string_view::npos) amp = body.size();
    const std::string_view pair = body.substr(pos, amp - pos);
    if (!pair.empty()) {
      const size_t eq = pair.find('=');
      auto name = PercentDecode(pair.substr(0, eq), true);
      auto value = eq == std::string_view::npos ? std::optional<std::string>("")
                                                : PercentDecode(pair.substr(eq + 1), true);
      if (!name || !value || !IsValidUtf8(*name) || !IsValidUtf8(*value)) return std::nullopt;
      out.emplace(std::move(*name), std::move(*value));
    }
    pos = amp + 1;
  }
  return out;
}

std::map<std::string, std::string> ParseCookies(std::string_view header) {
  std::map<std::string, std::string> out;
  size_t pos = 0;
  while (pos < header.size()) {
    size_t semi = header.find(';', pos);
    if (semi == std::string_view::npos) semi = header.size();
    std::string_view part = Trim(header.substr(pos, semi - pos));
    const size_t eq = part.find('=');
    if (eq != std::string_view::npos) {
      out.emplace(std::string(Trim(part.substr(0, eq))), std::string(Trim(part.substr(eq + 1))));
    }
    pos = semi + 1;
  }
  return out;
}

std::optional<std::string> LocalPath(std::string_view path) {
  if (path.empty() || path.size() > 512 || path[0] != '/') return std::nullopt;
  if (path.size() > 1 && path[1] == '/') return std::nullopt;  // "//host" is another site
  for (char c : path) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '/' || c == '_' || c == '.' || c == '~' || c == '-';
    if (!ok) return std::nullopt;
  }
  return std::string(path);
}

std::string EscapeHtml(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::optional<Date> ParseDateInput(std::string_view text) {
  text = Trim(text);
  int y = 0, m = 0, d = 0;
  auto number = [](std::string_view part, int& out) {
    if (part.empty() || part.size() > 4) return false;
    auto [p, ec] = std::from_chars(part.data(), part.data() + part.size(), out);
    return ec == std::errc() && p == part.data() + part.size();
  };
  std::optional<Date> date;
  if (text.find('/') != std::string_view::npos) {
    const size_t a = text.find('/'), b = text.find('/', a + 1);
    if (b == std::string_view::npos) return std::nullopt;
    const std::string_view year = text.substr(b + 1);
    if (year.size() != 4 || !number(text.substr(0, a), d) ||
        !number(text.substr(a + 1, b - a - 1), m) || !number(year, y) || !Date::IsValid(y, m, d)) {
      return std::nullopt;
    }
    date = Date::FromYmd(y, m, d);
  } else {
    date = Date::ParseIso(text);
  }
  if (!date || date->year() < 1990 || date->year() > 2200) return std::nullopt;
  return date;
}

std::optional<int64_t> ParseInt(std::string_view s, int64_t min, int64_t max) {
  if (s.empty() || s.front() == '+' || s.front() == '-') return std::nullopt;
  int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v < min || v > max) return std::nullopt;
  return v;
}

}  // namespace xaso::web
