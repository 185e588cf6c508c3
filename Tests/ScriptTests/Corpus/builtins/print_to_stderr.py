import sys
print("to stdout")
print("to stderr", file=sys.stderr)
print("err", 1, 2, sep=",", end="\n", file=sys.stderr)
print("stdout again", file=sys.stdout)
