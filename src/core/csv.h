// RFC 4180 CSV: a reader for the data files and imports that every layer may read (the PAPI
// catalogue, imported lists) and an escaper for writers (exports). Standard C++ only.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace xaso {

// Splits UTF-8 CSV text into records of fields.
// - Fields are separated by ','. A field in double quotes may hold ',', CR, LF and '""' (one
//   quote). A quote inside an unquoted field, or text after a closing quote, is an error.
// - Records end at CRLF, LF or a lone CR. The last record needs no line break.
// - A leading UTF-8 byte order mark is skipped. A completely empty line is skipped (a record of
//   one empty field must be written as ""). Fields are not trimmed.
// kInvalidArgument, with a message that starts "dòng N: " (the 1-based line where the problem
// is), for an unterminated quoted field, a misplaced quote or a field that is not UTF-8.
Result<std::vector<std::vector<std::string>>> ParseCsv(std::string_view text);

// One data record and the 1-based line where it starts (a quoted field may span lines).
struct CsvRow {
  int line = 0;
  std::vector<std::string> fields;
};

// A CSV file whose first record names the columns. Immutable once parsed.
struct CsvTable {
  std::vector<std::string> header;
  std::map<std::string, size_t, std::less<>> columns;  // header name → field index
  std::vector<CsvRow> rows;                            // each has header.size() fields

  // Index of `column`, or nullopt when the header lacks it.
  std::optional<size_t> ColumnIndex(std::string_view column) const;
  // The field of `row` in `column`. Precondition: the header has `column` (a required column
  // of ParseCsvWithHeader); otherwise it is a bug and aborts.
  const std::string& Field(const CsvRow& row, std::string_view column) const;
};

// Parses `text` as ParseCsv does and maps its header to column indices. Columns may come in any
// order, and columns beyond `required_columns` are kept. kInvalidArgument, naming the line
// ("dòng N: "), when ParseCsv fails, the text has no header, a header name repeats, a required
// column is missing (each missing name is given), or a record has a different number of fields
// than the header.
Result<CsvTable> ParseCsvWithHeader(std::string_view text,
                                    std::span<const std::string_view> required_columns);

// One field for a CSV writer: quoted (with quotes doubled) when it holds ',', '"', CR or LF.
// Spreadsheet formula injection (OWASP "CSV Injection") is blocked: a field starting with '=',
// '+', '-', '@', TAB or CR gets a leading single quote, so "=1+2" is written as "'=1+2" and a
// spreadsheet shows it as text. This changes such fields, negative numbers included ("-5"
// becomes "'-5"), so a program reading the file back sees the quote; write numbers that must
// stay numeric without CsvEscape (they need no quoting).
std::string CsvEscape(std::string_view field);

}  // namespace xaso
