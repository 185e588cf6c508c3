total = 10.0
n = 0
print("mean of", n, "values")
print(total / n)
