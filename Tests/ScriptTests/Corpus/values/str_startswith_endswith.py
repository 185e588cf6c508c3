name = "scan_0042.h5"
print(name.startswith("scan"), name.startswith("SCAN"), name.endswith(".h5"))
print(name.endswith((".h5", ".nxs")), name.startswith(("x", "y")))
print(name.startswith("0042", 5), name.endswith("scan", 0, 4))
print("".startswith(""), "abc".startswith(""), "abc".endswith(""))
