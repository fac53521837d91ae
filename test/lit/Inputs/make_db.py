"""Writes a compile_commands.json from a template: make_db.py TEMPLATE SRC ANNOTATIONS OUT.

@SRC@ becomes the folder of the test's sources and @ANN@ faultline's
annotations folder, so that the database names real absolute paths."""
import sys

template, src, annotations, out = sys.argv[1:5]
text = open(template).read().replace("@SRC@", src).replace("@ANN@", annotations)
with open(out, "w") as f:
    f.write(text)
