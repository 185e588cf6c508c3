d = {"a": 1, "b": 2}
print(d)
for k in d:
    d[k * 2] = 0
