def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)
def lcm(a, b):
    return a // gcd(a, b) * b
def add_frac(p, q):
    n = p[0] * q[1] + q[0] * p[1]
    d = p[1] * q[1]
    g = gcd(n, d)
    return (n // g, d // g)
print(gcd(462, 1071), lcm(4, 6), lcm(21, 6))
total = (0, 1)
for k in range(1, 11):
    total = add_frac(total, (1, k))
print(total, total[0] / total[1])
