#include "web/pages/select_options.h"

namespace xaso::web {

Data SelectOptions(const std::vector<std::pair<std::string, std::string>>& items,
                   const std::string& chosen) {
  Data list(Data::type::list);
  for (const auto& [id, name] : items) {
    Data o;
    o.set("id", id);
    o.set("name", name);
    o.set("selected", Data(chosen == id));
    list.push_back(o);
  }
  return list;
}

}  // namespace xaso::web
