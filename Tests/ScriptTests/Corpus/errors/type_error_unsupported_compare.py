values = [3, 1, "2"]
print(len(values))
print(sorted(values))
