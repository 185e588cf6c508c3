items = [3, 1, 4, 1, 5, 9, 2, 6]
i = 0
total = 0
while i < len(items) and total + items[i] <= 10:
    total += items[i]
    i += 1
print(i, total)
stack = [1, 2, 3]
while stack:
    print("pop", stack.pop())
print(stack)
