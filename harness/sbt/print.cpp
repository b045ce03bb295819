// Placeholder until the printer lands.
#include "harness/sbt/print.hpp"
