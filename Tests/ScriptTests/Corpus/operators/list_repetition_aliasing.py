grid = [[]] * 3
grid[0].append(1)
print(grid)
good = [[] for _ in range(3)]
good[0].append(1)
print(good)
row = [0] * 3
row[1] = 5
print(row)
m = [[0] * 2] * 2
m[0][0] = 9
print(m)
