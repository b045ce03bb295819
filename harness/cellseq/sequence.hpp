// A cell sequence (`.cell`, ../shared/spec/cell-format.md) as values: the
// types are public (<sbcheck/cell_sequence.hpp>), for cells checked through
// the adapter API.
#pragma once

#include <sbcheck/cell_sequence.hpp>

#include <cstdint>
#include <string>
#include <utility>

namespace sbcheck::cellseq {

/// An op: `kind` on `name` (and `source`, `key` where the line has them),
/// expecting `expect` (success by default).
inline Op makeOp(OpKind kind, std::string name, std::string source = {}, std::int64_t key = 0,
                 Expectation expect = {}) {
  Op op;
  op.kind = kind;
  op.name = std::move(name);
  op.source = std::move(source);
  op.key = key;
  op.expect = expect;
  return op;
}

}  // namespace sbcheck::cellseq
