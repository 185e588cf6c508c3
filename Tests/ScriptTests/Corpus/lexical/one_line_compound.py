x = 3
if x > 2: print("big")
if x > 5: print("huge")
else: print("not huge")
for i in range(3): print("i", i)
def sq(n): return n * n
print(sq(7))
while x > 0: x -= 1
print(x)
