detector = "det1"
print("using", detector)
print("using", detecter)
