s = "abc"
t = s
s += "d"
print(s, t)
parts = []
for i in range(5):
    parts.append(str(i * i))
print(",".join(parts))
print("".join(reversed("abc")) + "abc"[::-1])
print(s.upper(), s)
