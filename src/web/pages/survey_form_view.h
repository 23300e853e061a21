// The answering form of a survey, shared by the public page (/xa/{slug}/khao-sat/{id}) and the
// clerk's interview entry (/quan-ly/khao-sat/{id}/phong-van): the questions as template data for
// templates/partials/survey_questions.html, and the answer sheet read back from the posted form.
//
// Field names: "q.<key>" for a single-choice, scale, number or text question; "q.<key>[<value>]"
// for each ticked option of a multiple-choice question (web::ParseForm keeps only the first of
// repeated names, so each option has its own). Skip conditions travel as data attributes that
// static/survey.js reads; without the script every question shows and CheckAnswers drops the
// answers to those not asked.
#pragma once

#include <map>
#include <string>

#include "core/result.h"
#include "domain/survey/survey.h"
#include "web/render.h"

namespace xaso::web {

// The answer sheet a form posted: the raw values, before CheckAnswers. A number typed with a
// decimal comma ("2,5", as a Vietnamese keyboard gives it) is read with a point.
survey::Answers AnswersFromForm(const survey::Survey& s,
                                const std::map<std::string, std::string>& form);

// What a person typed that CheckAnswers cannot judge: a number with thousands points ("1.000",
// survey::IsAmbiguousThousands), which CheckAnswers, reading machine text, would take for one.
// kInvalidArgument with a field error "q.<key>" per such number; Ok otherwise.
Status CheckTypedNumbers(const survey::Survey& s, const survey::Answers& typed);

// The sections and questions of `s` for the partial, with `given` checked or filled in and the
// field errors of `error` ("q.<key>") next to their question, linked by aria-describedby. Sets
// {{sections}}, and, when there are question errors, {{error_list}} (message and the anchor
// of the question) and {{has_errors}} for the summary at the top; a "code" field error (the
// one-time code) becomes {{error_code}} and the summary's first line.
void SetSurveyQuestions(Lang lang, const survey::Survey& s, const survey::Answers& given,
                        const Error* error, Data& d);

}  // namespace xaso::web
