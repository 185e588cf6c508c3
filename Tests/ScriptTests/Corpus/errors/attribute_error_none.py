def find(items, key):
    for it in items:
        if it == key:
            return it
result = find(["a", "b"], "z")
print("result is", result)
print(result.upper())
