print("importing")
from no_such_package_xyz import thing
