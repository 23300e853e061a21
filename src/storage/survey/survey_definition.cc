#include "storage/survey/survey_definition.h"

#include <charconv>
#include <cstdio>
#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

namespace xaso::storage {

using nlohmann::json;
using survey::Option;
using survey::Question;
using survey::Section;

namespace {

// Text that is not valid UTF-8 is stored with replacement characters rather than failing the
// whole transaction (answers are checked before, titles and labels not always).
std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// Short keys: the definition of a 120-question PAPI survey is read with every answer sheet.
json OptionJson(const Option& o) {
  json j = {{"value", o.value}, {"vi", o.label_vi}, {"en", o.label_en}};
  if (o.score) j["score"] = *o.score;
  return j;
}

json QuestionJson(const Question& q) {
  json options = json::array();
  for (const Option& o : q.options) options.push_back(OptionJson(o));
  return {{"key", q.key},
          {"section", q.section},
          {"type", survey::QuestionTypeCode(q.type)},
          {"vi", q.text_vi},
          {"en", q.text_en},
          {"help", q.help_vi},
          {"required", q.required},
          {"options", std::move(options)},
          {"min", q.min},
          {"max", q.max},
          {"min_label", q.min_label},
          {"max_label", q.max_label},
          {"if", q.show_if.question},
          {"any_of", q.show_if.any_of},
          {"indicator", q.indicator}};
}

template <class T>
T Field(const json& j, const char* key, T fallback) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) return fallback;
  try {
    return it->get<T>();
  } catch (const json::exception&) {
    return fallback;
  }
}

Option OptionFromJson(const json& j) {
  Option o;
  o.value = Field<std::string>(j, "value", "");
  o.label_vi = Field<std::string>(j, "vi", "");
  o.label_en = Field<std::string>(j, "en", "");
  if (j.contains("score") && j["score"].is_number()) o.score = j["score"].get<double>();
  return o;
}

Question QuestionFromJson(const json& j) {
  Question q;
  q.key = Field<std::string>(j, "key", "");
  q.section = Field<std::string>(j, "section", "");
  q.type = survey::QuestionTypeFromCode(Field<std::string>(j, "type", ""))
               .value_or(survey::QuestionType::kText);
  q.text_vi = Field<std::string>(j, "vi", "");
  q.text_en = Field<std::string>(j, "en", "");
  q.help_vi = Field<std::string>(j, "help", "");
  q.required = Field<bool>(j, "required", false);
  if (const auto it = j.find("options"); it != j.end() && it->is_array()) {
    for (const json& o : *it) {
      if (o.is_object()) q.options.push_back(OptionFromJson(o));
    }
  }
  q.min = Field<double>(j, "min", 0);
  q.max = Field<double>(j, "max", 0);
  q.min_label = Field<std::string>(j, "min_label", "");
  q.max_label = Field<std::string>(j, "max_label", "");
  q.show_if.question = Field<std::string>(j, "if", "");
  q.show_if.any_of = Field<std::vector<std::string>>(j, "any_of", {});
  q.indicator = Field<std::string>(j, "indicator", "");
  return q;
}

}  // namespace

std::string DefinitionJson(const std::vector<Section>& sections,
                           const std::vector<Question>& questions) {
  json js = json::array();
  for (const Section& s : sections) {
    js.push_back({{"key", s.key}, {"vi", s.title_vi}, {"en", s.title_en}});
  }
  json jq = json::array();
  for (const Question& q : questions) jq.push_back(QuestionJson(q));
  return Dump(json{{"sections", std::move(js)}, {"questions", std::move(jq)}});
}

