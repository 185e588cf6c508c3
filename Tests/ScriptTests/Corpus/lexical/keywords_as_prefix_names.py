# Identifiers that start with keywords are ordinary names
iffy = 1
format_ = 2
import_ok = 3
in_ = 4
notes = 5
orange = 6
andy = 7
print(iffy + format_ + import_ok + in_ + notes + orange + andy)
True_ = False
print(True_)
