queue = ["a"]
print(queue.pop())
print(queue.pop())
