// The page's inline style sheet and script: fixed colours per permission, and
// the tag highlight (hover or click a chip: every row where its tag was
// created, granted, removed or used lights up).
#pragma once

#include <string_view>

namespace sbcheck::html {

extern const std::string_view kStyle;
extern const std::string_view kScript;

}  // namespace sbcheck::html
