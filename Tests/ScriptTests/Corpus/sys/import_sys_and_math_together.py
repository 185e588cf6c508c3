import sys, math
print(math.sqrt(49))
print("err", file=sys.stderr)
from sys import stderr
print("also err", file=stderr)
print("done")
