big = 2 ** 53
print(big == float(big))
print(big + 1 == float(big + 1))
print(big + 1 > float(big))
print(big + 1 < big + 2.0)
print(9223372036854775807 == 9223372036854775807.0)
print(9223372036854775807 < 9223372036854775808.0)
print(float(9223372036854775807))
print(2 ** 53 + 1 == 2.0 ** 53)
