// The PAPI catalogue: the index's dimensions (chỉ số nội dung) and sub-dimensions (nội dung
// thành phần) with the survey years each applies to, read from data/papi/*.csv. Shared by plans
// and tasks (which sub-dimensions a task serves) and by PAPI scoring (K per dimension and year).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace xaso::papi {

struct Dimension {
  int number = 0;  // 1-8
  std::string name_vi;
  std::string name_en;
  int from_year = 0;  // the first survey year that has the dimension
};

struct SubDimension {
  std::string code;   // "d.k", for example "5.2"
  int dimension = 0;  // d
  std::string name_vi;
  std::string name_en;
  int from_year = 0;  // the first survey year that has it
  int to_year = 0;    // the last survey year that has it; 0 = it still applies

  // True when the survey of `year` has this sub-dimension.
  bool AppliesIn(int year) const;
};

// Immutable after construction; thread-safe to read. Dimensions are ordered by number and
// sub-dimensions by dimension, then by their number within it (so "8.3" precedes "8.10").
class Catalogue {
 public:
  // The catalogue compiled into the binary (data/papi/, EmbeddedPapiCatalogue()), parsed on
  // first use. Thread-safe. The embedded files are part of the build, so a parse failure is a
  // bug and aborts; catalogue_test.cc parses them.
  static const Catalogue& Default();

  // Parses the two CSV files (format: data/papi/README.md) and checks that dimensions are 1-8
  // and unique, that every sub-dimension's dimension exists, that each code is "d.k" with the
  // row's dimension as d, that codes are unique, and that years are four-digit, with
  // to_year >= from_year and no sub-dimension starting before its dimension.
  // kInvalidArgument, naming the file and the line ("subdimensions.csv dòng 7: …"), otherwise.
  static Result<Catalogue> Parse(std::string_view dimensions_csv,
                                 std::string_view subdimensions_csv);

  const std::vector<Dimension>& dimensions() const { return dimensions_; }
  const std::vector<SubDimension>& subdimensions() const { return subdimensions_; }

  // nullptr when there is no such dimension or code. The pointers live as long as the catalogue.
  const Dimension* FindDimension(int number) const;
  const SubDimension* Find(std::string_view code) const;

  // The sub-dimensions of `dimension` that apply in `year`, in order.
  std::vector<const SubDimension*> SubDimensionsOf(int dimension, int year) const;
  // K_d for `year`: how many sub-dimensions of `dimension` apply then (0 before 2018, whose
  // design the catalogue does not model).
  int SubDimensionCount(int dimension, int year) const;

  // Checks the sub-dimension codes chosen for `dimension` in `year` (a task's, for example):
  // each must exist, belong to `dimension`, apply in `year` and appear once. An empty list is
  // valid. kInvalidArgument with one field error "subdimensions" whose Vietnamese message names
  // every bad code, or a field error "dimension" when `dimension` does not exist in `year`.
  Status ValidateCodes(int dimension, const std::vector<std::string>& codes, int year) const;

 private:
  Catalogue(std::vector<Dimension> dimensions, std::vector<SubDimension> subdimensions);

  std::vector<Dimension> dimensions_;
  std::vector<SubDimension> subdimensions_;
};

}  // namespace xaso::papi
