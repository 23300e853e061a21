#include "web/pages/survey_question_form.h"

#include <array>
#include <charconv>
#include <cmath>

#include "core/text.h"

namespace xaso::web {
namespace {

using survey::Option;
using survey::Question;
using survey::QuestionType;

std::string Field(const FormFields& form, const std::string& name) {
  auto it = form.find(name);
  return it == form.end() ? std::string() : std::string(Trim(it->second));
}

// A decimal number; a comma is read as the decimal point, as people in Vietnam write it.
std::optional<double> ParseNumber(std::string_view text) {
  std::string s(Trim(text));
  for (char& c : s) {
    if (c == ',') c = '.';
  }
  double v = 0;
  const char* end = s.data() + s.size();
  auto [ptr, ec] = std::from_chars(s.data(), end, v);
  if (s.empty() || ec != std::errc() || ptr != end || !std::isfinite(v)) return std::nullopt;
  return v;
}

bool IsChoice(QuestionType t) { return t == QuestionType::kSingle || t == QuestionType::kMultiple; }
bool HasBounds(QuestionType t) { return t == QuestionType::kScale || t == QuestionType::kNumber; }

std::vector<Option> ParseOptions(const std::string& text, const Question* stored, Error& err) {
  std::vector<Option> out;
  size_t start = 0;
  for (int line = 1; start <= text.size(); ++line) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string_view row = Trim(std::string_view(text).substr(start, end - start));
    start = end + 1;
    if (row.empty()) continue;
    const size_t bar = row.find('|');
    if (bar == std::string_view::npos) {
      err.fields.push_back(
          {"options", "Dòng " + std::to_string(line) + ": viết giá trị|nhãn, ví dụ \"co|Có\"."});
      continue;
    }
    Option o;
    o.value = std::string(Trim(row.substr(0, bar)));
    std::string_view rest = row.substr(bar + 1);
    const size_t bar2 = rest.find('|');
    o.label_vi = std::string(Trim(rest.substr(0, bar2)));
    if (bar2 != std::string_view::npos) {
      const std::string_view score = Trim(rest.substr(bar2 + 1));
      if (!score.empty()) {
        o.score = ParseNumber(score);
        if (!o.score) {
          err.fields.push_back(
              {"options", "Dòng " + std::to_string(line) + ": điểm phải là một số."});
        }
      }
    }
    if (stored) {
      for (const Option& old : stored->options) {
        if (old.value == o.value) o.label_en = old.label_en;
      }
    }
    out.push_back(std::move(o));
  }
  return out;
}

std::vector<std::string> SplitValues(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find_first_of(",;| \t\r\n", start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace

std::string PlainNumber(double v) {
  std::array<char, 32> buf{};
  auto [ptr, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), v);
  return ec == std::errc() ? std::string(buf.data(), ptr) : std::string();
}

FormFields QuestionFields(const Question& q) {
  FormFields f;
  f["key"] = q.key;
  f["section"] = q.section;
  f["type"] = std::string(survey::QuestionTypeCode(q.type));
  f["text_vi"] = q.text_vi;
  f["help_vi"] = q.help_vi;
  f["required"] = q.required ? "1" : "";
  std::string options;
  for (const Option& o : q.options) {
    options += o.value + "|" + o.label_vi;
    if (o.score) options += "|" + PlainNumber(*o.score);
    options += "\n";
  }
  f["options"] = options;
  f["min"] = HasBounds(q.type) ? PlainNumber(q.min) : "";
  f["max"] = HasBounds(q.type) ? PlainNumber(q.max) : "";
  f["min_label"] = q.min_label;
  f["max_label"] = q.max_label;
  f["show_if"] = q.show_if.question;
  std::string values;
  for (const auto& v : q.show_if.any_of) values += (values.empty() ? "" : ", ") + v;
  f["show_if_values"] = values;
  f["indicator"] = q.indicator;
  return f;
}

Question QuestionFromFields(const FormFields& form, const Question* stored, Error& err) {
  Question q;
  if (stored) q = *stored;
  q.key = Field(form, "key");
  q.section = Field(form, "section");
  const auto type = survey::QuestionTypeFromCode(Field(form, "type"));
  if (!type) err.fields.push_back({"type", "Chọn loại câu hỏi."});
  q.type = type.value_or(QuestionType::kSingle);
  q.text_vi = Field(form, "text_vi");
  q.help_vi = Field(form, "help_vi");
  q.required = Field(form, "required") == "1";
  q.indicator = Field(form, "indicator");
  q.options.clear();
  if (IsChoice(q.type)) q.options = ParseOptions(Field(form, "options"), stored, err);
  q.min = q.max = 0;
  q.min_label.clear();
  q.max_label.clear();
  if (HasBounds(q.type)) {
    for (const char* bound : {"min", "max"}) {
      const auto v = ParseNumber(Field(form, bound));
      if (!v) {
        err.fields.push_back({bound, std::string(bound) == "min"
                                         ? "Nhập giá trị nhỏ nhất (một số)."
                                         : "Nhập giá trị lớn nhất (một số)."});
      }
      (std::string(bound) == "min" ? q.min : q.max) = v.value_or(0);
    }
    if (q.type == QuestionType::kScale) {
      q.min_label = Field(form, "min_label");
      q.max_label = Field(form, "max_label");
    }
  }
  q.show_if.question = Field(form, "show_if");
  q.show_if.any_of.clear();
  if (!q.show_if.question.empty()) {
    q.show_if.any_of = SplitValues(Field(form, "show_if_values"));
    if (q.show_if.any_of.empty()) {
      err.fields.push_back({"show_if_values", "Nhập ít nhất một giá trị mở câu hỏi này."});
    }
  }
  return q;
}

}  // namespace xaso::web
