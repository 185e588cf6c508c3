d = {"x": 1, "y": 2, "z": 3}
print(list(d.keys()), list(d.values()), list(d.items()))
ks = d.keys()
d["w"] = 4
print(list(ks))
print(len(d.items()), ("x", 1) in d.items(), "w" in d.keys(), 4 in d.values())
for k, v in d.items():
    print(k, v)
print(sorted(d.values(), reverse=True))
