d = {"a": 1}
d.update({"b": 2})
d.update([("c", 3)])
d.update(d=4, a=10)
print(d)
e = d.copy()
e["a"] = -1
print(d["a"], e["a"])
print(d.popitem(), d)
print(d.popitem(), d)
d.clear()
print(d, len(d))
try:
    d.popitem()
except KeyError:
    print("popitem on empty dict")
