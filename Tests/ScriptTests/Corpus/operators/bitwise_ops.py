a = 0b1100
b = 0b1010
print(a & b, a | b, a ^ b, ~a)
print(bin(a & b), bin(a | b), bin(a ^ b))
print(-12 & 10, -12 | 10, -12 ^ 10)
print(~0, ~-1, ~255)
print(0x7FFFFFFFFFFFFFFF & 0xFF, 0x7FFFFFFFFFFFFFFF ^ 1)
print(True & False, True | False, True ^ True)
print(type(True & True))
