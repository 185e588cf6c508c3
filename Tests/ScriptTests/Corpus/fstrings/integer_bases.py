n = 255
print(f"{n:x} {n:X} {n:o} {n:b}")
print(f"{n:#x} {n:#X} {n:#o} {n:#b}")
print(f"{n:08b}")
print(f"{n:#010x}")
print(f"{-n:x} {-n:#x}")
print(f"{0:x} {0:b}")
print(f"{5:d}")
