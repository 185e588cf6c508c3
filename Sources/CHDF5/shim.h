#ifndef BEAMTIME_CHDF5_SHIM_H
#define BEAMTIME_CHDF5_SHIM_H
#include <hdf5.h>

/* HDF5's type, property-list and flag macros call H5open() and do not import into Swift:
   these functions give Swift their values. */
static inline hid_t bt_h5t_native_double(void) { return H5T_NATIVE_DOUBLE; }
static inline hid_t bt_h5t_native_int64(void) { return H5T_NATIVE_INT64; }
static inline hid_t bt_h5t_native_uint8(void) { return H5T_NATIVE_UINT8; }
static inline hid_t bt_h5t_c_s1(void) { return H5T_C_S1; }
static inline size_t bt_h5t_variable(void) { return H5T_VARIABLE; }
static inline unsigned bt_h5f_acc_trunc(void) { return H5F_ACC_TRUNC; }
static inline unsigned bt_h5f_acc_excl(void) { return H5F_ACC_EXCL; }
static inline unsigned bt_h5f_acc_rdonly(void) { return H5F_ACC_RDONLY; }
static inline unsigned bt_h5f_acc_rdwr(void) { return H5F_ACC_RDWR; }
static inline unsigned bt_h5f_acc_swmr_write(void) { return H5F_ACC_SWMR_WRITE; }
static inline unsigned bt_h5f_acc_swmr_read(void) { return H5F_ACC_SWMR_READ; }
static inline hid_t bt_h5p_default(void) { return H5P_DEFAULT; }
static inline hid_t bt_h5p_dataset_create(void) { return H5P_DATASET_CREATE; }
static inline hid_t bt_h5p_file_access(void) { return H5P_FILE_ACCESS; }
static inline hid_t bt_h5p_link_create(void) { return H5P_LINK_CREATE; }
static inline hid_t bt_h5s_all(void) { return H5S_ALL; }
static inline hsize_t bt_h5s_unlimited(void) { return H5S_UNLIMITED; }
static inline H5F_libver_t bt_h5f_libver_latest(void) { return H5F_LIBVER_LATEST; }
/* Silences HDF5's own error printing: errors become Swift errors instead. */
static inline void bt_h5_quiet(void) { H5Eset_auto2(H5E_DEFAULT, NULL, NULL); }
#endif
