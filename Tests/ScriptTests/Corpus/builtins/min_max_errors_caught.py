try:
    max([])
except ValueError:
    print("max of empty")
try:
    min()
except TypeError:
    print("min with no args")
try:
    max(1, "a")
except TypeError:
    print("uncomparable")
print(max([], default="ok"))
