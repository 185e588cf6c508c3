d = {"x": 1, "y": 2, "z": 3}
print([k for k in d])
print([v * 10 for v in d.values()])
print([f"{k}={v}" for k, v in d.items()])
print([c for c in "Hello World" if c.isupper()])
print(["".join(reversed(w)) for w in "abc def".split()])
