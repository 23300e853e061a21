#include "web/form.h"

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

std::optional<Date> ParseDateField(std::string_view s) {
  if (auto iso = Date::ParseIso(s)) return iso;
  // dd/mm/yyyy with one- or two-digit day and month.
  int parts[3] = {0, 0, 0};
  size_t i = 0;
  for (int k = 0; k < 3; ++k) {
    const size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - start < 4) {
      parts[k] = parts[k] * 10 + (s[i] - '0');
      ++i;
    }
    const size_t digits = i - start;
    if (digits == 0 || (k < 2 && digits > 2) || (k == 2 && digits != 4)) return std::nullopt;
    if (k < 2) {
      if (i >= s.size() || s[i] != '/') return std::nullopt;
      ++i;
    }
  }
  if (i != s.size() || !Date::IsValid(parts[2], parts[1], parts[0])) return std::nullopt;
  return Date::FromYmd(parts[2], parts[1], parts[0]);
}

}  // namespace xaso::web
