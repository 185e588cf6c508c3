print([(i, j) for i in range(3) for j in range(2)])
print([i * j for i in range(1, 4) for j in range(i)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([v for row in matrix for v in row])
print([[row[i] for row in matrix] for i in range(3)])
print([c + d for c in "ab" for d in "12" if c != "b" or d != "2"])
