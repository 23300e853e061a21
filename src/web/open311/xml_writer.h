// The little XML that Open311 needs: nested elements with text, no attributes, no namespaces.
// No library is needed for that: output is the only direction (we never parse XML), and the
// one thing to get right is escaping element text, which EscapeXmlText does for all five
// special characters.
#pragma once

#include <string>
#include <string_view>

namespace xaso::web {

// `text` with & < > " ' replaced by their entities.
std::string EscapeXmlText(std::string_view text);

// Appends to a document that starts with the XML declaration. Open and Close must nest.
class XmlWriter {
 public:
  XmlWriter() : out_("<?xml version=\"1.0\" encoding=\"utf-8\"?>") {}
  void Open(std::string_view name);
  void Close(std::string_view name);
  // <name>escaped text</name>
  void Element(std::string_view name, std::string_view text);
  const std::string& str() const { return out_; }

 private:
  std::string out_;
};

}  // namespace xaso::web
