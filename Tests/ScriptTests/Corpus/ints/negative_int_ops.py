n = -9223372036854775807
print(n - 1)
print(abs(n), -n, n * -1)
print(n // 10, n % 10, n >> 60, ~n)
print(n + 9223372036854775807)
