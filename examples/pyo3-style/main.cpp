// `pyo3check`: sbcheck's command line, with PyO3's design registered as
// `pyo3-style`. It does not promise mutable-borrows-block-leaks: its `iter`
// borrows nothing (only each `next` does), so an iterator may be made while a
// mutable borrow is held — the check finds exactly that if it is promised.
#include <sbcheck/registry.hpp>

#include "pyo3_style_cell.hpp"

int main(int argc, char** argv) {
  sbcheck::Registry registry;
  registry.add<example::Pyo3StyleCell>(
      {.name = "pyo3-style",
       .promises = {"leaks-block-mutable-borrows", "parents-outlive-iterators"}});
  return sbcheck::main(argc, argv, registry);
}
