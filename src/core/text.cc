#include "core/text.h"

#include <algorithm>
#include <cstdint>

namespace xaso {

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else
      return false;
    if (i + len > n) return false;
    for (int k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += len;
  }
  return true;
}

std::string_view Trim(std::string_view s) {
  auto ws = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  };
  while (!s.empty() && ws(s.front())) s.remove_prefix(1);
  while (!s.empty() && ws(s.back())) s.remove_suffix(1);
  return s;
}

size_t Utf8Length(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

namespace {

// Decodes one code point; precondition: valid UTF-8 at s[i].
uint32_t Decode(std::string_view s, size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    ++i;
    return c;
  }
  int len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
  uint32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
  for (int k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
  i += len;
  return cp;
}

void Encode(uint32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Base letter of a precomposed Vietnamese vowel, or 0 when `cp` is not one. The Latin-1 and
// Latin Extended Additional blocks (U+1EA0–U+1EF9) hold every Vietnamese vowel with a tone.
char VietnameseBase(uint32_t cp) {
  static const char* const kLatin1 =  // U+00C0..U+00FF
      "aaaaaaaceeeeiiiidnooooo*ouuuuyts"
      "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
  if (cp >= 0xC0 && cp <= 0xFF) {
    const char b = kLatin1[cp - 0xC0];
    return (b == '*' || b == '/') ? '\0' : b;
  }
  switch (cp) {
    case 0x102:
    case 0x103: return 'a';
    case 0x110:
    case 0x111: return 'd';
    case 0x128:
    case 0x129: return 'i';
    case 0x168:
    case 0x169: return 'u';
    case 0x1A0:
    case 0x1A1: return 'o';
    case 0x1AF:
    case 0x1B0: return 'u';
    default: break;
  }
  if (cp >= 0x1EA0 && cp <= 0x1EF9) {
    if (cp <= 0x1EB7) return 'a';
    if (cp <= 0x1EC7) return 'e';
    if (cp <= 0x1ECB) return 'i';
    if (cp <= 0x1EE3) return 'o';
    if (cp <= 0x1EF1) return 'u';
    return 'y';
  }
  return 0;
}

}  // namespace

std::string FoldVietnamese(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    uint32_t cp = Decode(s, i);
    if (cp < 0x80) {
      out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
      continue;
    }
    // Combining diacritics (decomposed input) are dropped.
    if (cp >= 0x300 && cp <= 0x36F) continue;
    if (const char b = VietnameseBase(cp)) {
      out += b;
      continue;
    }
    Encode(cp, out);
  }
  return out;
}

std::string TruncateUtf8(std::string_view s, size_t max_chars) {
  size_t chars = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;  // a continuation byte
    if (chars++ == max_chars) return std::string(s.substr(0, i)) + "…";
  }
  return std::string(s);
}

std::string PlainCode(std::string_view random_bytes, size_t length) {
  std::string code;
  code.reserve(length);
  for (size_t i = 0; i < length; ++i) {
    const auto b = static_cast<unsigned char>(i < random_bytes.size() ? random_bytes[i] : 0);
    code.push_back(kPlainAlphabet[b % kPlainAlphabet.size()]);
  }
  return code;
}

bool IsPlainCode(std::string_view code) {
  return std::all_of(code.begin(), code.end(),
                     [](char c) { return kPlainAlphabet.find(c) != std::string_view::npos; });
}

}  // namespace xaso
