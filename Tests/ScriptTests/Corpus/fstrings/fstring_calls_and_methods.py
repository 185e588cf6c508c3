def twice(x):
    return x * 2
items = ["b", "a", "c"]
print(f"{twice(21)}")
print(f"{', '.join(sorted(items))}")
print(f"{len(items) * 10:>5}")
print(f"{'-'.join(str(i) for i in range(4))}")
print(f"{max(items, key=lambda s: s)!r}")
print(f"{items[-1].upper()}")
