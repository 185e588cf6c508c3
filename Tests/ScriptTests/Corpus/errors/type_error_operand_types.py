count = 3
label = "points: "
print(label + str(count))
print(label + count)
