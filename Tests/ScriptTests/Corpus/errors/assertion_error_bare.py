items = []
print("items:", items)
assert items
