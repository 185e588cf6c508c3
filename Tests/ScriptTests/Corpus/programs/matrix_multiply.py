def matmul(a, b):
    rows, inner, cols = len(a), len(b), len(b[0])
    return [[sum(a[i][k] * b[k][j] for k in range(inner)) for j in range(cols)] for i in range(rows)]
def transpose(m):
    return [list(col) for col in zip(*m)]
A = [[1, 2, 3], [4, 5, 6]]
B = [[7, 8], [9, 10], [11, 12]]
C = matmul(A, B)
for row in C:
    print(row)
print(transpose(A))
I = [[1 if i == j else 0 for j in range(2)] for i in range(2)]
print(matmul(C, I) == C)
print(matmul([[0.5, 0], [0, 2]], [[2.0], [0.25]]))
