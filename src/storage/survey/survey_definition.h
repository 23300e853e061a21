// A survey's sections and questions as the one JSON text column `definition` of table survey
// (migrations/0016_survey.sql), and a response's answers as JSON text: written and read whole.
#pragma once

#include <string>
#include <vector>

#include "domain/survey/survey.h"

namespace xaso::storage {

// {"sections": [...], "questions": [...]}, every field of survey::Section and survey::Question.
std::string DefinitionJson(const std::vector<survey::Section>& sections,
                           const std::vector<survey::Question>& questions);
// Fills s.sections and s.questions from DefinitionJson's text; false for text that is not such a
// definition (a corrupt row), whose survey must not be shown or answered as an empty one.
[[nodiscard]] bool ReadDefinitionJson(const std::string& text, survey::Survey& s);

// {"question key": ["value", ...]}.
std::string AnswersJson(const survey::Answers& answers);
survey::Answers AnswersFromJson(const std::string& text);

}  // namespace xaso::storage
