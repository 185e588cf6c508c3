a = 9000000000000000000
b = 7
print(a // b, a % b, divmod(a, b))
print(-a // b, -a % b)
print(a / 3, a / 1000)
print(a // -1000000007, a % -1000000007)
