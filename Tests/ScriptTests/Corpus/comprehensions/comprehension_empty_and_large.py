print([x for x in range(0)])
print({x: x for x in ""})
big = [i for i in range(10000)]
print(len(big), big[-1], sum(big))
print(len({i % 7 for i in range(1000)}))
