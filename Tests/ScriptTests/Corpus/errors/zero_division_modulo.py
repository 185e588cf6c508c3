a = 17
print(a % 5)
print(a % 0)
