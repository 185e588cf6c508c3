a = [1, 2, 3]
b = a
c = a[:]
d = list(a)
e = a.copy()
a.append(4)
print(b, c, d, e)
grid = [[0] * 2 for _ in range(2)]
alias = grid[0]
alias[1] = 7
print(grid)
