# faultline_check(): faultline in a target's build, as a clang plugin.
#
#   faultline_check(<target> [WARN_ONLY])
#
# compiles <target>'s sources with faultline's clang plugin (the target must
# be built by clang-19: the plugin loads into it), which reports problems
# with the annotated code as warnings during each compile (errors under
# -Werror) and writes each TU's extraction next to its object file. Once
# <target> is built, `faultline check --from-objects` links those and
# searches every scenario, without parsing anything again; a counterexample
# fails the build unless WARN_ONLY is given.
#
# In faultline's own build the plugin and the tool are its targets; in a
# project using an installed faultline, find_package(faultline CONFIG) sets
# FAULTLINE_PLUGIN and FAULTLINE_EXECUTABLE (or set them by hand to the
# plugin, faultline-plugin.so, and the tool before calling it).

set(FAULTLINE_CHECK_OBJECTS_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/FaultlineCheckObjects.cmake)

function(faultline_check target)
  cmake_parse_arguments(ARG "WARN_ONLY" "" "" ${ARGN})
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "faultline_check(${target}): the faultline plugin loads into clang; "
                        "configure with -DCMAKE_CXX_COMPILER=clang++-19")
  endif()
  if(FAULTLINE_PLUGIN)
    set(plugin ${FAULTLINE_PLUGIN})
  elseif(TARGET faultline-plugin)
    set(plugin $<TARGET_FILE:faultline-plugin>)
    add_dependencies(${target} faultline-plugin)
  else()
    message(FATAL_ERROR "faultline_check(${target}): set FAULTLINE_PLUGIN to faultline-plugin.so")
  endif()
  if(FAULTLINE_EXECUTABLE)
    set(exe ${FAULTLINE_EXECUTABLE})
  elseif(TARGET faultline)
    set(exe $<TARGET_FILE:faultline>)
    add_dependencies(${target} faultline)
  else()
    message(FATAL_ERROR "faultline_check(${target}): set FAULTLINE_EXECUTABLE to faultline")
  endif()
  target_compile_options(${target} PRIVATE -fplugin=${plugin})
  # Where CMake puts the target's objects, and so the plugin its extractions.
  set(objects ${CMAKE_CURRENT_BINARY_DIR}/CMakeFiles/${target}.dir)
  # The extractions are the target's objects' (a source removed from the
  # target leaves its old one behind, which must not be checked); the
  # clean target removes them with the objects.
  set(fragments "$<JOIN:$<TARGET_OBJECTS:${target}>,.faultline.json;>.faultline.json")
  set_property(TARGET ${target} APPEND PROPERTY ADDITIONAL_CLEAN_FILES "${fragments}")
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND ${CMAKE_COMMAND} -DFAULTLINE=${exe} -DDIR=${objects}
            "-DOBJECTS=$<JOIN:$<TARGET_OBJECTS:${target}>,|>" -DWARN_ONLY=${ARG_WARN_ONLY}
            -P ${FAULTLINE_CHECK_OBJECTS_SCRIPT}
    COMMENT "faultline: checking the scenarios of ${target}"
    VERBATIM)
endfunction()
