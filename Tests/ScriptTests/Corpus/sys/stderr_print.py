import sys
print("start")
print("warning: low beam current", file=sys.stderr)
for i in range(3):
    print("step", i)
    print("debug", i, file=sys.stderr)
print("end")
