seen = {}
key = [1, 2]
print("using key", key)
seen[key] = True
