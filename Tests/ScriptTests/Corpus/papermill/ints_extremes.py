# Parameters
max_int = 9223372036854775807
min_int = -9223372036854775808
zero = 0
neg = -42
big = 1234567890123
neg_big = -9007199254740993

for v in [max_int, min_int, zero, neg, big, neg_big]:
    print(repr(v), type(v) is int)
print(max_int + min_int)
print(min_int // 2, max_int // 2)
