// A straight-line program against one model variant, written like a `.sbt`
// trace: each step has a line number, pointers carry their byte range, and
// the run stops at the first UB. Used by the model tests to state scenarios
// the way sb2.md and the seed state them.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "model/sb/any_model.hpp"
#include "tests/model/printers.hpp"

namespace sbcheck::sb::script {

/// What `Script::stackAt` shows for any protector.
inline constexpr CallId kSomeCall = 1;

/// A pointer and the bytes it covers (allocation offsets).
struct Ref {
  Pointer ptr;
  ByteRange range;

  Tag tag() const { return ptr.tag; }
  /// The same pointer used on other bytes (pointer arithmetic).
  Ref at(std::uint64_t begin, std::uint64_t end) const { return Ref{ptr, ByteRange{begin, end}}; }
};

/// Options of a retag: UnsafeCell bytes, protector.
struct Let {
  std::vector<ByteRange> cells;
  bool protect = false;
};

class Script {
 public:
  explicit Script(std::string_view model) : model_(AnyModel::create(model)) {
    EXPECT_NE(model_, nullptr) << "unknown model " << model;
  }

  AnyModel& model() { return *model_; }

  Ref alloc(std::uint64_t size, bool untagged = false) {
    ++line_;
    return Ref{model_->allocate(size, untagged), ByteRange{0, size}};
  }

  /// A retag covering `parent`'s range; on UB the result is unusable.
  Ref let(const Ref& parent, RetagKind kind, const Let& options = {}) {
    ++line_;
    if (stopped()) return parent;
    RetagSpec spec;
    spec.kind = kind;
    spec.cellRanges = options.cells;
    spec.protect = options.protect;
    const Retagged result = model_->retag(parent.ptr, parent.range, spec);
    note(result.ub);
    return Ref{Pointer{parent.ptr.alloc, result.tag}, parent.range};
  }
  Ref mut(const Ref& parent, const Let& options = {}) { return let(parent, RetagKind::kUnique, options); }
  Ref twoPhase(const Ref& parent, const Let& options = {}) { return let(parent, RetagKind::kTwoPhase, options); }
  Ref shared(const Ref& parent, const Let& options = {}) { return let(parent, RetagKind::kShared, options); }
  Ref rawMut(const Ref& parent) { return let(parent, RetagKind::kRawMut); }
  Ref rawConst(const Ref& parent, const Let& options = {}) { return let(parent, RetagKind::kRawConst, options); }
  /// `&cell X`: every byte inside UnsafeCell.
  Ref sharedCell(const Ref& parent, bool protect = false) {
    return let(parent, RetagKind::kShared, Let{{parent.range}, protect});
  }

  int read(const Ref& ref) { return step([&] { return model_->access(AccessKind::Read, ref.ptr, ref.range); }); }
  int write(const Ref& ref) { return step([&] { return model_->access(AccessKind::Write, ref.ptr, ref.range); }); }
  int dealloc(const Ref& ref) { return step([&] { return model_->dealloc(ref.ptr); }); }
  int copy(const Ref& ref) { return step([&] { return model_->copy(ref.ptr, ref.range); }); }
  int call() {
    ++line_;
    if (!stopped()) model_->call();
    return line_;
  }
  int ret() {
    ++line_;
    if (!stopped()) {
      EXPECT_TRUE(model_->ret()) << "return with no open frame";
    }
    return line_;
  }

  /// The line of the last step so far.
  int line() const { return line_; }
  /// The line of the first UB, if any.
  std::optional<int> ubLine() const { return ubLine_; }
  const Outcome& ub() const { return ub_; }

  /// The stack of one byte of `ref`'s allocation, bottom first. Call ids are
  /// the model's business, so every protector reads as `kSomeCall`.
  std::vector<Item> stackAt(const Ref& ref, std::uint64_t offset) const {
    std::vector<Item> items;
    model_->forEachStack(ref.ptr.alloc, ByteRange{offset, offset + 1}, [&](ByteRange, const Stack& stack) {
      items.assign(stack.items().begin(), stack.items().end());
    });
    for (Item& item : items) {
      if (item.protector != kNoCall) item.protector = kSomeCall;
    }
    return items;
  }

 private:
  bool stopped() const { return ubLine_.has_value(); }

  void note(const Outcome& ub) {
    if (ub && !stopped()) {
      ubLine_ = line_;
      ub_ = ub;
    }
  }

  template <class Op>
  int step(Op&& op) {
    ++line_;
    if (!stopped()) note(op());
    return line_;
  }

  std::unique_ptr<AnyModel> model_;
  int line_ = 0;
  std::optional<int> ubLine_;
  Outcome ub_;
};

inline Item uniq(Tag tag, CallId protector = kNoCall) { return Item{tag, protector, Permission::Unique}; }
inline Item srw(Tag tag, CallId protector = kNoCall) { return Item{tag, protector, Permission::SharedReadWrite}; }
inline Item sro(Tag tag, CallId protector = kNoCall) { return Item{tag, protector, Permission::SharedReadOnly}; }
inline Item dis(Tag tag, CallId protector = kNoCall) { return Item{tag, protector, Permission::Disabled}; }

using Items = std::vector<Item>;

}  // namespace sbcheck::sb::script
