def naturals():
    n = 0
    while True:
        yield n
        n += 1
for n in naturals():
    if n * n > 50:
        print("first square over 50 from", n)
        break
def take(k, it):
    out = []
    for x in it:
        if len(out) == k:
            break
        out.append(x)
    return out
print(take(5, naturals()))
evens = (n for n in naturals() if n % 2 == 0)
print(next(evens), next(evens), next(evens))
