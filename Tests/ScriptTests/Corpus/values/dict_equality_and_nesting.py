a = {"x": 1, "y": {"z": [1, 2]}}
b = {"y": {"z": [1, 2]}, "x": 1}
print(a == b)
a["y"]["z"].append(3)
print(a, a == b)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
