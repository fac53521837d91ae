"""Writes BUILD/compile_commands.json for the relay sources in SRC (argument
lists, so that paths with spaces, '#' and '%' need no quoting):

    make_repo_db.py SRC ANNOTATIONS BUILD"""
import json
import os
import sys

src, annotations, build = sys.argv[1:4]
os.makedirs(build, exist_ok=True)
commands = [{"directory": build, "file": os.path.join(src, name),
             "arguments": ["clang++", "-std=c++17", "-I" + annotations, "-c",
                           os.path.join(src, name), "-o", name + ".o"]}
            for name in ("relay_node.cpp", "sink.cpp", "scenarios.cpp")]
with open(os.path.join(build, "compile_commands.json"), "w") as f:
    json.dump(commands, f, indent=2)
