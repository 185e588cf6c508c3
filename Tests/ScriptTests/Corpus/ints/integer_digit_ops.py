def digits(n):
    out = []
    n = abs(n)
    while n:
        n, d = divmod(n, 10)
        out.append(d)
    return out[::-1] or [0]
print(digits(9223372036854775807))
print(sum(digits(1234567890)), digits(0), digits(-405))
def reverse_int(n):
    return int(str(n)[::-1])
print(reverse_int(123456789), reverse_int(1200))
