# Tight integer loop inside a function (locals): 10,000,000 iterations.
# Ints are 64-bit in the subset, and sum(i*i) over 10M overflows int64 (~3.3e20),
# so each term is reduced modulo a prime; the checksum stays well below 2**63.


def run(n):
    s = 0
    for i in range(n):
        s += i * i % 1_000_003
    return s


print(run(10_000_000))
