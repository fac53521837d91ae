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
# In faultline's own build the plugin and the tool are its targets; a project
# using an installed faultline sets FAULTLINE_PLUGIN (faultline-plugin.so)
# and FAULTLINE_EXECUTABLE (faultline) before calling it.

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
  if(ARG_WARN_ONLY)
    set(check sh -c "\"$0\" check --from-objects \"$1\" || test $? -eq 1" ${exe} ${objects})
  else()
    set(check ${exe} check --from-objects ${objects})
  endif()
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND ${check}
    COMMENT "faultline: checking the scenarios of ${target}"
    VERBATIM)
endfunction()
