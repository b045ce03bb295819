# sbcheck-mutants: the sbcheck executable built again, with every library it
# is made of compiled with SBCHECK_MUTANTS, so that the planted bugs of
# model/mutant.hpp can be switched on one at a time by SBCHECK_MUTANT
# (scripts/mutants.sh, docs/mutants.md). The reference model (the oracle) has
# no mutation points and is shared. The variants are derived from the normal
# targets' sources and links, so a new source file needs no edit here. Every
# translation unit of the executable sees the same SBCHECK_MUTANTS, so the
# header-inline mutation points cannot break the one-definition rule.
set(sbcheck_mutated_libraries sbcheck_model sbcheck_harness sbcheck_properties sbcheck_explore sbcheck_compare sbcheck_cli)
list(JOIN sbcheck_mutated_libraries "|" sbcheck_mutated_pattern)

foreach(library IN LISTS sbcheck_mutated_libraries)
  get_target_property(sources ${library} SOURCES)
  get_target_property(links ${library} LINK_LIBRARIES)
  list(TRANSFORM links REPLACE "^(${sbcheck_mutated_pattern})$" "\\1_mutants")
  add_library(${library}_mutants STATIC EXCLUDE_FROM_ALL ${sources})
  target_link_libraries(${library}_mutants PUBLIC ${links})
endforeach()
target_sources(sbcheck_model_mutants PRIVATE model/mutant.cpp)
target_compile_definitions(sbcheck_model_mutants PUBLIC SBCHECK_MUTANTS)

get_target_property(sources sbcheck SOURCES)
add_executable(sbcheck-mutants ${sources})
target_link_libraries(sbcheck-mutants PRIVATE sbcheck_cli_mutants)
