d = {}
d["b"] = 1
d["a"] = 2
d["c"] = 3
print(d)
d["b"] = 10
print(d)
del d["b"]
print(d)
d["b"] = 100
print(d)
d.pop("a")
d["a"] = 0
print(list(d), d)
