#ifndef BEAMTIME_CHDF5_H
#define BEAMTIME_CHDF5_H
#include <hdf5.h>

/* libhdf5 is loaded with dlopen on first use (lazy_hdf5.c), not linked: Debian's build pulls
   in libcurl and some forty libraries, which would slow every start of the kernel. The HDF5
   functions Beamtime calls are defined there as forwarders to the loaded library. */

/* Whether libhdf5 could be loaded (call before anything else). */
int bt_hdf5_available(void);

/* HDF5's type, property-list and flag macros call H5open() and read library globals; they
   do not import into Swift. These give Swift their values. */
hid_t bt_h5t_native_double(void);
hid_t bt_h5t_native_int64(void);
hid_t bt_h5t_native_uint8(void);
hid_t bt_h5t_c_s1(void);
size_t bt_h5t_variable(void);
unsigned bt_h5f_acc_trunc(void);
unsigned bt_h5f_acc_excl(void);
unsigned bt_h5f_acc_rdonly(void);
unsigned bt_h5f_acc_rdwr(void);
unsigned bt_h5f_acc_swmr_write(void);
unsigned bt_h5f_acc_swmr_read(void);
hid_t bt_h5p_default(void);
hid_t bt_h5p_dataset_create(void);
hid_t bt_h5p_file_access(void);
hid_t bt_h5p_link_create(void);
hid_t bt_h5s_all(void);
hsize_t bt_h5s_unlimited(void);
H5F_libver_t bt_h5f_libver_latest(void);
/* Silences HDF5's own error printing: errors become Swift errors instead. */
void bt_h5_quiet(void);
#endif
