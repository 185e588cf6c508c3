print(", ".join(["a", "b", "c"]))
print("".join(["x", "y"]))
print("-".join("abc"))
print(" ".join([]))
print("|".join(("1",)))
print("\n".join(str(i) for i in range(3)))
print(", ".join(sorted({"b": 1, "a": 2})))
try:
    ",".join([1, 2])
except TypeError:
    print("join needs strings")
