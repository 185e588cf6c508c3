print(dict())
print(dict(a=1, b=2))
print(dict([("a", 1), ("b", 2)]))
print(dict({"a": 1}, b=2))
print(dict(zip(["x", "y"], [1, 2])))
print(dict([["k", "v"], ("k2", "v2")]))
print(dict([("a", 1), ("a", 2)]))
d = {"q": 1}
e = dict(d)
e["q"] = 2
print(d, e)
print(dict.fromkeys("ab"), dict.fromkeys([1, 2], 0))
