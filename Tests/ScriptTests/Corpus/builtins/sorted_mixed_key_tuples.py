people = [{"n": "ann", "a": 30}, {"n": "bob", "a": 25}, {"n": "cy", "a": 30}]
for p in sorted(people, key=lambda p: (-p["a"], p["n"])):
    print(p["n"], p["a"])
print(sorted([3, -1, 2, -5], key=lambda v: (v < 0, abs(v))))
print(sorted("Mississippi", key=lambda c: (c.lower(), c)))
