#!/bin/bash -eu
# Builds the fuzz targets in OSS-Fuzz's conventions: compilers and flags from
# $CC $CXX $CFLAGS $CXXFLAGS, the engine from $LIB_FUZZING_ENGINE, and into
# $OUT each target, its seed corpus ($OUT/<target>_seed_corpus.zip) and its
# dictionary ($OUT/<target>.dict). Runs unchanged on ClusterFuzzLite/OSS-Fuzz
# and locally (scripts/fuzz_smoke.sh sets the variables to clang-14).
src="${SBCHECK_SRC:-$SRC/sbcheck}"
work="$WORK/sbcheck"
targets=(cell_properties sbt_laws parse_cell parse_sbt)
prefix=()

# RapidCheck with the same flags as the targets, when its source is there
# (the Docker image; locally the Debian package is used).
if [ -d "$SRC/rapidcheck" ]; then
  cmake -S "$SRC/rapidcheck" -B "$work/rapidcheck" -G Ninja -DCMAKE_CXX_COMPILER="$CXX" \
    -DCMAKE_INSTALL_PREFIX="$work/deps" -DRC_INSTALL_ALL_EXTRAS=ON
  cmake --build "$work/rapidcheck" --target install
  prefix=(-DCMAKE_PREFIX_PATH="$work/deps")
fi

# No build type: assertions stay on (the model's stack invariants); CMake
# takes CXXFLAGS from the environment, so the libraries get the sanitizer
# and coverage flags and nothing is added to them.
cmake -S "$src" -B "$work/build" -G Ninja -DCMAKE_CXX_COMPILER="$CXX" "${prefix[@]}" \
  -DSBCHECK_FUZZ=ON -DSBCHECK_TESTS=OFF -DSBCHECK_PYTHON=OFF -DSBCHECK_FUZZ_SANITIZE= -DSBCHECK_FUZZ_ENGINE="$LIB_FUZZING_ENGINE"
cmake --build "$work/build" --target "${targets[@]}" -j"${SBCHECK_JOBS:-$(nproc)}"

"$src/scripts/fuzz_seeds.sh" "$work/seeds" >/dev/null
for target in "${targets[@]}"; do
  cp "$work/build/fuzz/$target" "$OUT/"
  rm -f "$OUT/${target}_seed_corpus.zip"
  (cd "$work/seeds/$target" && zip -q -r "$OUT/${target}_seed_corpus.zip" .)
  if [ -f "$src/fuzz/$target.dict" ]; then cp "$src/fuzz/$target.dict" "$OUT/$target.dict"; fi
done
