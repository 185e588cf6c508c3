x = 3.14159
print(f"{x:08.2f}")
print(f"{-x:08.2f}")
print(f"{42:05d}")
print(f"{-42:05d}")
print(f"{42:05}")
print(f"{7:03}")
print(f"{x:010.4f}")
print(f"{1234567:012,}")
