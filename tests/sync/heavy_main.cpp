#define BOOST_TEST_MODULE samla_sync_heavy
#include <boost/test/unit_test.hpp>
