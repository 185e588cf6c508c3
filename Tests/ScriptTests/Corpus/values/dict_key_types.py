d = {1: "int", "1": "str", (1, 2): "tuple", None: "none", 2.5: "float"}
print(d[1], d["1"], d[(1, 2)], d[None], d[2.5])
e = {1: "a"}
e[1.0] = "b"
e[True] = "c"
print(e)
print({0: "zero", False: "false", 0.0: "z"})
try:
    {[1]: 2}
except TypeError:
    print("list is unhashable")
