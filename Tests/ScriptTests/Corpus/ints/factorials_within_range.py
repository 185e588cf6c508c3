f = 1
for i in range(1, 21):
    f *= i
    if i >= 15:
        print(i, f)
print(f // 2432902008176640000)
