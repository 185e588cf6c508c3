import sys
print("a", "b", sep="+", end="", file=sys.stderr)
print(file=sys.stderr)
print("stdout only", 42)
