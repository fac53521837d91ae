# Run after a target is built by faultline_check() (cmake -P): removes the
# extractions under DIR that belong to no object of the target (a source
# taken out of it leaves its `.o.faultline.json` behind), then runs
# `FAULTLINE check --from-objects DIR`. Its exit code is the build's: 1 for
# a counterexample fails it, unless WARN_ONLY.
#
#   cmake -DFAULTLINE=<faultline> -DDIR=<objects dir> -DOBJECTS=<obj>[|<obj>...]
#         [-DWARN_ONLY=ON] -P FaultlineCheckObjects.cmake

cmake_minimum_required(VERSION 3.20) # IN_LIST, cmake_path
string(REPLACE "|" ";" objects "${OBJECTS}")
# As the glob names them: CMake's object paths can have a "./" in them.
set(OBJECTS "")
foreach(object IN LISTS objects)
  cmake_path(NORMAL_PATH object)
  list(APPEND OBJECTS "${object}")
endforeach()
file(GLOB_RECURSE fragments "${DIR}/*.faultline.json")
foreach(fragment IN LISTS fragments)
  cmake_path(NORMAL_PATH fragment)
  string(REGEX REPLACE "\\.faultline\\.json$" "" object "${fragment}")
  if(NOT object IN_LIST OBJECTS)
    message(STATUS "faultline: ignoring and removing ${fragment}: no object of the target")
    file(REMOVE "${fragment}")
  endif()
endforeach()

execute_process(COMMAND ${FAULTLINE} check --from-objects ${DIR} RESULT_VARIABLE status)
if(status EQUAL 1 AND WARN_ONLY)
  return()
endif()
if(NOT status EQUAL 0)
  # The diagnostics are above; a non-zero exit fails the build.
  message(FATAL_ERROR "faultline check --from-objects ${DIR} exited with ${status}")
endif()
