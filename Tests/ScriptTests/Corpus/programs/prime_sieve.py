def sieve(n):
    is_prime = [True] * (n + 1)
    is_prime[0] = is_prime[1] = False
    p = 2
    while p * p <= n:
        if is_prime[p]:
            for m in range(p * p, n + 1, p):
                is_prime[m] = False
        p += 1
    return [i for i, ok in enumerate(is_prime) if ok]
primes = sieve(200)
print(primes[:15])
print(len(primes), primes[-1], sum(primes))
twins = [(a, b) for a, b in zip(primes, primes[1:]) if b - a == 2]
print(twins[:6])
