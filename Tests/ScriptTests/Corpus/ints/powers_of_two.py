for e in range(0, 63, 7):
    print(e, 2 ** e, 1 << e)
print(2 ** 62 + (2 ** 62 - 1))
print(-(2 ** 62) - 2 ** 62)
