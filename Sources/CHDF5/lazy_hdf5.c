#include "chdf5.h"
#include <dlfcn.h>
#include <stddef.h>

/* The loaded library (NULL if it cannot be found). */
static void *bt_hdf5_library(void) {
    static void *handle = NULL;
    static int tried = 0;
    if (!tried) {
        tried = 1;
        const char *names[] = {"libhdf5_serial.so.103", "libhdf5_serial.so", "libhdf5.so.103", "libhdf5.so"};
        for (size_t i = 0; i < sizeof names / sizeof names[0] && handle == NULL; i++) {
            handle = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
        }
    }
    return handle;
}

int bt_hdf5_available(void) { return bt_hdf5_library() != NULL; }

/* Defines `name` with HDF5's signature, forwarding to the library's own function. */
#define FORWARD(ret, name, params, args) \
    ret name params { \
        static ret (*real) params = NULL; \
        if (real == NULL) real = (ret (*) params) dlsym(bt_hdf5_library(), #name); \
        return real args; \
    }

FORWARD(herr_t, H5Aclose, (hid_t attr_id), (attr_id))
FORWARD(hid_t, H5Acreate2, (hid_t loc_id, const char *attr_name, hid_t type_id, hid_t space_id, hid_t acpl_id, hid_t aapl_id), (loc_id, attr_name, type_id, space_id, acpl_id, aapl_id))
FORWARD(herr_t, H5Adelete, (hid_t loc_id, const char *attr_name), (loc_id, attr_name))
FORWARD(htri_t, H5Aexists, (hid_t obj_id, const char *attr_name), (obj_id, attr_name))
FORWARD(hid_t, H5Aget_space, (hid_t attr_id), (attr_id))
FORWARD(hid_t, H5Aopen, (hid_t obj_id, const char *attr_name, hid_t aapl_id), (obj_id, attr_name, aapl_id))
FORWARD(herr_t, H5Aread, (hid_t attr_id, hid_t type_id, void *buf), (attr_id, type_id, buf))
FORWARD(herr_t, H5Awrite, (hid_t attr_id, hid_t type_id, const void *buf), (attr_id, type_id, buf))
FORWARD(herr_t, H5Dclose, (hid_t dset_id), (dset_id))
FORWARD(hid_t, H5Dcreate2, (hid_t loc_id, const char *name, hid_t type_id, hid_t space_id, hid_t lcpl_id, hid_t dcpl_id, hid_t dapl_id), (loc_id, name, type_id, space_id, lcpl_id, dcpl_id, dapl_id))
FORWARD(herr_t, H5Dflush, (hid_t dset_id), (dset_id))
FORWARD(hid_t, H5Dget_space, (hid_t dset_id), (dset_id))
FORWARD(hid_t, H5Dget_type, (hid_t dset_id), (dset_id))
FORWARD(hid_t, H5Dopen2, (hid_t loc_id, const char *name, hid_t dapl_id), (loc_id, name, dapl_id))
FORWARD(herr_t, H5Dread, (hid_t dset_id, hid_t mem_type_id, hid_t mem_space_id, hid_t file_space_id, hid_t dxpl_id, void *buf), (dset_id, mem_type_id, mem_space_id, file_space_id, dxpl_id, buf))
FORWARD(herr_t, H5Drefresh, (hid_t dset_id), (dset_id))
FORWARD(herr_t, H5Dset_extent, (hid_t dset_id, const hsize_t size[]), (dset_id, size))
FORWARD(herr_t, H5Dvlen_reclaim, (hid_t type_id, hid_t space_id, hid_t dxpl_id, void *buf), (type_id, space_id, dxpl_id, buf))
FORWARD(herr_t, H5Dwrite, (hid_t dset_id, hid_t mem_type_id, hid_t mem_space_id, hid_t file_space_id, hid_t dxpl_id, const void *buf), (dset_id, mem_type_id, mem_space_id, file_space_id, dxpl_id, buf))
FORWARD(herr_t, H5Fclose, (hid_t file_id), (file_id))
FORWARD(hid_t, H5Fcreate, (const char *filename, unsigned flags, hid_t fcpl_id, hid_t fapl_id), (filename, flags, fcpl_id, fapl_id))
FORWARD(herr_t, H5Fflush, (hid_t object_id, H5F_scope_t scope), (object_id, scope))
FORWARD(hid_t, H5Fopen, (const char *filename, unsigned flags, hid_t fapl_id), (filename, flags, fapl_id))
FORWARD(herr_t, H5Fstart_swmr_write, (hid_t file_id), (file_id))
FORWARD(herr_t, H5Gclose, (hid_t group_id), (group_id))
FORWARD(hid_t, H5Gcreate2, (hid_t loc_id, const char *name, hid_t lcpl_id, hid_t gcpl_id, hid_t gapl_id), (loc_id, name, lcpl_id, gcpl_id, gapl_id))
FORWARD(herr_t, H5Gget_info, (hid_t loc_id, H5G_info_t *ginfo), (loc_id, ginfo))
FORWARD(hid_t, H5Gopen2, (hid_t loc_id, const char *name, hid_t gapl_id), (loc_id, name, gapl_id))
FORWARD(herr_t, H5Lcreate_soft, (const char *link_target, hid_t link_loc_id, const char *link_name, hid_t lcpl_id, hid_t lapl_id), (link_target, link_loc_id, link_name, lcpl_id, lapl_id))
FORWARD(htri_t, H5Lexists, (hid_t loc_id, const char *name, hid_t lapl_id), (loc_id, name, lapl_id))
FORWARD(ssize_t, H5Lget_name_by_idx, (hid_t loc_id, const char *group_name, H5_index_t idx_type, H5_iter_order_t order, hsize_t n, char *name , size_t size, hid_t lapl_id), (loc_id, group_name, idx_type, order, n, name, size, lapl_id))
FORWARD(herr_t, H5Pclose, (hid_t plist_id), (plist_id))
FORWARD(hid_t, H5Pcreate, (hid_t cls_id), (cls_id))
FORWARD(herr_t, H5Pset_chunk, (hid_t plist_id, int ndims, const hsize_t dim[]), (plist_id, ndims, dim))
FORWARD(herr_t, H5Pset_deflate, (hid_t plist_id, unsigned level), (plist_id, level))
FORWARD(herr_t, H5Pset_libver_bounds, (hid_t plist_id, H5F_libver_t low, H5F_libver_t high), (plist_id, low, high))
FORWARD(herr_t, H5Sclose, (hid_t space_id), (space_id))
FORWARD(hid_t, H5Screate, (H5S_class_t type), (type))
FORWARD(hid_t, H5Screate_simple, (int rank, const hsize_t dims[], const hsize_t maxdims[]), (rank, dims, maxdims))
FORWARD(int, H5Sget_simple_extent_dims, (hid_t space_id, hsize_t dims[], hsize_t maxdims[]), (space_id, dims, maxdims))
FORWARD(int, H5Sget_simple_extent_ndims, (hid_t space_id), (space_id))
FORWARD(hssize_t, H5Sget_simple_extent_npoints, (hid_t space_id), (space_id))
FORWARD(herr_t, H5Sselect_hyperslab, (hid_t space_id, H5S_seloper_t op, const hsize_t start[], const hsize_t stride[], const hsize_t count[], const hsize_t block[]), (space_id, op, start, stride, count, block))
FORWARD(herr_t, H5Tclose, (hid_t type_id), (type_id))
FORWARD(hid_t, H5Tcopy, (hid_t type_id), (type_id))
FORWARD(H5T_class_t, H5Tget_class, (hid_t type_id), (type_id))
FORWARD(herr_t, H5Tset_cset, (hid_t type_id, H5T_cset_t cset), (type_id, cset))
FORWARD(herr_t, H5Tset_size, (hid_t type_id, size_t size), (type_id, size))
FORWARD(herr_t, H5Eset_auto2, (hid_t estack_id, H5E_auto2_t func, void *client_data), (estack_id, func, client_data))
FORWARD(herr_t, H5open, (void), ())

/* A library global (type and property-list class ids), after H5open(). */
static hid_t bt_global_id(const char *name) {
    H5open();
    hid_t *value = (hid_t *)dlsym(bt_hdf5_library(), name);
    return value ? *value : (hid_t)-1;
}

hid_t bt_h5t_native_double(void) { return bt_global_id("H5T_NATIVE_DOUBLE_g"); }
hid_t bt_h5t_native_int64(void) { return bt_global_id("H5T_NATIVE_INT64_g"); }
hid_t bt_h5t_native_uint8(void) { return bt_global_id("H5T_NATIVE_UINT8_g"); }
hid_t bt_h5t_c_s1(void) { return bt_global_id("H5T_C_S1_g"); }
size_t bt_h5t_variable(void) { return H5T_VARIABLE; }
/* H5F_ACC_* call H5check_version() through H5CHECK: their values, from H5Fpublic.h. */
unsigned bt_h5f_acc_trunc(void) { return 0x0002u; }
unsigned bt_h5f_acc_excl(void) { return 0x0004u; }
unsigned bt_h5f_acc_rdonly(void) { return 0x0000u; }
unsigned bt_h5f_acc_rdwr(void) { return 0x0001u; }
unsigned bt_h5f_acc_swmr_write(void) { return 0x0020u; }
unsigned bt_h5f_acc_swmr_read(void) { return 0x0040u; }
hid_t bt_h5p_default(void) { return H5P_DEFAULT; }
hid_t bt_h5p_dataset_create(void) { return bt_global_id("H5P_CLS_DATASET_CREATE_ID_g"); }
hid_t bt_h5p_file_access(void) { return bt_global_id("H5P_CLS_FILE_ACCESS_ID_g"); }
hid_t bt_h5p_link_create(void) { return bt_global_id("H5P_CLS_LINK_CREATE_ID_g"); }
hid_t bt_h5s_all(void) { return H5S_ALL; }
hsize_t bt_h5s_unlimited(void) { return H5S_UNLIMITED; }
H5F_libver_t bt_h5f_libver_latest(void) { return H5F_LIBVER_LATEST; }
void bt_h5_quiet(void) { H5Eset_auto2(H5E_DEFAULT, NULL, NULL); }
