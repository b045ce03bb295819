// `sbcheck`: the command line over the built-in policies alone.
#include <sbcheck/registry.hpp>

int main(int argc, char** argv) { return sbcheck::main(argc, argv, sbcheck::Registry{}); }
