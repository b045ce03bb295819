// `sizecheck`: sbcheck's command line, with CPython's size check registered
// as the design `size-check`. It promises that an iterator keeps its set
// alive; it names no reference policy, so beyond that only memory safety is
// checked.
#include <sbcheck/registry.hpp>

#include "size_check_cell.hpp"

int main(int argc, char** argv) {
  sbcheck::Registry registry;
  registry.add<example::SizeCheckCell>({.name = "size-check", .promises = {"parents-outlive-iterators"}});
  return sbcheck::main(argc, argv, registry);
}
