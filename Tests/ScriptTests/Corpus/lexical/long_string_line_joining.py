msg = ("The quick brown fox "
       "jumps over "
       "the lazy dog")
words = msg.split()
print(len(words), words[-1])
query = "SELECT * " \
        "FROM t " \
        "WHERE x > 1"
print(query)
