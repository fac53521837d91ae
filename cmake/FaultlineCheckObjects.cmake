# Run after a target is built by faultline_check() or faultline_add_tests()
# (cmake -P): lists the extractions of the target's current sources
# (SOURCES, as the build evaluated them) in OUT_DIR/fragments.txt. Then,
# with MODE `check`, runs `FAULTLINE check --from-objects` on that list: an
# extraction left in OUT_DIR by a source taken out of the target is not in
# it, so it is never checked, and the exit code is the build's (1 for a
# counterexample fails it, unless WARN_ONLY). With MODE `tests`, writes
# OUT_DIR/ctest-tests.cmake: one CTest test per scenario of the list
# (`check --list-scenarios`), each checking that scenario.
#
#   cmake -DFAULTLINE=<faultline> -DOUT_DIR=<dir> -DSOURCE_DIR=<target's>
#         -DSOURCES=<src>[|<src>...] [-DWARN_ONLY=ON] [-DTIMEOUT=<s>]
#         [-DMAX_RUNS=<n>] [-DMODE=check|tests -DTARGET=<name>
#         -DLABELS=<l>[;<l>...]] -P FaultlineCheckObjects.cmake

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
# Unchanged, it is not written again (a check running from another
# target's build may be reading it).
set(fragments ${OUT_DIR}/fragments.txt)
file(WRITE ${fragments}.tmp "${list}")
file(COPY_FILE ${fragments}.tmp ${fragments} ONLY_IF_DIFFERENT)
file(REMOVE ${fragments}.tmp)

set(limits "")
if(TIMEOUT)
  list(APPEND limits --timeout ${TIMEOUT})
endif()
if(MAX_RUNS)
  list(APPEND limits --max-runs ${MAX_RUNS})
endif()

if(MODE STREQUAL "tests")
  execute_process(COMMAND ${FAULTLINE} check --from-objects ${fragments} --list-scenarios
                  OUTPUT_VARIABLE names RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "faultline check --from-objects ${fragments} --list-scenarios exited "
                        "with ${status}")
  endif()
  string(REGEX MATCHALL "[^\n]+" names "${names}")
  set(test_labels faultline ${LABELS})
  set(tests "# Written by faultline_add_tests(${TARGET}) after each build.\n")
  foreach(name IN LISTS names)
    set(test faultline.${TARGET}.${name})
    string(APPEND tests "add_test([==[${test}]==] [==[${FAULTLINE}]==] check --from-objects "
                        "[==[${fragments}]==] --scenario [==[${name}]==] ${limits})\n"
                        "set_tests_properties([==[${test}]==] PROPERTIES LABELS "
                        "[==[${test_labels}]==]")
    if(TIMEOUT)
      math(EXPR ctest_timeout "${TIMEOUT} + 60")
      string(APPEND tests " TIMEOUT ${ctest_timeout}")
    endif()
    string(APPEND tests ")\n")
  endforeach()
  file(WRITE ${OUT_DIR}/ctest-tests.cmake "${tests}")
  return()
endif()

execute_process(COMMAND ${FAULTLINE} check --from-objects ${fragments} ${limits}
                RESULT_VARIABLE status)
if(status EQUAL 1 AND WARN_ONLY)
  return()
endif()
if(NOT status EQUAL 0)
  # The diagnostics are above; a non-zero exit fails the build.
  message(FATAL_ERROR "faultline check --from-objects ${fragments} exited with ${status}")
endif()