bool ReadDefinitionJson(const std::string& text, survey::Survey& s) {
  s.sections.clear();
  s.questions.clear();
  const json j = json::parse(text, nullptr, false);
  if (!j.is_object()) return false;
  const auto sections = j.find("sections");
  const auto questions = j.find("questions");
  if (sections == j.end() || !sections->is_array() || questions == j.end() ||
      !questions->is_array()) {
    return false;
  }
  for (const json& e : *sections) {
    if (!e.is_object()) return false;
    s.sections.push_back({Field<std::string>(e, "key", ""), Field<std::string>(e, "vi", ""),
                          Field<std::string>(e, "en", "")});
  }
  for (const json& e : *questions) {
    if (!e.is_object()) return false;
    s.questions.push_back(QuestionFromJson(e));
  }
  return true;
}

// Written and read by hand: nlohmann's tree of 40 answers took most of an import's time
// (docs/performance.md, survey_bench). Other bytes, UTF-8 included, are copied as they are.
namespace {

void AppendQuoted(std::string& out, const std::string& text) {
  out += '"';
  for (const char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
          out += escaped;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

// Reads a string at text[i] == '"' up to its closing quote; false for anything AnswersJson
// does not write (\u escapes of characters above U+001F, a missing quote).
bool ReadQuoted(std::string_view text, size_t& i, std::string& out) {
  out.clear();
  if (i >= text.size() || text[i] != '"') return false;
  for (++i; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      ++i;
      return true;
    }
    if (c != '\\') {
      out += c;
      continue;
    }
    if (++i >= text.size()) return false;
    switch (text[i]) {
      case '"': out += '"'; break;
      case '\\': out += '\\'; break;
      case '/': out += '/'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'u': {
        if (i + 4 >= text.size() || text.substr(i + 1, 2) != "00") return false;
        int code = 0;
        const char* digits = text.data() + i + 3;
        if (std::from_chars(digits, digits + 2, code, 16).ptr != digits + 2 || code >= 0x20) {
          return false;
        }
        out += static_cast<char>(code);
        i += 4;
        break;
      }
      default: return false;
    }
  }
  return false;
}

// AnswersJson's own shape, without spaces; nullopt for any other text.
std::optional<survey::Answers> ReadAnswersFast(std::string_view text) {
  survey::Answers out;
  size_t i = 0;
  auto at = [&](char c) { return i < text.size() && text[i] == c; };
  if (!at('{')) return std::nullopt;
  ++i;
  if (at('}')) return i + 1 == text.size() ? std::optional(out) : std::nullopt;
  std::string key, value;
  while (true) {
    if (!ReadQuoted(text, i, key) || !at(':')) return std::nullopt;
    ++i;
    if (!at('[')) return std::nullopt;
    ++i;
    auto& values = out[key];
    if (at(']')) {
      ++i;
    } else {
      while (true) {
        if (!ReadQuoted(text, i, value)) return std::nullopt;
        values.push_back(value);
        if (at(']')) {
          ++i;
          break;
        }
        if (!at(',')) return std::nullopt;
        ++i;
      }
    }
    if (at('}')) return i + 1 == text.size() ? std::optional(out) : std::nullopt;
    if (!at(',')) return std::nullopt;
    ++i;
  }
}

}  // namespace

std::string AnswersJson(const survey::Answers& answers) {
  std::string out = "{";
  for (const auto& [key, values] : answers) {
    if (out.size() > 1) out += ',';
    AppendQuoted(out, key);
    out += ":[";
    for (size_t i = 0; i < values.size(); ++i) {
      if (i > 0) out += ',';
      AppendQuoted(out, values[i]);
    }
    out += ']';
  }
  out += '}';
  return out;
}

survey::Answers AnswersFromJson(const std::string& text) {
  if (auto fast = ReadAnswersFast(text)) return std::move(*fast);
  survey::Answers out;
  const json j = json::parse(text, nullptr, false);
  if (!j.is_object()) return out;
  for (const auto& [key, values] : j.items()) {
    if (!values.is_array()) continue;
    auto& list = out[key];
    for (const json& v : values) {
      if (v.is_string()) list.push_back(v.get<std::string>());
    }
  }
  return out;
}

}  // namespace xaso::storage
