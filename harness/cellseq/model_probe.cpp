// Turning the cell's memory operations into `.sbt` events on the model.
#include "harness/cellseq/model_probe.hpp"

#include "harness/cellseq/forms.hpp"
#include "harness/cellseq/print.hpp"
#include "harness/sbt/explain.hpp"

namespace sbcheck::cellseq {
namespace {

sbt::LetKind letKind(Retag kind) {
  switch (kind) {
    case Retag::kMut:
    case Retag::kTwoPhaseMut: return sbt::LetKind::kMutRef;
    case Retag::kShared:
    case Retag::kSharedInteriorMut: return sbt::LetKind::kSharedRef;
    case Retag::kRawMut: return sbt::LetKind::kRawMut;
    case Retag::kRawConst: return sbt::LetKind::kRawConst;
  }
  return sbt::LetKind::kCopy;
}

bool isRaw(Retag kind) { return kind == Retag::kRawMut || kind == Retag::kRawConst; }

/// Names say what the cell made each pointer for.
std::string prefixFor(Retag kind, bool fromRaw) {
  if (isRaw(kind)) return "raw";
  if (kind == Retag::kMut || kind == Retag::kTwoPhaseMut) return "mut";
  return fromRaw ? "leak" : "ref";
}

/// What a retag made, in the cell's words: "leak", "mutable borrow".
std::string_view roleOf(Retag kind, bool fromRaw) {
  if (isRaw(kind)) return "raw pointer";
  if (kind == Retag::kMut || kind == Retag::kTwoPhaseMut) return "mutable borrow";
  return fromRaw ? "leak" : "shared borrow";
}

/// What `op` is about, in the user's names: "iterator it", "guard g", or the
/// method call itself ("`add s 2`") when it holds nothing afterwards.
std::string subjectOf(const Op& op) {
  switch (op.kind) {
    case OpKind::kNew: return "object " + op.name;
    case OpKind::kBorrow:
    case OpKind::kBorrowMut:
    case OpKind::kRead:
    case OpKind::kWrite:
    case OpKind::kRelease: return "guard " + op.name;
    case OpKind::kIter:
    case OpKind::kNext:
    case OpKind::kDrop: return "iterator " + op.name;
    case OpKind::kRef:
    case OpKind::kDel:
    case OpKind::kAdd:
    case OpKind::kDiscard:
    case OpKind::kLen:
    case OpKind::kContains: break;
  }
  const Form& form = formOf(op.kind);
  std::string call = std::string(form.keyword) + " " + op.name;
  if (form.operands == Operands::kNameKey) call += " " + std::to_string(op.key);
  return "`" + call + "`";
}

}  // namespace

ModelProbe::ModelProbe(sb::AnyModel& model) : runner_(model) {
  trace_.models.emplace_back(model.name());
}

void ModelProbe::setOp(const Op& op) {
  op_ = &op;
  line_ = op.line;
  lineText_ = printOp(op);
}

void ModelProbe::describe(const std::string& name, std::string what) {
  if (detached_ || op_ == nullptr) return;
  runner_.terms().pointers.insert_or_assign(name, sbt::UserTerms::Pointer{std::move(what), line_});
}

PtrId ModelProbe::remember(std::string prefix, PtrId base, bool raw) {
  const auto id = static_cast<PtrId>(pointers_.size());
  pointers_.push_back(Pointer{prefix + std::to_string(id + 1), base, raw});
  if (base == kNoBase) pointers_.back().base = id;
  return id;
}

bool ModelProbe::run(sbt::Event event) {
  if (detached_) return true;
  if (ub_) return false;
  event.line = line_;
  event.comment = std::to_string(line_) + ": " + lineText_;
  ub_ = runner_.step(event, &lineText_);
  trace_.events.push_back(std::move(event));
  if (ub_) trace_.events.back().expectUb = true;
  return !ub_;
}

PtrId ModelProbe::allocate(const Layout& layout) {
  // Reports name bytes by the layout's regions ("object s's data"); one cell
  // runs at a time, so every allocation has its layout.
  auto& parts = runner_.terms().parts;
  parts.clear();
  for (const Region& region : layout.regions) parts.emplace_back(rangeOf(region.bytes), std::string(region.name));
  const PtrId id = remember("obj", kNoBase, /*raw=*/false);
  sbt::Event event;
  event.kind = sbt::EventKind::kAlloc;
  event.name = pointers_[id].name;
  event.size = layout.size;
  event.untagged = true;  // heap memory: Untagged base, as SB2 had it in 2019
  if (op_ != nullptr) {
    const std::string object = op_->kind == OpKind::kNew ? subjectOf(*op_) : "the object of " + subjectOf(*op_);
    describe(event.name, object);
    runner_.terms().allocations.insert_or_assign(event.name, object);
  }
  (void)run(std::move(event));
  return id;
}

std::optional<PtrId> ModelProbe::retag(PtrId parent, Retag kind, Bytes bytes) {
  const Pointer from = pointers_[parent];
  const PtrId id = remember(prefixFor(kind, from.raw), from.base, isRaw(kind));
  sbt::Event event;
  event.kind = sbt::EventKind::kLet;
  event.name = pointers_[id].name;
  event.let = letKind(kind);
  event.twoPhase = kind == Retag::kTwoPhaseMut;
  event.allCell = inCell(kind);
  event.operand = sbt::Operand{from.name, rangeOf(bytes)};
  if (op_ != nullptr) describe(event.name, "the " + std::string(roleOf(kind, from.raw)) + " of " + subjectOf(*op_));
  if (!run(std::move(event))) return std::nullopt;
  return id;
}

bool ModelProbe::access(PtrId ptr, Access kind, Bytes bytes) {
  sbt::Event event;
  event.kind = kind == Access::kRead ? sbt::EventKind::kRead : sbt::EventKind::kWrite;
  event.operand = sbt::Operand{pointers_[ptr].name, rangeOf(bytes)};
  // A freed object's memory is never touched, whatever the model says.
  return run(std::move(event)) && !pointers_[pointers_[ptr].base].freed;
}

bool ModelProbe::deallocate(PtrId base) {
  const bool halted = ub_.has_value();
  sbt::Event event;
  event.kind = sbt::EventKind::kDealloc;
  event.operand = sbt::Operand{pointers_[base].name, std::nullopt};
  const bool allowed = run(std::move(event));
  // Vetoed: a second free, or a free the model forbids (not one after UB).
  if (pointers_[base].freed || (!halted && !allowed)) return false;
  pointers_[base].freed = true;
  return true;
}

}  // namespace sbcheck::cellseq
