print({x: x * x for x in range(5)})
words = ["a", "bb", "ccc", "dd"]
print({w: len(w) for w in words})
print({len(w): w for w in words})
d = {"a": 1, "b": 2, "c": 3}
print({v: k for k, v in d.items()})
print({k: v for k, v in d.items() if v != 2})
print({i: [j for j in range(i)] for i in range(4)})
