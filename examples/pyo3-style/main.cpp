// `pyo3check`: sbcheck's command line, with PyO3's design registered as
// `pyo3-style`, promising everything a design can promise.
#include <sbcheck/registry.hpp>

#include "pyo3_style_cell.hpp"

int main(int argc, char** argv) {
  sbcheck::Registry registry;
  registry.add<example::Pyo3StyleCell>(
      {.name = "pyo3-style",
       .promises = {"leaks-block-mutable-borrows", "mutable-borrows-block-leaks", "parents-outlive-iterators"}});
  return sbcheck::main(argc, argv, registry);
}
