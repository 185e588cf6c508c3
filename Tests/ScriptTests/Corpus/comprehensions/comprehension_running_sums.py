data = [3, 1, 4, 1, 5, 9, 2, 6]
running = []
total = 0
for v in data:
    total += v
    running.append(total)
print(running)
print([sum(data[:i + 1]) for i in range(len(data))])
print([data[i] - data[i - 1] for i in range(1, len(data))])
