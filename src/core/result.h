// Error values and Result<T>: how expected failures travel from storage and domain code to
// the web layer and the CLI. Shaped like std::expected so it can become an alias under C++23.
#pragma once

#include <cstdlib>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace xaso {

// A subset of abseil's canonical codes. Use the most specific one: a closed case that is
// acted on again is kFailedPrecondition, not kInvalidArgument.
enum class ErrorCode {
  kInvalidArgument,
  kNotFound,
  kAlreadyExists,
  kPermissionDenied,
  kUnauthenticated,
  kFailedPrecondition,
  kAborted,
  kUnavailable,
  kResourceExhausted,
  kInternal,
};

const char* ErrorCodeName(ErrorCode code);

// One invalid form field. `message` is a message-catalogue key or a ready Vietnamese sentence.
struct FieldError {
  std::string field;
  std::string message;
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::vector<FieldError> fields;
};

inline Error MakeError(ErrorCode code, std::string message) {
  return Error{code, std::move(message), {}};
}

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool has_value() const { return v_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  // Precondition: has_value(). Calling it on an error is a bug and aborts.
  T& value() & {
    Check();
    return std::get<0>(v_);
  }
  const T& value() const& {
    Check();
    return std::get<0>(v_);
  }
  T&& value() && {
    Check();
    return std::get<0>(std::move(v_));
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  // Precondition: !has_value().
  const Error& error() const& { return std::get<1>(v_); }
  Error&& error() && { return std::get<1>(std::move(v_)); }

 private:
  void Check() const {
    if (!has_value()) std::abort();
  }
  std::variant<T, Error> v_;
};

struct Ok {};

// Result<void>: success carries nothing.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Ok) {}  // NOLINT(google-explicit-constructor)
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT
  bool has_value() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const& { return error_; }
  Error&& error() && { return std::move(error_); }

 private:
  Error error_;
  bool ok_ = true;
};

using Status = Result<void>;

}  // namespace xaso

#define XASO_CONCAT_INNER_(a, b) a##b
#define XASO_CONCAT_(a, b) XASO_CONCAT_INNER_(a, b)

// Returns the error of `expr` (a Status or Result) from the enclosing function.
#define XASO_RETURN_IF_ERROR(expr)                                         \
  do {                                                                     \
    auto&& xaso_status_ = (expr);                                          \
    if (!xaso_status_.has_value()) return std::move(xaso_status_).error(); \
  } while (false)

// Declares or assigns `lhs` from the value of a Result, or returns its error.
#define XASO_ASSIGN_OR_RETURN(lhs, expr) \
  XASO_ASSIGN_OR_RETURN_IMPL_(XASO_CONCAT_(xaso_result_, __LINE__), lhs, expr)
// `lhs` may be a declaration ("int x"), so it cannot be parenthesised.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define XASO_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr)    \
  auto tmp = (expr);                                   \
  if (!tmp.has_value()) return std::move(tmp).error(); \
  lhs = std::move(tmp).value()
// NOLINTEND(bugprone-macro-parentheses)

// Always-on invariant check. Never use it on user input.
#define XASO_CHECK(cond)                                                   \
  do {                                                                     \
    if (!(cond)) ::xaso::internal::CheckFailed(#cond, __FILE__, __LINE__); \
  } while (false)

namespace xaso::internal {
[[noreturn]] void CheckFailed(const char* cond, const char* file, int line);
}  // namespace xaso::internal
