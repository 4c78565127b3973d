#define BOOST_TEST_MODULE samlactl_e2e
#include <boost/test/unit_test.hpp>
