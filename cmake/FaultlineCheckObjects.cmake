# Run after a target is built by faultline_check() (cmake -P): lists the
# extractions of the target's current sources (SOURCES, as the build
# evaluated them) in OUT_DIR/fragments.txt and runs
# `FAULTLINE check --from-objects` on that list. An extraction left in
# OUT_DIR by a source taken out of the target is not in it, so it is never
# checked. Its exit code is the build's: 1 for a counterexample fails it,
# unless WARN_ONLY.
#
#   cmake -DFAULTLINE=<faultline> -DOUT_DIR=<dir> -DSOURCE_DIR=<target's>
#         -DSOURCES=<src>[|<src>...] [-DWARN_ONLY=ON] -P FaultlineCheckObjects.cmake

cmake_minimum_required(VERSION 3.20) # cmake_path
include(${CMAKE_CURRENT_LIST_DIR}/FaultlineCheck.cmake) # _faultline_fragment_path

string(REPLACE "|" ";" sources "${SOURCES}")
set(list "")
foreach(source IN LISTS sources)
  cmake_path(ABSOLUTE_PATH source BASE_DIRECTORY ${SOURCE_DIR} NORMALIZE)
  _faultline_fragment_path(fragment ${OUT_DIR} ${source})
  # A header, or a C source: the plugin compiled no TU of it.
  if(EXISTS ${fragment})
    string(APPEND list "${fragment}\n")
  endif()
endforeach()
file(WRITE ${OUT_DIR}/fragments.txt "${list}")

execute_process(COMMAND ${FAULTLINE} check --from-objects ${OUT_DIR}/fragments.txt
                RESULT_VARIABLE status)
if(status EQUAL 1 AND WARN_ONLY)
  return()
endif()
if(NOT status EQUAL 0)
  # The diagnostics are above; a non-zero exit fails the build.
  message(FATAL_ERROR "faultline check --from-objects ${OUT_DIR}/fragments.txt exited with ${status}")
endif()
