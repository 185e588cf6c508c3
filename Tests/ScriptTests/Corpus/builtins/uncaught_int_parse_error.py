values = ["12", "7", "x9"]
total = 0
for v in values:
    print("parsing", v)
    total += int(v)
print(total)
