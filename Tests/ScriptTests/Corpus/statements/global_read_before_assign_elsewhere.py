total = 100
def show():
    print("total is", total)
def change():
    global total
    total = 5
show()
change()
show()
