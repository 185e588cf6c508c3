for n in [0, 1, 5, 255, 256, 2 ** 40, 9223372036854775807]:
    print(n, n.bit_length(), bin(n).count("1"))
print((-5).bit_length())
