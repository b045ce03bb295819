// Placeholder until the parser lands.
#include "harness/sbt/parse.hpp"
