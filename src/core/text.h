// Text helpers that every layer needs: UTF-8 validation, trimming, and folding Vietnamese
// diacritics for search ("công khai" and "cong khai" fold to the same key).
#pragma once

#include <string>
#include <string_view>

namespace xaso {

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool IsValidUtf8(std::string_view s);

// Strips ASCII whitespace at both ends.
std::string_view Trim(std::string_view s);

// Number of code points; precondition: IsValidUtf8(s).
size_t Utf8Length(std::string_view s);

// The first `max_chars` code points of `s`, with "…" appended when something was cut.
// Precondition: IsValidUtf8(s).
std::string TruncateUtf8(std::string_view s, size_t max_chars);

// Lower-cases and removes Vietnamese diacritics (đ → d). Other characters pass through.
std::string FoldVietnamese(std::string_view s);

// The letters of the codes citizens copy from paper or read over the phone: digits and capitals
// without the look-alikes 0/O, 1/I/L.
inline constexpr std::string_view kPlainAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

// `length` characters of kPlainAlphabet, one from each byte of `random_bytes` (a missing byte
// counts as 0).
std::string PlainCode(std::string_view random_bytes, size_t length);

// Whether every character of `code` is in kPlainAlphabet.
bool IsPlainCode(std::string_view code);

}  // namespace xaso
