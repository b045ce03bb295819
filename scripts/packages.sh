# Sourced by setup.sh and test.sh: installs the Debian packages the project
# needs, running `apt-get update` first only when something is missing.
SBCHECK_PACKAGES="cmake ninja-build g++ libgtest-dev librapidcheck-dev libboost-container-dev libbenchmark-dev chromium chromium-driver python3-selenium jq python3-dev python3-pybind11 python3-pytest python3-hypothesis"
# The fuzz targets (fuzz/, docs/fuzzing.md): clang with libFuzzer, zip for the seed corpora.
SBCHECK_FUZZ_PACKAGES="clang-14 libclang-rt-14-dev libfuzzer-14-dev zip unzip"

install_missing_packages() {
  local missing=()
  for package in $SBCHECK_PACKAGES $SBCHECK_FUZZ_PACKAGES; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
}
