// The comparison report as a person reads it (terminal, aligned, with a
// legend), as Markdown, and as JSON. Nothing in it depends on time or on what
// the corpus held before, so one seed gives one report, byte for byte.
#pragma once

#include <ostream>

#include "harness/compare/compare.hpp"

namespace sbcheck::compare {

void renderText(const Report& report, std::ostream& out);
void renderMarkdown(const Report& report, std::ostream& out);
void renderJson(const Report& report, std::ostream& out);

}  // namespace sbcheck::compare
