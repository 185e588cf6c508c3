s = "python"
print(s[0], s[-1], s[2], s[-3])
print([c for c in s])
print(s[len(s) - 1])
try:
    s[10]
except IndexError:
    print("string index out of range")
try:
    s[0] = "P"
except TypeError:
    print("strings are immutable")
print("P" + s[1:])
