# lit configuration for faultline's tool tests.
import os
import lit.formats

config.name = "faultline"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".ded", ".test", ".cpp"]
config.excludes = ["Inputs", "lit.cfg.py", "lit.site.cfg.py.in"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.faultline_obj_root, "test", "lit")

config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.faultline_obj_root, config.environment.get("PATH", "")])
config.substitutions.append(("%faultline", os.path.join(config.faultline_obj_root, "faultline")))
config.substitutions.append(("%models", os.path.join(config.faultline_src_root, "test", "models")))
config.substitutions.append(
    ("%expect-exit", "python3 " + os.path.join(config.test_source_root, "Inputs", "expect_exit.py")))
config.substitutions.append(("%annotations", os.path.join(config.faultline_src_root, "annotations")))
# The frontend's own flags for a test translation unit (a fixed compilation
# database, as clang-tidy takes one after `--`).
config.substitutions.append(
    ("%cxxflags", "-std=c++17 -I" + os.path.join(config.faultline_src_root, "annotations")))
config.substitutions.append(("%build", config.faultline_obj_root))
config.substitutions.append(("%version", config.faultline_version))
# Longest first: lit substitutes in order, and %examples is a prefix.
config.substitutions.append(
    ("%examples-bin", os.path.join(config.faultline_obj_root, "examples")))
config.substitutions.append(("%examples", os.path.join(config.faultline_src_root, "examples")))

# The clang plugin, where the build has it (not in sanitizer builds: a
# plugin must match the clang-19 that loads it).
plugin = os.path.join(config.faultline_obj_root, "faultline-plugin.so")
if os.path.exists(plugin):
    config.available_features.add("plugin")
config.substitutions.append(("%plugin", plugin))
config.substitutions.append(("%clangxx", os.path.join(config.llvm_tools_dir, "clang++")))
# A compilation database for the project inputs: %makedb TEMPLATE SRC OUT.
config.substitutions.append(
    ("%makedb", "python3 " + os.path.join(config.test_source_root, "Inputs", "make_db.py")))
# The sanitizer build runs everything several times slower: the tests that
# read this repository's whole compilation database run in the release build.
if config.faultline_sanitize:
    config.available_features.add("asan")
# JSON-schema validation of the SARIF and rdjson writers, with Debian's
# python3-jsonschema (installed for the system python) and the official
# schemas vendored in Inputs/schemas.
config.substitutions.append(
    ("%validate-json", "/usr/bin/python3 " + os.path.join(config.test_source_root, "Inputs", "validate_json.py")))
config.substitutions.append(("%schemas", os.path.join(config.test_source_root, "Inputs", "schemas")))

# Debian's Chromium, for the tests that load an HTML report in a real
# browser (scripts/setup installs it); without it they are UNSUPPORTED.
chromium = "/usr/bin/chromium"
if os.access(chromium, os.X_OK):
    config.available_features.add("chromium")
else:
    lit_config.note("no " + chromium + ": the browser tests of the HTML report are skipped "
                    "(scripts/setup installs Debian's chromium package)")
# Headless, as a container allows: no sandbox, no GPU, no first-run chores.
config.substitutions.append(
    ("%chromium", chromium + " --headless --no-sandbox --disable-gpu --no-first-run "
     "--disable-dev-shm-usage --hide-scrollbars"))
