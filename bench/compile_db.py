"""What the benchmarks share about compile_commands.json entries."""
import shlex


def clang_command(entry):
    """The entry's compile command for clang++-19, without -c and -o (the
    caller adds -fsyntax-only, or -c -o to a scratch file)."""
    args = entry.get("arguments") or shlex.split(entry["command"])
    out = ["clang++-19"]
    skip = False
    for a in args[1:]:
        if skip:
            skip = False
            continue
        if a == "-o":
            skip = True
            continue
        if a == "-c":
            continue
        out.append(a)
    return out
