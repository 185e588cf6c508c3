grid = [[1, 2], [3, 4]]
print([3, 4] in grid, 3 in grid, any(3 in row for row in grid))
print(grid.index([3, 4]), grid.count([1, 2]))
pairs = [("a", 1), ("b", 2)]
print(("b", 2) in pairs, ("b", 3) in pairs)
print(dict(pairs).get("b"))
