d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0))
print(d.setdefault("a", 100), d.setdefault("c", 3), d)
print(d.setdefault("n"), d)
print(d.pop("n"), d.pop("zz", "dflt"), d)
try:
    d.pop("zz")
except KeyError:
    print("pop missing without default")
print("a" in d, "zz" in d, 1 in d, "zz" not in d)
