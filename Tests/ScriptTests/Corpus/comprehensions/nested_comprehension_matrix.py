n = 4
identity = [[1 if i == j else 0 for j in range(n)] for i in range(n)]
for row in identity:
    print(row)
table = [[i * j for j in range(1, 4)] for i in range(1, 4)]
print(table)
flat = [x for row in table for x in row if x % 2 == 0]
print(flat)
