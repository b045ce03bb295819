# ctest install_consumer: installs this build into a fresh prefix, then
# configures, builds and tests each project under examples/ against the
# installed package alone (find_package(sbcheck CONFIG)), as a user's would.
# cmake -DBUILD_DIR=... -DSOURCE_DIR=... -DWORK=... -P test_install.cmake
file(REMOVE_RECURSE ${WORK})
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "failed (${status}): ${ARGN}")
  endif()
endfunction()
run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${WORK}/prefix)
foreach(example checked-memory size-check pyo3-style)
  run(${CMAKE_COMMAND} -S ${SOURCE_DIR}/examples/${example} -B ${WORK}/${example} -G Ninja
      -DCMAKE_PREFIX_PATH=${WORK}/prefix -DCMAKE_BUILD_TYPE=RelWithDebInfo)
  run(${CMAKE_COMMAND} --build ${WORK}/${example})
  run(${CMAKE_CTEST_COMMAND} --test-dir ${WORK}/${example} --output-on-failure)
endforeach()
