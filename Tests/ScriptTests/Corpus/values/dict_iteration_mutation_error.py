d = {"a": 1, "b": 2}
try:
    for k in d:
        d[k + k] = 0
except RuntimeError:
    print("RuntimeError: dict changed size during iteration")
print(len(d) > 2)
d2 = {"a": 1, "b": 2}
for k in d2:
    d2[k] = d2[k] * 10
print(d2)
