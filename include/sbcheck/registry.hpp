// The cells an sbcheck executable knows besides the five built-in policies:
// register your cell's adapter under a name, and `sbcheck::main` gives every
// subcommand that runs cells (`check --policy NAME`, `run`) to it.
//
//   int main(int argc, char** argv) {
//     sbcheck::Registry registry;
//     registry.add<MyAdapter>({.name = "my-cell", .promises = {"parents-outlive-iterators"}});
//     return sbcheck::main(argc, argv, registry);
//   }
#pragma once

#include <sbcheck/adapter.hpp>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sbcheck {

/// What a design says of itself.
struct Design {
  /// The name `--policy` and `#! policies:` use: lowercase letters, digits
  /// and '-', not a built-in policy's.
  std::string name;
  /// The properties the design promises (their `--property` ids:
  /// leaks-block-mutable-borrows, mutable-borrows-block-leaks,
  /// parents-outlive-iterators); the others are not checked. Memory safety
  /// (the model finds no UB) is always checked.
  std::vector<std::string> promises;
  /// A built-in policy whose outcomes the design must match line for line
  /// (`strict`, `generation`, ...), or empty: then only memory safety and
  /// the promises are checked. Random sequences are generated as for this
  /// policy (as for `strict` when empty).
  std::string reference;
};

/// A registered design and how to make one of its cells.
struct RegisteredDesign {
  Design design;
  /// A cell reporting every memory operation to `probe`.
  std::function<std::unique_ptr<CellRunner>(Probe& probe)> start;
};

class Registry {
 public:
  /// Registers the cell `A` adapts under `design.name`. The design is
  /// checked by sbcheck::main (a bad name or promise is reported there).
  template <CellAdapter A>
  Registry& add(Design design) {
    designs_.push_back(RegisteredDesign{std::move(design), [](Probe& probe) -> std::unique_ptr<CellRunner> {
                                          return std::make_unique<AdapterRunner<A>>(probe);
                                        }});
    return *this;
  }
  /// The designs, in registration order.
  const std::vector<RegisteredDesign>& designs() const { return designs_; }
  /// The design named `name`, or null.
  const RegisteredDesign* find(std::string_view name) const {
    for (const RegisteredDesign& registered : designs_) {
      if (registered.design.name == name) return &registered;
    }
    return nullptr;
  }

 private:
  std::vector<RegisteredDesign> designs_;
};

/// The sbcheck command line (`check`, `run`, `replay`, `compare`, `explore`,
/// `fuzz-import`, `help`) over the built-in policies and `registry`'s
/// designs; returns the exit status. `sbcheck` itself is this function with
/// an empty registry. `registry` must outlive the call.
int main(int argc, char** argv, const Registry& registry);

}  // namespace sbcheck
