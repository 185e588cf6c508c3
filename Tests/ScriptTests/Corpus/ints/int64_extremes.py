big = 9223372036854775807
print(big, -big, big - 1)
low = -big - 1
print(low, low + 1, low // 2)
print(repr(big), str(low), len(str(big)))
print(big % 1000, low % 1000)
print(hex(big), hex(low + 1))
print(big > 10 ** 18, low < -10 ** 18)
