// The options of a <select> for a template: {{#list}}<option value="{{id}}"{{#selected}}
// selected{{/selected}}>{{name}}</option>{{/list}}.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "web/render.h"

namespace xaso::web {

// One entry per (id, name) pair, `selected` on the one whose id is `chosen`.
Data SelectOptions(const std::vector<std::pair<std::string, std::string>>& items,
                   const std::string& chosen);

}  // namespace xaso::web
