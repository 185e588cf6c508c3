counts = [4, 0]
print(100 // counts[0])
print(100 // counts[1])
