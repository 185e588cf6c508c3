d = {"a": 1, "b": [2]}
print(d.keys())
print(d.values())
print(d.items())
print({}.keys())
