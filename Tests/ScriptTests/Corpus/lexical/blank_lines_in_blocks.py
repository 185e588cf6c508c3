def f():

    a = 1

    b = 2
    
    return a + b


print(f())
for i in range(2):

    print(i)

print("done")
