# Run at build time (cmake -P): writes OUTPUT, the faultline(1) man page,
# from `FAULTLINE --help` and each command's --help, verbatim.
#
#   cmake -DFAULTLINE=<faultline> -DVERSION=<x.y.z> -DOUTPUT=<faultline.1> -P ManPage.cmake

# roff: a line starting with '.' or '\'' is a request, a backslash an escape.
function(roff_verbatim text out)
  string(REPLACE "\\" "\\e" text "${text}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
  set(${out} ".nf\n${text}\n.fi\n" PARENT_SCOPE)
endfunction()

function(help_of out)
  execute_process(COMMAND ${FAULTLINE} ${ARGN} --help OUTPUT_VARIABLE help
                  RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${FAULTLINE} ${ARGN} --help failed")
  endif()
  string(STRIP "${help}" help)
  roff_verbatim("${help}" text)
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

string(TIMESTAMP date "%Y-%m-%d" UTC)
set(page ".TH FAULTLINE 1 \"${date}\" \"faultline ${VERSION}\" \"User Commands\"\n")
string(APPEND page ".SH NAME\nfaultline \\- lineage-driven fault injection for C++ protocols\n")
string(APPEND page ".SH SYNOPSIS\n.B faultline\n.I command\n[\\fIoptions\\fR]\n")
string(APPEND page ".SH DESCRIPTION\n"
  "faultline finds the fault scenarios (lost messages, crashed nodes) that break a "
  "distributed protocol's declared invariants, from the protocol's annotated C++ source or "
  "from a Dedalus program. The documentation is in share/doc/faultline under the installation prefix "
  "(README.md, user-guide.md, review.md, ci.md).\n")
help_of(text)
string(APPEND page ".SH OPTIONS\n${text}")
foreach(command check review extract print run ldfi)
  help_of(text ${command})
  string(APPEND page ".SH \"faultline ${command}\"\n${text}")
endforeach()
string(APPEND page ".SH \"EXIT STATUS\"\n"
  "0: no counterexample (or nothing introduced, for review); 1: a counterexample (review: a "
  "finding introduced); 2: bad input; 3: internal error.\n")
file(WRITE ${OUTPUT} "${page}")
