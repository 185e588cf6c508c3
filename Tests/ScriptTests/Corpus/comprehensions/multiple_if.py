print([x for x in range(30) if x % 2 == 0 if x % 3 == 0])
print([x for x in range(20) if x > 5 if x < 12 if x != 8])
print([(a, b) for a in range(4) if a for b in range(4) if b > a])
