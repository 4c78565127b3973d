#define BOOST_TEST_MODULE samla_sync
#include <boost/test/unit_test.hpp>
