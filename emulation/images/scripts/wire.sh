# gnf/wire: in and out joined by a Linux bridge; packets pass unmodified. No parameters.
. /gnf/lib.sh
gnf_wait_interfaces
gnf_bridge 0
gnf_line '{"gnf":"ready"}'
gnf_idle
